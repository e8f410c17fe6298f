"""What every command shares: turning errors into exit codes, writing to stdout or a file, showing
Rich renderables, the default format for a terminal or a pipe."""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import AlignerError


def user_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn library errors, Ctrl-C and a closed pipe into a message and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except AlignerError as exc:
            print(f"align: error: {exc.message}", file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            print("align: interrupted", file=sys.stderr)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (`align post.txt | head -1`): stop quietly, as Unix tools do.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (AttributeError, OSError, ValueError):
                pass  # stdout is not a real file (a test runner's buffer)
            raise typer.Exit(141) from None

    return wrapper


def console(file=None):
    from rich.console import Console

    return Console(file=file, soft_wrap=False)


def write_output(text: str | Iterable[str], output: Optional[Path], sources: list[str]) -> None:
    """Write text (or its pieces, as they come) to stdout, or to a file by the rules of output_file."""
    from ..output_file import write_output

    pieces = [text] if isinstance(text, str) else text
    if output is None or str(output) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    write_output(output, pieces, sources)


def note(message: str, quiet: bool = False, label: str = "note: ") -> None:
    """Say something the user should know (not an error) on stderr, unless --quiet."""
    if not quiet:
        print(f"align: {label}{message}", file=sys.stderr)


def check_languages(src: str, tgt: str, quiet: bool = False) -> None:
    """Refuse an unknown language code (exit 2); say when the lexicon does not cover the pair."""
    from ..languages import check_pair

    found = check_pair(src, tgt)
    if found:
        note(found, quiet)


def render_to_text(renderable) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def show(renderable, output: Optional[Path], sources: list[str]) -> None:
    if output is None or str(output) == "-":
        console().print(renderable)
    else:
        write_output(render_to_text(renderable), output, sources)


def default_format(output: Optional[Path]) -> str:
    return "table" if output is None and sys.stdout.isatty() else "tsv"


def usage_error_line(exc: BaseException) -> Optional[str]:
    """A click usage error (it has ``format_message``) as one line naming the bad value and, for
    a choice, the accepted ones; None for any other exception."""
    if not hasattr(exc, "format_message"):
        return None
    message = exc.format_message().replace("Value error, ", "").rstrip(".")
    param = getattr(exc, "param", None)
    # The accepted values: click's Choice type, or a newer typer's type descriptor.
    kind = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    choices = getattr(kind, "choices", None) if isinstance(exc, typer.BadParameter) else None
    if choices:
        import re

        bad = re.search(r"'([^']*)' is not one of", message)
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        option = max(param.opts, key=len) if param.opts else param.name
        message = f"{option} {repr(bad.group(1)) if bad else 'value'} is not one of: {names}"
    ctx = getattr(exc, "ctx", None)
    return f"align: error: {message} (see '{ctx.command_path if ctx else 'align'} --help')"
