"""Share a long per-paragraph map between this process and forked helpers, one per core.

Tagging and feature extraction treat every paragraph on its own, and on a book-length post
they are a third of the time. The helpers are forked, so they already hold the paragraphs
and the function: only the results travel back (pickled). Anything that makes forking
unsafe or pointless — a short post, one core, a worker process already (``--jobs``, Dask),
other threads running, a platform other than Linux — runs the map here, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

# Below this many items a fork costs more than it saves.
MIN_ITEMS = 20_000

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _slice(bounds: tuple[int, int]) -> list[Any]:
    function, items = _work
    return [function(item) for item in items[bounds[0]:bounds[1]]]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    """Fork only on Linux (macOS system libraries are not fork-safe), only from a top-level
    process (not a --jobs or Dask worker) and only with no other thread running (a lock one
    holds would stay held in the child)."""
    return sys.platform.startswith("linux") and multiprocessing.parent_process() is None \
        and threading.active_count() == 1


def parallel_map(function: Callable[[Any], Any], items: Sequence[Any], min_items: int | None = None) -> list[Any]:
    """``[function(x) for x in items]``, in order, spread over the cores when it pays."""
    global _work
    workers = min(_cores(), 8)
    if len(items) < (MIN_ITEMS if min_items is None else min_items) or workers < 2 or not _can_fork():
        return [function(item) for item in items]
    step = -(-len(items) // workers)
    bounds = [(start, min(len(items), start + step)) for start in range(0, len(items), step)]
    _work = (function, items)
    try:
        try:
            pool = multiprocessing.get_context("fork").Pool(len(bounds) - 1)
        except OSError:  # no memory or no process left to fork: the map is done here
            return [function(item) for item in items]
        with pool:
            others = pool.map_async(_slice, bounds[1:])
            results = _slice(bounds[0])
            for part in others.get():
                results.extend(part)
    finally:
        _work = None
    return results
