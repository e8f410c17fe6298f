"""Evidence that survives translation, extracted once per paragraph.

Anchors are numbers, names (compared with accents stripped) and marks such as brackets
and quotes; lexicon items are words with a known rendering in the other language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile

import regex

from .numerals import MONTHS
from .text import (NUMBER, VIETNAMESE_SURNAMES, VI_MARKED_WORD, english_lemmas, english_vocabulary, is_vi_syllable,
                   lexicon_en_vi, strip_accents, without_urls, vietnamese_vocabulary, words)

_MONTH_NAMES = frozenset(MONTHS) - {"may"}  # "may" is far more often the verb
_SYMBOL_CLASSES = {
    "[": "[", "]": "]", "(": "(", ")": ")", "*": "*", "?": "?", "!": "!", "%": "%", "•": "•",
    "“": '"', "”": '"', '"': '"', "«": '"', "»": '"', "„": '"',
}
_SYMBOL = regex.compile("[" + regex.escape("".join(_SYMBOL_CLASSES)) + "]")
_TRAILING_COLON = regex.compile(r":\s*$")
_DIGITS = regex.compile(r"\d+")
_NAME_GAP = regex.compile(r"[ \-]+")
# Words separated by spaces only: a borrowed phrase never spans a comma or a full stop.
_SPACED_WORDS = regex.compile(r"\p{L}[\p{L}\p{M}'’]*(?: +\p{L}[\p{L}\p{M}'’]*)*")
# A phrase of two to this many syllables is looked for again in the other side.
MAX_PHRASE = 6


@dataclass
class Features:
    """What one paragraph offers as evidence."""

    length: int
    numbers: set[str]
    names: list[list[str]]  # one list of keys per name: its words and the words joined
    symbols: dict[str, int]  # mark → how many times it occurs
    lexical: set[str]  # lexicon keys: English lemmas on the source side, renderings on the target
    # The share of a unit of evidence a lexical key carries when less than one: the renderings a
    # syllable typed without accents may stand for ("ban": bạn, bàn, bán, ...) share its unit.
    shares: dict[str, float] = field(default_factory=dict)
    # The joined keys of the names that come through any translation (see vietnamese_names).
    sure_names: frozenset[str] = frozenset()

    def __reduce__(self) -> tuple:
        """Pickle as a plain tuple of fields: features come back from forked helpers (see
        parallel.py), and this is three times cheaper than the default."""
        return Features, (self.length, self.numbers, self.names, self.symbols, self.lexical, self.shares,
                          self.sure_names)


def number_anchors(text: str) -> set[str]:
    """Digit strings with separators removed ("2,000" = "2.000" = "2000"), plus decimal parts."""
    found: set[str] = set()
    for match in NUMBER.finditer(without_urls(text)):
        groups = _DIGITS.findall(match.group())
        found.add("".join(groups))
        if len(groups) == 2 and len(groups[1]) != 3:
            found.update(groups)
    return found


# A run of capitalised words separated only by spaces or hyphens.
_CAPITALISED_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}'’]*(?:[ \-]+\p{Lu}[\p{L}\p{M}'’]*)*")


def capitalised_runs(text: str) -> list[list[str]]:
    """The words of each run of adjacent capitalised words (URLs aside): what names are read
    from, once per paragraph."""
    return [_NAME_GAP.split(match.group()) for match in _CAPITALISED_RUN.finditer(without_urls(text))]


def name_anchors(text: str, is_english: bool, runs: list[list[str]] | None = None) -> list[list[str]]:
    """Names: runs of adjacent capitalised words, accents stripped and lowercased (``runs``: the
    text's capitalised_runs, when already read).

    Each name gives its words and, for two words or more, the words joined ("Hà Nội"
    also as "hanoi"); together they count as one piece of evidence. Common English
    words break a run, so a sentence-initial "The" is not a name; a lone capitalised
    common Vietnamese word ("Họ", "Sau") is not one either.
    """
    chains: list[list[str]] = []

    def close(run: list[str]) -> None:
        if not run or (len(run) == 1 and not is_english and run[0].lower() in vietnamese_vocabulary()):
            return
        keys = [name_key(w) for w in run]
        chains.append(keys + ["".join(keys)] if len(keys) > 1 else keys)

    for words_of_run in capitalised_runs(text) if runs is None else runs:
        run: list[str] = []
        for word in words_of_run:
            if is_english and _is_common_english(word):
                close(run)  # a common English word is not part of a name
                run = []
            else:
                run.append(word)
        close(run)
    return chains


def vietnamese_names(text: str, runs: list[list[str]] | None = None) -> frozenset[str]:
    """The joined keys of the people's names a paragraph holds, in either language: two to four
    capitalised Vietnamese syllables led by a family name ("Trần Văn Lộc", "Nguyen Thi Hoa")
    (``runs``: the text's capitalised_runs, when already read).
    A translation may drop the accents or the honorific but keeps the name, so where no
    paragraph of the other side holds it, the paragraph that does is likely left untranslated
    ("Photo: Nguyễn Văn Tâm" is no translation of "Ảnh: Lê Minh Khoa"). The name of an office or
    a school ("Phòng Quản lý") is translated, and is not asked about."""
    found = set()
    for run in capitalised_runs(text) if runs is None else runs:
        for start, word in enumerate(run):
            if name_key(word) in plain_surnames() and word[1:].islower():
                name = list(takewhile(_is_name_syllable, run[start:start + 4]))
                if len(name) >= 2:
                    found.add("".join(map(name_key, name)))
                break
    return frozenset(found)


@lru_cache(maxsize=1)
def plain_surnames() -> frozenset[str]:
    """The common family names without their accents, as names are keyed ("nguyen")."""
    return frozenset(map(name_key, VIETNAMESE_SURNAMES))


def _is_name_syllable(word: str) -> bool:
    """A syllable of a Vietnamese name as written in a name: capitalised, the rest lower case."""
    return word[:1].isupper() and word[1:].islower() and is_vi_syllable(word.lower())


def borrowed_phrases(text: str) -> list[list[str]]:
    """Vietnamese phrases an English paragraph keeps as they are ("lễ ăn hỏi", "chè bột lọc
    heo quay"): runs of two or more Vietnamese syllables that are no English word, one of
    them with a Vietnamese mark. Like names, they come through a translation unchanged, so
    each is an anchor, keyed as names are (accents stripped, lowercased, joined)."""
    if text.isascii():
        return []
    found: list[list[str]] = []
    for match in _SPACED_WORDS.finditer(without_urls(text)):
        run: list[str] = []
        for word in [*match.group().split(), ""]:
            if word and is_vi_syllable(word.lower()) and not _is_common_english(word):
                run.append(word)
                continue
            if 2 <= len(run) <= MAX_PHRASE and any(VI_MARKED_WORD.search(w) for w in run):
                found.append(["".join(map(name_key, run))])
            run = []
    return found


@lru_cache(maxsize=8)
def phrase_prefixes(wanted: frozenset[str]) -> frozenset[str]:
    """Every beginning of every wanted phrase key, so a paragraph's runs can be grown only while
    they may still become one (cached: every paragraph of a post asks with the same keys)."""
    return frozenset(key[:n] for key in wanted for n in range(1, len(key) + 1))


def phrases_among(syllables: list[str], wanted: frozenset[str], prefixes: frozenset[str]) -> list[list[str]]:
    """The runs of two or more of a Vietnamese paragraph's syllables that are one of the
    ``wanted`` phrase keys (see borrowed_phrases), as name chains; ``prefixes``: see
    phrase_prefixes. A run is grown from each syllable only while it is the beginning of some
    wanted key, so a paragraph costs about one lookup per syllable."""
    if not wanted:
        return []
    keys = [name_key(s) for s in syllables]
    found: set[str] = set()
    for start in range(len(keys)):
        joined = keys[start]
        for end in range(start + 1, min(start + MAX_PHRASE, len(keys))):
            if joined not in prefixes:
                break
            joined += keys[end]
            if joined in wanted:
                found.add(joined)
    return [[key] for key in sorted(found)]


@lru_cache(maxsize=200_000)
def _is_common_english(word: str) -> bool:
    """Is the word (or a stem of it) common English? Cached: names and words recur."""
    vocabulary = english_vocabulary()
    return any(lemma in vocabulary for lemma in english_lemmas(word))


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A word as names are compared: accents stripped, lowercased (cached)."""
    return strip_accents(word).lower()


def _symbols(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for mark in map(_SYMBOL_CLASSES.__getitem__, _SYMBOL.findall(text)):
        counts[mark] = counts.get(mark, 0) + 1
    if _TRAILING_COLON.search(text):
        counts[":$"] = counts.get(":$", 0) + 1
    return counts


@lru_cache(maxsize=200_000)
def lexicon_lemma(token: str) -> str | None:
    """The lexicon headword a token comes from ("villages" → "village"), or None. Cached:
    the same words recur in every paragraph."""
    lexicon = lexicon_en_vi()
    return next((lemma for lemma in english_lemmas(token) if lemma in lexicon), None)


def source_features(text: str) -> Features:
    """Features of an English paragraph; lexical items are lexicon lemmas."""
    tokens = words(text)
    lexicon = lexicon_en_vi()
    lowered = [t.lower() for t in tokens]
    lemmas = set(map(lexicon_lemma, tokens))
    lemmas.discard(None)
    lemmas.update(filter(lexicon.__contains__, map(" ".join, zip(lowered, lowered[1:]))))
    numbers = number_anchors(text)
    numbers.update(str(MONTHS.index(t) + 1) for t in _MONTH_NAMES.intersection(lowered))
    runs = capitalised_runs(text)
    return Features(len(text), numbers, name_anchors(text, True, runs), _symbols(text), lemmas,
                    sure_names=vietnamese_names(text, runs))


# A phrase by its syllables: the string for one syllable, a tuple of them for more.
PhraseTable = dict[str | tuple[str, ...], str]


def phrase_table(phrases: Iterable[str]) -> tuple[PhraseTable, tuple[int, ...]]:
    """Phrases keyed by their syllables (one syllable: the string; more: a tuple of them),
    and the lengths in syllables they have. Tuples of words already made are hashed from
    their words' cached hashes: no string is built to look a run up."""
    table: PhraseTable = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        table[parts[0] if len(parts) == 1 else parts] = phrase
    return table, tuple(sorted({1 if isinstance(key, str) else len(key) for key in table}))


# Phrases by their syllables with accents stripped: each key names every rendering written so
# ("ban" → bạn, bàn, bán), for text typed without accents.
PlainPhraseTable = dict[str | tuple[str, ...], tuple[str, ...]]


def plain_phrase_table(table: PhraseTable) -> PlainPhraseTable:
    """The phrase table keyed by unaccented syllables (see PlainPhraseTable)."""
    plain: dict[str | tuple[str, ...], list[str]] = {}
    for key, phrase in table.items():
        stripped = name_key(key) if isinstance(key, str) else tuple(map(name_key, key))
        plain.setdefault(stripped, []).append(phrase)
    return {key: tuple(sorted(phrases)) for key, phrases in plain.items()}


def is_unaccented(tokens: list[str]) -> bool:
    """Vietnamese typed without accents: fewer than one word in five carries a mark, where
    written Vietnamese marks most of its syllables."""
    return len(VI_MARKED_WORD.findall(" ".join(tokens))) * 5 < len(tokens)


def target_features(text: str, table: PhraseTable, lengths: tuple[int, ...],
                    plain_table: PlainPhraseTable | None = None, borrowed: frozenset[str] = frozenset()) -> Features:
    """Features of a Vietnamese paragraph; lexical items are lexicon renderings present in it.

    Every run of n syllables, for each phrase length n (see phrase_table), is looked up; the
    runs are made and tested by zip, map and filter, without a Python loop per syllable. A
    paragraph typed without accents is looked up by its bare syllables in ``plain_table``, and
    holds every rendering they may stand for, which share the unit of evidence of the run they
    read (chance matches are weighed by the model).
    ``borrowed``: the keys of the Vietnamese phrases the English side keeps (borrowed_phrases),
    looked for here as names."""
    syllables = [t.lower() for t in words(text)]
    unaccented = plain_table is not None and bool(syllables) and is_unaccented(syllables)
    keys, lookup = ([name_key(s) for s in syllables], plain_table) if unaccented else (syllables, table)
    present: set[str] = set()
    shares: dict[str, float] = {}
    for n in lengths:
        runs = keys if n == 1 else zip(*(keys[k:] for k in range(n)))
        found = map(lookup.__getitem__, filter(lookup.__contains__, runs))
        if unaccented:
            for readings in found:
                for reading in readings:
                    shares[reading] = max(shares.get(reading, 0.0), 1.0 / len(readings))
        else:
            present.update(found)
    if unaccented:
        present = set(shares)
        shares = {reading: share for reading, share in shares.items() if share < 1.0}
    runs = capitalised_runs(text)
    names = name_anchors(text, False, runs) + phrases_among(syllables, borrowed, phrase_prefixes(borrowed))
    return Features(len(text), number_anchors(text), names, _symbols(text), present, shares,
                    vietnamese_names(text, runs))
