#!/usr/bin/env python3
"""Where the time of one run goes, stage by stage; and the floor. Run by benchmarks/run.py.

    python3 benchmarks/profile_stages.py --profile CHECKOUT POST   # JSON: seconds per stage
    python3 benchmarks/profile_stages.py --floor POST              # seconds to read and split

The profile aligns POST with the aligner of CHECKOUT (this one, or an older one to compare
with) in this process, with a clock around each stage: imports (start-up), read, segment,
language tags, then inside the alignment the pipeline's named passes, found by name in
aligner.align.pipeline (a pass that a checkout lacks is counted in "align: other"), and the
write (jsonl, every paragraph). Each stage's time is its own, without the stages inside it.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (module, function or class, stage): a class is timed in its constructor.
HOOKS = (
    ("aligner.align.pipeline", "lexicon_for", "evidence"),
    ("aligner.align.pipeline", "document_items", "evidence"),
    ("aligner.align.pipeline", "Evidence", "evidence"),
    ("aligner.align.tables", "ItemTables", "evidence"),
    ("aligner.align.pipeline", "estimate_null", "null model"),
    ("aligner.align.pipeline", "learnt_model", "model and corridor"),
    ("aligner.align.pipeline", "search", "search"),
    ("aligner.align.pipeline", "grow_merges", "merges and renderings"),
    ("aligner.align.pipeline", "second_renderings", "merges and renderings"),
    ("aligner.align.pipeline", "score_units", "confidence and units"),
)


class Clock:
    """Exclusive time per stage: entering a stage pauses the one it was called from."""

    def __init__(self, stage: str) -> None:
        self.stack = [(stage, time.perf_counter())]
        self.spent: dict[str, float] = defaultdict(float)

    def enter(self, stage: str) -> None:
        now = time.perf_counter()
        outer, since = self.stack[-1]
        self.spent[outer] += now - since
        self.stack.append((stage, now))

    def leave(self) -> None:
        now = time.perf_counter()
        stage, since = self.stack.pop()
        self.spent[stage] += now - since
        self.stack[-1] = (self.stack[-1][0], now)

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()

        return timed


def hook(clock: Clock) -> None:
    """Put the clock around every pass of HOOKS the checkout has."""
    for module_name, name, stage in HOOKS:
        module = importlib.import_module(module_name)
        target = getattr(module, name, None)
        if isinstance(target, type):
            target.__init__ = clock.wrap(stage, target.__init__)
        elif target is not None:
            setattr(module, name, clock.wrap(stage, target))


def profile(code: Path, post: Path) -> dict[str, float]:
    """Seconds per stage of one run of the checkout ``code`` on ``post``."""
    start = time.perf_counter()
    sys.path.insert(0, str(code))
    from aligner.align import align_paragraphs, collector_paused
    from aligner.export import STREAMING
    from aligner.langid import tag_paragraphs
    from aligner.models import Alignment
    from aligner.reader import read_source
    from aligner.segment import split_paragraphs

    clock = Clock("start-up (imports)")
    clock.stack[0] = (clock.stack[0][0], start)
    hook(clock)
    with collector_paused():
        clock.enter("read")
        text = read_source(post)
        clock.leave()
        clock.enter("segment")
        paragraphs, wrapped = split_paragraphs(text)
        clock.leave()
        clock.enter("language tags")
        tag_paragraphs(paragraphs)
        clock.leave()
        clock.enter("align: other")
        alignment = Alignment("en", "vi", paragraphs, align_paragraphs(paragraphs, "en", "vi"), wrapped)
        clock.leave()
    clock.enter("write")
    with open(post.with_suffix(".profiled.jsonl"), "w", encoding="utf-8") as stream:
        stream.writelines(STREAMING["jsonl"](alignment, True))
    clock.leave()
    return dict(clock.spent)


def floor(post: Path) -> float:
    """Seconds to read, decode, normalise and split the post (the aligner's own reader)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from aligner.reader import read_source
    from aligner.segment import split_paragraphs

    start = time.perf_counter()
    split_paragraphs(read_source(post))
    return time.perf_counter() - start


def main() -> None:
    if sys.argv[1] == "--floor":
        print(floor(Path(sys.argv[2])))
    else:
        print(json.dumps(profile(Path(sys.argv[2]), Path(sys.argv[3]))))


if __name__ == "__main__":
    main()
