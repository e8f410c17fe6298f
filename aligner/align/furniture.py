"""Pairs inside a page's furniture: a share bar and its translation, a form's blurb and its own.

Furniture (menus, share bars, forms, sidebars) is aligned apart from the content, and a piece of
it translates another only where the page puts them together: side by side, across two blocks
that follow each other (an English menu, then its Vietnamese menu), or each right after the two
sides of one translated pair of the content (the share bar that closes a section's
English block and the one that closes its Vietnamese block), and where both hold the same
numbers (a sidebar's labels count their own posts). Aligning all the
furniture as one text instead paired the copies of a bar repeated in every section in order,
so one section's bar left untranslated shifted every later copy onto its neighbour's.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..features import number_anchors
from .confidence import Bead, PairGains, bead_confidences, copies_of
from .document import Document


def page_order(document: Document) -> list[tuple[int, int, int]]:
    """The furniture in page order: (page index, side (0 source, 1 target), id) of each piece."""
    return sorted([(p.index, 0, k) for k, p in enumerate(document.src)] +
                  [(p.index, 1, k) for k, p in enumerate(document.tgt)])


def adjacent_pairs(document: Document) -> list[tuple[int, int]]:
    """Every (source id, target id) of the furniture whose paragraphs stand next to each other
    in the page."""
    at = page_order(document)
    pairs = []
    for (index, side, k), (next_index, next_side, next_k) in zip(at, at[1:]):
        if next_index == index + 1 and side != next_side:
            pairs.append((k, next_k) if side == 0 else (next_k, k))
    return pairs


# Two blocks of furniture are weighed pair by pair only up to this many paragraphs each.
MAX_BLOCK = 24


def block_pairs(document: Document) -> list[tuple[int, int]]:
    """Every (source id, target id) across two blocks of furniture that follow each other in the
    page, one in each language, each of two paragraphs or more (a list): a site's English menu
    and then its Vietnamese menu, item for item ("Home", "Shop", "About" / "Trang chủ", "Cửa
    hàng", "Giới thiệu"), the site's tagline perhaps before it. (A form's label beside one radio
    button, "Preferred language" / "Tiếng Việt", is no such list.)"""
    blocks: list[list[tuple[int, int, int]]] = []
    for place in page_order(document):
        last = blocks[-1][-1] if blocks else None
        if last is not None and place[0] == last[0] + 1 and place[1] == last[1]:
            blocks[-1].append(place)
        else:
            blocks.append([place])
    pairs = []
    for first, second in zip(blocks, blocks[1:]):
        if first[0][1] != second[0][1] and second[0][0] == first[-1][0] + 1 and \
                2 <= min(len(first), len(second)) and max(len(first), len(second)) <= MAX_BLOCK:
            src, tgt = (first, second) if first[0][1] == 0 else (second, first)
            pairs.extend((s[2], t[2]) for s in src for t in tgt)
    return pairs


def anchored_pairs(document: Document, content_pairs: Sequence[tuple[Sequence[int], Sequence[int]]]) -> list[tuple[int, int]]:
    """Every (source id, target id) of the furniture that stand right after the source and
    right after the target of one content pair (``content_pairs``: the page indexes of each
    pair's source and target paragraphs)."""
    after_src = {i + 1: n for n, (src, _) in enumerate(content_pairs) for i in src}
    after_tgt = {j + 1: n for n, (_, tgt) in enumerate(content_pairs) for j in tgt}
    by_pair: dict[int, int] = {}
    for k, p in enumerate(document.src):
        if p.index in after_src:
            by_pair[after_src[p.index]] = k
    return [(by_pair[after_tgt[p.index]], k) for k, p in enumerate(document.tgt) if after_tgt.get(p.index) in by_pair]


def same_numbers(document: Document, pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs whose two paragraphs hold the same numbers. A translation keeps its numbers,
    and furniture that counts differs from its neighbour in nothing else: the bars under a post
    and under its translation in a thread ("Thích · Trả lời · 5 giờ", "Like · Reply · 4h") count
    each its own post's time, and two labels of a sidebar ("desserts (6)", "món chay (4)") their
    own posts."""
    src_numbers = {i: number_anchors(document.src[i].text) for i, _ in pairs}
    tgt_numbers = {j: number_anchors(document.tgt[j].text) for _, j in pairs}
    return [(i, j) for i, j in pairs if src_numbers[i] == tgt_numbers[j]]


def greedy_pairs(pairs: Sequence[tuple[int, int]], gains: Sequence[float]) -> list[tuple[int, int]]:
    """The pairs of positive gain, best first, each paragraph taken once."""
    taken_src: set[int] = set()
    taken_tgt: set[int] = set()
    chosen = []
    for gain, (i, j) in sorted(zip(gains, pairs), key=lambda item: -item[0]):
        if gain > 0 and i not in taken_src and j not in taken_tgt:
            chosen.append((i, j))
            taken_src.add(i)
            taken_tgt.add(j)
    return chosen


def furniture_beads(document: Document, content_pairs: Sequence[tuple[Sequence[int], Sequence[int]]],
                    pair_gains: PairGains) -> list[Bead]:
    """The furniture's pairs with the probability that each is right, kept where that is at
    least even: a pair of identical copies repeated in every section scores one half, since
    its words cannot tell the copies apart."""
    asks = same_numbers(document, list(dict.fromkeys(adjacent_pairs(document) + block_pairs(document) +
                                                     anchored_pairs(document, content_pairs))))
    if not asks:
        return []
    value = dict(zip(asks, pair_gains(asks)))
    chosen = sorted(greedy_pairs(asks, [value[pair] for pair in asks]))
    beads: list[Bead] = [((i,), (j,), value[(i, j)]) for i, j in chosen]
    copies = copies_of([p.text for p in document.src], [p.text for p in document.tgt])
    scores = bead_confidences(beads, [value[pair] for pair in chosen], len(document.src), len(document.tgt),
                              pair_gains, copies)
    return [(s, t, c) for (s, t, _), c in zip(beads, scores) if c >= 0.5]
