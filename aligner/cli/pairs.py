"""`align pairs` (and bare `align FILE`): align posts and write the pairs in the chosen format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import AlignerError
from .options import (DictOpt, EncodingOpt, FilesArg, InputFormat, InputOpt, Level, OutputOpt, PairFormat,
                      ParagraphMode, ParagraphsOpt, QuietOpt, SrcOpt, TgtOpt, VerboseOpt)
from .plumbing import check_languages, console, default_format, note, show, user_errors, write_output
from .progress import Progress

if TYPE_CHECKING:
    from ..batch import AlignOptions
    from ..models import Alignment


@dataclass(frozen=True)
class Shown:
    """What the user asked to see, besides the format."""

    pair: bool = False  # two files, one text (--pair)
    include_all: bool = False
    pairs_only: bool = False
    min_coverage: Optional[float] = None
    quiet: bool = False
    verbose: bool = False


@user_errors
def command(
    files: FilesArg = None,
    format: Annotated[Optional[PairFormat], typer.Option("--format", "-f", metavar="FORMAT", help="FORMAT: "
                      "table|tsv|csv|jsonl|json|tmx|moses|md|html. table: side by side (default on a "
                      "terminal); tsv: english<TAB>vietnamese (default on a pipe; tab, newline and backslash "
                      "written \\t \\n \\\\); csv, jsonl, json: records with scores and line numbers; tmx: TMX "
                      "1.4b; moses: -o BASE writes BASE.en and BASE.vi; md: a Markdown table; html: a "
                      "side-by-side report page.", show_default=False)] = None,
    include_all: Annotated[bool, typer.Option("--all", "-a", help="Also list paragraphs without a counterpart, "
                           "so every paragraph appears once, in document order.")] = False,
    pairs_only: Annotated[bool, typer.Option("--pairs-only", help="In the table, show pairs only (by default "
                          "untranslated source paragraphs are shown in their place, marked).")] = False,
    pair: Annotated[bool, typer.Option("--pair", help="Two files are the two sides of one text: the first the "
                    "source, the second its translation (as hunalign and LF Aligner take them).")] = False,
    src: SrcOpt = "en",
    tgt: TgtOpt = "vi",
    paragraphs: ParagraphsOpt = ParagraphMode.auto,
    level: Annotated[Level, typer.Option("--level", "-l", metavar="LEVEL", help="LEVEL: paragraph|sentence. "
                     "sentence: pairs of sentences aligned inside each paragraph pair (what translation "
                     "memories want).")] = Level.paragraph,
    input_format: InputOpt = InputFormat.auto,
    encoding: EncodingOpt = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes for several "
                    "files (default: the number of cores); output keeps the input order.",
                    show_default=False)] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, metavar="X",
                         help="Keep only units whose score is at least X (0 to 1), in every format.",
                         show_default=False)] = None,
    min_coverage: Annotated[Optional[float], typer.Option("--min-coverage", min=0.0, max=1.0, metavar="X",
                            help="With -f html: the share of words translated (0 to 1) the report's coverage "
                            "bar is judged against (green at or above, red below).", show_default=False)] = None,
    dict_files: DictOpt = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Pair every target paragraph of each FILE with the source paragraph it translates
    (FILE - or none: standard input).

    With several files, jsonl, json and csv records get a "file" field, tsv, tmx and moses
    hold the pairs of all files in input order, and a table is shown per file. With --pair,
    two files are the source and target sides of one text.

    \b
    Examples:
      align pairs post.txt --format tsv | cut -f2
      align post.txt --format jsonl --all -o post.jsonl
      align en.txt vi.txt --pair
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
    from ..selection import with_min_score

    files = files or ["-"]
    check_languages(src, tgt, quiet)
    chosen = format.value if format else default_format(output)
    if chosen == "moses" and (output is None or str(output) == "-"):
        raise AlignerError("--format moses writes two files: give their common name with -o BASE")
    if pair and len(files) != 2:
        raise AlignerError(f"--pair takes two files, the {src} side then the {tgt} side (got {len(files)})")
    if chosen in ("md", "html") and len(files) > 1 and not pair:
        raise AlignerError(f"--format {chosen} shows one post: give one file")
    options = AlignOptions(src, tgt, paragraphs.value, encoding, input_format.value, level.value,
                           read_dictionaries(dict_files or []))
    shown = Shown(pair, include_all, pairs_only, min_coverage, quiet, verbose)
    with Progress(1 if pair else len(files), quiet, verbose) as progress:
        done = _paired(files, options, progress) if pair else _aligned(files, options, jobs, progress)
        done = [(name, with_min_score(alignment, min_score)) for name, alignment in done]
        if not done:
            raise typer.Exit(2)
        from ..align import collector_paused  # imported already by the alignment

        with collector_paused():  # the records die with the write; see collector_paused
            _write_pairs(chosen, done, files, shown, output, (src, tgt), progress)
    _notes(done, len(files), quiet)
    if len(done) < len(files) and not pair:
        raise typer.Exit(2)


def _notes(done: list[tuple[str, Alignment]], given: int, quiet: bool) -> None:
    """What the user should know about the input: no pairs, swapped files, two halves given apart."""
    from ..sides import halves_hint

    for name, alignment in done:
        for message in alignment.notes:
            note(message, quiet, label="warning: ")
        problem = alignment.pairing_note()
        if problem:
            note(f"{'standard input' if name == '-' else name}: {problem}", quiet)
    if given == 2 and len(done) == 2:
        hint = halves_hint([alignment for _, alignment in done])
        if hint:
            note(hint, quiet)


def _paired(files: list[str], options: AlignOptions, progress: Progress) -> list[tuple[str, Alignment]]:
    """The alignment of two files as the two sides of one text (--pair)."""
    from ..api import align_two_files

    alignment = align_two_files(files[0], files[1], options.src_lang, options.tgt_lang, options.paragraphs,
                                options.encoding, options.input_format, options.level, options.dictionary,
                                on_stage=progress.stage)
    return [(alignment.name, alignment)]


def _aligned(files: list[str], options: AlignOptions, jobs: Optional[int],
             progress: Progress) -> list[tuple[str, Alignment]]:
    """Each readable file's alignment, in input order; an unreadable one is reported and skipped
    (with a single file, its error is the command's)."""
    from ..batch import align_many

    done: list[tuple[str, Alignment]] = []
    for name, result in align_many(files, options, jobs, progress.file_done, progress.stage):
        if isinstance(result, AlignerError):
            if len(files) == 1:
                raise result
            progress.say(f"align: error: {result.message}")
            continue
        done.append((name, result))
    return done


def _write_pairs(chosen: str, done: list[tuple[str, Alignment]], files: list[str], shown: Shown,
                 output: Optional[Path], languages: tuple[str, str], progress: Progress) -> None:
    """Write the alignments in the chosen format: one table per file, two Moses files, or one stream."""
    from ..batch import combined
    from ..export import STREAMING, WRITERS, moses_files, write_many, xml_forbidden_count
    from ..selection import selected_units

    alignments = [a for _, a in done]
    single = shown.pair or len(files) == 1
    whole = alignments[0] if single else combined(alignments)
    progress.stage("writing", sum(len(selected_units(a, shown.include_all)) for a in alignments))
    progress.before_output(output)
    dropped = sum(xml_forbidden_count(a) for a in alignments) if chosen in ("tmx", "html") else 0
    if dropped:
        note(f"dropped {dropped} characters that XML does not allow", shown.quiet)
    if chosen == "table":
        from ..render import alignment_view

        for name, alignment in done:
            if not single:
                console().rule(name)
            show(alignment_view(alignment, shown.include_all, not shown.pairs_only), output, files)
    elif chosen == "moses":
        src_text, tgt_text = moses_files(whole)
        base, (src, tgt) = str(output), languages
        write_output(src_text, Path(f"{base}.{src}"), files)
        write_output(tgt_text, Path(f"{base}.{tgt}"), files)
        note(f"wrote {len(selected_units(whole, False))} pairs to {base}.{src} and {base}.{tgt}", shown.quiet,
             label="")
    elif chosen == "html":
        from ..report_html import html_report

        write_output(html_report(whole, True, shown.min_coverage), output, files)
    elif not single and chosen in ("jsonl", "json", "csv", "tsv"):
        write_output(write_many(chosen, done, shown.include_all), output, files)
    elif chosen in STREAMING:
        write_output(STREAMING[chosen](whole, shown.include_all), output, files)
    else:
        write_output(WRITERS[chosen](whole, shown.include_all), output, files)
