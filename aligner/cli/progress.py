"""Feedback on stderr while the work runs: a Rich progress display on a terminal once the work
has taken a second, and the stage timings with --verbose. Nothing on a pipe or with --quiet.

The library reports stages through a callback (models.OnStage) and never prints; this module
is that callback. The display is refreshed from a SIGALRM timer rather than Rich's refresh
thread: a second thread would stop the aligner forking its per-paragraph helpers
(aligner.parallel), which would make a long post slower exactly when the display is shown.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from typing import Any, TextIO

import typer

# After this long without finishing, the display appears (a quick run shows nothing).
DELAY = 1.0
TICK = 0.1

_UNITS = {"reading": "bytes", "splitting": "lines", "tagging": "paragraphs", "aligning": "paragraphs",
          "sentences": "pairs", "writing": "units"}


def describe(stage: str, count: int) -> str:
    """"tagging 30,000 paragraphs", "reading 5.2 MB"."""
    if stage == "reading":
        return f"reading {count / 1e6:.1f} MB" if count >= 100_000 else f"reading {count:,} bytes"
    return f"{stage} {count:,} {_UNITS.get(stage, 'items')}"


class Progress:
    """What the user sees on stderr while posts are aligned: use as a context manager and pass
    ``stage`` (an OnStage) and ``file_done`` to the library."""

    def __init__(self, files: int, quiet: bool = False, verbose: bool = False,
                 stream: TextIO | None = None) -> None:
        self.files = files
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet and self.stream is not None and self.stream.isatty()
        self.verbose = verbose
        self.timings: dict[str, float] = {}
        self.current: tuple[str, float] | None = None
        self.done = 0
        self.display: Any = None
        self.tasks: dict[str, Any] = {}
        self.busy = False
        self.description = f"aligning {files} files" if files > 1 else "starting"
        self.timer = False
        self.started = time.monotonic()

    def __enter__(self) -> Progress:
        self.started = time.monotonic()
        if self.enabled and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            import rich.progress  # noqa: F401 - loaded now (on a terminal only), not inside a tick
            self.previous = signal.signal(signal.SIGALRM, self._tick)
            signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
            self.timer = True
        return self

    def stage(self, name: str, count: int) -> None:
        """The library's OnStage: a stage starts (the one before it ends)."""
        now = time.monotonic()
        self._close_stage(now)
        self.current = (name, now)
        self._update(description=describe(name, count))

    def file_done(self, name: str) -> None:
        """One more file of several is aligned."""
        self.done += 1
        self._update()

    def _close_stage(self, now: float) -> None:
        if self.current is not None:
            name, since = self.current
            self.timings[name] = self.timings.get(name, 0.0) + now - since
            self.current = None

    def _update(self, description: str | None = None) -> None:
        """Record what is going on; draw it if the display is due. ``busy`` keeps the timer's
        tick from drawing while this is half done."""
        self.busy = True
        try:
            if description is not None:
                self.description = description
            if self.enabled:
                self._show_if_due()
        finally:
            self.busy = False

    def _tick(self, signum: int, frame: Any) -> None:
        """The timer: draw, unless a draw is under way (a tick can land in the middle of one).
        The display must never break the work, so a failure to draw only turns it off."""
        if not self.enabled or self.busy:
            return
        self.busy = True
        try:
            self._show_if_due()
        except Exception:  # noqa: BLE001 - whatever it is, the alignment goes on without a display
            self.enabled = False
        finally:
            self.busy = False

    def _show_if_due(self) -> None:
        """Start the display once the work has taken DELAY seconds, then bring it up to date."""
        if self.display is None:
            if time.monotonic() - self.started < DELAY:
                return
            self._start_display()
        elapsed = int(time.monotonic() - self.started)
        self.display.update(self.tasks["stage"], description=f"{self.description} ({elapsed} s)")
        if "files" in self.tasks:
            self.display.update(self.tasks["files"], completed=self.done,
                                description=f"file {min(self.done + 1, self.files)} of {self.files}")
        self.display.refresh()

    def _start_display(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress as Display, SpinnerColumn, TextColumn

        console = Console(file=self.stream, stderr=True)
        self.display = Display(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), console=console,
                               transient=True, auto_refresh=False, redirect_stdout=False, redirect_stderr=False)
        if self.files > 1:
            self.tasks["files"] = self.display.add_task("files", total=self.files, completed=self.done)
        self.tasks["stage"] = self.display.add_task(self.description, total=None)
        self.display.start()

    def say(self, line: str) -> None:
        """A message on stderr while the work goes on (a file that cannot be read): above the
        display when it is shown, so the two do not garble each other."""
        self.busy = True
        try:
            if self.display is not None:
                self.display.console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:
                print(line, file=sys.stderr)
        finally:
            self.busy = False

    def before_output(self, output: object) -> None:
        """Output is about to be written: if it goes to the screen the display is on, take the
        display away first (a file or a pipe can be written while the display runs)."""
        if (output is None or str(output) == "-") and sys.stdout is not None and sys.stdout.isatty():
            self.pause()

    def pause(self) -> None:
        """Take the display off the terminal (before a table is printed on the same screen)."""
        self._stop_timer()
        if self.display is not None:
            self.display.stop()
            self.display = None
        self.enabled = False

    def _stop_timer(self) -> None:
        if self.timer:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, self.previous)
            self.timer = False

    def __exit__(self, kind: object, *exc: object) -> None:
        """Clear the display; with --verbose, say how long each stage took (when the work ended
        normally or by a chosen exit status; after an error, the error says enough)."""
        self._close_stage(time.monotonic())
        self.pause()
        if self.verbose and (kind is None or (isinstance(kind, type) and issubclass(kind, typer.Exit))):
            print(timings_line(self.timings, time.monotonic() - self.started), file=sys.stderr)


def timings_line(timings: dict[str, float], total: float) -> str:
    """"align: timings: reading 0.01 s, tagging 0.17 s, …; total 1.28 s"."""
    stages = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items())
    return f"align: timings: {stages or 'no stages'}; total {total:.2f} s"
