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
from .text import (VIETNAMESE_SURNAMES, VI_STRONG_WORD, WORD, digit_blind, is_vi_syllable, looks_english,
                   vietnamese_vocabulary, without_urls)

UNDETERMINED = "und"
_PENDING = "?"

# Paragraphs this long (in letters) are long enough for langdetect to be trusted.
_LANGDETECT_MIN_LETTERS = 25
_LANGDETECT_MIN_PROB = 0.80
_NEIGHBOUR_REACH = 2
_LATIN = regex.compile(r"\p{Script=Latin}")

# The commonest Vietnamese family names: a title-case line that starts with one is a person.

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of and or to in on at by for from with is are was were be been has have had it its this that "
    "these those he she they we you i his her their our not no as but if will would can could my your me us "
    "him them what which who when where how there than then so do does did just also only very".split())
# Vietnamese grammar words (pronouns, particles, classifiers, the commonest verbs), and the ones
# that stay unmistakable typed without accents, with the forum spellings "ko", "k", "dc".
_VI_FUNCTION_WORDS = frozenset(
    "của là và những các được không có cho với này đã sẽ thì mà người một trong cũng rất để khi nhưng từ "
    "đến ở tôi bạn chúng mình em anh chị ông bà nó họ vì nên nếu thế nào gì đó ra vào lên xuống đi làm "
    "còn đang vẫn chỉ hay hoặc bị nhiều ai đâu sao lại mới".split())
_VI_UNACCENTED_FUNCTION_WORDS = frozenset(
    "cua la va nhung cac duoc dc khong ko voi nay thi nguoi mot trong cung rat khi minh toi chung "
    "nhieu dang van chi hoac bi dau sao lai moi roi nhe nha".split())


def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's best language and its probability (seeded, so always the same answer)."""
    return _langdetect_once(digit_blind(text))


@lru_cache(maxsize=4096)
def _langdetect_once(text: str) -> tuple[str, float]:
    """Cached: a heading repeated in every section is asked about once (30 ms a question)."""
    from langdetect.lang_detect_exception import LangDetectException

    from .detector import detect_langs

    try:
        best = detect_langs(text)[0]
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
    if lowered[0] in VIETNAMESE_SURNAMES:
        return True
    common = sum(1 for t in lowered if t in vietnamese_vocabulary())
    return common < len(lowered) if len(lowered) <= 2 else common * 2 < len(lowered)


def _has_word_label(text: str) -> bool:
    """Does the line open with a label of common Vietnamese words before a colon ("Phần 2:",
    "Chương 3:")? Then what follows is named, but the line is a heading in Vietnamese, not a
    bare name: "Phần 2: Sài Gòn, 1955" translates "Part 2: Sài Gòn, 1955"."""
    label, colon, _ = text.partition(":")
    words = WORD.findall(label)
    return bool(colon and words) and words[0].lower() not in VIETNAMESE_SURNAMES and \
        all(w.lower() in vietnamese_vocabulary() for w in words)


# Handles and user names ("hoa_nguyen_sg", "minh.tri.q7", "tuan-anh.88"): lowercase letters and
# digits joined by dots or underscores. They are built from syllables of either language but
# belong to neither, so they are set aside before the words are weighed.
_HANDLE = regex.compile(r"(?<![\p{L}\d.@])@?[\p{Ll}\d]+(?:[-][\p{Ll}\d]+)*(?:[._][\p{Ll}\d]+)+(?![\p{L}\d])")
# A hashtag ("#ThongBao", "#catnuoc"): a label run together from words, of no sentence.
_HASHTAG = regex.compile(r"(?<![\p{L}\d&])#[\p{L}\d_]*\p{L}[\p{L}\d_]*")
_MARKED_LETTER = regex.compile(rf"[{regex.escape(_MARKED_LETTERS)}]")
_SENTENCE_BREAK = regex.compile(r"[.!?:;\u2026]")


# A list's number in roman numerals or one letter ("I.", "IV)", "b.") at the start of a line.
_ENUMERATOR = regex.compile(r"^\s*(?:[IVXLC]{1,5}|\p{L})[.)](?=\s)")


def _plain_words_text(text: str) -> str:
    """The text a line's language is read from: no URLs, no handles, and no leading list number.
    "I." numbering a section is not the English pronoun: in "I. TẠM NGƯNG CẤP NƯỚC" it would be
    the only English word of a Vietnamese heading."""
    return _ENUMERATOR.sub("", _without_handles(without_urls(text)), count=1)


def _without_handles(text: str) -> str:
    """The text with handles and hashtags blanked out (a handle has at least five characters;
    "e.g." is kept)."""
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
    if "." not in text and "_" not in text:
        return text
    return _HANDLE.sub(lambda m: " " if len(m.group()) >= 5 and regex.search(r"\p{L}{2}", m.group()) else m.group(),
                       text)


def _judged_words(plain: str) -> list[tuple[str, bool]]:
    """Each word with whether it is a name (or a word of a title).

    Vietnamese capitalises only a sentence's first word and names, so a capitalised word inside
    a sentence is a name ("bánh xèo at Bà Dưỡng in Hải Châu") or a word of an English title
    ("The Emperor's Table"): it may speak for English, never for Vietnamese. A sentence's first
    word is a name too when the next word is capitalised ("Photo: Nguyễn Văn Tâm"), and so is a
    marked word before a name (see _names_a_place).
    """
    judged: list[tuple[str, bool]] = []
    for sentence in _SENTENCE_BREAK.split(plain):
        found = WORD.findall(sentence)
        if found:
            following = [*found[1:], ""]
            judged.append((found[0], (found[0][:1].isupper() and following[0][:1].isupper())
                           or _names_a_place(found[0], following[0])))
            judged.extend((word, word[:1].isupper() or _names_a_place(word, after))
                          for word, after in zip(found[1:], following[1:]))
    return judged


@lru_cache(maxsize=200_000)
def _text_words(text: str) -> list[tuple[str, bool]]:
    """_judged_words of a text without its URLs and handles, read once: the borrowed words and
    the words the document writes in English both read every English line again. Read only."""
    return _judged_words(_plain_words_text(text))


def _names_a_place(word: str, following: str) -> bool:
    """A lowercase word with Vietnamese marks right before a name is the name's first word:
    "phố Hàng Bạc", "chợ Đồng Xuân", "chùa Thiên Mụ" read the same in an English sentence."""
    return following[:1].isupper() and _MARKED_LETTER.search(word) is not None


@lru_cache(maxsize=200_000)
def _word_vote(word: str, name: bool) -> tuple[float, float, float, bool, bool, float]:
    """One word's weight (English, Vietnamese by its marks, Vietnamese by its syllable shape),
    whether it has a syllable's shape, whether it has a letter only Vietnamese uses, and how much
    of its English weight is only its not being Vietnamese (see _language_votes).
    Cached: words recur, and every paragraph asks. See _language_votes for the weights."""
    lower = word.lower()
    marked = _MARKED_LETTER.search(word) is not None
    shaped = marked or is_vi_syllable(lower)
    if name:
        return (1.0 if not shaped and looks_english(word) else 0.0), 0.0, 0.0, shaped, False, 0.0
    if marked:
        strong = VI_STRONG_WORD.search(word) is not None
        return 0.0, (2.0 if lower in _VI_FUNCTION_WORDS else 1.0), 0.0, True, strong, 0.0
    if lower in _VI_UNACCENTED_FUNCTION_WORDS:
        return 0.0, 0.0, 2.0, shaped, False, 0.0
    if looks_english(word):
        grammar = lower in _ENGLISH_FUNCTION_WORDS
        return ((0.5 if grammar else 0.0) if shaped else (2.0 if grammar else 1.0)), 0.0, 0.0, shaped, False, 0.0
    if shaped:
        return 0.0, 0.0, 1.0, True, False, 0.0
    if len(word) > 1 and word.isupper():
        # An abbreviation ("TM", "BQL", "CCCD"): either language writes them alike.
        return 0.0, 0.0, 0.0, False, False, 0.0
    # No Vietnamese syllable, even typed without marks, is spelt like this ("rooftop", "ok"):
    # in an English–Vietnamese post the word is English (or borrowed from it).
    return 1.0, 0.0, 0.0, False, False, 1.0


# The vote of a word the document itself writes as English (see document_english_words).
_ENGLISH_HERE_VOTE = (1.0, 0.0, 0.0, False, False, 0.0)


def _language_votes(words: list[tuple[str, bool]],
                    english_here: frozenset[str] = frozenset()) -> tuple[float, float, bool, float]:
    """Weigh the words for English and for Vietnamese: (English, Vietnamese, any strong mark,
    the part of the English weight that only says "not Vietnamese").

    A grammar word (the, of, with / của, là, những) weighs two, a content word one; a word
    written alike in both (an unaccented "can", "son", "to") weighs nothing for either side,
    or a half for English when it is an English grammar word, unless the document writes it
    only in English (``english_here``): then it weighs one for English. A word outside the
    English vocabulary that no Vietnamese syllable could be spelt as ("rooftop") weighs one for
    English (it may as well be French: see classify). Unaccented Vietnamese syllables count
    only where most words have the shape of a syllable, as in text typed without accents (a
    German "mit" is not a reason to call a line Vietnamese), or beside a letter only Vietnamese
    has. A name (see _judged_words) speaks only for English, when it is an English word.
    """
    english = vietnamese = unaccented = foreign = 0.0
    shaped = 0
    strong = False
    for (word, name), count in Counter(words).items():
        vote = _ENGLISH_HERE_VOTE if not name and word.lower() in english_here else _word_vote(word, name)
        english += vote[0] * count
        vietnamese += vote[1] * count
        unaccented += vote[2] * count
        shaped += vote[3] * count
        strong = strong or vote[4]
        foreign += vote[5] * count
    if words and (strong or shaped * 10 >= len(words) * 6):
        vietnamese += unaccented
    return english, vietnamese, strong, foreign


def classify(text: str, borrowed: frozenset[str] = frozenset(), english_here: frozenset[str] = frozenset()) -> str:
    """Language of one paragraph on its own: an ISO 639-1 code, ``und``, or pending (``?``,
    or ``?en``/``?vi`` when a short line leans one way on little evidence, for its neighbours
    to settle). ``borrowed``: Vietnamese words the document uses inside English sentences
    (dishes, places: see borrowed_words), which say nothing of a line's language;
    ``english_here``: words the document writes only in English (see document_english_words)."""
    plain = _plain_words_text(text)
    tokens = WORD.findall(plain)
    if not tokens or _is_chord_line(text):
        return UNDETERMINED
    letters = sum(map(len, tokens))
    ascii_only = plain.isascii()  # most English: no script check, no Vietnamese marks to count
    latin = len(tokens) if ascii_only else len(list(filter(_LATIN.match, tokens)))
    if latin * 2 < len(tokens):
        if letters >= _LANGDETECT_MIN_LETTERS // 2:
            code, prob = _langdetect(text)
            return code if prob >= _LANGDETECT_MIN_PROB else UNDETERMINED
        return UNDETERMINED
    judged = _text_words(text)
    if borrowed:
        # A line made of borrowed words only ("Lễ ăn hỏi") has nothing else: its words speak.
        judged = [(word, name) for word, name in judged if word.lower() not in borrowed] or judged
    english, vietnamese, strong, foreign = _language_votes(judged, english_here)
    if not english and not vietnamese and all(name for _, name in judged[1:]):
        # A line of capitalised words only ("Chuyện Nhà Tôi", "ĐẾM CHIM BỜ BIỂN"): judge them all.
        english, vietnamese, strong, foreign = _language_votes([(word, False) for word, _ in judged], english_here)
    if vietnamese > english:
        if not strong and not ascii_only and letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4:
            # Marks that other languages use too (é, à, ô) and no letter only Vietnamese has.
            code, prob = _langdetect(text)
            if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
                return code
        named = _is_vietnamese_name(tokens) if _MARKED_LETTER.search(plain) else _is_name_like(tokens)
        return UNDETERMINED if named and not _has_word_label(plain) else _lean("vi", vietnamese, english, len(judged))
    if english > vietnamese:
        if letters >= _LANGDETECT_MIN_LETTERS and len(tokens) >= 4 and english - foreign < len(tokens) / 2:
            code, prob = _langdetect(text)  # few English words in a long line: maybe another language
            if prob >= _LANGDETECT_MIN_PROB and code not in ("en", "vi"):
                return code
        return _lean("en", english, vietnamese, len(judged))
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


# A short line (this many words or fewer) won by less than this margin against some evidence for
# the other language only leans.
_WEAK_WORDS = 4
_WEAK_MARGIN = 2.0


# Chord symbols written above a line of a song ("Am    G    C", "F#m7 Bb/D"): music, not words.
_CHORD = regex.compile(r"[A-G](?:#|b)?(?:m|maj|min|dim|aug|sus|add)?\d*(?:/[A-G](?:#|b)?)?")


def _is_chord_line(text: str) -> bool:
    """Two or more chord symbols and nothing else (bar lines aside)."""
    symbols = text.replace("|", " ").split()
    return len(symbols) >= 2 and all(_CHORD.fullmatch(symbol) for symbol in symbols)


def _lean(tag: str, won: float, lost: float, words: int) -> str:
    """The tag, or a lean toward it ("?vi") for a short line won narrowly against evidence for the
    other language ("My rooftop kit:", where "kit" has a syllable's shape): its neighbours decide."""
    contested = lost > 0 and won - lost < _WEAK_MARGIN
    return _PENDING + tag if words <= _WEAK_WORDS and contested else tag


def _confident_english_words(text: str) -> frozenset[str]:
    """Vietnamese words (not names) in a paragraph that is English beyond doubt: there they are
    borrowed (dishes, places), and the document's other lines should not be judged Vietnamese
    for them. Both the words with marks and, beside them, the syllables a Vietnamese phrase
    writes without any ("chè bột lọc heo quay": heo, quay), when they are no English word."""
    if text.isascii():
        return frozenset()
    judged = _text_words(text)
    english, vietnamese, _, _ = _language_votes(judged)
    if english < 4 or english < 2 * vietnamese:
        return frozenset()
    marked = [not name and _MARKED_LETTER.search(word) is not None for word, name in judged]
    borrowed = set()
    for k, (word, name) in enumerate(judged):
        beside_marked = any(marked[max(k - 1, 0):k + 2])
        if marked[k] or (beside_marked and not name and is_vi_syllable(word.lower()) and not looks_english(word)):
            borrowed.add(word.lower())
    return frozenset(borrowed)


def borrowed_words(texts: Sequence[str], tags: Sequence[str]) -> frozenset[str]:
    """Vietnamese words the document uses inside its confidently English paragraphs."""
    return frozenset().union(*(_confident_english_words(t) for t, tag in zip(texts, tags) if tag == "en"))


def document_english_words(texts: Sequence[str], tags: Sequence[str]) -> frozenset[str]:
    """English words that could pass for unaccented Vietnamese syllables ("day", "can", "son")
    which this document writes in its English lines, as words rather than names, and in none
    of its Vietnamese ones (those whose words, not one word beside names, are Vietnamese: "Day 6.
    Rừng tràm Trà Sư" is a heading of the English). On their own they say nothing of a line's language; here the
    document has shown how it uses them, so a heading "Day 2. Cần Thơ" reads as English."""
    english: set[str] = set()
    vietnamese: set[str] = set()
    for text, tag in zip(texts, tags):
        if tag in ("en", "vi"):
            words = _text_words(text)
            if tag == "en":
                english.update(w.lower() for w, name in words if not name)
            elif _language_votes(words)[1] >= 2:  # Vietnamese by its words (a grammar word, or two)
                vietnamese.update(w.lower() for w, _ in words)
    return frozenset(w for w in english - vietnamese
                     if _MARKED_LETTER.search(w) is None and is_vi_syllable(w) and looks_english(w))


def _settle_pending(tags: list[str]) -> list[str]:
    """Give each pending paragraph the language of its nearest tagged neighbours when they agree,
    else the language it leans to (if any)."""
    settled = list(tags)
    for i, tag in enumerate(tags):
        if not tag.startswith(_PENDING):
            continue
        found: list[str] = []
        for step in (-1, 1):
            j, reach = i + step, 0
            while 0 <= j < len(tags) and reach < _NEIGHBOUR_REACH:
                if tags[j] != UNDETERMINED and not tags[j].startswith(_PENDING):
                    found.append(tags[j])
                    break
                j += step
                reach += 1
        lean = tag[len(_PENDING):]
        agreed = found and all(f == found[0] for f in found) and (len(found) == 2 or not lean)
        settled[i] = found[0] if agreed else lean or UNDETERMINED
    return settled


def tag_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Set ``lang`` on every paragraph (in place) and return them.

    Each distinct text is judged once, digits aside (langdetect blanks them out and no test
    here reads one; see text.digit_blind): a post repeats its headings, bylines and
    boilerplate, and a book-length one holds far fewer distinct texts than paragraphs. Only
    settling by neighbours looks at each paragraph in its place."""
    keys = [digit_blind(p.text) for p in paragraphs]
    distinct = list(dict.fromkeys(keys))
    judged = dict(zip(distinct, parallel_map(classify, distinct)))
    borrowed = borrowed_words(distinct, [judged[key] for key in distinct])
    if borrowed:  # judge again the lines that hold a borrowed word and were not English
        for key in distinct:
            if judged[key] != "en" and not borrowed.isdisjoint(w.lower() for w in WORD.findall(key)):
                judged[key] = classify(key, borrowed)
    english_here = document_english_words(distinct, [judged[key] for key in distinct])
    if english_here:  # judge again the lines not English that hold a word the document writes as English
        for key in distinct:
            if judged[key] != "en" and not english_here.isdisjoint(w.lower() for w in WORD.findall(key)):
                judged[key] = classify(key, borrowed, english_here)
    tags = _settle_pending([judged[key] for key in keys])
    for paragraph, tag in zip(paragraphs, tags):
        paragraph.lang = tag
    return paragraphs
