"""The choices and shared options of the `align` commands, as typer reads them from type hints."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


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
                                        metavar="FILE", hidden=True, show_default=False)]
FilesArg = Annotated[Optional[list[str]], typer.Argument(help="The posts to read; - (or nothing) reads standard "
                                                         "input.", metavar="FILE", hidden=True, show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to this file "
                                                   "instead of standard output (atomically).", show_default=False)]
ParagraphsOpt = Annotated[ParagraphMode, typer.Option("--paragraphs", "-p", metavar="MODE", help="MODE: "
                          "auto|lines|blocks. lines: every non-blank line is a paragraph; blocks: blank-line "
                          "blocks, lines joined; auto: blocks for hard-wrapped text, and for a block wrapped on its own "
                          "in a file of one-line paragraphs.")]
EncodingOpt = Annotated[Optional[str], typer.Option("--encoding", "-e", metavar="ENCODING", help="Decode the "
                        "input with this encoding (e.g. cp1258, cp1252); default: UTF-8, or UTF-16/32 by BOM.",
                        show_default=False)]
DictOpt = Annotated[Optional[list[str]], typer.Option("--dict", metavar="FILE", help="Add the English–Vietnamese "
                    "words of this file to the lexicon (repeatable): lines 'english<TAB>vietnamese' (renderings "
                    "split by |) or hunalign's 'vietnamese @ english'; # starts a comment.", show_default=False)]
InputOpt = Annotated[InputFormat, typer.Option("--input", "-i", metavar="KIND", help="KIND: auto|text|html|"
                     "markdown. What the input is: text, html (a saved web page), markdown; auto: HTML by its "
                     "content, .md/.html by the file name, else text.")]
SrcOpt = Annotated[str, typer.Option("--src", metavar="LANG", help="Source language (ISO 639-1).")]
TgtOpt = Annotated[str, typer.Option("--tgt", metavar="LANG", help="Target language (ISO 639-1).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Nothing on stderr but errors: no progress, "
                     "no notes.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Also print on stderr how long each stage "
                       "took (reading, splitting, tagging, aligning, writing).")]


class CoverageFormat(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    doubtful = "doubtful"
    untranslated = "untranslated"
    unmatched = "unmatched"
