"""Long posts: a corridor from the path between chunks, and a first pass over stretches.

A table of every source against every target paragraph grows with the square of the post.
Above settings.full_table_limit cells the path is first found between chunks of a few
paragraphs (recursively, as vecalign does), and only a corridor around it is searched; a
book-length post also learns its habits from a few stretches of it rather than from a first
pass over the whole.
"""

from __future__ import annotations

from .band import BandScorer
from .estimate import estimate_null
from .score import Bead
from .search import Corridor, corridor_around, search


def coarse_corridor(scorer: BandScorer, limit: int) -> Corridor | None:
    """Where the path of the scorer's post can lie, from the path between its chunks.

    None when the full table (up to ``limit`` cells) is small enough; recursive, so each
    level costs time in proportion to its length and the whole stays near linear.
    """
    settings, chunk = scorer.settings, scorer.settings.chunk
    n, m = len(scorer.document.src), len(scorer.document.tgt)
    if n * m <= limit or min(n, m) < 2 * chunk:
        return None
    coarse = scorer.coarsened(chunk)
    coarse = coarse.with_model(estimate_null(coarse, settings.coarse_samples))
    outer = coarse_corridor(coarse, settings.coarse_table_limit)
    path = search(coarse, list(range(len(coarse.document.src))), list(range(len(coarse.document.tgt))),
                  layout=False, corridor=outer, merges=False, ties_to_diagonal=True)
    rows = corridor_around(path, 0)
    corridor = []
    for a in range(n + 1):
        low_row, high_row = rows[min(a // chunk, len(rows) - 1)], rows[min((a + chunk - 1) // chunk, len(rows) - 1)]
        lo = max(0, low_row[0] * chunk - settings.chunk_corridor)
        hi = min(m, (high_row[1] + 1) * chunk + settings.chunk_corridor)
        corridor.append((lo, hi))
    corridor[n] = (corridor[n][0], m)
    return corridor


def is_book_length(scorer: BandScorer) -> bool:
    """Long enough that the stretches of sampled_first_pass are a fraction of the post."""
    settings = scorer.settings
    return len(scorer.document.src) > 2 * settings.sample_windows * settings.sample_rows


def sampled_first_pass(scorer: BandScorer, guide: Corridor) -> list[Bead]:
    """First-pass beads of settings.sample_windows stretches of settings.sample_rows source
    paragraphs spread evenly over the post, each aligned alone within the coarse corridor
    ``guide``.

    A stretch's first and last beads may be forced by its edges, but only confident beads
    teach the model, and a few thousand of them estimate its handful of parameters well."""
    windows, size = scorer.settings.sample_windows, scorer.settings.sample_rows
    n, m = len(scorer.document.src), len(scorer.document.tgt)
    beads: list[Bead] = []
    for w in range(windows):
        first = (w * n) // windows + (n // windows - size) // 2
        stop = first + size
        left, right = guide[first][0], min(m, guide[stop][1])
        corridor = [(max(0, lo - left), min(right, hi) - left) for lo, hi in guide[first:stop + 1]]
        corridor[0], corridor[-1] = (0, corridor[0][1]), (corridor[-1][0], right - left)
        view = scorer.selected(range(first, stop), range(left, right))
        for s, t, g in search(view, range(stop - first), range(right - left), layout=False, merges=False,
                              corridor=corridor).beads:
            beads.append((tuple(first + i for i in s), tuple(left + j for j in t), g))
    return beads


def widened(guide: Corridor, margin: int, m: int) -> Corridor:
    """The coarse corridor, ``margin`` target paragraphs wider on each side."""
    return [(max(0, lo - margin), min(m, hi + margin)) for lo, hi in guide]
