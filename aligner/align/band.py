"""The numpy scorer: the Scorer interface over item tables, a whole corridor at a time.

A book-length post has millions of corridor cells; the pair scorer (score.py) would intersect
Python sets in each. Here the matched weights of every cell of a block of rows come from the
tables (tables.py) at once, and so do the gains; the search then only visits the cells whose
bead gains something. The arithmetic is the pair scorer's, in the same order, so both give the
same beads (tested). numpy is imported only for such long posts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

import numpy as np

from .corridor_beads import corridor_beads
from .document import Document, coarse_document, selected_document
from .items import KINDS
from .model import Model, Tally, initial_model
from .part_values import PartValues, length_steps
from .score import Bead, Candidate, Focus, Offer, ScorerBase
from .settings import Settings
from .tables import ItemTables


class BandScorer(ScorerBase):
    """Gains of many beads at once from numpy item tables, for long posts."""

    vectorised = True

    def __init__(self, document: Document, tables: ItemTables, model: Model, settings: Settings) -> None:
        super().__init__(document, model, settings)
        self.tables = tables
        self.src_len = np.array(document.src_len, dtype=np.float64)
        self.tgt_len = np.array(document.tgt_len, dtype=np.float64)
        self.runs_src, self.runs_tgt = np.array(document.runs_src), np.array(document.runs_tgt)
        # content()'s log-ratios on a hit and on a miss, per kind, indexed by length step.
        self._by_step = [(name, per_unit, np.array(on_hit), np.array(on_miss))
                         for name, per_unit, on_hit, on_miss in self.coefficients]

    def with_model(self, model: Model) -> BandScorer:
        return BandScorer(self.document, self.tables, model, self.settings)

    def coarsened(self, size: int) -> BandScorer:
        """The same post seen in chunks of ``size`` paragraphs, with a model of its own.

        Items in more than a quarter of the paragraphs tell chunks apart poorly and cost the
        most time; the coarse view leaves them out, and keeps only a chunk's heaviest items,
        so each level costs a fraction of the one below."""
        tables = self.tables.grouped(size, math.log(4), self.settings.coarse_items)
        return BandScorer(coarse_document(self.document, size), tables, initial_model(self.settings), self.settings)

    def selected(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> BandScorer:
        """Some source and target paragraphs alone (each list increasing), under this model."""
        tables = self.tables.select(np.array(src_ids, dtype=np.int64), np.array(tgt_ids, dtype=np.int64))
        return BandScorer(selected_document(self.document, src_ids, tgt_ids), tables, self.model, self.settings)

    def focus(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Focus:
        """A selected view, searched with its own ids, which map back through the selection."""
        return Focus(self.selected(src_ids, tgt_ids), range(len(src_ids)), range(len(tgt_ids)), src_ids, tgt_ids)

    def unit_weights(self) -> dict[str, float]:
        return {kind: self.tables.unit_weight(k) for k, kind in enumerate(KINDS)}

    def pair_batches(self, pairs: list[tuple[int, int]]) -> Iterator[tuple[list[tuple[int, int]], np.ndarray,
                                                                          np.ndarray, tuple[np.ndarray, ...]]]:
        """The distinct pairs asked for (the confidence passes ask for a pair's neighbours, and
        neighbours overlap), a batch at a time with their source and target ids and tallies:
        each pair's tally is its own, so batches only bound the memory of a book's many asks."""
        distinct = list(dict.fromkeys(pairs))
        step = self.settings.tally_batch
        for start in range(0, len(distinct), step):
            batch = distinct[start:start + step]
            src = np.array([i for i, _ in batch], dtype=np.int64)
            tgt = np.array([j for _, j in batch], dtype=np.int64)
            yield batch, src, tgt, self.tables.bead_tallies(src, 1, tgt, 1)

    def pair_tallies(self, pairs: list[tuple[int, int]]) -> list[Tally]:
        """The tally of each pair; a pair asked for twice shares one tally (read only)."""
        found: dict[tuple[int, int], Tally] = {}
        for batch, _, _, counts in self.pair_batches(pairs):
            per_kind = [zip(*(x[k].tolist() for x in counts)) for k in range(len(KINDS))]
            found.update(zip(batch, (dict(zip(KINDS, kinds)) for kinds in zip(*per_kind))))
        return [found[pair] for pair in pairs]

    def pair_gain_array(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
        """pair_gains for arrays of source and target ids, a batch at a time."""
        step, found = self.settings.tally_batch, np.empty(len(src), dtype=np.float64)
        for start in range(0, len(src), step):
            i, j = src[start:start + step], tgt[start:start + step]
            found[start:start + step] = self.gains(self.tables.bead_tallies(i, 1, j, 1), i, j, 1, 1, layout=False)
        return found

    def pair_gains(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Gains of one-to-one pairs without the layout term, from the array gains."""
        found: dict[tuple[int, int], float] = {}
        for batch, src, tgt, counts in self.pair_batches(pairs):
            found.update(zip(batch, self.gains(counts, src, tgt, 1, 1, layout=False).tolist()))
        return [found[pair] for pair in pairs]

    def content(self, tallies: tuple[np.ndarray, ...], src_len: np.ndarray, tgt_len: np.ndarray,
                kinds: tuple[str, ...] = KINDS) -> np.ndarray:
        """model.content over arrays (2 kinds × beads) of beads whose sides are ``src_len`` and
        ``tgt_len`` long, in the same order of operations; from the items of ``kinds`` only."""
        src_hit, src_total, tgt_hit, tgt_total = tallies
        mean_src, mean_tgt = self.document.mean_len
        src_step, tgt_step = length_steps(src_len, mean_src), length_steps(tgt_len, mean_tgt)
        value = 0.0
        for kind, (name, per_unit, on_hit, on_miss) in enumerate(self._by_step):
            if name in kinds:
                value = value + (src_hit[kind] * on_hit[tgt_step] + (src_total[kind] - src_hit[kind]) *
                                 on_miss[tgt_step]) * per_unit
                value = value + (tgt_hit[kind] * on_hit[src_step] + (tgt_total[kind] - tgt_hit[kind]) *
                                 on_miss[src_step]) * per_unit
        return value

    def side_lengths(self, i: np.ndarray, j: np.ndarray, src_count: int, tgt_count: int) -> tuple[np.ndarray, np.ndarray]:
        """The lengths of the two sides of the beads of ``src_count`` source paragraphs from i[p]
        and ``tgt_count`` target paragraphs from j[p]."""
        return (sum(self.src_len[i + k] for k in range(src_count)), sum(self.tgt_len[j + k] for k in range(tgt_count)))

    def gains(self, tallies: tuple[np.ndarray, ...], i: np.ndarray, j: np.ndarray, src_count: int, tgt_count: int,
              layout: bool) -> np.ndarray:
        """Gains of the beads of ``src_count`` source paragraphs from i[p] and ``tgt_count``
        target paragraphs from j[p], given their tallies: content + length (+ layout) + prior."""
        model, settings = self.model, self.settings
        src_len, tgt_len = self.side_lengths(i, j, src_count, tgt_count)
        value = self.content(tallies, src_len, tgt_len)
        value += self.length_scores(src_len, tgt_len)
        most = settings.max_offset
        bonus = np.array([model.offset_bonus.get(d, 0.0) if layout else 0.0 for d in range(-most, most + 1)])
        value += bonus[np.clip(self.runs_tgt[j] - self.runs_src[i], -most, most) + most]
        value += settings.pair_bias
        if src_count + tgt_count > 2:
            value -= settings.merge_penalty
        return value

    def length_scores(self, src_len: np.ndarray, tgt_len: np.ndarray) -> np.ndarray:
        """model.length_score over arrays of lengths."""
        model = self.model
        ratio = np.log((tgt_len + 1) / (src_len + 1))
        sd = np.sqrt(model.len_sd ** 2 + 2.0 / (np.minimum(src_len, tgt_len) + 1))
        return (-0.5 * ((ratio - model.len_mu) / sd) ** 2 - np.log(sd)) - \
            (-0.5 * ((ratio - model.len_mu_null) / model.len_sd_null) ** 2 - math.log(model.len_sd_null))

    def length_help(self, first: np.ndarray, second: np.ndarray, other: np.ndarray,
                    merged_side: int) -> tuple[np.ndarray, np.ndarray]:
        """PairScorer.length_help for two-paragraph merges over arrays: what each part, the
        first and the second, adds to the agreement of the lengths (see there)."""
        both = first + second
        def score(own: np.ndarray) -> np.ndarray:
            return self.length_scores(own, other) if merged_side == 0 else self.length_scores(other, own)
        whole = score(both)
        return np.maximum(whole - score(second), 0.0), np.maximum(whole - score(first), 0.0)

    def part_values(self, side: int) -> PartValues:
        """For a merge part's own evidence (PairScorer.part_evidence) over arrays: see PartValues."""
        tables, model, strength = self.tables, self.model, self.settings.prior_strength
        occurrences, kinds = (tables.src, tables.src_kind) if side == 0 else (tables.tgt, tables.tgt_kind)
        others = len((tables.tgt if side == 0 else tables.src).start) - 1
        name = ("src", "tgt")[side]
        true = np.array([model.rates[(kind, name)].true for kind in KINDS])[kinds]
        chance = np.array([model.rates[(kind, name)].chance for kind in KINDS])[kinds]
        unit = np.array([model.unit_weight[kind] for kind in KINDS])[kinds]
        p = np.minimum((np.maximum(tables.reach_counts[side] - 1, 0) + chance * strength)
                       / (max(others - 1, 0) + strength), true - 0.01)
        other_len = self.tgt_len if side == 0 else self.src_len
        return PartValues(occurrences.paragraph, len(occurrences.start) - 1, occurrences.weight / unit, true, p,
                          other_len, self.document.mean_len[1 - side])

    def rows(self, corridor: list[tuple[int, int]], src_ids: Sequence[int], tgt_ids: Sequence[int],
             layout: bool, merges: bool) -> _BandRows:
        """Every bead with a positive gain in the corridor, found before the search starts.
        The numpy scorer always searches its whole document (selected views serve parts)."""
        if len(src_ids) != len(self.document.src) or len(tgt_ids) != len(self.document.tgt):
            raise ValueError("a numpy scorer searches its whole document: search a selected() view")
        return _BandRows(corridor_beads(self, corridor, layout, merges))

    def grown_gains(self, offers: list[Offer]) -> list[float]:
        """gain() of each offered bead (with layout), -inf where the added paragraph does not
        prove itself; a batch per bead shape."""
        tables, gains = self.tables, [0.0] * len(offers)
        for (src_count, tgt_count, side), members in _by_shape(offers).items():
            src = np.array([offers[n][1][0] for n in members], dtype=np.int64)
            tgt = np.array([offers[n][2][0] for n in members], dtype=np.int64)
            added = np.array([offers[n][4] for n in members], dtype=np.int64)
            values = self.gains(tables.bead_tallies(src, src_count, tgt, tgt_count), src, tgt, src_count, tgt_count,
                                layout=True)
            other, other_count = (tgt, tgt_count) if side == 0 else (src, src_count)
            proves = tables.part_evidence(added, other, other_count, side, self.part_values(side)) > 0
            for n, value in zip(members, np.where(proves, values, -math.inf).tolist()):
                gains[n] = value
        return gains

    def bead_contents(self, beads: list[Bead], kinds: tuple[str, ...] = KINDS) -> list[float]:
        """The content score of each bead (no length, layout or prior) from the items of
        ``kinds``, a batch per shape."""
        found = [0.0] * len(beads)
        shapes: dict[tuple[int, int], list[int]] = defaultdict(list)
        for n, (s, t, _) in enumerate(beads):
            shapes[(len(s), len(t))].append(n)
        for (src_count, tgt_count), members in shapes.items():
            src = np.array([beads[n][0][0] for n in members], dtype=np.int64)
            tgt = np.array([beads[n][1][0] for n in members], dtype=np.int64)
            values = self.content(self.tables.bead_tallies(src, src_count, tgt, tgt_count),
                                  *self.side_lengths(src, tgt, src_count, tgt_count), kinds=kinds)
            for n, value in zip(members, np.broadcast_to(values, len(members)).tolist()):
                found[n] = value
        return found


def _by_shape(offers: list[Offer]) -> dict[tuple[int, int, int], list[int]]:
    """Offers grouped by (source count, target count, side grown), as numbers into the list."""
    shapes: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for n, (_, s, t, side, _) in enumerate(offers):
        shapes[(len(s), len(t), side)].append(n)
    return shapes


class _BandRows:
    """Beads found beforehand, handed to the search row by row (each row once)."""

    def __init__(self, found: dict[int, list[Candidate]]) -> None:
        self.found = found

    def ending_in(self, a: int, lo: int, hi: int) -> list[Candidate]:
        return self.found.pop(a, [])

    def gain(self, a: int, b: int, how: int) -> float:
        raise AssertionError("every bead of a numpy search comes with its gain")
