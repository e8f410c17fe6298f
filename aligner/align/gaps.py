"""Paragraphs left alone on both sides between two beads: translations the words cannot prove.

The search pairs two paragraphs only when their evidence beats a global prior (settings.pair_bias)
that must also let an untranslated paragraph stay alone. A short verse line or list item whose
words the lexicon does not know ("the basil bows, the mint leans in") brings no evidence, so it is
left alone, and so is its translation, in the same gap between the same two beads. There the prior
is another one: in a post that translates most of its paragraphs, a source paragraph and a target
paragraph that fall between the same two translations are far more likely a pair than one
untranslated paragraph next to a target paragraph without source. The odds come from the post
itself: how many of each side's paragraphs the search left alone.
"""

from __future__ import annotations

import math

from .document import Document, runs_of
from .score import Bead, Scorer


def gap_odds(n_src: int, n_tgt: int, lone_src: int, lone_tgt: int) -> float:
    """Log prior odds that a lone source and a lone target paragraph of one gap are a pair rather
    than both without counterpart: (1 - s)(1 - t) / (s t), where s and t are the post's shares of
    lone paragraphs on each side (counted with one more of each, so no share is 0 or 1)."""
    s = (lone_src + 1) / (n_src + 2)
    t = (lone_tgt + 1) / (n_tgt + 2)
    return math.log((1 - s) * (1 - t) / (s * t))


def enclosed_gaps(beads: list[Bead], own: list[float], paired_src: set[int], paired_tgt: set[int],
                  document: Document) -> list[tuple[list[int], list[int]]]:
    """The lone source and target paragraphs between each two consecutive beads (in order on
    both sides), where both sides have some and stand in the same place of a block of lines
    translated by a block (see _same_place), or side by side (see _side_by_side): where a
    monotone translation must have put them.
    A bead that places the gap must rest on its words (``own``: each bead's layout-free gain
    is positive): one paired by its place alone proves no block is translated there, and the
    gap reaches past it to the next bead that does ("Read more" / "Xem thêm" paired by its
    place must not hide the lone line and its translation just before it)."""
    ordered = sorted([(b, g) for b, g in zip(beads, own) if g > 0], key=lambda item: item[0][0][0])
    blocks = blocks_of(document)
    gaps = []
    for (before, gain_before), (after, gain_after) in zip(ordered, ordered[1:]):
        if not (before[0][-1] < after[0][0] and before[1][-1] < after[1][0]):
            continue  # a swapped pair of beads encloses nothing
        src = [i for i in range(before[0][-1] + 1, after[0][0]) if i not in paired_src]
        tgt = [j for j in range(before[1][-1] + 1, after[1][0]) if j not in paired_tgt]
        if not (src and tgt):
            continue
        runs = _runs_shared(before, src, tgt, blocks), _runs_shared(after, src, tgt, blocks)
        shared_before = runs[0] if gain_before > 0 else (False, False)
        shared_after = runs[1] if gain_after > 0 else (False, False)
        alone = not any(runs[0] + runs[1]) and gain_before > 0 and gain_after > 0
        if _same_place(shared_before, shared_after) or (alone and _side_by_side(src, tgt, document)):
            gaps.append((src, tgt))
    return gaps


def _side_by_side(src: list[int], tgt: list[int], document: Document) -> bool:
    """Every lone target paragraph right beside a lone source paragraph in the post: in a post
    that alternates between the languages, a short heading and its free translation ("Getting
    there" / "Đường đi") between two pairs, or a line and its free translation beside a line
    left untranslated. (Asked only where neither stands in a run of the
    beads around them: a lone reply at the end of one post and a lone question at the start of
    the next are no pair.)"""
    places = {document.src[i].index for i in src}
    return all(document.tgt[j].index - 1 in places or document.tgt[j].index + 1 in places for j in tgt)


def _runs_shared(bead: Bead, src: list[int], tgt: list[int], blocks: tuple[list[int], list[int]]) -> tuple[bool, bool]:
    """Do all the source paragraphs stand in the bead's source block, and all the target ones in
    its target block (see blocks_of)?"""
    return ({blocks[0][i] for i in src} == {blocks[0][bead[0][0]]},
            {blocks[1][j] for j in tgt} == {blocks[1][bead[1][0]]})


def blocks_of(document: Document) -> tuple[list[int], list[int]]:
    """Block number of each source and target paragraph: a block is a run of one language's
    paragraphs with nothing else between them, so a heading or a chord line of neither language
    ("[Verse 1 / Khổ 1]") ends it, as a switch of language does. A post that writes the
    translation of its introduction and then a stanza in the same language has two blocks there,
    not one run."""
    return runs_of(document.src, document.tgt, end_at_other_lines=True)


def _same_place(before: tuple[bool, bool], after: tuple[bool, bool]) -> bool:
    """Inside the runs of both beads around them, or at the same edge of both runs: at their
    start (the bead before stands in other runs on both sides) or at their end. A lone reply
    at the end of one run and a lone question at the start of the next are no pair, nor are
    paragraphs of a post that alternates between the languages (every run one paragraph long:
    there the layout habit already spoke for a pair)."""
    inside_before, inside_after = all(before), all(after)
    return (inside_before and inside_after) or (inside_after and not any(before)) or \
        (inside_before and not any(after))


def _best_pairs(src: list[int], tgt: list[int], value: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The monotone one-to-one pairs of a gap with the greatest total positive value (a gap is
    a few paragraphs: a full table)."""
    n, m = len(src), len(tgt)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(1, n + 1):
        for b in range(1, m + 1):
            best[a][b] = max(best[a - 1][b], best[a][b - 1], best[a - 1][b - 1] + max(0.0, value[(src[a - 1], tgt[b - 1])]))
    pairs, a, b = [], n, m
    while a and b:
        gain = value[(src[a - 1], tgt[b - 1])]
        if gain > 0 and best[a][b] == best[a - 1][b - 1] + gain:
            pairs.append((src[a - 1], tgt[b - 1]))
            a, b = a - 1, b - 1
        elif best[a][b] == best[a - 1][b]:
            a -= 1
        else:
            b -= 1
    return pairs[::-1]


def fill_gaps(scorer: Scorer, beads: list[Bead], own: list[float], taken: list[Bead]) -> tuple[list[Bead], list[float]]:
    """The beads with the lone paragraphs of each enclosed gap paired where the gap's prior
    (gap_odds, in place of the global settings.pair_bias) makes their gain positive; ``own``
    gains each bead's layout-free gain, the new ones with the gap's prior. ``taken``: other
    beads (a second rendering) whose paragraphs are not alone."""
    doc = scorer.document
    paired_src = {i for s, _, _ in beads + taken for i in s}
    paired_tgt = {j for _, t, _ in beads + taken for j in t}
    gaps = enclosed_gaps(beads, own, paired_src, paired_tgt, doc)
    if not gaps:
        return beads, own
    # The prior is learnt from the rest of the post: paragraphs alone outside the gaps judged.
    in_gaps_src, in_gaps_tgt = sum(len(src) for src, _ in gaps), sum(len(tgt) for _, tgt in gaps)
    odds = gap_odds(len(doc.src) - in_gaps_src, len(doc.tgt) - in_gaps_tgt,
                    len(doc.src) - len(paired_src) - in_gaps_src, len(doc.tgt) - len(paired_tgt) - in_gaps_tgt)
    asks = [(i, j) for src, tgt in gaps for i in src for j in tgt]
    prior = odds - scorer.settings.pair_bias
    free = {pair: g + prior for pair, g in zip(asks, scorer.pair_gains(asks))}
    value = {(i, j): g + scorer.offset_bonus(i, j) for (i, j), g in free.items()}
    found = [pair for src, tgt in gaps for pair in _best_pairs(src, tgt, value)]
    return beads + [((i,), (j,), value[(i, j)]) for i, j in found], own + [free[pair] for pair in found]
