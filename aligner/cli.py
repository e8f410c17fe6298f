"""The `align` command: parses options, calls the library, prints. It computes nothing itself."""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable, Iterable
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
    rich_markup_mode=None,  # plain help: it prints in half the time and pipes cleanly
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
    tmx = "tmx"
    moses = "moses"
    md = "md"
    html = "html"


class Level(str, Enum):
    paragraph = "paragraph"
    sentence = "sentence"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    markdown = "markdown"


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
DictOpt = Annotated[Optional[list[str]], typer.Option("--dict", help="Add the English–Vietnamese words of this "
                    "file to the lexicon (repeatable): lines 'english<TAB>vietnamese' (renderings split by |) "
                    "or hunalign's 'vietnamese @ english'; # starts a comment.", show_default=False)]
InputOpt = Annotated[InputFormat, typer.Option("--input", "-i", help="What the input is: text, html (a saved web "
                     "page), markdown; auto: HTML by its content, .md/.html by the file name, else text.")]


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


def _write_output(text: str | Iterable[str], output: Optional[Path], sources: list[str]) -> None:
    """Write text (or its pieces, as they come) to stdout, or to a file by the rules of output_file."""
    from .output_file import write_output

    pieces = [text] if isinstance(text, str) else text
    if output is None or str(output) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    write_output(output, pieces, sources)


def _check_languages(src: str, tgt: str) -> None:
    """Refuse an unknown language code (exit 2); say when the lexicon does not cover the pair."""
    from .languages import check_pair

    note = check_pair(src, tgt)
    if note:
        print(f"align: note: {note}", file=sys.stderr)


def _render_to_text(renderable) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def _show(renderable, output: Optional[Path], sources: list[str]) -> None:
    if output is None or str(output) == "-":
        _console().print(renderable)
    else:
        _write_output(_render_to_text(renderable), output, sources)


def _default_format(output: Optional[Path]) -> str:
    return "table" if output is None and sys.stdout.isatty() else "tsv"


@app.command(DEFAULT_COMMAND)
@_user_errors
def pairs(
    files: Annotated[Optional[list[str]], typer.Argument(help="The posts to read; - (or nothing) reads standard "
                                                         "input.", show_default=False)] = None,
    format: Annotated[Optional[PairFormat], typer.Option("--format", "-f", help="table (default on a terminal), "
                      "tsv (default on a pipe; tab, newline and backslash escaped as \\t \\n \\\\), csv, "
                      "jsonl, json, tmx (TMX 1.4b), moses (-o BASE writes BASE.en and BASE.vi), md (Markdown "
                      "table), html (a side-by-side report page).", show_default=False)] = None,
    include_all: Annotated[bool, typer.Option("--all", "-a", help="Also list paragraphs without a counterpart, "
                           "so every paragraph appears once, in document order.")] = False,
    src: Annotated[str, typer.Option("--src", help="Source language (ISO 639-1).")] = "en",
    tgt: Annotated[str, typer.Option("--tgt", help="Target language (ISO 639-1).")] = "vi",
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    level: Annotated[Level, typer.Option("--level", "-l", help="paragraph pairs, or sentence pairs aligned "
                     "inside each paragraph pair (what translation memories want).")] = Level.paragraph,
    input_format: InputOpt = InputFormat.auto,
    encoding: EncodingOpt = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes for several files "
                    "(default: the number of cores); output keeps the input order.", show_default=False)] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, help="Keep only units "
                         "whose score is at least this (0 to 1), in every format.", show_default=False)] = None,
    dict_files: DictOpt = None,
    output: OutputOpt = None,
) -> None:
    """Pair every target paragraph with the source paragraph it translates.

    With several files, jsonl, json and csv records get a "file" field, tsv, tmx and moses
    hold the pairs of all files in input order, and a table is shown per file.

    \b
    Examples:
      align pairs post.txt --format tsv | cut -f2
      align post.txt --format jsonl --all -o post.jsonl
      align post.txt --format tmx --level sentence -o post.tmx
      align post.txt --format moses -o corpus/post     (corpus/post.en, corpus/post.vi)
      align saved-page.html --format html -o report.html
      align posts/*.txt --format jsonl --jobs 4 > corpus.jsonl
      align post.txt --src vi --tgt en
      align post.txt --dict medicine.tsv --dict terms.txt
      align post.txt --min-score 0.5 --format tsv
    """
    from .batch import AlignOptions, align_many, combined
    from .dictionary import read_dictionaries
    from .export import STREAMING, WRITERS, moses_files, write_many, xml_forbidden_count
    from .render import alignment_view
    from .selection import selected_units, with_min_score

    files = files or ["-"]
    _check_languages(src, tgt)
    chosen = format.value if format else _default_format(output)
    if chosen == "moses" and (output is None or str(output) == "-"):
        raise AlignerError("--format moses writes two files: give their common name with -o BASE")
    if chosen in ("md", "html") and len(files) > 1:
        raise AlignerError(f"--format {chosen} shows one post: give one file")
    options = AlignOptions(src, tgt, paragraphs.value, encoding, input_format.value, level.value,
                           read_dictionaries(dict_files or []))
    done: list[tuple[str, object]] = []
    with _Progress(len(files)) as advance:
        for name, result in align_many(files, options, jobs, advance):
            if isinstance(result, AlignerError):
                if len(files) == 1:
                    raise result
                print(f"align: error: {result.message}", file=sys.stderr)
                continue
            done.append((name, with_min_score(result, min_score)))
    alignments = [a for _, a in done]
    if not alignments:
        raise typer.Exit(2)
    whole = alignments[0] if len(files) == 1 else combined(alignments)
    dropped = sum(xml_forbidden_count(a) for a in alignments) if chosen in ("tmx", "html") else 0
    if dropped:
        print(f"align: note: dropped {dropped} characters that XML does not allow", file=sys.stderr)
    if chosen == "table":
        for name, alignment in done:
            if len(files) > 1:
                _console().rule(name)
            _show(alignment_view(alignment, include_all), output, files)
    elif chosen == "moses":
        src_text, tgt_text = moses_files(whole)
        base = str(output)
        _write_output(src_text, Path(f"{base}.{src}"), files)
        _write_output(tgt_text, Path(f"{base}.{tgt}"), files)
        print(f"align: wrote {len(selected_units(whole, False))} pairs to {base}.{src} and {base}.{tgt}",
              file=sys.stderr)
    elif len(files) > 1 and chosen in ("jsonl", "json", "csv", "tsv"):
        _write_output(write_many(chosen, done, include_all), output, files)
    elif chosen in STREAMING:
        _write_output(STREAMING[chosen](whole, include_all), output, files)
    else:
        _write_output(WRITERS[chosen](whole, include_all), output, files)
    for name, alignment in done:
        note = alignment.pairing_note()
        if note:
            print(f"align: note: {'standard input' if name == '-' else name}: {note}", file=sys.stderr)
    if len(done) < len(files):
        raise typer.Exit(2)


class _Progress:
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


@app.command("detect")
@_user_errors
def detect(
    file: FileArg = "-",
    format: Annotated[Optional[DetectFormat], typer.Option("--format", "-f", help="table (default on a "
                      "terminal), tsv (line, lang, text; default on a pipe), jsonl, json.",
                      show_default=False)] = None,
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    input_format: InputOpt = InputFormat.auto,
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
    from .api import detect_file
    from .export import DETECT_WRITERS
    from .render import detect_table

    found, _ = detect_file(file, paragraphs.value, encoding, input_format.value)
    chosen = format.value if format else _default_format(output)
    if chosen == "table":
        _show(detect_table(found), output, [file])
        return
    _write_output(DETECT_WRITERS[chosen](found), output, [file])


class CoverageFormat(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    doubtful = "doubtful"
    untranslated = "untranslated"
    unmatched = "unmatched"


@app.command("coverage")
def coverage(
    files: Annotated[Optional[list[str]], typer.Argument(help="Posts to check; - (or nothing) reads standard "
                                                         "input.", show_default=False)] = None,
    min_coverage: Annotated[Optional[float], typer.Option("--min-coverage", min=0.0, max=1.0, help="Exit 1 when "
                            "the share of source words translated is below this (0 to 1).",
                            show_default=False)] = None,
    fail_on: Annotated[Optional[list[FailOn]], typer.Option("--fail-on", help="Also exit 1 when any such finding "
                       "exists (repeatable): doubtful, untranslated, unmatched.", show_default=False)] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Set aside paragraphs matching this "
                      "regular expression (repeatable), e.g. a blog footer.", show_default=False)] = None,
    format: Annotated[CoverageFormat, typer.Option("--format", "-f", help="table (a report for people) or json.")]
    = CoverageFormat.table,
    src: Annotated[str, typer.Option("--src", help="Source language (ISO 639-1).")] = "en",
    tgt: Annotated[str, typer.Option("--tgt", help="Target language (ISO 639-1).")] = "vi",
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    input_format: InputOpt = InputFormat.auto,
    encoding: EncodingOpt = None,
    dict_files: DictOpt = None,
    output: OutputOpt = None,
) -> None:
    """Check that a translation is complete and faithful: coverage, gaps, doubtful pairs.

    Exit status: 0 when the thresholds hold, 1 when one fails, 2 for unreadable input.

    \b
    Examples:
      align coverage post.txt
      align coverage post.txt --min-coverage 1 --fail-on doubtful
      align coverage posts/*.txt --min-coverage 0.95
      align coverage post.txt --ignore '^Share this' -f json
    """
    _user_errors(_coverage)(files or ["-"], min_coverage, [f.value for f in fail_on or []], ignore or [],
                            format.value, src, tgt, paragraphs.value, input_format.value, encoding, output,
                            dict_files or [])


def _coverage(files: list[str], min_coverage: Optional[float], fail_on: list[str], ignore: list[str], fmt: str,
              src: str, tgt: str, paragraphs: str, input_format: str, encoding: Optional[str],
              output: Optional[Path], dict_files: list[str]) -> None:
    import json
    import re

    from . import align_file
    from .coverage import check_alignment
    from .coverage_gate import combined_totals, report_record, verdict
    from .dictionary import read_dictionaries
    from .render import coverage_files_table, coverage_view

    _check_languages(src, tgt)
    dictionary = read_dictionaries(dict_files)
    for pattern in ignore:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise AlignerError(f"--ignore {pattern!r} is not a valid regular expression: {exc}") from None
    reports, failures, unreadable = [], [], False
    for file in files:
        try:
            alignment = align_file(file, src, tgt, paragraphs, encoding, input_format, dictionary=dictionary)
        except AlignerError as exc:
            if len(files) == 1:
                raise
            print(f"align: error: {exc.message}", file=sys.stderr)
            unreadable = True
            continue
        report = check_alignment(alignment, "standard input" if file == "-" else file, ignore)
        reports.append(report)
        failures.append(verdict(report, min_coverage, fail_on))
    checked = min_coverage is not None or bool(fail_on)
    if fmt == "json":
        document = {"files": [report_record(r, f) for r, f in zip(reports, failures)],
                    "total": combined_totals(reports),
                    "verdict": {"passed": not any(failures) and not unreadable,
                                "min_coverage": min_coverage, "fail_on": fail_on}}
        _write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, files)
    elif len(reports) == 1 and len(files) == 1:
        _show(coverage_view(reports[0], failures[0], checked), output, files)
    elif reports:
        _show(coverage_files_table(reports, failures, combined_totals(reports), checked), output, files)
    if unreadable:
        raise typer.Exit(2)
    if any(failures):
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the `align` command."""
    app()


if __name__ == "__main__":
    main()
