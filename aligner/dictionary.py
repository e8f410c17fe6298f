"""A user's own English–Vietnamese words (``--dict FILE``), added to the built-in lexicon.

The built-in lexicon (aligner/data/lexicon-en-vi.tsv) holds common words; a post about
medicine, law or engineering rests on words it lacks. A user's dictionary is read here into a
frozen, sorted tuple of (English headword, Vietnamese rendering) pairs: a plain value that
pickles to worker processes and keys the aligner's cache of merged lexicons (align.lexicon_for),
so the built-in lexicon is built once per process and a merged one once per dictionary.

Two line formats are accepted, as the lexicon's own file and hunalign write them:

    vaccine<TAB>vắc-xin|vaccine        english<TAB>vietnamese, renderings separated by "|"
    ống nghe @ stethoscope             hunalign: target @ source, i.e. vietnamese @ english
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from .errors import AlignerError
from .features import Features, source_features
from .reader import read_source
from .text import english_irregular, english_lemmas, words

# (english headword, vietnamese rendering) pairs, sorted and without repeats.
Dictionary = tuple[tuple[str, str], ...]

_EXPECTED = "expected 'english<TAB>vietnamese' or 'vietnamese @ english'"


def read_dictionaries(paths: Sequence[str | os.PathLike[str]]) -> Dictionary:
    """Read every ``--dict`` file into one dictionary.

    Raises AlignerError naming the file (and the line) for a missing, unreadable or malformed
    file: a dictionary half read would change the alignment without saying so."""
    entries: set[tuple[str, str]] = set()
    for path in paths:
        if str(path) == "-":
            raise AlignerError("--dict -: give a file name (standard input is the post)")
        try:
            text = read_source(path)
        except AlignerError as exc:  # say which file: the post's own errors read the same
            raise AlignerError(f"--dict {exc.message}") from None
        entries.update(parse_dictionary(text, f"--dict {path}"))
    return tuple(sorted(entries))


def parse_dictionary(text: str, name: str = "dictionary") -> list[tuple[str, str]]:
    """The (english, vietnamese) pairs of one dictionary's text; ``#`` comments and blank
    lines are skipped. Raises AlignerError ``NAME:LINE: why`` at the first malformed line."""
    found: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            found.extend(_entries(line))
        except ValueError as exc:
            raise AlignerError(f"{name}:{number}: {exc}") from None
    return found


def _entries(line: str) -> list[tuple[str, str]]:
    """One line's pairs: TSV (several renderings split by ``|``) or hunalign's ``vi @ en``."""
    if "\t" in line:
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{len(parts)} tab-separated fields, {_EXPECTED}")
        english, renderings = parts[0], parts[1].split("|")
    elif " @ " in line:
        parts = line.split(" @ ")
        if len(parts) != 2:
            raise ValueError(f"more than one ' @ ', {_EXPECTED}")
        renderings, english = [parts[0]], parts[1]
    else:
        raise ValueError(f"not a dictionary line: {_EXPECTED}")
    key = english_headword(english)
    if not key:
        raise ValueError("no English word")
    found = [(key, rendering) for rendering in map(vietnamese_rendering, renderings) if rendering]
    if not found:
        raise ValueError("no Vietnamese word")
    return found


def english_headword(text: str) -> str:
    """An English side as the lexicon keys it: lower-cased words joined by one space, a single
    irregular form taken to its base word ("children" → "child"), since the text's words are
    looked up by their lemmas (features.lexicon_lemma); "" when it holds no word."""
    tokens = [w.lower().replace("’", "'") for w in words(text)]
    if len(tokens) == 1:
        return english_irregular().get(tokens[0], tokens[0])
    return " ".join(tokens)


def vietnamese_rendering(text: str) -> str:
    """A Vietnamese side as the lexicon holds it: NFC, lower-cased syllables joined by one
    space, so it is found the way a paragraph's syllables are read (features.target_features,
    which splits "vắc-xin" into two syllables too); "" when it holds no word."""
    return " ".join(w.lower() for w in words(unicodedata.normalize("NFC", text)))


def english_features(dictionary: Dictionary) -> Callable[[str], Features]:
    """The source-side feature extractor for a lexicon with these extra entries: the built-in
    one alone when there are none (the common case pays nothing)."""
    if not dictionary:
        return source_features
    keys = frozenset(english for english, _ in dictionary)
    lengths = tuple(sorted({key.count(" ") + 1 for key in keys}))
    return partial(features_with_dictionary, keys=keys, lengths=lengths)


def features_with_dictionary(text: str, keys: frozenset[str], lengths: tuple[int, ...]) -> Features:
    """source_features, plus the dictionary headwords found in the text: a single word by its
    lemmas (first match, as the built-in lexicon does), a phrase by its words in a row."""
    found = source_features(text)
    found.lexical.update(dictionary_headwords(words(text), keys, lengths))
    return found


def dictionary_headwords(tokens: Iterable[str], keys: frozenset[str], lengths: tuple[int, ...]) -> set[str]:
    """The headwords of ``keys`` that these tokens hold (see features_with_dictionary)."""
    lowered = [t.lower() for t in tokens]
    found: set[str] = set()
    for n in lengths:
        if n == 1:
            found.update(next((lemma for lemma in english_lemmas(t) if lemma in keys), "") for t in lowered)
        else:
            found.update(filter(keys.__contains__, map(" ".join, zip(*(lowered[k:] for k in range(n))))))
    found.discard("")
    return found
