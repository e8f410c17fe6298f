"""Small text helpers shared by the tagger and the aligner: tokens, accents, vocabularies."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

import regex

WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
NUMBER = regex.compile(r"\d+(?:[.,:\u00a0 ]\d+)*")
URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b", regex.IGNORECASE)

# Letters that only Vietnamese uses among Latin-script languages (with their capitals).
VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
# Tone marks as combining characters: grave, acute, tilde, hook above, dot below.
VI_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Hook above and dot below appear in no other major Latin-script language.
VI_ONLY_TONES = {"\u0309", "\u0323"}

# One unaccented Vietnamese syllable: onset, vowel nucleus, coda.
VI_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ch|ng|nh|[cmnpt])?",
)


def _vietnamese_letter_classes() -> tuple[str, str]:
    """All precomposed letters carrying a Vietnamese mark, and those only Vietnamese uses."""
    marked, strong = set(VI_LETTERS), set("ăơưđĂƠƯĐ")
    for code in range(0x00C0, 0x1F00):
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", ch)
        if not ch.isalpha() or not decomposed[0].isascii():
            continue
        if any(m in VI_TONES for m in decomposed) or any(c in VI_LETTERS for c in unicodedata.normalize("NFC", decomposed[:2])):
            marked.add(ch)
        if any(m in VI_ONLY_TONES for m in decomposed) or "\u031b" in decomposed or "\u0306" in decomposed:
            strong.add(ch)
    return "".join(sorted(marked)), "".join(sorted(strong & marked | set("ăơưđĂƠƯĐ")))


_MARKED, _STRONG = _vietnamese_letter_classes()
MARKED_LETTERS = _MARKED  # every letter carrying a Vietnamese mark
# From a word's first Vietnamese-marked letter (or one only Vietnamese uses) to its end: one
# match per such word, found in linear time.
VI_MARKED_WORD = regex.compile(rf"[{regex.escape(_MARKED)}][\p{{L}}\p{{M}}'’]*")
VI_STRONG_WORD = regex.compile(rf"[{regex.escape(_STRONG)}][\p{{L}}\p{{M}}'’]*")


def strip_accents(text: str) -> str:
    """Remove diacritics, so "Hồ Chí Minh" and "Ho Chi Minh" compare equal.

    >>> strip_accents("Đông Sơn")
    'Dong Son'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_urls(text: str) -> str:
    """The text with URLs and e-mail addresses blanked out (skipped when there can be none)."""
    if "://" in text or "www." in text or "@" in text:
        return URL.sub(" ", text)
    return text


# An ASCII digit other than 0 (see digit_blind); a pattern replaces them several times faster
# than str.translate on text that is not ASCII.
_NONZERO_DIGIT = regex.compile("[1-9]")


# The Vietnamese family names most people bear (about nine in ten have one of these).
VIETNAMESE_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh trương "
    "lâm mai tạ tô hà cao đinh lương lưu quách thái kiều chu".split())


def digit_blind(text: str) -> str:
    """The text with every ASCII digit written 0 (same length, digits in the same places).

    The key under which work that reads no digit is done once: a post repeats its headings,
    bylines and boilerplate with other numbers ("Part 3.", "Part 7."), and a book-length one
    holds far fewer such keys than paragraphs (a 30,000-paragraph post: under a thousand)."""
    return _NONZERO_DIGIT.sub("0", text)


# The header a chat app writes before each exported message: "[13/06/2024, 06:52] Ngọc Hân: ",
# "13/06/2024, 06:52 - Ngọc Hân: "; the sender's name (a few words, no sentence) is optional, as on
# the app's own lines ("[13/06/2024, 07:20] Lan Chi đã thêm Peter vào nhóm").
_CHAT_HEADER = regex.compile(
    r"^\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?\s*(?:-\s+)?"
    r"(?P<sender>[^\s:][^:\n]{0,39}?:\s+(?=\S))?")


def message_body(text: str) -> str:
    """The text without the header a chat export puts before each message (its date, time and
    sender): what was written, which a translation renders. The header's date is the same on
    every line of a day, and the sender's name is no word of the message: counted as evidence,
    they would make any two lines of one day, or a reply naming the sender, look like a
    translation."""
    found = _CHAT_HEADER.match(text)
    return text if found is None else text[found.end():]


def chat_sender(text: str) -> bool | None:
    """Does a line of a chat export name its sender ("[13/06/2024, 06:52] Ngọc Hân: ...")?
    None when the line has no chat header at all; False for the app's own notice
    ("[13/06/2024, 07:20] Lan Chi đã thêm Peter vào nhóm")."""
    found = _CHAT_HEADER.match(text)
    if found is None or found.end() == len(text):
        return None
    return found.group("sender") is not None


def words(text: str) -> list[str]:
    """Word tokens (letters and marks), URLs and e-mail addresses removed."""
    return WORD.findall(without_urls(text))


@lru_cache(maxsize=200_000)
def is_vi_syllable(word: str) -> bool:
    """True when an unaccented word has the shape of a Vietnamese syllable."""
    return VI_SYLLABLE.fullmatch(strip_accents(word).lower()) is not None


@lru_cache(maxsize=None)
def lexicon_en_vi() -> dict[str, tuple[str, ...]]:
    """The hand-written English→Vietnamese lexicon: lemma → renderings."""
    table: dict[str, set[str]] = {}
    data = resources.files("aligner").joinpath("data/lexicon-en-vi.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, vietnamese = line.partition("\t")
        renderings = {unicodedata.normalize("NFC", v.strip().lower()) for v in vietnamese.split("|") if v.strip()}
        table.setdefault(english.strip().lower(), set()).update(renderings)
    return {k: tuple(sorted(v)) for k, v in table.items()}


@lru_cache(maxsize=None)
def english_irregular() -> dict[str, str]:
    """Irregular forms and the word they come from ("went" → "go", "children" → "child")."""
    data = resources.files("aligner").joinpath("data/english-irregular.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def english_vocabulary() -> frozenset[str]:
    """Words known to be English: lexicon headwords plus a list of common words."""
    data = resources.files("aligner").joinpath("data/english-common.txt").read_text(encoding="utf-8")
    common = {w for line in data.splitlines() if not line.startswith("#") for w in line.lower().split()}
    headwords = {w for key in lexicon_en_vi() for w in key.split()}
    return frozenset(common | headwords)


@lru_cache(maxsize=None)
def vietnamese_vocabulary() -> frozenset[str]:
    """Vietnamese syllables known from the lexicon, for spotting text typed without accents."""
    return frozenset(s for renderings in lexicon_en_vi().values() for r in renderings for s in r.split())


def english_lemmas(word: str) -> list[str]:
    """The word and the stems it may come from, shortest change first.

    >>> english_lemmas("notes")[:2]
    ['notes', 'note']
    >>> english_lemmas("went")
    ['went', 'go']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    found = [w]
    irregular = english_irregular().get(w)
    if irregular is not None and irregular != w:
        found.append(irregular)

    def add(stem: str) -> None:
        if len(stem) >= 2 and stem not in found:
            found.append(stem)

    if w.endswith("s") and len(w) > 3:
        add(w[:-1])
        if w.endswith("es"):
            add(w[:-2])
        if w.endswith("ies"):
            add(w[:-3] + "y")
    for suffix in ("ed", "ing", "er", "est"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: -len(suffix)]
            add(stem + "e")
            add(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                add(stem[:-1])
            if stem.endswith("i"):
                add(stem[:-1] + "y")
    if w.endswith("ly") and len(w) > 4:
        add(w[:-2])
        if w.endswith("ily"):
            add(w[:-3] + "y")
    return found


_ENGLISH_ENDINGS = regex.compile(r"(?:tion|tions|ment|ments|ness|ity|ities|ers|ors|ing|ed|ies|ship|ful|less|ous|ive)$")


@lru_cache(maxsize=200_000)
def looks_english(word: str) -> bool:
    """True for a word in the English vocabulary or the tagger's word list, directly or by a
    common ending (cached: words recur, and the tagger asks about every one)."""
    vocabulary = english_vocabulary()
    words = tagger_english_words()
    if any(lemma in vocabulary or lemma in words for lemma in english_lemmas(word)):
        return True
    return len(word) > 5 and _ENGLISH_ENDINGS.search(word.lower()) is not None


@lru_cache(maxsize=None)
def tagger_english_words() -> frozenset[str]:
    """Everyday English words that no Vietnamese syllable is spelt like ("stir", "skillet"),
    for the tagger only: a short English line of words the lexicon lacks would otherwise read as
    words of no language, and langdetect may then call it Norwegian. (Only words that cannot be
    unaccented Vietnamese: adding "ban" or "bun" would silence text typed without accents.)"""
    data = resources.files("aligner").joinpath("data/english-words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))
