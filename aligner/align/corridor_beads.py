"""Every bead with a positive gain in a search corridor, scored with numpy a block of rows at
a time: what the numpy scorer (band.py) hands the search instead of scoring cell by cell."""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

import numpy as np

from .document import Document
from .part_values import PartValues
from .score import Candidate
from .settings import Settings
from .tables import Band, ItemTables


class ArrayScorer(Protocol):
    """What a corridor's beads are read from: the numpy scorer (band.BandScorer), which hands
    itself over when the search asks it for a corridor's rows."""

    document: Document
    settings: Settings
    tables: ItemTables
    src_len: np.ndarray
    tgt_len: np.ndarray

    def part_values(self, side: int) -> PartValues: ...

    def length_help(self, first: np.ndarray, second: np.ndarray, other: np.ndarray,
                    merged_side: int) -> tuple[np.ndarray, np.ndarray]: ...

    def gains(self, tallies: tuple[np.ndarray, ...], i: np.ndarray, j: np.ndarray, src_count: int, tgt_count: int,
              layout: bool) -> np.ndarray: ...


def corridor_beads(scorer: ArrayScorer, corridor: list[tuple[int, int]], layout: bool,
                   merges: bool) -> dict[int, list[Candidate]]:
    """Per row, the beads ending there whose gain is positive, in the order diagonal, 2-1, 1-2
    (the order in which the search settles ties). A merge is scored only where each of its
    parts proves itself, as the pair scorer's gain has it."""
    n, m = len(scorer.document.src), len(scorer.document.tgt)
    lo = np.array([c[0] for c in corridor], dtype=np.int64)
    hi = np.array([c[1] for c in corridor], dtype=np.int64)
    band = _band_of(lo, hi, m, merges)
    parts = (scorer.part_values(0), scorer.part_values(1)) if merges else ()
    diagonal: dict[int, list[Candidate]] = defaultdict(list)
    merged: dict[int, dict[int, list[Candidate]]] = {7: defaultdict(list), 5: defaultdict(list)}  # 2-1 and 1-2
    groups = tuple(np.array(side, dtype=np.int64) for side in scorer.document.merge_groups) if merges else ()
    block = scorer.settings.band_block_rows
    for first in range(1, n + 1, block):
        stop = min(n + 1, first + block)
        start = max(1, first - 1)  # and the row above, which 2-1 beads read
        rows, columns = band.cells(start, stop)
        src_hit, tgt_hit, *part_hits = band.tallies(scorer.tables, start, stop, *parts)
        i, j = rows - 1, columns - 1
        value = scorer.gains((src_hit, scorer.tables.src_totals[i].T, tgt_hit, scorer.tables.tgt_totals[j].T),
                             i, j, 1, 1, layout)
        own = (rows >= first) & (columns >= lo[rows]) & (columns <= hi[rows])
        chosen = np.nonzero(own & (value > 0))[0]
        for a, b, g in zip(rows[chosen].tolist(), columns[chosen].tolist(), value[chosen].tolist()):
            diagonal[a].append((b, 4, g))
        if merges:
            evidence = (parts[0].base(i, parts[0].other_class[j]) + part_hits[0],
                        parts[1].base(j, parts[1].other_class[i]) + part_hits[1])
            _merge_beads(scorer, band, (rows, columns, start, own, evidence), groups, layout, merged)
    return {a: diagonal.get(a, []) + merged[7].get(a, []) + merged[5].get(a, [])
            for a in set(diagonal) | set(merged[7]) | set(merged[5])}


def _band_of(lo: np.ndarray, hi: np.ndarray, m: int, merges: bool) -> Band:
    """The cells whose one-to-one tallies the corridor needs: row a's own columns, one more to
    the left (the first part of a 1-2 bead) and those of the next row (the first part of a
    2-1 bead in the next row)."""
    low = np.maximum(lo - 1, 1)
    high = np.minimum(np.append(hi[1:], hi[-1]), m) if merges else np.minimum(hi, m)
    low = np.minimum.accumulate(low[::-1])[::-1]
    return Band(low, np.maximum(np.maximum.accumulate(high), low - 1))


def _merge_beads(scorer: ArrayScorer, band: Band, block: tuple, groups: tuple[np.ndarray, ...], layout: bool,
                 merged: dict[int, dict[int, list[Candidate]]]) -> None:
    """Add the 2-1 and 1-2 beads of a block of rows whose gain is positive to ``merged``, where
    both parts prove themselves (``evidence``: per cell, its source's and its target's own
    evidence against the other paragraph, to which each part's help to the lengths is added:
    see PairScorer.part_proofs) and stand in one merge group (``groups``: Document.merge_groups
    of each side, as arrays)."""
    rows, columns, start, own, (src_evidence, tgt_evidence) = block
    tables, (groups_src, groups_tgt) = scorer.tables, groups
    src_len, tgt_len = scorer.src_len, scorer.tgt_len
    i, j, low = rows - 1, columns - 1, band.low
    above = band.offset[rows - 1] - band.offset[start] + columns - low[rows - 1]
    holds_above = (rows - 1 >= start) & (columns >= low[rows - 1]) & (columns <= band.high[rows - 1])
    index = np.arange(len(rows))
    holds_left = (columns - 1 >= low[rows]) & (columns >= 2)
    first_help, second_help = scorer.length_help(src_len[np.maximum(i - 1, 0)], src_len[i], tgt_len[j], 0)
    two_sources_may = own & (rows >= 2) & holds_above & (src_evidence + second_help > 0) & \
        (src_evidence[np.where(holds_above, above, 0)] + first_help > 0) & \
        (groups_src[np.maximum(i - 1, 0)] == groups_src[i])
    first_help, second_help = scorer.length_help(tgt_len[np.maximum(j - 1, 0)], tgt_len[j], src_len[i], 1)
    two_targets_may = own & holds_left & (tgt_evidence + second_help > 0) & \
        (tgt_evidence[np.where(holds_left, index - 1, 0)] + first_help > 0) & \
        (groups_tgt[np.maximum(j - 1, 0)] == groups_tgt[j])
    for how, may in ((7, two_sources_may), (5, two_targets_may)):
        chosen = np.nonzero(may)[0]
        extra_src, extra_tgt = (1, 0) if how == 7 else (0, 1)  # the bead's first paragraphs
        src_first, tgt_first = i[chosen] - extra_src, j[chosen] - extra_tgt
        gains = scorer.gains(tables.bead_tallies(src_first, 1 + extra_src, tgt_first, 1 + extra_tgt),
                             src_first, tgt_first, 1 + extra_src, 1 + extra_tgt, layout)
        kept = gains > 0
        for a, b, g in zip(rows[chosen][kept].tolist(), columns[chosen][kept].tolist(), gains[kept].tolist()):
            merged[how][a].append((b, how, g))

