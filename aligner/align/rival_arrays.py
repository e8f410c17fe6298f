"""The best rival of every one-to-one bead at once, over numpy arrays, for book-length posts.

confidence.py weighs each bead against its rivals one pair at a time, which suits a blog post;
a book holds tens of thousands of one-to-one beads, each with eight near rivals, and there the
Python loop was the longest stage of the run. Here the same rivals (each paragraph of the bead
with the other side's paragraphs two either side, and with one unpaired identical copy), the
same alternative assignments (a rival that takes another bead's paragraph costs that bead and
gives back the pair of the two leftovers) and the same arithmetic, in the same order, give the
same values to the bit (tested against confidence.bead_confidences).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .confidence import RIVAL_REACH, Bead, Copies

# Gains of one-to-one pairs without the layout term, for arrays of source and target ids.
GainArray = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _holder_array(beads: Sequence[Bead], side: int, size: int) -> np.ndarray:
    """Per paragraph of ``side``, the number of the first bead holding it (two renderings
    share a paragraph), or -1."""
    ids = np.array([p for bead in beads for p in bead[side]], dtype=np.int64)
    numbers = np.array([k for k, bead in enumerate(beads) for _ in bead[side]], dtype=np.int64)
    held = np.full(size, len(beads), dtype=np.int64)
    np.minimum.at(held, ids, numbers)
    held[held == len(beads)] = -1
    return held


class _Asks:
    """Pairs to score, gathered from every kind of rival, then scored once each."""

    def __init__(self, n_tgt: int) -> None:
        self.n_tgt, self.keys = n_tgt, []

    def add(self, src: np.ndarray, tgt: np.ndarray) -> int:
        self.keys.append(src * self.n_tgt + tgt)
        return len(self.keys) - 1

    def scored(self, gain_array: GainArray) -> list[np.ndarray]:
        """The gain of every pair asked, in the shape each was asked in."""
        flat = np.concatenate(self.keys) if self.keys else np.zeros(0, dtype=np.int64)
        distinct, back = np.unique(flat, return_inverse=True)
        gains = gain_array(distinct // self.n_tgt, distinct % self.n_tgt)[back]
        sizes = np.cumsum([len(k) for k in self.keys])[:-1]
        return np.split(gains, sizes)


def _lone_copy_array(copies: dict[int, list[int]], held: np.ndarray) -> np.ndarray:
    """Per paragraph of a side, the first identical copy of it that no bead holds, or -1."""
    found = np.full(len(held), -1, dtype=np.int64)
    for group in {id(g): g for g in copies.values()}.values():
        free = [c for c in group if held[c] < 0]
        if free:
            found[group] = free[0]
    return found


def one_to_one_rivals(beads: Sequence[Bead], own_gains: Sequence[float], n_src: int, n_tgt: int,
                      gain_array: GainArray, copies: Copies) -> dict[int, float]:
    """The best rival value (confidence._rival_value; -inf when there is none) of each
    one-to-one bead, by bead number. ``copies``: see confidence.copies_of."""
    ones = np.array([k for k, (s, t, _) in enumerate(beads) if len(s) == 1 and len(t) == 1], dtype=np.int64)
    if not len(ones):
        return {}
    src = np.array([beads[k][0][0] for k in ones], dtype=np.int64)
    tgt = np.array([beads[k][1][0] for k in ones], dtype=np.int64)
    own = np.array(own_gains, dtype=np.float64)
    one_to_one = np.zeros(len(beads), dtype=bool)
    one_to_one[ones] = True
    holders = (_holder_array(beads, 0, n_src), _holder_array(beads, 1, n_tgt))
    lone_copy = (_lone_copy_array(copies[0], holders[0]), _lone_copy_array(copies[1], holders[1]))
    bead_src = np.array([b[0][0] for b in beads], dtype=np.int64)
    bead_tgt = np.array([b[1][0] for b in beads], dtype=np.int64)
    asks, rivals = _Asks(n_tgt), []
    steps = [d for d in range(-RIVAL_REACH, RIVAL_REACH + 1) if d]
    for side, size in ((1, n_tgt), (0, n_src)):
        for step in steps:
            where = np.flatnonzero((0 <= (tgt if side else src) + step) & ((tgt if side else src) + step < size))
            i = src[where] + (0 if side else step)
            j = tgt[where] + (step if side else 0)
            taken = holders[side][j if side else i]
            swapping = np.flatnonzero(taken >= 0)
            swapped = taken[swapping]
            swap = np.flatnonzero(one_to_one[swapped])
            # The displaced bead's leftover paragraph with this bead's other paragraph.
            swap_src = bead_src[swapped[swap]] if side else src[where][swapping][swap]
            swap_tgt = tgt[where][swapping][swap] if side else bead_tgt[swapped[swap]]
            rivals.append((where, taken, swapping, swap, asks.add(i, j), asks.add(swap_src, swap_tgt)))
        copies = lone_copy[side][tgt if side else src]
        where = np.flatnonzero(copies >= 0)
        i, j = (src[where], copies[where]) if side else (copies[where], tgt[where])
        rivals.append((where, np.full(len(where), -1, dtype=np.int64), np.zeros(0, dtype=np.int64),
                       np.zeros(0, dtype=np.int64), asks.add(i, j), asks.add(i[:0], j[:0])))
    gains = asks.scored(gain_array)
    best = np.full(len(ones), -np.inf)
    for where, taken, swapping, swap, pair_ask, swap_ask in rivals:
        value = gains[pair_ask].copy()
        back = np.zeros(len(swapping))
        back[swap] = np.maximum(gains[swap_ask], 0.0)
        value[swapping] = (value[swapping] - np.maximum(own[taken[swapping]], 0.0)) + back
        np.maximum.at(best, where, value)
    return dict(zip(ones.tolist(), best.tolist()))
