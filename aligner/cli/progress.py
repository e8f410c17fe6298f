"""A progress bar on stderr for many files: only on a terminal, only once the work takes a second."""

from __future__ import annotations

import sys
from collections.abc import Callable


class Progress:
    """A progress bar on stderr, only on a terminal and only once the work has taken a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        self.task = None
        self.count = 0

    def __enter__(self) -> Callable[[str], None]:
        import time

        self.started = time.monotonic()
        self.enabled = self.total > 1 and sys.stderr is not None and sys.stderr.isatty()
        return self.advance

    def advance(self, name: str) -> None:
        import time

        self.count += 1
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.started > 1.0:
            from rich.progress import Progress

            from rich.console import Console

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("aligning", total=self.total, completed=self.count)
            self.bar.start()
        elif self.bar is not None:
            self.bar.update(self.task, completed=self.count, description=name)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
