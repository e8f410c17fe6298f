"""--level sentence: split both sides of every aligned paragraph pair into sentences and
align those with the same dynamic programme."""

from __future__ import annotations

import regex

from ..models import AlignedUnit, Alignment, Paragraph
from .pipeline import align_paragraphs
from .settings import DEFAULT_SETTINGS, Settings

# Abbreviations after which a full stop does not end a sentence (lowercase, without the stop).
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof cde st jr sr gen col lt capt sgt mt ft no nos vol vols op ed eds fig figs p pp ll f d
vs etc e.g i.e cf approx dept univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec
tp tx ts ths pgs gs bs ks q tt ng
""".split())
_BOUNDARY = regex.compile(r"(?<=[.!?…])([\"”’»)\]]*)\s+(?=[\"“‘«(\[]?[\p{Lu}\p{N}])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials whole.

    >>> split_sentences("Cde. N.S. Khrushchev met Dr. Lan in TP. Huế. They talked.")
    ['Cde. N.S. Khrushchev met Dr. Lan in TP. Huế.', 'They talked.']
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start()
        before = text[start:end + len(match.group(1))]
        last_word = regex.search(r"([\p{L}.]+)\.$", before[: len(before) - len(match.group(1))])
        if last_word:
            word = last_word.group(1).lower()
            if word in _ABBREVIATIONS or regex.fullmatch(r"(?:\p{L}\.)*\p{L}", word):
                continue  # "Dr.", "N.S.", "e.g.": not the end of a sentence
        sentences.append(text[start:end + len(match.group(1))].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences or [text]


def to_sentence_level(alignment: Alignment, dictionary: tuple[tuple[str, str], ...] = (),
                      settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """The same alignment with every pair refined into sentence pairs (with the user's
    ``dictionary`` and the ``settings``, as the paragraphs were)."""
    counter = 0
    sentences: list[Paragraph] = []
    units: list[AlignedUnit] = []
    made: dict[int, list[Paragraph]] = {}  # a paragraph's sentences, made once

    def pieces(paragraphs: list[Paragraph]) -> list[Paragraph]:
        nonlocal counter
        found = []
        for p in paragraphs:
            if p.index not in made:
                made[p.index] = [Paragraph(counter + k, text, p.line, p.lang)
                                 for k, text in enumerate(split_sentences(p.text))]
                counter += len(made[p.index])
                sentences.extend(made[p.index])
            found.extend(made[p.index])
        return found

    for unit in alignment.units:
        src, tgt = pieces(unit.src), pieces(unit.tgt)
        if not (src and tgt):
            units.extend(AlignedUnit([s], []) if unit.src else AlignedUnit([], [s]) for s in src + tgt)
        elif len(src) == 1 and len(tgt) == 1:
            units.append(AlignedUnit(src, tgt, unit.score, unit.rendering))
        elif unit.is_alternative:
            units.extend(_alternative_sentences(align_paragraphs(src + tgt, alignment.src_lang, alignment.tgt_lang,
                                                                 dictionary, settings), unit.rendering))
        else:
            units.extend(align_paragraphs(src + tgt, alignment.src_lang, alignment.tgt_lang, dictionary, settings))
    return Alignment(alignment.src_lang, alignment.tgt_lang, sentences, units, alignment.wrapped, level="sentence",
                     name=alignment.name)


def _alternative_sentences(units: list[AlignedUnit], rendering: int) -> list[AlignedUnit]:
    """The sentence units of another rendering: its pairs are that rendering's, and source
    sentences it leaves alone are dropped, since the first rendering's units place them."""
    for unit in units:
        if unit.is_pair:
            unit.rendering = max(unit.rendering, rendering)
    return [u for u in units if u.tgt]
