"""Pairs inside a page's furniture: a site's blurb beside its translation, a share bar beside its own.

Furniture (menus, share bars, forms, sidebars) is aligned apart from the content, and a pair of
it is a translation only where the two stand side by side in the page: a menu's "About" two
lines below a sidebar's "Giới thiệu" is no pair, and the share bar of one section is not the
translation of another section's. So only paragraphs right next to each other are weighed, each
pair by its own words and lengths, and the page is walked once: an alignment of all the
furniture as one text would pair the copies of a bar repeated in every section in order, and
one section's bar left untranslated would shift every later copy onto its neighbour's.
"""

from __future__ import annotations

from collections.abc import Sequence

from .confidence import Bead, PairGains, bead_confidences, copies_of
from .document import Document


def adjacent_pairs(document: Document) -> list[tuple[int, int]]:
    """Every (source id, target id) whose paragraphs stand next to each other in the page, in
    page order."""
    at = sorted([(p.index, 0, k) for k, p in enumerate(document.src)] +
                [(p.index, 1, k) for k, p in enumerate(document.tgt)])
    pairs = []
    for (index, side, k), (next_index, next_side, next_k) in zip(at, at[1:]):
        if next_index == index + 1 and side != next_side:
            pairs.append((k, next_k) if side == 0 else (next_k, k))
    return pairs


def best_chain(pairs: Sequence[tuple[int, int]], gains: Sequence[float]) -> list[int]:
    """Which of ``pairs`` (adjacent in the page, in page order, so that each can share a
    paragraph only with the one before or after it) to take: those of greatest total positive
    gain with no paragraph taken twice."""
    best = [0.0] * (len(pairs) + 1)  # best[k]: the best total over the first k pairs
    for k, gain in enumerate(gains, 1):
        overlaps = k >= 2 and _share_a_paragraph(pairs[k - 2], pairs[k - 1])
        with_it = (best[k - 2] if overlaps else best[k - 1]) + gain
        best[k] = max(best[k - 1], with_it) if gain > 0 else best[k - 1]
    taken, k = [], len(pairs)
    while k:
        if best[k] == best[k - 1]:
            k -= 1
            continue
        taken.append(k - 1)
        k -= 2 if k >= 2 and _share_a_paragraph(pairs[k - 2], pairs[k - 1]) else 1
    return taken[::-1]


def _share_a_paragraph(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] == b[0] or a[1] == b[1]


def side_by_side_beads(document: Document, pair_gains: PairGains) -> list[Bead]:
    """The furniture's pairs, each with the probability that it is right (see confidence.py),
    kept where that is at least even: a pair of identical copies repeated in every section
    scores one half, since its words cannot tell the copies apart."""
    pairs = adjacent_pairs(document)
    if not pairs:
        return []
    gains = pair_gains(pairs)
    chosen = [(pairs[k], gains[k]) for k in best_chain(pairs, gains)]
    beads: list[Bead] = [((i,), (j,), g) for (i, j), g in chosen]
    copies = copies_of([p.text for p in document.src], [p.text for p in document.tgt])
    scores = bead_confidences(beads, [g for _, g in chosen], len(document.src), len(document.tgt), pair_gains, copies)
    return [(s, t, c) for (s, t, _), c in zip(beads, scores) if c >= 0.5]
