"""The library API: text in, plain dataclasses out. Nothing here prints."""

from __future__ import annotations

import os

from .align import DEFAULT_SETTINGS, Settings, align_paragraphs, collector_paused
from .dictionary import Dictionary
from .langid import tag_paragraphs
from .languages import check_pair
from .markup import to_plain
from .models import Alignment, Paragraph
from .reader import normalize_text, read_source
from .segment import split_paragraphs

_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}


def detect_text(text: str, paragraphs: str = "auto", input_format: str = "auto") -> tuple[list[Paragraph], bool]:
    """Split text (plain, HTML or Markdown) into paragraphs and tag each with its language.

    Line numbers always point into the text given, whatever its format.
    """
    return _detect(normalize_text(text), paragraphs, input_format)


def _detect(text: str, paragraphs: str, input_format: str) -> tuple[list[Paragraph], bool]:
    """detect_text for text already normalised (read_source's)."""
    page, used = to_plain(text, input_format)
    mode = "lines" if used == "html" and paragraphs == "auto" else paragraphs
    found, wrapped = split_paragraphs(page.text, mode)
    for p in found:
        p.chrome = p.line - 1 in page.chrome
        if page.comments:
            p.comment = page.comments[p.line - 1]
        if page.lines:
            p.line = page.lines[p.line - 1]
    return tag_paragraphs(found), wrapped


def align_text(text: str, src_lang: str = "en", tgt_lang: str = "vi", paragraphs: str = "auto",
               input_format: str = "auto", level: str = "paragraph", dictionary: Dictionary = (),
               settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """Align the source- and target-language paragraphs of one bilingual document.

    ``dictionary``: extra English–Vietnamese entries (dictionary.read_dictionaries) that
    the lexicon lacks, e.g. a domain's words. ``settings``: the aligner's budgets and
    constants (align.Settings), for callers that need others than the defaults.

    >>> result = align_text("The cat sleeps.\\n\\nCon mèo đang ngủ.")
    >>> [(u.src_text, u.tgt_text) for u in result.pairs]
    [('The cat sleeps.', 'Con mèo đang ngủ.')]
    """
    return _align(normalize_text(text), src_lang, tgt_lang, paragraphs, input_format, level, dictionary, settings)


def _align(text: str, src_lang: str, tgt_lang: str, paragraphs: str, input_format: str, level: str,
           dictionary: Dictionary = (), settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """align_text for text already normalised (read_source's)."""
    check_pair(src_lang, tgt_lang)  # an unknown code is an error, not zero pairs
    with collector_paused():  # paragraphs and their evidence live until the end (see there)
        found, wrapped = _detect(text, paragraphs, input_format)
        alignment = Alignment(src_lang, tgt_lang, found, align_paragraphs(found, src_lang, tgt_lang, dictionary, settings),
                              wrapped)
    if level == "sentence":
        from .align.sentences import to_sentence_level

        return to_sentence_level(alignment, dictionary, settings)
    return alignment


def detect_file(path: str | os.PathLike[str], paragraphs: str = "auto", encoding: str | None = None,
                input_format: str = "auto") -> tuple[list[Paragraph], bool]:
    """Read, decode, split and tag one file (``-`` for standard input)."""
    with collector_paused():
        return _detect(read_source(path, encoding), paragraphs, input_format_for(path, input_format))


def input_format_for(path: str | os.PathLike[str], input_format: str = "auto") -> str:
    """The input format a file's name implies (.md, .html), unless one was given."""
    if input_format != "auto":
        return input_format
    return _EXTENSIONS.get(os.path.splitext(str(path))[1].lower(), "auto")


def align_file(path: str | os.PathLike[str], src_lang: str = "en", tgt_lang: str = "vi",
               paragraphs: str = "auto", encoding: str | None = None, input_format: str = "auto",
               level: str = "paragraph", dictionary: Dictionary = (),
               settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """Read, decode and align one file (``-`` for standard input)."""
    alignment = _align(read_source(path, encoding), src_lang, tgt_lang, paragraphs,
                       input_format_for(path, input_format), level, dictionary, settings)
    alignment.name = "standard input" if str(path) == "-" else str(path)
    return alignment
