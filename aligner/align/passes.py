"""Passes over the beads the search found: merges that grow past two paragraphs, and a
second rendering of the source. Both work with either scorer (score.py, band.py)."""

from __future__ import annotations

import math

from .score import Bead, Offer, Scorer
from .search import search


def grow_merges(scorer: Scorer, beads: list[Bead]) -> list[Bead]:
    """Let each merge take in leftover paragraphs next to it on its many side: a paragraph
    translated as three (or three translated as one), where the programme's beads stop at
    two. An added paragraph must stand in the same language run, prove itself against the
    bead's other side, and raise the bead's gain by more than a merge's prior cost: each
    further part is as much rarer again as the first merge is than a 1-1 bead."""
    beads = list(beads)
    paired = ({i for s, _, _ in beads for i in s}, {j for _, t, _ in beads for j in t})
    penalty = scorer.settings.merge_penalty
    while True:
        offers = _growth_offers(scorer, beads, paired)
        gains = scorer.grown_gains(offers)
        best: dict[tuple[int, int], tuple[float, int]] = {}  # paragraph added → (improvement, offer)
        for n, ((k, _, _, side, x), g) in enumerate(zip(offers, gains)):
            better = g - beads[k][2]
            if better > penalty and better > best.get((side, x), (-math.inf, 0))[0]:
                best[(side, x)] = (better, n)
        grown_beads: set[int] = set()
        for (side, x), (_, n) in sorted(best.items(), key=lambda item: -item[1][0]):
            k, new_s, new_t, _, _ = offers[n]
            if k not in grown_beads:  # one paragraph per bead per round
                grown_beads.add(k)
                beads[k] = (new_s, new_t, gains[n])
                paired[side].add(x)
        if not grown_beads:
            return beads


def _growth_offers(scorer: Scorer, beads: list[Bead], paired: tuple[set[int], set[int]]) -> list[Offer]:
    """Each merge grown by the leftover paragraph just before or just after its many side,
    where it may be merged with the paragraph beside it (the same language run and section)."""
    doc = scorer.document
    offers: list[Offer] = []
    for k, (s, t, _) in enumerate(beads):
        if len(s) > 1 or len(t) > 1:
            side = 0 if len(s) > 1 else 1
            ids, mergeable = (s, doc.mergeable_src) if side == 0 else (t, doc.mergeable_tgt)
            count = len(doc.src) if side == 0 else len(doc.tgt)
            for x, grown in ((ids[0] - 1, (ids[0] - 1,) + ids), (ids[-1] + 1, ids + (ids[-1] + 1,))):
                if 0 <= x < count and x not in paired[side] and mergeable(max(x, ids[0])):
                    offers.append((k, grown, t, side, x) if side == 0 else (k, s, grown, side, x))
    return offers


def second_renderings(scorer: Scorer, beads: list[Bead]) -> list[Bead]:
    """Pair leftover target runs with source paragraphs again (a second translation).

    A second rendering is a section of its own, so only chains of at least
    ``min_rendering_chain`` consecutive leftover target paragraphs qualify, each pair carrying
    confident content evidence by itself (no layout bonus).
    """
    doc, settings = scorer.document, scorer.settings
    used = {j for _, t, _ in beads for j in t}
    leftover = _long_runs([j for j in range(len(doc.tgt)) if j not in used], settings.min_rendering_chain)
    if len(leftover) < settings.min_rendering_chain or len(doc.src) * len(leftover) > settings.rendering_table_limit:
        return []  # nothing left over, or too long a search for a second rendering
    focus = scorer.focus(range(len(doc.src)), leftover)
    found = [(tuple(focus.src_back[i] for i in s), tuple(focus.tgt_back[j] for j in t), g)
             for s, t, g in search(focus.scorer, focus.src_ids, focus.tgt_ids, layout=False).beads]
    # One source paragraph each (a rendering may split a paragraph in two, as translations do).
    single = [bead for bead in found if len(bead[0]) == 1 and bead[1][-1] - bead[1][0] == len(bead[1]) - 1]
    candidates = [bead for bead, value in zip(single, scorer.bead_contents(single))
                  if value >= settings.confident_gain]
    position = {j: k for k, j in enumerate(leftover)}
    accepted: list[Bead] = []
    chain: list[Bead] = []
    for bead in candidates + [None]:
        if bead is not None and chain and position[bead[1][0]] == position[chain[-1][1][-1]] + 1 \
                and doc.tgt[bead[1][0]].index > doc.tgt[chain[-1][1][-1]].index:
            chain.append(bead)
            continue
        if len(chain) >= settings.min_rendering_chain:
            accepted.extend(chain)
        chain = [bead] if bead is not None else []
    return accepted


def _long_runs(ids: list[int], shortest: int) -> list[int]:
    """The ids that stand in runs of at least ``shortest`` consecutive numbers."""
    kept, run = [], []
    for j in ids + [None]:
        if j is not None and run and j == run[-1] + 1:
            run.append(j)
            continue
        if len(run) >= shortest:
            kept.extend(run)
        run = [j] if j is not None else []
    return kept
