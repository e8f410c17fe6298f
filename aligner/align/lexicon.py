"""The English–Vietnamese lexicon as the aligner reads it, built once per process."""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import lru_cache

from ..dictionary import Dictionary, english_features
from ..features import PhraseTable, PlainPhraseTable, phrase_table, plain_phrase_table
from ..text import lexicon_en_vi


class Lexicon:
    """Forward (English lemma → renderings) and reverse tables for the language pair; built
    once per process (see lexicon_for): a sentence-level run aligns thousands of little
    documents, and a batch hundreds of posts. A user's dictionary (``extra``, see
    dictionary.py) adds its entries, and its headwords to what the English side looks for."""

    def __init__(self, active: bool, extra: Dictionary = ()) -> None:
        self.forward: dict[str, set[str]] = defaultdict(set)
        self.reverse: dict[str, set[str]] = defaultdict(set)
        self._table: tuple[PhraseTable, tuple[int, ...]] | None = None
        self._plain_table: PlainPhraseTable | None = None
        self._translations: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]] | None = None
        if active:
            for lemma, renderings in lexicon_en_vi().items():
                for rendering in renderings:
                    self.add(lemma, rendering)
            for lemma, rendering in extra:
                self.add(lemma, rendering)
        self.source_features = english_features(extra if active else ())

    def add(self, lemma: str, rendering: str) -> None:
        self.forward[lemma].add(rendering)
        self.reverse[rendering].add(lemma)

    def translations(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Item keys of the other side that a lexical item key may be rendered by: source
        ("s:year" → "t:năm", ...) and target ("t:năm" → "s:year", ...)."""
        if self._translations is None:
            forward = {sys.intern("s:" + lemma): frozenset(sys.intern("t:" + r) for r in renderings)
                       for lemma, renderings in self.forward.items()}
            reverse = {sys.intern("t:" + rendering): frozenset(sys.intern("s:" + lemma) for lemma in lemmas)
                       for rendering, lemmas in self.reverse.items()}
            self._translations = forward, reverse
        return self._translations

    @property
    def plain_table(self) -> PlainPhraseTable:
        """The renderings keyed by their unaccented syllables (see plain_phrase_table)."""
        if self._plain_table is None:
            self._plain_table = plain_phrase_table(self.table[0])
        return self._plain_table

    @property
    def table(self) -> tuple[PhraseTable, tuple[int, ...]]:
        """The renderings keyed by their syllables, and their lengths (see phrase_table)."""
        if self._table is None:
            self._table = phrase_table(self.reverse)
        return self._table


@lru_cache(maxsize=8)
def lexicon_for(active: bool, extra: Dictionary = ()) -> Lexicon:
    """The process's lexicon (or an empty one for another language pair), with a user's
    dictionary merged in: one per distinct dictionary, the built-in one kept apart."""
    return Lexicon(active, extra)
