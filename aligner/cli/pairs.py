"""`align pairs` (and bare `align FILE`): align posts and write the pairs in the chosen format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import AlignerError
from .options import DictOpt, InputFormat, InputOpt, Level, OutputOpt, PairFormat, ParagraphMode, ParagraphsOpt, EncodingOpt
from .plumbing import check_languages, console, default_format, show, user_errors, write_output
from .progress import Progress

if TYPE_CHECKING:
    from ..batch import AlignOptions
    from ..models import Alignment


@user_errors
def command(
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
    from ..batch import AlignOptions
    from ..dictionary import read_dictionaries

    files = files or ["-"]
    check_languages(src, tgt)
    chosen = format.value if format else default_format(output)
    if chosen == "moses" and (output is None or str(output) == "-"):
        raise AlignerError("--format moses writes two files: give their common name with -o BASE")
    if chosen in ("md", "html") and len(files) > 1:
        raise AlignerError(f"--format {chosen} shows one post: give one file")
    options = AlignOptions(src, tgt, paragraphs.value, encoding, input_format.value, level.value,
                           read_dictionaries(dict_files or []))
    done = _aligned(files, options, jobs, min_score)
    if not done:
        raise typer.Exit(2)
    _write_pairs(chosen, done, files, include_all, output, (src, tgt))
    for name, alignment in done:
        note = alignment.pairing_note()
        if note:
            print(f"align: note: {'standard input' if name == '-' else name}: {note}", file=sys.stderr)
    if len(done) < len(files):
        raise typer.Exit(2)


def _aligned(files: list[str], options: AlignOptions, jobs: Optional[int],
             min_score: Optional[float]) -> list[tuple[str, Alignment]]:
    """Each readable file's alignment, in input order; an unreadable one is reported and skipped
    (with a single file, its error is the command's)."""
    from ..batch import align_many
    from ..selection import with_min_score

    done: list[tuple[str, Alignment]] = []
    with Progress(len(files)) as advance:
        for name, result in align_many(files, options, jobs, advance):
            if isinstance(result, AlignerError):
                if len(files) == 1:
                    raise result
                print(f"align: error: {result.message}", file=sys.stderr)
                continue
            done.append((name, with_min_score(result, min_score)))
    return done


def _write_pairs(chosen: str, done: list[tuple[str, Alignment]], files: list[str], include_all: bool,
                 output: Optional[Path], languages: tuple[str, str]) -> None:
    """Write the alignments in the chosen format: one table per file, two Moses files, or one stream."""
    from ..batch import combined
    from ..export import STREAMING, WRITERS, moses_files, write_many, xml_forbidden_count
    from ..selection import selected_units

    alignments = [a for _, a in done]
    whole = alignments[0] if len(files) == 1 else combined(alignments)
    dropped = sum(xml_forbidden_count(a) for a in alignments) if chosen in ("tmx", "html") else 0
    if dropped:
        print(f"align: note: dropped {dropped} characters that XML does not allow", file=sys.stderr)
    if chosen == "table":
        from ..render import alignment_view

        for name, alignment in done:
            if len(files) > 1:
                console().rule(name)
            show(alignment_view(alignment, include_all), output, files)
    elif chosen == "moses":
        src_text, tgt_text = moses_files(whole)
        base, (src, tgt) = str(output), languages
        write_output(src_text, Path(f"{base}.{src}"), files)
        write_output(tgt_text, Path(f"{base}.{tgt}"), files)
        print(f"align: wrote {len(selected_units(whole, False))} pairs to {base}.{src} and {base}.{tgt}",
              file=sys.stderr)
    elif len(files) > 1 and chosen in ("jsonl", "json", "csv", "tsv"):
        write_output(write_many(chosen, done, include_all), output, files)
    elif chosen in STREAMING:
        write_output(STREAMING[chosen](whole, include_all), output, files)
    else:
        write_output(WRITERS[chosen](whole, include_all), output, files)
