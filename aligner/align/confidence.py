"""How sure the aligner is of each unit: a probability that the unit is right.

The search picks beads by their gain, which includes the post's layout habit (a translation
follows its source), so a bead that rests on layout alone, or that narrowly beat a neighbour,
gains almost as much as a well-evidenced one. The confidence instead weighs what the bead's own
words say against its best rival:

- a pair: its gain without the layout term (for a merge, also each part's own gain, since a
  part that brings nothing is a doubtful part), less the best gain of the same paragraphs
  paired with a near neighbour instead (or zero, the gain of leaving them unpaired);
- a paragraph left alone: the chance that none of its near neighbours on the other side is
  its translation, from the best of those pairs' gains.

The logistic of that margin is the score: 0.5 when the evidence is even, near 1 when the
bead's words settle it. Pairs are scored in one batch (see ``pair_gains``), so the numpy
scorer of long posts serves here too.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...], float]
PairGains = Callable[[list[tuple[int, int]]], list[float]]

# How far, in paragraphs of the other side, a rival of a bead or of a lone paragraph is sought.
RIVAL_REACH = 2


def logistic(x: float) -> float:
    """1 / (1 + e^-x), clipped so that no gain overflows it."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _window(centre_low: int, centre_high: int, size: int) -> range:
    return range(max(0, centre_low - RIVAL_REACH), min(size, centre_high + RIVAL_REACH + 1))


def _bead_rivals(bead: Bead, n_src: int, n_tgt: int) -> list[tuple[int, int]]:
    """One-to-one pairs that compete with the bead: each of its paragraphs with a near
    paragraph of the other side that the bead does not hold."""
    src_ids, tgt_ids, _ = bead
    rivals = [(i, j) for i in src_ids for j in _window(tgt_ids[0], tgt_ids[-1], n_tgt) if j not in tgt_ids]
    rivals += [(i, j) for j in tgt_ids for i in _window(src_ids[0], src_ids[-1], n_src) if i not in src_ids]
    return rivals


def _bead_parts(bead: Bead) -> list[tuple[int, int]]:
    """The one-to-one pairs inside a merge (none for a one-to-one bead)."""
    src_ids, tgt_ids, _ = bead
    if len(src_ids) + len(tgt_ids) <= 2:
        return []
    return [(i, j) for i in src_ids for j in tgt_ids]


def bead_confidences(beads: Sequence[Bead], own_gains: Sequence[float], n_src: int, n_tgt: int,
                     pair_gains: PairGains) -> list[float]:
    """The probability that each bead is right (see the module's docstring). ``own_gains``:
    each bead's gain without the layout term."""
    asks = [(_bead_rivals(b, n_src, n_tgt), _bead_parts(b)) for b in beads]
    flat = [pair for rivals, parts in asks for pair in rivals + parts]
    gains = iter(pair_gains(flat))
    scores = []
    for own, (rivals, parts) in zip(own_gains, asks):
        rival = max([next(gains) for _ in rivals], default=0.0)
        weakest_part = min([next(gains) for _ in parts], default=own)
        scores.append(logistic(min(own, weakest_part) - max(rival, 0.0)))
    return scores


def lone_confidences(lone: Sequence[int], positions: Sequence[int], other_positions: Sequence[int],
                     pair_gains: PairGains, lone_is_src: bool) -> list[float]:
    """The probability that each lone paragraph (ids into its side, whose document positions are
    ``positions``) has no counterpart among the near paragraphs of the other side."""
    asks = []
    for k in lone:
        at = bisect_left(other_positions, positions[k])
        near = _window(at - 1, at, len(other_positions))
        asks.append([(k, j) if lone_is_src else (j, k) for j in near])
    gains = iter(pair_gains([pair for pairs in asks for pair in pairs]))
    return [logistic(-max([next(gains) for _ in pairs], default=-4.0)) for pairs in asks]
