"""`align coverage`: is the translation complete? A report, and an exit status for CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import AlignerError
from .options import (CoverageFormat, DictOpt, EncodingOpt, FailOn, InputFormat, InputOpt, OutputOpt,
                      ParagraphMode, ParagraphsOpt)
from .plumbing import check_languages, show, user_errors, write_output


def command(
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
    user_errors(check_posts)(files or ["-"], min_coverage, [f.value for f in fail_on or []], ignore or [],
                            format.value, src, tgt, paragraphs.value, input_format.value, encoding, output,
                            dict_files or [])


def check_posts(files: list[str], min_coverage: Optional[float], fail_on: list[str], ignore: list[str], fmt: str,
              src: str, tgt: str, paragraphs: str, input_format: str, encoding: Optional[str],
              output: Optional[Path], dict_files: list[str]) -> None:
    import json
    import re

    from .. import align_file
    from ..coverage import check_alignment
    from ..coverage_gate import combined_totals, report_record, verdict
    from ..dictionary import read_dictionaries
    from ..render import coverage_files_table, coverage_view

    check_languages(src, tgt)
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
        write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output, files)
    elif len(reports) == 1 and len(files) == 1:
        show(coverage_view(reports[0], failures[0], checked), output, files)
    elif reports:
        show(coverage_files_table(reports, failures, combined_totals(reports), checked), output, files)
    if unreadable:
        raise typer.Exit(2)
    if any(failures):
        raise typer.Exit(1)
