"""Stage 3: tag each paragraph with its language.

A fast test on the letters settles most paragraphs: Vietnamese has letters and tone
marks no other Latin-script language uses, and English is recognised from its common
words. Seeded langdetect is consulted only for longer text that neither test claims
(another language), and neighbours settle short lines that nothing else can.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .models import Paragraph
from .parallel import parallel_map
from .text import (VI_MARKED_WORD, VI_STRONG_WORD, WORD, english_vocabulary, is_vi_syllable, looks_english,
                   vietnamese_vocabulary, without_urls)

UNDETERMINED = "und"
_PENDING = "?"

# Paragraphs this long (in letters) are long enough for langdetect to be trusted.
_LANGDETECT_MIN_LETTERS = 25
_LANGDETECT_MIN_PROB = 0.80
_NEIGHBOUR_REACH = 2
_LATIN = regex.compile(r"\p{Script=Latin}")

# The commonest Vietnamese family names: a title-case line that starts with one is a person.
_VI_SURNAMES = frozenset("nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn "
                         "vương trịnh trương lâm mai tạ tô hà cao đinh lương lưu".split())

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on at by for from with is are was were be been has have had it its this that "
    "these those he she they we you i his her their our not no as but if will would can could".split())


def _detector():
    """Load langdetect on first use only (it takes about half a second) and seed it."""
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    from langdetect import detect_langs

    return detect_langs


def _langdetect(text: str) -> tuple[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _detector()(text)[0]
    except LangDetectException:
        return UNDETERMINED, 0.0
    code = best.lang.split("-")[0]
    return code, best.prob


def _is_name_like(tokens: Sequence[str]) -> bool:
    """Capitalised words only ("Hồ Chí Minh", "CDTL Chuyen Di"), or a short code: a bare name.

    A heading in capitals throughout ("ĐẾM CHIM BỜ BIỂN") is not a name: it is text shouted.
    """
    if not all(t[:1].isupper() for t in tokens):
        return False
    return len(tokens) <= 2 or any(not t[1:].isupper() for t in tokens if len(t) > 1)


def _is_vietnamese_name(tokens: Sequence[str]) -> bool:
    """A title-case Vietnamese line is a name ("Hồ Chí Minh", "Hà Nội") unless it is made of
    common words ("Chuyện Nhà Tôi", "Bố."); a leading family name settles it."""
    if not _is_name_like(tokens):
        return False
    lowered = [t.lower() for t in tokens]
    if lowered[0] in _VI_SURNAMES:
        return True
    common = sum(1 for t in lowered if t in vietnamese_vocabulary())
    return common < len(lowered) if len(lowered) <= 2 else common * 2 < len(lowered)


def classify(text: str) -> str:
    """Language of one paragraph on its own: an ISO 639-1 code, ``und``, or pending (``?``)."""
    plain = without_urls(text)
    tokens = WORD.findall(plain)
    if not tokens:
        return UNDETERMINED
    letters = sum(map(len, tokens))
    ascii_only = plain.isascii()  # most English: no script check, no Vietnamese marks to count
    latin = len(tokens) if ascii_only else len(list(filter(_LATIN.match, tokens)))
    if latin * 2 < len(tokens):
        if letters >= _LANGDETECT_MIN_LETTERS // 2:
            code, prob = _langdetect(text)
            return code if prob >= _LANGDETECT_MIN_PROB else UNDETERMINED
        return UNDETERMINED
    marked = 0 if ascii_only else len(VI_MARKED_WORD.findall(plain))
    if marked and (marked / len(tokens) >= 0.3 or (marked / len(tokens) >= 0.2 and VI_STRONG_WORD.search(plain))):
        return UNDETERMINED if _is_vietnamese_name(tokens) else "vi"
    lowered = [t.lower() for t in tokens]
    vocabulary = english_vocabulary()
    function_hits = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, lowered))
    if len(tokens) >= 6 and function_hits / len(tokens) >= 0.12:
        return "en"
    english_hits = sum(map(looks_english, tokens))
    # Vietnamese typed without accents, judged on the words that are not capitalised: a
    # Vietnamese name in English ("Photos by Tran Minh Duc") says nothing of the language. A line
    # of capitalised words only (a title, a name) is judged on all of them.
    lowercase = [t for t, lower in zip(tokens, lowered) if t == lower]
    judged = lowercase or lowered
    unaccented_vi = sum(1 for t in judged if is_vi_syllable(t) and t not in vocabulary)
    if len(tokens) >= 3 and unaccented_vi / len(judged) >= 0.6:
        return UNDETERMINED if _is_name_like(tokens) else "vi"
    if english_hits and (len(tokens) < 6 or english_hits * 2 >= len(tokens)):
        return "en"
    # Capitalised words are mostly names, which belong to no language: judge by the rest.
    common = [t for t in tokens if not t[:1].isupper()]
    if common and sum(1 for t in common if looks_english(t)) * 2 >= len(common):
        return "en"
    if letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4:
        code, prob = _langdetect(text)
        if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
            return code
        if english_hits:
            return "en"
    if _is_name_like(tokens):
        return UNDETERMINED
    return "en" if english_hits else _PENDING


def _settle_pending(tags: list[str]) -> list[str]:
    """Give each pending paragraph the language of its nearest tagged neighbours when they agree."""
    settled = list(tags)
    for i, tag in enumerate(tags):
        if tag != _PENDING:
            continue
        found: list[str] = []
        for step in (-1, 1):
            j, reach = i + step, 0
            while 0 <= j < len(tags) and reach < _NEIGHBOUR_REACH:
                if tags[j] not in (_PENDING, UNDETERMINED):
                    found.append(tags[j])
                    break
                j += step
                reach += 1
        settled[i] = found[0] if found and all(f == found[0] for f in found) else UNDETERMINED
    return settled


def tag_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Set ``lang`` on every paragraph (in place) and return them."""
    tags = _settle_pending(parallel_map(classify, [p.text for p in paragraphs]))
    for paragraph, tag in zip(paragraphs, tags):
        paragraph.lang = tag
    return paragraphs
