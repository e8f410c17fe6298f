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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class _Rivals:
    """One kind of rival (a step along one side, or the lone copy) of many one-to-one beads:
    the beads it rivals (``where``: their places among the one-to-one beads), the bead each
    takes its paragraph from (``taken``, -1 when that paragraph is alone), those taken from
    any bead (``swapping``, places in ``where``) and, among them, those taken from a one-to-one
    bead, whose two leftover paragraphs pair again (``swap``, places in ``swapping``); and
    where their gains and the leftovers' gains were asked."""

    where: np.ndarray
    taken: np.ndarray
    swapping: np.ndarray
    swap: np.ndarray
    pair_ask: int
    swap_ask: int

    def values(self, gains: list[np.ndarray], own: np.ndarray) -> np.ndarray:
        """confidence._rival_value of each rival, in the same order of operations."""
        value = gains[self.pair_ask].copy()
        back = np.zeros(len(self.swapping))
        back[self.swap] = np.maximum(gains[self.swap_ask], 0.0)
        value[self.swapping] = (value[self.swapping] - np.maximum(own[self.taken[self.swapping]], 0.0)) + back
        return value


class _OneToOne:
    """The one-to-one beads of an alignment as arrays, and who holds each paragraph."""

    def __init__(self, beads: Sequence[Bead], n_src: int, n_tgt: int, copies: Copies) -> None:
        self.number = np.array([k for k, (s, t, _) in enumerate(beads) if len(s) == 1 and len(t) == 1],
                               dtype=np.int64)
        self.src = np.array([beads[k][0][0] for k in self.number], dtype=np.int64)
        self.tgt = np.array([beads[k][1][0] for k in self.number], dtype=np.int64)
        self.is_one_to_one = np.zeros(len(beads), dtype=bool)
        self.is_one_to_one[self.number] = True
        self.first = (np.array([b[0][0] for b in beads], dtype=np.int64),
                      np.array([b[1][0] for b in beads], dtype=np.int64))
        self.holders = (_holder_array(beads, 0, n_src), _holder_array(beads, 1, n_tgt))
        self.lone_copy = (_lone_copy_array(copies[0], self.holders[0]), _lone_copy_array(copies[1], self.holders[1]))
        self.sizes = (n_src, n_tgt)

    def step_rivals(self, side: int, step: int, asks: _Asks) -> _Rivals:
        """Each bead's paragraph of the other side with the paragraph ``step`` away on ``side``
        (0 source, 1 target), where there is one."""
        moved = (self.tgt if side else self.src) + step
        where = np.flatnonzero((moved >= 0) & (moved < self.sizes[side]))
        src, tgt = self.src[where], self.tgt[where]
        i, j = (src, moved[where]) if side else (moved[where], tgt)
        taken = self.holders[side][j if side else i]
        swapping = np.flatnonzero(taken >= 0)
        other = taken[swapping]
        swap = np.flatnonzero(self.is_one_to_one[other])
        # The displaced bead's leftover paragraph with this bead's own paragraph of that side.
        leftover = self.first[1 - side][other[swap]]
        swap_src, swap_tgt = (leftover, tgt[swapping][swap]) if side else (src[swapping][swap], leftover)
        return _Rivals(where, taken, swapping, swap, asks.add(i, j), asks.add(swap_src, swap_tgt))

    def copy_rivals(self, side: int, asks: _Asks) -> _Rivals:
        """Each bead's paragraph of the other side with an unpaired identical copy of its
        paragraph on ``side``, where there is one."""
        copy = self.lone_copy[side][self.tgt if side else self.src]
        where = np.flatnonzero(copy >= 0)
        i, j = (self.src[where], copy[where]) if side else (copy[where], self.tgt[where])
        nothing = np.zeros(0, dtype=np.int64)
        return _Rivals(where, np.full(len(where), -1, dtype=np.int64), nothing, nothing, asks.add(i, j),
                       asks.add(nothing, nothing))


def one_to_one_rivals(beads: Sequence[Bead], own_gains: Sequence[float], n_src: int, n_tgt: int,
                      gain_array: GainArray, copies: Copies) -> dict[int, float]:
    """The best rival value (confidence._rival_value; -inf when there is none) of each
    one-to-one bead, by bead number. ``copies``: see confidence.copies_of."""
    ones = _OneToOne(beads, n_src, n_tgt, copies)
    if not len(ones.number):
        return {}
    asks = _Asks(n_tgt)
    steps = [d for d in range(-RIVAL_REACH, RIVAL_REACH + 1) if d]
    kinds = [ones.step_rivals(side, step, asks) for side in (1, 0) for step in steps]
    kinds += [ones.copy_rivals(side, asks) for side in (1, 0)]
    gains, own = asks.scored(gain_array), np.array(own_gains, dtype=np.float64)
    best = np.full(len(ones.number), -np.inf)
    for rivals in kinds:
        np.maximum.at(best, rivals.where, rivals.values(gains, own))
    return dict(zip(ones.number.tolist(), best.tolist()))
