"""`align detect`: the language tag of every paragraph."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .options import (DetectFormat, EncodingOpt, FileArg, InputFormat, InputOpt, OutputOpt, ParagraphMode,
                      ParagraphsOpt, QuietOpt, VerboseOpt)
from .plumbing import default_format, show, user_errors, write_output
from .progress import Progress


@user_errors
def command(
    file: FileArg = "-",
    format: Annotated[Optional[DetectFormat], typer.Option("--format", "-f", metavar="FORMAT", help="FORMAT: "
                      "table|tsv|jsonl|json. table: default on a terminal; tsv: line, lang, text (default on "
                      "a pipe).",
                      show_default=False)] = None,
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    input_format: InputOpt = InputFormat.auto,
    encoding: EncodingOpt = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Tag every paragraph of FILE with its language: en, vi, another ISO 639-1 code, or und.

    \b
    und is for URLs, numbers, dates in digits, bare names and symbols.
    Examples:
      align detect post.txt
      align detect post.txt --format jsonl | grep '"lang": "und"'
    """
    from ..api import detect_file
    from ..export import DETECT_WRITERS
    from ..render import detect_table

    chosen = format.value if format else default_format(output)
    with Progress(1, quiet, verbose) as progress:
        found, _ = detect_file(file, paragraphs.value, encoding, input_format.value, progress.stage)
        progress.stage("writing", len(found))
        progress.before_output(output)
        if chosen == "table":
            show(detect_table(found), output, [file])
        else:
            write_output(DETECT_WRITERS[chosen](found), output, [file])
