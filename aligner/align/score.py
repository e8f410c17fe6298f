"""The scorer: the gain of a bead, and of many beads, under the current model.

One interface (``Scorer``), two implementations chosen once per post: ``PairScorer`` here
reads the evidence as Python sets, bead by bead, which suits a blog post; ``BandScorer``
(band.py) reads numpy tables and scores a whole corridor of cells at once, which suits a
book. Both give the same gains (tested). The search (search.py), the passes (passes.py),
the estimation (estimate.py) and the confidence only talk to the interface.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .confidence import Bead
from .document import Document
from .evidence import Evidence, union_reach
from .items import KINDS, kind_of
from .model import (Coefficients, Model, Tally, chance_over_length, coefficients, content, item_chance, length_class,
                    length_score, length_step)
from .settings import Settings

if TYPE_CHECKING:
    import numpy as np

# A candidate bead ending in a cell: (column, move, gain or None when still to compute). The
# move is 3·rows + columns of the bead: 4 for 1-1, 7 for 2-1, 5 for 1-2.
Candidate = tuple[int, int, "float | None"]
# An offer to grow a merge: (bead number, new source ids, new target ids, side grown, added).
Offer = tuple[int, tuple[int, ...], tuple[int, ...], int, int]


class RowBeads(Protocol):
    """The beads a search may end in each row, as a scorer offers them."""

    def ending_in(self, a: int, lo: int, hi: int) -> Sequence[Candidate]: ...

    def gain(self, a: int, b: int, how: int) -> float: ...


@dataclass(frozen=True)
class Focus:
    """A part of the post to search alone: a scorer for it, the ids to search with, and the
    maps from the ids found back to the whole post's."""

    scorer: Scorer
    src_ids: Sequence[int]
    tgt_ids: Sequence[int]
    src_back: Sequence[int]
    tgt_back: Sequence[int]


class Scorer(Protocol):
    """What the search, the passes and the estimation ask of a scorer."""

    document: Document
    model: Model
    settings: Settings
    vectorised: bool

    def with_model(self, model: Model) -> Scorer: ...

    def unit_weights(self) -> dict[str, float]: ...

    def pair_tallies(self, pairs: list[tuple[int, int]]) -> list[Tally]: ...

    def pair_gains(self, pairs: list[tuple[int, int]]) -> list[float]: ...

    def pair_gain_array(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray: ...

    def layout_free(self, bead: Bead) -> float: ...

    def offset_bonus(self, i: int, j: int) -> float: ...

    def rows(self, corridor: list[tuple[int, int]], src_ids: Sequence[int], tgt_ids: Sequence[int],
             layout: bool, merges: bool) -> RowBeads: ...

    def grown_gains(self, offers: list[Offer]) -> list[float]: ...

    def bead_contents(self, beads: list[Bead], kinds: tuple[str, ...] = KINDS) -> list[float]: ...

    def focus(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Focus: ...


class ScorerBase:
    """What both scorers share: the document, the model and its coefficients, and the gains
    of one-to-one pairs from their tallies."""

    vectorised = False

    def __init__(self, document: Document, model: Model, settings: Settings) -> None:
        self.document, self.model, self.settings = document, model, settings
        self.coefficients: Coefficients = coefficients(model)

    def pair_tallies(self, pairs: list[tuple[int, int]]) -> list[Tally]:
        raise NotImplementedError

    def offset_bonus(self, i: int, j: int) -> float:
        """The layout term of a bead starting at src[i] and tgt[j]."""
        return self.model.offset_bonus.get(self.document.offset(i, j, self.settings.max_offset), 0.0)

    def pair_gain_array(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
        """pair_gains for arrays of ids (numpy is imported only here: a blog post never asks)."""
        import numpy

        return numpy.array(self.pair_gains(list(zip(src.tolist(), tgt.tolist()))), dtype=numpy.float64)

    def pair_gains(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Gains of one-to-one pairs without the layout term (what their words and lengths say)."""
        doc, bias = self.document, self.settings.pair_bias
        return [self.content_of(t, doc.src_len[i], doc.tgt_len[j]) + length_score(self.model, doc.src_len[i], doc.tgt_len[j])
                + bias for t, (i, j) in zip(self.pair_tallies(pairs), pairs)]

    def content_of(self, tally: Tally, src_len: int, tgt_len: int, kinds: tuple[str, ...] = KINDS) -> float:
        """model.content of a bead whose sides are ``src_len`` and ``tgt_len`` long, from the
        items of ``kinds``."""
        mean_src, mean_tgt = self.document.mean_len
        chosen = self.coefficients if kinds == KINDS else [c for c in self.coefficients if c[0] in kinds]
        return content(tally, chosen, length_step(src_len, mean_src), length_step(tgt_len, mean_tgt))

    def bead_lengths(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> tuple[int, int]:
        """The text lengths of a bead's two sides."""
        doc = self.document
        return sum(doc.src_len[i] for i in src_ids), sum(doc.tgt_len[j] for j in tgt_ids)

    def layout_free(self, bead: Bead) -> float:
        """A bead's gain less the layout term it was found with."""
        src_ids, tgt_ids, g = bead
        return g - self.offset_bonus(src_ids[0], tgt_ids[0])


class PairScorer(ScorerBase):
    """Gains bead by bead from Python sets (see evidence.py), for posts of ordinary length.

    ``swapped``: the evidence holds the English side first; when the source is Vietnamese
    the sides are swapped back on every read."""

    def __init__(self, document: Document, evidence: Evidence, swapped: bool, model: Model,
                 settings: Settings) -> None:
        super().__init__(document, model, settings)
        self.evidence, self.swapped = evidence, swapped
        self._part_cache: dict[tuple[int, str, float], tuple[float, dict[str, float]]] = {}
        self._reached: dict | None = None

    def with_model(self, model: Model) -> PairScorer:
        return PairScorer(self.document, self.evidence, self.swapped, model, self.settings)

    def unit_weights(self) -> dict[str, float]:
        """The mean weight of each kind's items: one unit of evidence."""
        weights = {kind: [w for item, w in self.evidence.weight.items() if kind_of(item) == kind] for kind in KINDS}
        return {kind: statistics.fmean(found) if found else 1.0 for kind, found in weights.items()}

    def tally(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Tally:
        """The bead's tally, source side first, whichever side the lexicon reads from."""
        if self.swapped:
            swapped = self.evidence.tally(tgt_ids, src_ids)
            return {kind: (v[2], v[3], v[0], v[1]) for kind, v in swapped.items()}
        return self.evidence.tally(src_ids, tgt_ids)

    def pair_tallies(self, pairs: list[tuple[int, int]]) -> list[Tally]:
        return [self.tally((i,), (j,)) for i, j in pairs]

    def gain(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...], layout: bool = True) -> float:
        """Log-odds that the bead is a translation: content + length (+ layout) + prior."""
        merge = len(src_ids) + len(tgt_ids) > 2
        if merge and not self._parts_prove_themselves(src_ids, tgt_ids):
            return float("-inf")  # checked first: it is cheaper than the merged tally
        src_len, tgt_len = self.bead_lengths(src_ids, tgt_ids)
        value = self.content_of(self.tally(src_ids, tgt_ids), src_len, tgt_len)
        value += length_score(self.model, src_len, tgt_len)
        if layout:
            value += self.offset_bonus(src_ids[0], tgt_ids[0])
        value += self.settings.pair_bias
        if merge:
            value -= self.settings.merge_penalty
        return value

    def _parts_prove_themselves(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> bool:
        """Each paragraph of a merge must find its own items in the other side, or, in a merge
        of two, bring the lengths into agreement by more than its items cost it.

        Adding any paragraph to a bead raises its matched weight a little (common words
        match by chance), so the merged score alone would merge too eagerly. A short part
        is judged by its own items only, not blamed for what the long side says besides. A
        line of verse sung as two lines may hold no word the lexicon knows ("we bind the
        sheaves / with twisted straw"); that the two together match the one line's length,
        where either alone does not, is evidence too (Gale and Church align on nothing else).
        """
        if len(src_ids) > 1:
            helps = self.length_help(src_ids, tgt_ids, 0) if len(src_ids) == 2 else (0.0,) * len(src_ids)
            return all(self.part_evidence(i, tgt_ids, "src") + h > 0 for i, h in zip(src_ids, helps))
        helps = self.length_help(src_ids, tgt_ids, 1) if len(tgt_ids) == 2 else (0.0,) * len(tgt_ids)
        return all(self.part_evidence(j, src_ids, "tgt") + h > 0 for j, h in zip(tgt_ids, helps))

    def length_help(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...], merged_side: int) -> tuple[float, ...]:
        """What each paragraph of the merged side (0 source, 1 target) adds to the agreement of
        the bead's lengths: the length score with it less the score without it, when positive
        (a part that makes the lengths worse is judged by its items alone)."""
        doc = self.document
        src = [doc.src_len[i] for i in src_ids]
        tgt = [doc.tgt_len[j] for j in tgt_ids]
        whole = length_score(self.model, sum(src), sum(tgt))
        if merged_side == 0:
            return tuple(max(whole - length_score(self.model, sum(src) - part, sum(tgt)), 0.0) for part in src)
        return tuple(max(whole - length_score(self.model, sum(src), sum(tgt) - part), 0.0) for part in tgt)

    def part_evidence(self, part: int, other_ids: tuple[int, ...], side: str) -> float:
        """Log-likelihood ratio that the part's items are explained by the other side of the
        bead, each item against its own chance (see model.item_chance) for a side as long as
        this one (see model.length_class). A word that every paragraph of the other side
        explains ("and", "of") proves nothing; a global chance rate would let a few such words
        join an untranslated paragraph to its neighbour's translation. Nor does "by" prove a
        byline ("Translated by ...") part of a long paragraph's translation: a paragraph eight
        times the usual length holds most grammar words by chance."""
        e, doc = self.evidence, self.document
        inner = side if not self.swapped else ("tgt" if side == "src" else "src")  # the evidence's side
        reach = union_reach(e.tgt_reach if inner == "src" else e.src_reach, other_ids)
        other_len = doc.tgt_len if side == "src" else doc.src_len
        factor = length_class(sum(other_len[k] for k in other_ids), doc.mean_len[side == "src"])
        base, on_hit = self._part_terms(part, side, inner, factor)
        return base + sum(map(on_hit.__getitem__, on_hit.keys() & reach))

    def _part_terms(self, part: int, side: str, inner: str, factor: float) -> tuple[float, dict[str, float]]:
        """A part's evidence when nothing is hit, and what each of its items adds when hit,
        against another side ``factor`` times the usual length (kept for this model)."""
        key = (part, side, factor)
        found = self._part_cache.get(key)
        if found is None:
            model, e = self.model, self.evidence
            weights = (e.src_weights if inner == "src" else e.tgt_weights)[part]
            if self._reached is None:
                self._reached = e.reach_counts()
            reached, others = self._reached[inner], len(e.tgt_reach if inner == "src" else e.src_reach)
            base, on_hit = 0.0, {}
            for item, w in weights.items():
                kind = kind_of(item)
                rates = model.rates[(kind, side)]
                p = chance_over_length(item_chance(reached[item], others, rates, self.settings), factor, rates)
                scale = w / model.unit_weight[kind]
                miss = math.log((1 - rates.true) / (1 - p)) * scale
                base += miss
                on_hit[item] = math.log(rates.true / p) * scale - miss
            found = self._part_cache[key] = (base, on_hit)
        return found

    def rows(self, corridor: list[tuple[int, int]], src_ids: Sequence[int], tgt_ids: Sequence[int],
             layout: bool, merges: bool) -> RowBeads:
        return _PairRows(self, src_ids, tgt_ids, layout, merges)

    def grown_gains(self, offers: list[Offer]) -> list[float]:
        """gain() of each offered bead (with layout), -inf where a part does not prove itself."""
        return [self.gain(s, t) for _, s, t, _, _ in offers]

    def bead_contents(self, beads: list[Bead], kinds: tuple[str, ...] = KINDS) -> list[float]:
        """The content score of each bead (no length, layout or prior), from the items of
        ``kinds`` only (all by default; "soft": what its words say, its anchors aside)."""
        return [self.content_of(self.tally(s, t), *self.bead_lengths(s, t), kinds) for s, t, _ in beads]

    def focus(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Focus:
        """Searched with the whole post's ids: nothing to map back."""
        doc = self.document
        return Focus(self, src_ids, tgt_ids, range(len(doc.src)), range(len(doc.tgt)))


class _PairRows:
    """Every bead that may end in a row, its gain computed only when the search asks (where
    the bead can start at all)."""

    def __init__(self, scorer: PairScorer, src_ids: Sequence[int], tgt_ids: Sequence[int], layout: bool,
                 merges: bool) -> None:
        self.scorer, self.src_ids, self.tgt_ids, self.layout, self.merges = scorer, src_ids, tgt_ids, layout, merges

    def ending_in(self, a: int, lo: int, hi: int) -> list[Candidate]:
        """In the order diagonal, 2-1, 1-2 per cell, the order in which ties are settled."""
        src_ids, tgt_ids, doc, merges = self.src_ids, self.tgt_ids, self.scorer.document, self.merges
        found: list[Candidate] = []
        merge_src = merges and a >= 2 and src_ids[a - 1] == src_ids[a - 2] + 1 and doc.mergeable_src(src_ids[a - 1])
        for b in range(max(lo, 1), hi + 1):
            found.append((b, 4, None))
            if merge_src:
                found.append((b, 7, None))
            if merges and b >= 2 and tgt_ids[b - 1] == tgt_ids[b - 2] + 1 and doc.mergeable_tgt(tgt_ids[b - 1]):
                found.append((b, 5, None))
        return found

    def gain(self, a: int, b: int, how: int) -> float:
        """Gain of the bead of move ``how`` ending in cell (a, b)."""
        da, db = divmod(how, 3)
        return self.scorer.gain(tuple(self.src_ids[a - da:a]), tuple(self.tgt_ids[b - db:b]), self.layout)
