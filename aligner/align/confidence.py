"""How sure the aligner is of each unit: a probability that the unit is right.

The search picks beads by their gain, which includes the post's layout habit (a translation
follows its source), so a bead that rests on layout alone, or that narrowly beat a neighbour,
gains almost as much as a well-evidenced one. The confidence instead weighs what the bead's own
words say against its best rival:

- a pair: its gain without the layout term (for a merge, at most what each part adds to the
  rest of it, since a part that brings nothing is a doubtful part), less the best gain of the
  same paragraphs paired with a near neighbour instead (or zero, the gain of leaving them
  unpaired);
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


def _bead_parts(bead: Bead) -> list[list[tuple[int, int]]]:
    """For each paragraph of a merge, the one-to-one pairs of the rest of the merge without it
    (none for a one-to-one bead): what the bead would still hold if that part were wrong."""
    src_ids, tgt_ids, _ = bead
    if len(src_ids) + len(tgt_ids) <= 2:
        return []
    rests = [[(i, j) for i in src_ids if i != x for j in tgt_ids] for x in src_ids if len(src_ids) > 1]
    rests += [[(i, j) for i in src_ids for j in tgt_ids if j != y] for y in tgt_ids if len(tgt_ids) > 1]
    return rests


# Per side, each paragraph that has an identical copy on its side: paragraph → every paragraph
# of that text in order, itself included (one list, shared by all of them).
Copies = tuple[dict[int, list[int]], dict[int, list[int]]]


def copies_of(src_texts: Sequence[str], tgt_texts: Sequence[str]) -> Copies:
    """The paragraphs of each side whose text occurs more than once on that side. One list per
    text, not one per paragraph: a line repeated in every section of a book would otherwise
    make a list of all the others for each of its thousands of copies."""
    def side(texts: Sequence[str]) -> dict[int, list[int]]:
        where: dict[str, list[int]] = {}
        for k, text in enumerate(texts):
            where.setdefault(text, []).append(k)
        return {k: ids for ids in where.values() if len(ids) > 1 for k in ids}
    return side(src_texts), side(tgt_texts)


class _LoneCopies:
    """The copies of each repeated text that no bead holds, found once per text."""

    def __init__(self, copies: Copies, holders: tuple[dict[int, int], dict[int, int]]) -> None:
        self.copies, self.holders = copies, holders
        self.found: dict[tuple[int, int], list[int]] = {}

    def of(self, side: int, paragraph: int) -> list[int]:
        group = self.copies[side].get(paragraph)
        if group is None:
            return []
        key = (side, group[0])
        if key not in self.found:
            self.found[key] = [c for c in group if c not in self.holders[side]]
        return self.found[key]


def _lone_copy_rivals(bead: Bead, lone_copies: _LoneCopies) -> list[tuple[int, int]]:
    """A one-to-one bead's paragraph paired with an identical copy of the other paragraph that
    no bead holds: the words cannot tell the copies apart (a post quoting an earlier one), so
    only the place chose this one. Every such copy gains the same (its text is the same), so
    the first one stands for all."""
    src_ids, tgt_ids, _ = bead
    if len(src_ids) + len(tgt_ids) != 2:
        return []
    (i,), (j,) = src_ids, tgt_ids
    return ([(i, c) for c in lone_copies.of(1, j)[:1]] + [(c, j) for c in lone_copies.of(0, i)[:1]])


def bead_confidences(beads: Sequence[Bead], own_gains: Sequence[float], n_src: int, n_tgt: int,
                     pair_gains: PairGains, copies: Copies = ({}, {}),
                     known_rivals: dict[int, float] | None = None) -> list[float]:
    """The probability that each bead is right (see the module's docstring). ``own_gains``:
    each bead's gain without the layout term; ``copies``: see copies_of; ``known_rivals``: the
    best rival value of beads already weighed elsewhere (rival_arrays.py, for a book's
    one-to-one beads), by bead number.

    A rival that takes a paragraph another bead holds is an alternative assignment, not a free
    one: it costs that bead (its own gain, when positive), and gives back the pair the two
    leftover paragraphs would make. Two neighbours that look alike each rival the other's
    translation, yet only the assignment as a whole can be wrong."""
    holders = _holders(beads)
    lone_copies = _LoneCopies(copies, holders)
    known = known_rivals or {}
    asks = []
    for k, bead in enumerate(beads):
        candidates = [] if k in known else _bead_rivals(bead, n_src, n_tgt) + _lone_copy_rivals(bead, lone_copies)
        rivals = [(pair, _displaced(bead, k, pair, holders, beads)) for pair in dict.fromkeys(candidates)]
        asks.append((rivals, _bead_parts(bead)))
    flat = dict.fromkeys(pair for rivals, parts in asks for pair in
                         [r for r, _ in rivals] + [swap for _, (_, swap) in rivals if swap] +
                         [p for rest in parts for p in rest])
    gains = dict(zip(flat, pair_gains(list(flat))))
    scores = []
    for k, (own, (rivals, parts)) in enumerate(zip(own_gains, asks)):
        rival = known[k] if k in known else max(
            [_rival_value(pair, displaced, swap, gains, own_gains) for pair, (displaced, swap) in rivals], default=0.0)
        weakest_part = min([own - max(0.0, *(gains[pair] for pair in rest)) for rest in parts], default=own)
        scores.append(logistic(min(own, weakest_part) - max(rival, 0.0)))
    return scores


def _holders(beads: Sequence[Bead]) -> tuple[dict[int, int], dict[int, int]]:
    """Which bead holds each source and each target paragraph (the first, for a paragraph that
    two renderings share)."""
    src: dict[int, int] = {}
    tgt: dict[int, int] = {}
    for k, (src_ids, tgt_ids, _) in enumerate(beads):
        for i in src_ids:
            src.setdefault(i, k)
        for j in tgt_ids:
            tgt.setdefault(j, k)
    return src, tgt


def _displaced(bead: Bead, index: int, rival: tuple[int, int], holders: tuple[dict[int, int], dict[int, int]],
               beads: Sequence[Bead]) -> tuple[int | None, tuple[int, int] | None]:
    """The bead a rival pair of bead number ``index`` takes a paragraph from (None when that
    paragraph is alone), and, when both are one-to-one, the pair their two leftover paragraphs
    would make instead."""
    i, j = rival
    src_ids, tgt_ids, _ = bead
    taken_from = holders[1].get(j) if i in src_ids else holders[0].get(i)
    if taken_from is None or taken_from == index:
        return None, None
    other_src, other_tgt, _ = beads[taken_from]
    if len(src_ids) + len(tgt_ids) > 2 or len(other_src) + len(other_tgt) > 2:
        return taken_from, None
    return taken_from, ((other_src[0], tgt_ids[0]) if i in src_ids else (src_ids[0], other_tgt[0]))


def _rival_value(pair: tuple[int, int], displaced: int | None, swap: tuple[int, int] | None,
                 gains: dict[tuple[int, int], float], own_gains: Sequence[float]) -> float:
    """What the rival assignment gains over leaving the bead's paragraphs alone."""
    if displaced is None:
        return gains[pair]
    back = max(gains[swap], 0.0) if swap else 0.0
    return gains[pair] - max(own_gains[displaced], 0.0) + back


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
