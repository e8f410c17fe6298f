"""The dynamic programme: the best monotonic beads between source and target paragraphs.

Beads are 1-1, 1-0, 0-1, 2-1 and 1-2 (as Gale & Church and hunalign have them), scored by the
scorer's gains. Skips (1-0, 0-1) gain nothing, so a row is the running maximum of the row above
(itertools.accumulate, at C speed) except at the few cells where a bead with a positive gain
ends: those "edges" are all the Python work a row needs. A corridor limits each row to a band
of target positions (around a coarser path); only those cells are stored, so memory grows with
the corridor, not with the table.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from .score import Bead, RowBeads, Scorer

NEG = float("-inf")
Corridor = list[tuple[int, int]]
# Per row: stored column → (move, gain, value) of the bead that ends there.
Edges = dict[int, tuple[int, float, float]]


@dataclass(frozen=True)
class Path:
    """The beads found, and every cell the best path passes (for a corridor around it)."""

    beads: list[Bead]
    cells: list[tuple[int, int]]


@dataclass
class _Row:
    """One stored row of scores: columns ``low`` to ``low + len(scores) - 1``."""

    low: int
    scores: array

    def at(self, b: int) -> float:
        """Score of column ``b``; -inf outside the stored cells."""
        k = b - self.low
        return self.scores[k] if 0 <= k < len(self.scores) else NEG


def search(scorer: Scorer, src_ids: Sequence[int], tgt_ids: Sequence[int], layout: bool,
           corridor: Corridor | None = None, merges: bool = True, ties_to_diagonal: bool = False) -> Path:
    """Best monotonic beads between the given source and target paragraphs.

    ``merges=False`` leaves out 2-1 and 1-2 beads (a quicker first pass). Where skips tie (no
    evidence either way) the path goes up, or with ``ties_to_diagonal`` toward the diagonal."""
    n, m = len(src_ids), len(tgt_ids)
    if corridor is None:
        corridor = [(0, m)] * (n + 1)
    rows = scorer.rows(corridor, src_ids, tgt_ids, layout, merges)
    stored: list[_Row] = []
    edges: list[Edges] = []
    for a in range(n + 1):
        row, row_edges = _fill_row(a, corridor[a], stored, rows)
        stored.append(row)
        edges.append(row_edges)
    return _trace(src_ids, tgt_ids, stored, edges, ties_to_diagonal)


def _fill_row(a: int, bounds: tuple[int, int], stored: list[_Row], rows: RowBeads) -> tuple[_Row, Edges]:
    """Row ``a``: the row above carried down (the skip 1-0), every bead ending here that beats
    it, then the running maximum along the row (the skip 0-1)."""
    lo, hi = bounds
    width = max(0, hi - lo + 1)
    row = _Row(lo, array("d", [NEG]) * width)
    row_edges: Edges = {}
    if a >= 1:
        _copy_overlap(stored[a - 1], row)
        for b, how, g in rows.ending_in(a, lo, hi):
            source = stored[a - 2].at(b - 1) if how == 7 else stored[a - 1].at(b - (1 if how == 4 else 2))
            if how == 7 and a < 2 or source == NEG:
                continue
            if g is None:  # computed only where the bead can start
                g = rows.gain(a, b, how)
                if not g > 0:
                    continue
            value, k = source + g, b - lo
            if value > row.scores[k] and (k not in row_edges or value > row_edges[k][2]):
                row_edges[k] = (how, g, value)
        for k, (_, _, value) in row_edges.items():
            row.scores[k] = value
    elif lo == 0 and width:
        row.scores[0] = 0.0
    if width:
        row.scores = array("d", accumulate(row.scores, max))
    return row, row_edges


def _copy_overlap(above: _Row, row: _Row) -> None:
    """Copy the cells of the row above that share a column with ``row`` (the skip 1-0)."""
    start = max(row.low, above.low)
    stop = min(row.low + len(row.scores), above.low + len(above.scores))
    if start < stop:
        row.scores[start - row.low:stop - row.low] = above.scores[start - above.low:stop - above.low]


def _trace(src_ids: Sequence[int], tgt_ids: Sequence[int], stored: list[_Row], edges: list[Edges],
           ties_to_diagonal: bool) -> Path:
    """Follow the best path back from the corner: a bead where an edge beat both the cell
    above and the cell to the left (strictly), else a skip; on a tie upward, or (with
    ``ties_to_diagonal``) to whichever cell lies nearer the diagonal, where positions in
    proportion put a stretch without evidence (as Gale & Church assume)."""
    n, m = len(src_ids), len(tgt_ids)
    beads: list[Bead] = []
    cells = [(n, m)]
    if stored[n].at(m) == NEG:  # the corridor missed the corner
        return Path(beads, cells)
    a, b = n, m
    while a > 0 or b > 0:
        k = b - stored[a].low
        up = stored[a - 1].at(b) if a >= 1 else NEG
        left = stored[a].scores[k - 1] if k >= 1 else NEG
        edge = edges[a].get(k)
        if edge is not None and edge[2] > up and edge[2] > left:
            da, db = divmod(edge[0], 3)
            beads.append((tuple(src_ids[a - da:a]), tuple(tgt_ids[b - db:b]), edge[1]))
        elif up != left or not ties_to_diagonal:
            da, db = (1, 0) if up >= left else (0, 1)
        else:
            da, db = (1, 0) if abs((a - 1) * m - b * n) <= abs(a * m - (b - 1) * n) else (0, 1)
        a, b = a - da, b - db
        cells.append((a, b))
    beads.reverse()
    return Path(beads, cells)


def corridor_around(path: Path, width: int) -> Corridor:
    """Target positions within ``width`` of the path, row by row."""
    n = max(a for a, _ in path.cells)
    m = max(b for _, b in path.cells)
    low = [m] * (n + 1)
    high = [0] * (n + 1)
    for a, b in path.cells:
        low[a] = min(low[a], b)
        high[a] = max(high[a], b)
    for a in range(1, n + 1):
        if low[a] > high[a]:  # a row a 2-1 bead stepped over
            low[a] = high[a] = high[a - 1]
    return [(max(0, low[a] - width), min(m, high[a] + width)) for a in range(n + 1)]
