"""A merge part's own evidence over numpy arrays: the terms PairScorer.part_evidence sums, for
every occurrence of one side's items, against another side of each length class."""

from __future__ import annotations

import numpy as np

from .model import LENGTH_CLASS_STEPS, MAX_LENGTH_CLASS


def length_steps(length: np.ndarray, mean_length: float) -> np.ndarray:
    """model.length_step of each length, over an array."""
    ratio = length / mean_length if mean_length > 0 else np.ones_like(length)
    steps = np.round(LENGTH_CLASS_STEPS * np.log2(np.maximum(ratio, 1.0)))
    return np.clip(steps, 0, MAX_LENGTH_CLASS * LENGTH_CLASS_STEPS).astype(np.int64)


class PartValues:
    """The terms of a merge part's own evidence for every occurrence of one side's items
    (PairScorer.part_evidence over arrays): what a hit adds and, per paragraph, what it scores
    when nothing is hit, both against another side of a given length class (model.length_class).
    The no-hit scores are kept per class that the other side's paragraphs fall in; a hit's
    value is computed for the matched occurrences only."""

    def __init__(self, paragraph: np.ndarray, paragraphs: int, scale: np.ndarray, true: np.ndarray,
                 chance: np.ndarray, other_len: np.ndarray, other_mean: float) -> None:
        self.scale, self.true, self.chance, self.other_mean = scale, true, chance, other_mean
        self.other_len = other_len
        self.other_class = self.class_of(other_len)
        self._paragraph, self._paragraphs = paragraph, paragraphs
        self._base: dict[int, np.ndarray] = {}

    def class_of(self, length: np.ndarray) -> np.ndarray:
        """model.length_class of each length, as a number of steps (the factor is 2 to the
        steps over LENGTH_CLASS_STEPS)."""
        return length_steps(length, self.other_mean)

    def _chance(self, positions: np.ndarray | slice, exponent: np.ndarray | int) -> np.ndarray:
        """model.chance_over_length of the occurrences at ``positions``."""
        chance, true = self.chance[positions], self.true[positions]
        factor = 2.0 ** (np.asarray(exponent) / LENGTH_CLASS_STEPS)
        return np.where(factor == 1, chance, np.minimum(1.0 - (1.0 - chance) ** factor, true - 0.01))

    def _miss(self, positions: np.ndarray | slice, exponent: np.ndarray | int,
              chance: np.ndarray | None = None) -> np.ndarray:
        """What a miss of each occurrence at ``positions`` costs (a log-likelihood ratio, so
        negative), against another side of the given length class (whose ``chance``, when the
        caller has it already)."""
        if chance is None:
            chance = self._chance(positions, exponent)
        true = self.true[positions]
        return self.scale[positions] * np.log((1 - true) / (1 - chance))

    def hit_values(self, positions: np.ndarray, exponent: np.ndarray) -> np.ndarray:
        """What a hit on each occurrence at ``positions`` adds, against another side of the
        given length class."""
        chance = self._chance(positions, exponent)
        return self.scale[positions] * np.log(self.true[positions] / chance) - self._miss(positions, exponent, chance)

    def base(self, own: np.ndarray, exponent: np.ndarray) -> np.ndarray:
        """What paragraphs ``own`` score when nothing is hit, each against another side of its
        length class."""
        found = np.empty(len(own))
        for value in np.unique(exponent).tolist():
            if value not in self._base:
                self._base[value] = np.bincount(self._paragraph, weights=self._miss(slice(None), value),
                                                minlength=self._paragraphs)
            chosen = exponent == value
            found[chosen] = self._base[value][own[chosen]]
        return found
