"""Seeded langdetect, with its language profiles read into memory only for the n-grams asked.

langdetect's own factory turns all 55 profiles into one table of every n-gram's probability in
every language before its first answer: about 0.4 s, more than the rest of tagging a 2,000
paragraph post. Its detector only ever reads that table for the n-grams of the text in hand,
so here the profiles are parsed (a tenth of that time) and an n-gram's row is built the first
time a text holds it, with the same arithmetic, languages in the same order and the same seed:
the answers are langdetect's own, bit for bit (tested against it).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache


class _LazyTable(dict):
    """n-gram → probability in each language, filled on first membership test."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]]) -> None:
        super().__init__()
        self.profiles = profiles
        self.absent: set[str] = set()

    def __contains__(self, word: object) -> bool:
        if dict.__contains__(self, word):
            return True
        if not isinstance(word, str) or word in self.absent:
            return False
        row = self._row(word)
        if row is None:
            self.absent.add(word)
            return False
        self[word] = row
        return True

    def _row(self, word: str) -> list[float] | None:
        """As DetectorFactory.add_profile fills it: freq / n_words[len - 1] per language."""
        row = None
        length = len(word)
        for index, (freq, n_words) in enumerate(self.profiles):
            count = freq.get(word)
            if count is None:
                continue
            if row is None:
                row = [0.0] * len(self.profiles)
            if 1 <= length <= 3:
                row[index] = 1.0 * count / n_words[length - 1]
        return row


class _Factory:
    """What langdetect's Detector reads from its factory: the table, the languages, the seed."""

    def __init__(self, directory: str) -> None:
        profiles, self.langlist = [], []
        for name in os.listdir(directory):  # the order langdetect loads them in
            path = os.path.join(directory, name)
            if name.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as stream:
                data = json.load(stream)
            self.langlist.append(data["name"])
            profiles.append((data["freq"], data["n_words"]))
        self.word_lang_prob_map = _LazyTable(profiles)
        self.seed = 0


@lru_cache(maxsize=1)
def _factory() -> _Factory:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return _Factory(PROFILES_DIRECTORY)


def detect_langs(text: str) -> list:
    """langdetect.detect_langs(text) with DetectorFactory.seed = 0: languages by probability
    (objects with ``lang`` and ``prob``); raises LangDetectException on text without features."""
    from langdetect.detector import Detector

    detector = Detector(_factory())
    detector.append(text)
    return detector.get_probabilities()
