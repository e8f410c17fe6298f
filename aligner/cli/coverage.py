"""`align coverage`: is the translation complete? A report, and an exit status for CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import AlignerError
from .options import (CoverageFormat, DictOpt, EncodingOpt, FailOn, FilesArg, InputFormat, InputOpt, OutputOpt,
                      ParagraphMode, ParagraphsOpt, QuietOpt, SrcOpt, TgtOpt, VerboseOpt)
from .plumbing import check_languages, console, show, user_errors, write_output
from .progress import Progress

if TYPE_CHECKING:
    from ..coverage import CoverageReport
    from ..dictionary import Dictionary


def command(
    files: FilesArg = None,
    min_coverage: Annotated[Optional[float], typer.Option("--min-coverage", min=0.0, max=1.0, metavar="X",
                            help="Exit 1 when the share of source words translated is below X (0 to 1).",
                            show_default=False)] = None,
    fail_on: Annotated[Optional[list[FailOn]], typer.Option("--fail-on", metavar="KIND", help="KIND: doubtful|"
                       "untranslated|unmatched. Also exit 1 when any such finding exists (repeatable).",
                       show_default=False)] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="REGEX", help="Set aside paragraphs "
                      "matching this regular expression (repeatable), e.g. a blog footer.",
                      show_default=False)] = None,
    format: Annotated[CoverageFormat, typer.Option("--format", "-f", metavar="FORMAT",
                                                   help="FORMAT: table|json. table: a report for people.")]
    = CoverageFormat.table,
    src: SrcOpt = "en",
    tgt: TgtOpt = "vi",
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    input_format: InputOpt = InputFormat.auto,
    encoding: EncodingOpt = None,
    dict_files: DictOpt = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Check that the translation in each FILE is complete and faithful: coverage, gaps, doubtful pairs.

    Exit status: 0 when the thresholds hold, 1 when one fails, 2 for unreadable input.

    \b
    Examples:
      align coverage post.txt
      align coverage post.txt --min-coverage 1 --fail-on doubtful
      align coverage posts/*.txt --min-coverage 0.95
      align coverage post.txt --ignore '^Share this' -f json
    """
    user_errors(check_posts)(files or ["-"], min_coverage, [f.value for f in fail_on or []], ignore or [],
                             format.value, src, tgt, paragraphs.value, input_format.value, encoding, output,
                             dict_files or [], quiet, verbose)


def check_posts(files: list[str], min_coverage: Optional[float], fail_on: list[str], ignore: list[str], fmt: str,
                src: str, tgt: str, paragraphs: str, input_format: str, encoding: Optional[str],
                output: Optional[Path], dict_files: list[str], quiet: bool = False, verbose: bool = False) -> None:
    """Check every file, write the report, and exit 1 when a threshold fails (2: unreadable)."""
    import json

    from ..coverage_gate import combined_totals, report_record
    from ..dictionary import read_dictionaries
    from ..render import coverage_view

    check_languages(src, tgt, quiet)
    dictionary = read_dictionaries(dict_files)
    _check_patterns(ignore)
    with Progress(len(files), quiet, verbose) as progress:
        reports, failures, unreadable = _reports(files, (src, tgt, paragraphs, encoding, input_format), dictionary,
                                                 ignore, (min_coverage, fail_on), progress)
        progress.pause()
    checked = min_coverage is not None or bool(fail_on)
    if fmt == "json":
        document = {"files": [report_record(r, f) for r, f in zip(reports, failures)],
                    "total": combined_totals(reports),
                    "verdict": {"passed": not any(failures) and not unreadable,
                                "min_coverage": min_coverage, "fail_on": fail_on}}
        write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, files)
    elif len(reports) == 1 and len(files) == 1:
        show(coverage_view(reports[0], failures[0], checked), output, files)
    elif reports:
        _files_report(reports, failures, combined_totals(reports), checked, output, files)
    if unreadable:
        raise typer.Exit(2)
    if any(failures):
        raise typer.Exit(1)


def _files_report(reports: list[CoverageReport], failures: list[list[str]], totals: dict, checked: bool, output: Optional[Path],
                  files: list[str]) -> None:
    """One row per file: a boxed table on a terminal wide enough for it, plain columns otherwise
    (a pipe, a CI log, a narrow window), so a file name is never broken or cut."""
    from ..render import coverage_files_rows, coverage_files_table, plain_columns, table_width

    rows = coverage_files_rows(reports, failures, totals, checked)
    on_terminal = (output is None or str(output) == "-") and sys.stdout.isatty()
    if on_terminal and table_width(rows) <= console().width:
        show(coverage_files_table(rows), output, files)
    else:
        write_output(plain_columns(rows), output, files)


def _check_patterns(ignore: list[str]) -> None:
    import re

    for pattern in ignore:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise AlignerError(f"--ignore {pattern!r} is not a valid regular expression: {exc}") from None


def _reports(files: list[str], reading: tuple[str, str, str, Optional[str], str], dictionary: Dictionary,
             ignore: list[str], gate: tuple[Optional[float], list[str]],
             progress: Progress) -> tuple[list[CoverageReport], list[list[str]], bool]:
    """Each readable file's coverage report and failures, and whether a file was unreadable.
    ``reading``: src, tgt, paragraphs, encoding, input format; ``gate``: min coverage, fail-on."""
    from .. import align_file
    from ..coverage import check_alignment
    from ..coverage_gate import verdict

    src, tgt, paragraphs, encoding, input_format = reading
    reports, failures, unreadable = [], [], False
    for file in files:
        try:
            alignment = align_file(file, src, tgt, paragraphs, encoding, input_format, dictionary=dictionary,
                                   on_stage=progress.stage)
        except AlignerError as exc:
            if len(files) == 1:
                raise
            progress.say(f"align: error: {exc.message}")
            unreadable = True
            continue
        finally:
            progress.file_done(file)
        report = check_alignment(alignment, "standard input" if file == "-" else file, ignore)
        reports.append(report)
        failures.append(verdict(report, *gate))
    return reports, failures, unreadable
