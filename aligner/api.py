"""The library API: text in, plain dataclasses out. Nothing here prints."""

from __future__ import annotations

import os

from .align import DEFAULT_SETTINGS, Settings, align_paragraphs, collector_paused
from .comment_threads import join_announced_translations, mark_thread_lines
from .dictionary import Dictionary
from .langid import tag_paragraphs
from .languages import check_pair
from .markup import is_meta_bar, to_plain
from .models import Alignment, OnStage, Paragraph, no_stage
from .reader import normalize_text, read_source
from .segment import split_paragraphs

_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}


def detect_text(text: str, paragraphs: str = "auto", input_format: str = "auto") -> tuple[list[Paragraph], bool]:
    """Split text (plain, HTML or Markdown) into paragraphs and tag each with its language.

    Line numbers always point into the text given, whatever its format.
    """
    return _detect(normalize_text(text), paragraphs, input_format)


def _detect(text: str, paragraphs: str, input_format: str,
            on_stage: OnStage = no_stage) -> tuple[list[Paragraph], bool]:
    """detect_text for text already normalised (read_source's)."""
    on_stage("splitting", text.count("\n") + 1)
    page, used = to_plain(text, input_format)
    mode = "lines" if used == "html" and paragraphs == "auto" else paragraphs
    found, wrapped = split_paragraphs(page.text, mode)
    for p in found:
        p.chrome = p.line - 1 in page.chrome or is_meta_bar(p.text)
        p.heading = p.line - 1 in page.headings
    mark_thread_lines(found)
    for p in found:
        if page.comments:
            p.comment = page.comments[p.line - 1]
        if page.lines:
            p.line = page.lines[p.line - 1]
    if page.comments:
        join_announced_translations(found)
    on_stage("tagging", len(found))
    return tag_paragraphs(found), wrapped


def align_text(text: str, src_lang: str = "en", tgt_lang: str = "vi", paragraphs: str = "auto",
               input_format: str = "auto", level: str = "paragraph", dictionary: Dictionary = (),
               settings: Settings = DEFAULT_SETTINGS, on_stage: OnStage = no_stage) -> Alignment:
    """Align the source- and target-language paragraphs of one bilingual document.

    ``dictionary``: extra English–Vietnamese entries (dictionary.read_dictionaries) that
    the lexicon lacks, e.g. a domain's words. ``settings``: the aligner's budgets and
    constants (align.Settings), for callers that need others than the defaults.
    ``on_stage``: told when each stage starts (models.OnStage), for a progress display.

    >>> result = align_text("The cat sleeps.\\n\\nCon mèo đang ngủ.")
    >>> [(u.src_text, u.tgt_text) for u in result.pairs]
    [('The cat sleeps.', 'Con mèo đang ngủ.')]
    """
    check_pair(src_lang, tgt_lang)  # an unknown code is an error, not zero pairs
    with collector_paused():  # paragraphs and their evidence live until the end (see there)
        found, wrapped = _detect(normalize_text(text), paragraphs, input_format, on_stage)
        return _aligned(found, wrapped, src_lang, tgt_lang, level, dictionary, settings, on_stage)


def _aligned(found: list[Paragraph], wrapped: bool, src_lang: str, tgt_lang: str, level: str,
             dictionary: Dictionary, settings: Settings, on_stage: OnStage) -> Alignment:
    """The alignment of paragraphs already split and tagged (one document's, or two files')."""
    on_stage("aligning", len(found))
    alignment = Alignment(src_lang, tgt_lang, found, align_paragraphs(found, src_lang, tgt_lang, dictionary, settings),
                          wrapped)
    if level == "sentence":
        from .align.sentences import to_sentence_level

        on_stage("sentences", len(alignment.pairs))
        return to_sentence_level(alignment, dictionary, settings)
    return alignment


def detect_file(path: str | os.PathLike[str], paragraphs: str = "auto", encoding: str | None = None,
                input_format: str = "auto", on_stage: OnStage = no_stage) -> tuple[list[Paragraph], bool]:
    """Read, decode, split and tag one file (``-`` for standard input)."""
    with collector_paused():
        return _detect(_read(path, encoding, on_stage), paragraphs, input_format_for(path, input_format), on_stage)


def _read(path: str | os.PathLike[str], encoding: str | None, on_stage: OnStage) -> str:
    """read_source, telling on_stage how many bytes it reads (0 for standard input)."""
    try:
        size = 0 if str(path) == "-" else os.stat(path).st_size
    except OSError:
        size = 0  # read_source says what is wrong with it
    on_stage("reading", size)
    return read_source(path, encoding)


def input_format_for(path: str | os.PathLike[str], input_format: str = "auto") -> str:
    """The input format a file's name implies (.md, .html), unless one was given."""
    if input_format != "auto":
        return input_format
    return _EXTENSIONS.get(os.path.splitext(str(path))[1].lower(), "auto")


def align_file(path: str | os.PathLike[str], src_lang: str = "en", tgt_lang: str = "vi",
               paragraphs: str = "auto", encoding: str | None = None, input_format: str = "auto",
               level: str = "paragraph", dictionary: Dictionary = (),
               settings: Settings = DEFAULT_SETTINGS, on_stage: OnStage = no_stage) -> Alignment:
    """Read, decode and align one file (``-`` for standard input)."""
    check_pair(src_lang, tgt_lang)
    with collector_paused():
        found, wrapped = detect_file(path, paragraphs, encoding, input_format, on_stage)
        alignment = _aligned(found, wrapped, src_lang, tgt_lang, level, dictionary, settings, on_stage)
    alignment.name = "standard input" if str(path) == "-" else str(path)
    return alignment


def align_two_files(src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], src_lang: str = "en",
                    tgt_lang: str = "vi", paragraphs: str = "auto", encoding: str | None = None,
                    input_format: str = "auto", level: str = "paragraph", dictionary: Dictionary = (),
                    settings: Settings = DEFAULT_SETTINGS, on_stage: OnStage = no_stage) -> Alignment:
    """Align a source-language file with its translation in another file (hunalign's and LF
    Aligner's habit): the two are one document in halves, source first, through the same pipeline;
    every paragraph keeps its language tag and its line in its own file. sides.side_notes says
    when a file looks like the other language."""
    from .sides import joined, side_notes

    check_pair(src_lang, tgt_lang)
    with collector_paused():
        src, src_wrapped = detect_file(src_path, paragraphs, encoding, input_format, on_stage)
        tgt, tgt_wrapped = detect_file(tgt_path, paragraphs, encoding, input_format, on_stage)
        alignment = _aligned(joined(src, tgt), src_wrapped or tgt_wrapped, src_lang, tgt_lang, level, dictionary,
                             settings, on_stage)
    alignment.name = f"{src_path} + {tgt_path}"
    alignment.notes = side_notes(src, tgt, (str(src_path), str(tgt_path)), (src_lang, tgt_lang))
    return alignment
