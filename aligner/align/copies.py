"""Which of two identical copies a translation renders: the one its neighbours agree with.

A forum reply quotes an earlier post word for word, and a translator then renders the post,
not the quote. The words cannot tell the copies apart, so the search pairs the translation
with the copy its layout prefers: the nearer one, which for a quote is the wrong one. What does
tell them apart is the stretch around them: a run of translations renders a stretch of
consecutive paragraphs, so the copy whose neighbours in its own run are paired with the
translation's neighbours in theirs is the one translated ("Is it cheap?" / "I pass there
daily" rendering a member's two lines, not the second line quoted three posts later).

Where the thread shows it, a copy that follows a quote's header ("minh.tri viết:") is the quote:
a translation never moves to it, and moves from it to the post it quotes.

The same reading keeps a post's repeated boilerplate in place: each section's copy of a tip
sits among that section's pairs, so the copy of another section never agrees better.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from .confidence import Bead, Copies
from .document import Document


class _Holders:
    """Which bead holds each paragraph of either side, kept up to date as pairs move."""

    def __init__(self, beads: list[Bead]) -> None:
        self.src = {i: k for k, (s, _, _) in enumerate(beads) for i in s}
        self.tgt = {j: k for k, (_, t, _) in enumerate(beads) for j in t}

    def move(self, k: int, side: int, old: int, new: int) -> None:
        held = self.src if side == 0 else self.tgt
        del held[old]
        held[new] = k


def _agreeing_neighbours(i: int, j: int, holders: _Holders, document: Document) -> int:
    """How many of the pair's two diagonal neighbours (i−1 with j−1, i+1 with j+1) are paired
    together by one bead, each neighbour in its paragraph's own run."""
    agreeing = 0
    for a, b in ((i - 1, j - 1), (i + 1, j + 1)):
        if min(a, b) < 0 or a >= len(document.src) or b >= len(document.tgt):
            continue
        same_runs = (document.runs_src[a] == document.runs_src[i] and document.runs_tgt[b] == document.runs_tgt[j])
        bead = holders.src.get(a)
        agreeing += same_runs and bead is not None and holders.tgt.get(b) == bead
    return agreeing


def _room(beads: list[Bead], k: int, side: int) -> tuple[float, float]:
    """The open interval of places on ``side`` where bead k stays in order with its neighbours."""
    low = max(beads[k - 1][side]) if k > 0 and beads[k - 1][side] else -1
    high = min(beads[k + 1][side]) if k + 1 < len(beads) and beads[k + 1][side] else math.inf
    return low, high


def settle_copies(beads: list[Bead], copies: Copies, document: Document) -> list[Bead]:
    """The beads with each one-to-one pair moved to an identical copy of one of its paragraphs
    that no bead holds, where more of the pair's neighbours agree with that copy, or where the
    pair holds a quote and the copy is not one (see the module's docstring). Only copies between
    the neighbouring beads are asked, so the pairs stay in order. The pair's own gain is
    unchanged: its words are the same."""
    beads = list(beads)
    holders = _Holders(beads)
    for k, (src_ids, tgt_ids, gain) in enumerate(beads):
        if len(src_ids) != 1 or len(tgt_ids) != 1:
            continue
        i, j = src_ids[0], tgt_ids[0]
        for side, own, other in ((1, j, i), (0, i, j)):
            group = copies[side].get(own)
            if group is None:
                continue
            low, high = _room(beads, k, side)
            held = holders.tgt if side else holders.src
            paragraphs = document.tgt if side else document.src
            free = [c for c in group[bisect_right(group, low):bisect_left(group, high)]
                    if c not in held and (paragraphs[own].quoted or not paragraphs[c].quoted)]
            if not free:
                continue
            def agreement(place: int) -> int:
                return _agreeing_neighbours(*((other, place) if side else (place, other)), holders, document)
            best = max(free, key=lambda c: (not paragraphs[c].quoted, agreement(c), -abs(c - own)))
            leaves_a_quote = paragraphs[own].quoted and not paragraphs[best].quoted
            if leaves_a_quote or agreement(best) > agreement(own):
                beads[k] = ((other,), (best,), gain) if side else ((best,), (other,), gain)
                holders.move(k, side, own, best)
                break
    return beads
