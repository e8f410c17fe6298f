"""The `align` command: parses options, calls the library, prints. It computes nothing itself."""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from .errors import AlignerError

DEFAULT_COMMAND = "pairs"


class _DefaultCommandGroup(TyperGroup):
    """Lets `align FILE` mean `align pairs FILE`, while `align detect FILE` still works."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args:
            # Bare `align`: help on a terminal, otherwise read the post from standard input.
            args = ["--help"] if sys.stdin is None or sys.stdin.isatty() else [DEFAULT_COMMAND]
        elif args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultCommandGroup,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Align the English and Vietnamese paragraphs of a bilingual post.

`align FILE` is short for `align pairs FILE`.

\b
Examples:
  align post.txt                      pairs side by side in a table
  align post.txt --format tsv         english<TAB>vietnamese, one pair per line
  align post.txt --format jsonl --all every paragraph, paired or not
  align detect post.txt               the language of every paragraph
  cat post.txt | align - -f csv -o pairs.csv
""",
)


class PairFormat(str, Enum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


class DetectFormat(str, Enum):
    table = "table"
    tsv = "tsv"
    jsonl = "jsonl"
    json = "json"


class ParagraphMode(str, Enum):
    auto = "auto"
    lines = "lines"
    blocks = "blocks"


FileArg = Annotated[str, typer.Argument(help="The post to read; - (or nothing) reads standard input.",
                                        show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of "
                                                   "standard output (atomically).", show_default=False)]
ParagraphsOpt = Annotated[ParagraphMode, typer.Option("--paragraphs", "-p", help="lines: every non-blank line is "
                          "a paragraph; blocks: blank-line blocks, lines joined; auto: blocks only for "
                          "hard-wrapped text.")]
EncodingOpt = Annotated[Optional[str], typer.Option("--encoding", "-e", help="Decode the input with this encoding "
                        "(e.g. cp1258, cp1252); default: UTF-8, or UTF-16/32 by BOM.", show_default=False)]


def _user_errors(command: Callable[..., None]) -> Callable[..., None]:
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


def _console(file=None):
    from rich.console import Console

    return Console(file=file, soft_wrap=False)


def _write_output(text: str, output: Optional[Path], source: str) -> None:
    """Write to stdout, or atomically to a file that is not the input."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if source != "-" and Path(source).exists() and output.exists() and output.resolve() == Path(source).resolve():
        raise AlignerError(f"{output}: refusing to overwrite the input file")
    folder = output.resolve().parent
    if not folder.is_dir():
        raise AlignerError(f"{output}: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _render_to_text(renderable) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, file=open(os.devnull, "w"), color_system=None)
    console.print(renderable)
    return console.export_text()


def _show(renderable, output: Optional[Path], source: str) -> None:
    if output is None or str(output) == "-":
        _console().print(renderable)
    else:
        _write_output(_render_to_text(renderable), output, source)


def _default_format(output: Optional[Path]) -> str:
    return "table" if output is None and sys.stdout.isatty() else "tsv"


@app.command(DEFAULT_COMMAND)
@_user_errors
def pairs(
    file: FileArg = "-",
    format: Annotated[Optional[PairFormat], typer.Option("--format", "-f", help="table (default on a terminal), "
                      "tsv (default on a pipe; tab, newline and backslash escaped as \\t \\n \\\\), csv, "
                      "jsonl, json.", show_default=False)] = None,
    include_all: Annotated[bool, typer.Option("--all", "-a", help="Also list paragraphs without a counterpart, "
                           "so every paragraph appears once, in document order.")] = False,
    src: Annotated[str, typer.Option("--src", help="Source language (ISO 639-1).")] = "en",
    tgt: Annotated[str, typer.Option("--tgt", help="Target language (ISO 639-1).")] = "vi",
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
) -> None:
    """Pair every target paragraph with the source paragraph it translates.

    \b
    Examples:
      align pairs post.txt --format tsv | cut -f2
      align post.txt --format jsonl --all -o post.jsonl
      align post.txt --src vi --tgt en
    """
    from . import align_file
    from .export import WRITERS
    from .render import alignment_view

    alignment = align_file(file, src, tgt, paragraphs.value, encoding)
    chosen = format.value if format else _default_format(output)
    if chosen == "table":
        _show(alignment_view(alignment, include_all), output, file)
        return
    _write_output(WRITERS[chosen](alignment, include_all), output, file)
    note = alignment.pairing_note()
    if note:
        print(f"align: note: {'standard input' if file == '-' else file}: {note}", file=sys.stderr)


@app.command("detect")
@_user_errors
def detect(
    file: FileArg = "-",
    format: Annotated[Optional[DetectFormat], typer.Option("--format", "-f", help="table (default on a "
                      "terminal), tsv (line, lang, text; default on a pipe), jsonl, json.",
                      show_default=False)] = None,
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
) -> None:
    """Tag every paragraph with its language: en, vi, another ISO 639-1 code, or und.

    \b
    und is for URLs, numbers, dates in digits, bare names and symbols.
    Examples:
      align detect post.txt
      align detect post.txt --format jsonl | grep '"lang": "und"'
    """
    from .api import detect_text
    from .export import DETECT_WRITERS
    from .reader import read_source
    from .render import detect_table

    found, _ = detect_text(read_source(file, encoding), paragraphs.value)
    chosen = format.value if format else _default_format(output)
    if chosen == "table":
        _show(detect_table(found), output, file)
        return
    _write_output(DETECT_WRITERS[chosen](found), output, file)


def main() -> None:
    """Entry point of the `align` command."""
    app()


if __name__ == "__main__":
    main()
