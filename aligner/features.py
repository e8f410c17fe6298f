"""Evidence that survives translation, extracted once per paragraph.

Anchors are numbers, names (compared with accents stripped) and marks such as brackets
and quotes; lexicon items are words with a known rendering in the other language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .text import (NUMBER, WORD, english_lemmas, english_vocabulary, lexicon_en_vi, strip_accents, without_urls,
                   vietnamese_vocabulary, words)

_MONTHS = ("january february march april may june july august september october november december").split()
_SYMBOL_CLASSES = {
    "[": "[", "]": "]", "(": "(", ")": ")", "*": "*", "?": "?", "!": "!", "%": "%", "•": "•",
    "“": '"', "”": '"', '"': '"', "«": '"', "»": '"', "„": '"',
}
_TRAILING_COLON = regex.compile(r":\s*$")


@dataclass
class Features:
    """What one paragraph offers as evidence; ``items`` is filled by the aligner."""

    length: int
    numbers: set[str]
    names: list[list[str]]  # one list of keys per name: its words and the words joined
    symbols: Counter
    lexical: set[str]  # lexicon keys: English lemmas on the source side, renderings on the target


def _number_anchors(text: str) -> set[str]:
    """Digit strings with separators removed ("2,000" = "2.000" = "2000"), plus decimal parts."""
    found: set[str] = set()
    for match in NUMBER.finditer(without_urls(text)):
        groups = regex.findall(r"\d+", match.group())
        found.add("".join(groups))
        if len(groups) == 2 and len(groups[1]) != 3:
            found.update(groups)
    return found


_NAME_GAP = regex.compile(r"[ \-]*")


def _name_anchors(text: str, is_english: bool) -> list[list[str]]:
    """Names: runs of adjacent capitalised words, accents stripped and lowercased.

    Each name gives its words and, for two words or more, the words joined ("Hà Nội"
    also as "hanoi"); together they count as one piece of evidence. Common English
    words break a run, so a sentence-initial "The" is not a name; a lone capitalised
    common Vietnamese word ("Họ", "Sau") is not one either.
    """
    vocabulary = english_vocabulary()
    text = without_urls(text)
    runs: list[list[str]] = []  # the words of each run, as written
    end = -1
    for match in WORD.finditer(text):
        token = match.group()
        is_name = token[:1].isupper() and not (
            is_english and any(lemma in vocabulary for lemma in english_lemmas(token)))
        adjacent = end >= 0 and _NAME_GAP.fullmatch(text, end, match.start()) is not None
        if is_name:
            if runs and adjacent and runs[-1] and runs[-1][-1] is not None:
                runs[-1].append(token)
            else:
                runs.append([token])
        elif runs:
            runs.append([None])  # a break: the next capitalised word starts a new run
        end = match.end()
    chains: list[list[str]] = []
    for run in runs:
        words_in_run = [w for w in run if w is not None]
        if not words_in_run:
            continue
        if len(words_in_run) == 1 and not is_english and words_in_run[0].lower() in vietnamese_vocabulary():
            continue
        keys = [strip_accents(w).lower() for w in words_in_run]
        chains.append(keys + ["".join(keys)] if len(keys) > 1 else keys)
    return chains


def _symbols(text: str) -> Counter:
    counts: Counter = Counter(_SYMBOL_CLASSES[ch] for ch in text if ch in _SYMBOL_CLASSES)
    if _TRAILING_COLON.search(text):
        counts[":$"] += 1
    return counts


def source_features(text: str) -> Features:
    """Features of an English paragraph; lexical items are lexicon lemmas."""
    tokens = words(text)
    lexicon = lexicon_en_vi()
    lemmas: set[str] = set()
    lowered = [t.lower() for t in tokens]
    for token in tokens:
        for lemma in english_lemmas(token):
            if lemma in lexicon:
                lemmas.add(lemma)
                break
    for first, second in zip(lowered, lowered[1:]):
        if f"{first} {second}" in lexicon:
            lemmas.add(f"{first} {second}")
    numbers = _number_anchors(text)
    numbers.update(str(_MONTHS.index(t) + 1) for t in lowered if t in _MONTHS and t != "may")
    return Features(len(text), numbers, _name_anchors(text, True), _symbols(text), lemmas)


def target_features(text: str, phrases: dict[str, set[str]], longest: int) -> Features:
    """Features of a Vietnamese paragraph; lexical items are lexicon renderings present in it."""
    tokens = words(text)
    syllables = [t.lower() for t in tokens]
    present: set[str] = set()
    for n in range(1, longest + 1):
        for i in range(len(syllables) - n + 1):
            phrase = " ".join(syllables[i:i + n])
            if phrase in phrases:
                present.add(phrase)
    return Features(len(text), _number_anchors(text), _name_anchors(text, False), _symbols(text), present)
