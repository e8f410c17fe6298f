"""The library API: text in, plain dataclasses out. Nothing here prints."""

from __future__ import annotations

import os

from .align import align_paragraphs
from .langid import tag_paragraphs
from .models import Alignment, Paragraph
from .reader import normalize_text, read_source
from .segment import split_paragraphs


def detect_text(text: str, paragraphs: str = "auto") -> tuple[list[Paragraph], bool]:
    """Split text into paragraphs and tag each with its language."""
    found, wrapped = split_paragraphs(normalize_text(text), paragraphs)
    return tag_paragraphs(found), wrapped


def align_text(text: str, src_lang: str = "en", tgt_lang: str = "vi", paragraphs: str = "auto") -> Alignment:
    """Align the source- and target-language paragraphs of one bilingual document.

    >>> result = align_text("The cat sleeps.\\n\\nCon mèo đang ngủ.")
    >>> [(u.src_text, u.tgt_text) for u in result.pairs]
    [('The cat sleeps.', 'Con mèo đang ngủ.')]
    """
    found, wrapped = detect_text(text, paragraphs)
    units = align_paragraphs(found, src_lang, tgt_lang)
    return Alignment(src_lang, tgt_lang, found, units, wrapped)


def align_file(path: str | os.PathLike[str], src_lang: str = "en", tgt_lang: str = "vi",
               paragraphs: str = "auto", encoding: str | None = None) -> Alignment:
    """Read, decode and align one file (``-`` for standard input)."""
    return align_text(read_source(path, encoding), src_lang, tgt_lang, paragraphs)
