"""Stage 3: tag each paragraph with its language.

A fast test on the letters settles most paragraphs: Vietnamese has letters and tone
marks no other Latin-script language uses, and English is recognised from its common
words. Seeded langdetect is consulted only for longer text that neither test claims
(another language), and neighbours settle short lines that nothing else can.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from .models import Paragraph
from .parallel import parallel_map
from .text import MARKED_LETTERS as _MARKED_LETTERS
from .text import VI_STRONG_WORD, WORD, is_vi_syllable, looks_english, vietnamese_vocabulary, without_urls

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
# Vietnamese grammar words (pronouns, particles, classifiers, the commonest verbs), and the ones
# that stay unmistakable typed without accents, with the forum spellings "ko", "k", "dc".
_VI_FUNCTION_WORDS = frozenset(
    "của là và những các được không có cho với này đã sẽ thì mà người một trong cũng rất để khi nhưng từ "
    "đến ở tôi bạn chúng mình em anh chị ông bà nó họ vì nên nếu thế nào gì đó ra vào lên xuống đi làm "
    "còn đang vẫn chỉ hay hoặc bị nhiều ai đâu sao lại mới".split())
_VI_UNACCENTED_FUNCTION_WORDS = frozenset(
    "cua la va nhung cac duoc dc khong ko voi nay thi nguoi mot trong cung rat khi minh toi chung "
    "nhieu dang van chi hoac bi dau sao lai moi roi nhe nha".split())


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


# Handles and user names ("hoa_nguyen_sg", "minh.tri.q7", "tuan-anh.88"): lowercase letters and
# digits joined by dots or underscores. They are built from syllables of either language but
# belong to neither, so they are set aside before the words are weighed.
_HANDLE = regex.compile(r"(?<![\p{L}\d.@])@?[\p{Ll}\d]+(?:[-][\p{Ll}\d]+)*(?:[._][\p{Ll}\d]+)+(?![\p{L}\d])")
_MARKED_LETTER = regex.compile(rf"[{regex.escape(_MARKED_LETTERS)}]")
_SENTENCE_BREAK = regex.compile(r"[.!?:;\u2026]")


def _without_handles(text: str) -> str:
    """The text with handles blanked out (a handle has at least five characters; "e.g." is kept)."""
    if "." not in text and "_" not in text:
        return text
    return _HANDLE.sub(lambda m: " " if len(m.group()) >= 5 and regex.search(r"\p{L}{2}", m.group()) else m.group(),
                       text)


def _judged_words(plain: str) -> list[tuple[str, bool]]:
    """Each word with whether it is capitalised inside a sentence.

    Vietnamese capitalises only a sentence's first word and names, so a capitalised word inside
    a sentence is a name ("bánh xèo at Bà Dưỡng in Hải Châu") or a word of an English title
    ("The Emperor's Table"): it may speak for English, never for Vietnamese.
    """
    judged: list[tuple[str, bool]] = []
    for sentence in _SENTENCE_BREAK.split(plain):
        found = WORD.findall(sentence)
        if found:
            judged.append((found[0], False))
            judged.extend((word, word[:1].isupper()) for word in found[1:])
    return judged


@lru_cache(maxsize=200_000)
def _word_vote(word: str, name: bool) -> tuple[float, float, float, bool, bool]:
    """One word's weight (English, Vietnamese by its marks, Vietnamese by its syllable shape),
    whether it has a syllable's shape and whether it has a letter only Vietnamese uses.
    Cached: words recur, and every paragraph asks. See _language_votes for the weights."""
    lower = word.lower()
    marked = _MARKED_LETTER.search(word) is not None
    shaped = marked or is_vi_syllable(lower)
    if name:
        return (1.0 if not shaped and looks_english(word) else 0.0), 0.0, 0.0, shaped, False
    if marked:
        strong = VI_STRONG_WORD.search(word) is not None
        return 0.0, (2.0 if lower in _VI_FUNCTION_WORDS else 1.0), 0.0, True, strong
    if lower in _VI_UNACCENTED_FUNCTION_WORDS:
        return 0.0, 0.0, 2.0, shaped, False
    if looks_english(word):
        grammar = lower in _ENGLISH_FUNCTION_WORDS
        return ((0.5 if grammar else 0.0) if shaped else (2.0 if grammar else 1.0)), 0.0, 0.0, shaped, False
    return 0.0, 0.0, (1.0 if shaped else 0.0), shaped, False


def _language_votes(words: list[tuple[str, bool]]) -> tuple[float, float, bool]:
    """Weigh the words for English and for Vietnamese: (English, Vietnamese, any strong mark).

    A grammar word (the, of, with / của, là, những) weighs two, a content word one; a word
    written alike in both (an unaccented "can", "son", "to") weighs nothing for either side,
    or a half for English when it is an English grammar word. Unaccented Vietnamese syllables
    count only where most words have the shape of a syllable, as in text typed without accents
    (a German "mit" is not a reason to call a line Vietnamese). A name (see _judged_words)
    speaks only for English, when it is an English word.
    """
    english = vietnamese = unaccented = 0.0
    shaped = 0
    strong = False
    for (word, name), count in Counter(words).items():
        vote = _word_vote(word, name)
        english += vote[0] * count
        vietnamese += vote[1] * count
        unaccented += vote[2] * count
        shaped += vote[3] * count
        strong = strong or vote[4]
    if words and shaped * 10 >= len(words) * 6:
        vietnamese += unaccented
    return english, vietnamese, strong


def classify(text: str) -> str:
    """Language of one paragraph on its own: an ISO 639-1 code, ``und``, or pending (``?``)."""
    plain = _without_handles(without_urls(text))
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
    judged = _judged_words(plain)
    english, vietnamese, strong = _language_votes(judged)
    if not english and not vietnamese and all(name for _, name in judged[1:]):
        # A line of capitalised words only ("Chuyện Nhà Tôi", "ĐẾM CHIM BỜ BIỂN"): judge them all.
        english, vietnamese, strong = _language_votes([(word, False) for word, _ in judged])
    if vietnamese > english:
        if not strong and not ascii_only and letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4:
            # Marks that other languages use too (é, à, ô) and no letter only Vietnamese has.
            code, prob = _langdetect(text)
            if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
                return code
        named = _is_vietnamese_name(tokens) if _MARKED_LETTER.search(plain) else _is_name_like(tokens)
        return UNDETERMINED if named else "vi"
    if english > vietnamese:
        if letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4 and english < len(tokens) / 2:
            code, prob = _langdetect(text)  # few English words in a long line: maybe another language
            if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
                return code
        return "en"
    if letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4:
        code, prob = _langdetect(text)
        if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
            return code
    english_words = list(map(looks_english, tokens))
    if any(english_words) and not any(not known and is_vi_syllable(t.lower()) for t, known in zip(tokens, english_words)):
        return "en"  # English words, some of which could be unaccented Vietnamese ("My son,", "My Blog")
    if _is_name_like(tokens):
        return UNDETERMINED
    return _PENDING


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
