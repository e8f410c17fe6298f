"""The evidence of a long post as numpy arrays, and the matched weights of many pairs at once.

The pair scorer (score.py, evidence.py) intersects Python sets cell by cell, which is the cost that
grows with a book-length post: millions of corridor cells. Here every paragraph's items
and the keys it reaches on the other side become integer arrays; the matched weights of
every cell of a block of rows come from one sorted join (searchsorted) and one bincount,
and so do those of sampled pairs and of merges. The sums are the pair scorer's, so both
give the same beads (tested).

numpy is imported only for such long posts, so a short one starts as fast as ever.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property
from itertools import chain

import numpy as np

from .items import carried_over, item_kind
from .part_values import PartValues


def _search(codes: np.ndarray, needles: np.ndarray, side: str) -> np.ndarray:
    """np.searchsorted with the needles sorted first: each search then starts where the last
    one ended and memory is read in order, several times faster on long tables. Equal needles
    find the same place, so their order among themselves does not matter: the sort need not be
    stable (the unstable one is about three times faster)."""
    order = np.argsort(needles)
    found = np.empty(len(needles), dtype=np.int64)
    found[order] = np.searchsorted(codes, needles[order], side)
    return found


class _Occurrences:
    """Every (paragraph, item, weight) of one side, in paragraph order."""

    def __init__(self, sizes: np.ndarray, item: np.ndarray, weight: np.ndarray) -> None:
        """``sizes``: items per paragraph; ``item`` and ``weight``: theirs, paragraph after paragraph."""
        self.start = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=self.start[1:])
        self.paragraph = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        self.item, self.weight = item, weight

    def grouped(self, size: int, strong: np.ndarray, most: int, kind: np.ndarray) -> tuple[_Occurrences, np.ndarray]:
        """Occurrences of chunks of ``size`` consecutive paragraphs, and their totals per kind.

        A chunk keeps each strong item once, at its greatest weight, and only its ``most``
        heaviest items (ties: the item seen first in the post)."""
        keep = strong[self.item]
        key = (self.paragraph[keep] // size) * len(strong) + self.item[keep]
        order = np.argsort(key, kind="stable")
        key, weight = key[order], self.weight[keep][order]
        first = np.flatnonzero(np.append(True, key[1:] != key[:-1])) if len(key) else key
        weight = np.maximum.reduceat(weight, first) if len(key) else weight
        chunk, item = key[first] // len(strong), key[first] % len(strong)
        order = np.lexsort((item, -weight, chunk))
        chunk, item, weight = chunk[order], item[order], weight[order]
        chunks = -(-(len(self.start) - 1) // size)
        start = np.searchsorted(chunk, np.arange(chunks + 1, dtype=np.int64))
        keep = np.arange(len(chunk), dtype=np.int64) - start[chunk] < most
        coarse = object.__new__(_Occurrences)
        coarse.paragraph, coarse.item, coarse.weight = chunk[keep], item[keep], weight[keep]
        coarse.start = np.searchsorted(coarse.paragraph, np.arange(chunks + 1, dtype=np.int64))
        totals = np.bincount(coarse.paragraph * 2 + kind[coarse.item], weights=coarse.weight,
                             minlength=2 * chunks).reshape(chunks, 2)
        return coarse, totals

    def select(self, ids: np.ndarray) -> _Occurrences:
        """The occurrences of paragraphs ids[0], ids[1], ..., numbered from 0."""
        pair, position = _expand(self, ids)
        view = object.__new__(_Occurrences)
        view.paragraph, view.item, view.weight = pair, self.item[position], self.weight[position]
        view.start = np.searchsorted(pair, np.arange(len(ids) + 1, dtype=np.int64))
        return view

    def between(self, first: int, stop: int) -> slice:
        """The occurrences of paragraphs first..stop-1."""
        return slice(int(self.start[max(0, first)]), int(self.start[max(0, min(stop, len(self.start) - 1))]))


class _Postings:
    """Which paragraphs of one side reach each item, as sorted codes item·stride + paragraph."""

    def __init__(self, occurrences: _Occurrences, anchor: np.ndarray, translation_start: np.ndarray,
                 translation: np.ndarray) -> None:
        """What each paragraph reaches: its own anchors (``anchor`` marks those items), and the
        translations of its items (item k's are translation[translation_start[k]:...[k + 1]])."""
        self.stride = len(occurrences.start)
        held = anchor[occurrences.item]
        item = occurrences.item
        counts = translation_start[item + 1] - translation_start[item]
        translated = translation[_spans(translation_start[item], counts)]
        self.codes = _distinct(np.sort(np.concatenate((item[held] * self.stride + occurrences.paragraph[held],
                                                       translated * self.stride + np.repeat(occurrences.paragraph,
                                                                                            counts)))))

    def grouped(self, size: int, kept: np.ndarray) -> _Postings:
        """Postings of chunks of ``size`` paragraphs, for the items in ``kept`` only."""
        item, paragraph = self.codes // self.stride, self.codes % self.stride
        coarse = object.__new__(_Postings)
        coarse.stride = -(-(self.stride - 1) // size) + 1
        keep = kept[item]
        coarse.codes = _distinct(np.sort(item[keep] * coarse.stride + paragraph[keep] // size))
        return coarse

    def select(self, ids: np.ndarray) -> _Postings:
        """The postings of paragraphs ids[0], ids[1], ... (in increasing order), numbered from 0."""
        item, paragraph = self.codes // self.stride, self.codes % self.stride
        number = np.full(self.stride, -1, dtype=np.int64)
        number[ids] = np.arange(len(ids), dtype=np.int64)
        keep = number[paragraph] >= 0
        view = object.__new__(_Postings)
        view.stride = len(ids) + 1
        view.codes = item[keep] * view.stride + number[paragraph[keep]]  # still sorted
        return view

    @cached_property
    def _by_paragraph(self) -> tuple[np.ndarray, np.ndarray, int]:
        """The same pairs paragraph-major, as codes paragraph·items + item, with where each
        paragraph's codes start: the pairs of a stretch of neighbouring paragraphs (a block of
        corridor rows) are then one short slice, searched instead of the whole table."""
        items = int(self.codes[-1] // self.stride) + 1 if len(self.codes) else 1
        codes = self.codes % self.stride  # built in place: a book's table is tens of megabytes
        codes *= items
        codes += self.codes // self.stride
        codes.sort()
        return codes, np.searchsorted(codes, np.arange(self.stride + 1, dtype=np.int64) * items), items

    def holds(self, item: np.ndarray, paragraph: np.ndarray) -> np.ndarray:
        """Does each paragraph reach the item beside it?"""
        codes, start, items = self._by_paragraph
        if not len(codes) or not len(item):
            return np.zeros(len(item), dtype=bool)
        first = int(start[min(max(int(paragraph.min()), 0), self.stride)])
        stop = int(start[min(max(int(paragraph.max()) + 1, 0), self.stride)])
        if first >= stop:
            return np.zeros(len(item), dtype=bool)
        window = codes[first:stop]
        code = paragraph * items + item
        at = _search(window, code, "left")
        return (window[np.minimum(at, len(window) - 1)] == code) & (item < items)

    def join(self, item: np.ndarray, first: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each query (item, paragraphs first..last): the query's index and the paragraph,
        once per paragraph in that range that reaches the item."""
        base = item * self.stride
        begin = _search(self.codes, base + first, "left")
        end = _search(self.codes, base + last, "right")
        counts = np.maximum(end - begin, 0)
        query = np.repeat(np.arange(len(item), dtype=np.int64), counts)
        return query, self.codes[_spans(begin, counts)] % self.stride


class ItemTables:
    """Both sides' items and reach as arrays; an item's id is its place in ``idf``, which
    holds every item of the post."""

    def __init__(self, src_items: Sequence[dict[str, float]], tgt_items: Sequence[dict[str, float]],
                 src_translations: dict[str, frozenset[str]], tgt_translations: dict[str, frozenset[str]]) -> None:
        """From each paragraph's items and the share of a unit each carries (see items.py):
        an item weighs its share times its rarity in the post, log((N + 1) / (df + 0.5));
        a paragraph reaches its anchors (numbers, names, marks) and the translations of its
        words that occur in the post."""
        keys = list(chain(chain.from_iterable(src_items), chain.from_iterable(tgt_items)))
        vocabulary = {key: number for number, key in enumerate(dict.fromkeys(keys))}
        ids = np.fromiter(map(vocabulary.__getitem__, keys), dtype=np.int64, count=len(keys))
        shares = np.fromiter(chain.from_iterable(items.values() for items in chain(src_items, tgt_items)),
                             dtype=np.float64, count=len(keys))
        total = len(src_items) + len(tgt_items)
        self.idf = np.array([math.log((total + 1) / (df + 0.5))
                             for df in np.bincount(ids, minlength=len(vocabulary)).tolist()], dtype=np.float64)
        self.kind = np.fromiter(map(item_kind, vocabulary), dtype=np.int64, count=len(vocabulary))
        anchor = np.fromiter(map(carried_over, vocabulary), dtype=bool, count=len(vocabulary))
        weights = shares * self.idf[ids]
        middle = sum(map(len, src_items))
        sides = []
        for items, translations, part in ((src_items, src_translations, slice(0, middle)),
                                          (tgt_items, tgt_translations, slice(middle, len(keys)))):
            sizes = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
            occurrences = _Occurrences(sizes, ids[part], weights[part])
            start, translation = _translation_table(vocabulary, translations)
            totals = np.bincount(occurrences.paragraph * 2 + self.kind[occurrences.item], weights=occurrences.weight,
                                 minlength=2 * len(items)).reshape(len(items), 2)
            sides.append((occurrences, _Postings(occurrences, anchor, start, translation), totals))
        (self.src, self.src_reach, self.src_totals), (self.tgt, self.tgt_reach, self.tgt_totals) = sides
        self.src_kind, self.tgt_kind = self.kind[self.src.item], self.kind[self.tgt.item]

    def swapped(self) -> ItemTables:
        """The same tables with source and target exchanged."""
        view = object.__new__(ItemTables)
        view.kind, view.idf = self.kind, self.idf
        view.src, view.src_reach, view.src_totals, view.src_kind = self.tgt, self.tgt_reach, self.tgt_totals, self.tgt_kind
        view.tgt, view.tgt_reach, view.tgt_totals, view.tgt_kind = self.src, self.src_reach, self.src_totals, self.src_kind
        return view

    def unit_weight(self, kind: int) -> float:
        """Mean weight of the post's items of a kind (1.0 when it has none), summed exactly."""
        chosen = self.idf[self.kind == kind]
        return math.fsum(chosen.tolist()) / len(chosen) if len(chosen) else 1.0

    def grouped(self, size: int, strong: float, most: int) -> ItemTables:
        """The tables of chunks of ``size`` consecutive paragraphs (the coarse view of the
        post): items rarer than ``strong`` (an idf) only, at most ``most`` per chunk, and
        reach limited to the items the other side's chunks still hold."""
        coarse = object.__new__(ItemTables)
        coarse.kind, coarse.idf = self.kind, self.idf
        coarse.src, coarse.src_totals = self.src.grouped(size, self.idf >= strong, most, self.kind)
        coarse.tgt, coarse.tgt_totals = self.tgt.grouped(size, self.idf >= strong, most, self.kind)
        coarse.src_kind, coarse.tgt_kind = self.kind[coarse.src.item], self.kind[coarse.tgt.item]
        held_src, held_tgt = np.zeros(len(self.kind), dtype=bool), np.zeros(len(self.kind), dtype=bool)
        held_src[coarse.src.item] = True
        held_tgt[coarse.tgt.item] = True
        coarse.src_reach = self.src_reach.grouped(size, held_tgt)
        coarse.tgt_reach = self.tgt_reach.grouped(size, held_src)
        return coarse

    def select(self, src: np.ndarray, tgt: np.ndarray) -> ItemTables:
        """The tables of some source and target paragraphs only (each in increasing order)."""
        view = object.__new__(ItemTables)
        view.kind, view.idf = self.kind, self.idf
        view.src, view.tgt = self.src.select(src), self.tgt.select(tgt)
        view.src_kind, view.tgt_kind = self.kind[view.src.item], self.kind[view.tgt.item]
        view.src_reach, view.tgt_reach = self.src_reach.select(src), self.tgt_reach.select(tgt)
        view.src_totals, view.tgt_totals = self.src_totals[src], self.tgt_totals[tgt]
        return view

    @cached_property
    def reach_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Per occurrence of each side: how many of the other side's paragraphs reach its item
        (kept: every scoring pass and every round of grown merges asks again)."""
        found = []
        for occurrences, other_reach in ((self.src, self.tgt_reach), (self.tgt, self.src_reach)):
            found.append(np.bincount(other_reach.codes // other_reach.stride, minlength=len(self.kind))[occurrences.item])
        return found[0], found[1]

    def part_evidence(self, own: np.ndarray, other: np.ndarray, other_count: int, side: int,
                      values: PartValues) -> np.ndarray:
        """The own evidence (PairScorer.part_evidence) of paragraph own[p] of ``side`` (0 source,
        1 target) against other[p] and the ``other_count`` - 1 paragraphs after it: its no-hit
        score and what its occurrences that those paragraphs reach add, against a side of their
        length together."""
        occurrences, reach = (self.src, self.tgt_reach) if side == 0 else (self.tgt, self.src_reach)
        pair, position = _expand(occurrences, own)
        found = np.zeros(len(pair), dtype=bool)
        for step in range(other_count):
            found |= reach.holds(occurrences.item[position], other[pair] + step)
        exponent = values.class_of(sum(values.other_len[other + step] for step in range(other_count)))
        hits = values.hit_values(position[found], exponent[pair[found]])
        return values.base(own, exponent) + np.bincount(pair[found], weights=hits, minlength=len(own))

    def bead_tallies(self, src: np.ndarray, src_count: int, tgt: np.ndarray,
                     tgt_count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Matched and total weights (source hit, source total, target hit, target total; each
        2 kinds × beads) of the beads of ``src_count`` source paragraphs from src[p] and
        ``tgt_count`` target paragraphs from tgt[p], as the pair scorer counts them: an item
        that several paragraphs of a side hold counts once, at the first one's weight in the
        hits and the greatest in the total; it is hit when any paragraph of the other side
        reaches it."""
        src_hit, src_total = self._side(self.src, self.src_totals, self.tgt_reach, src, src_count, tgt, tgt_count)
        tgt_hit, tgt_total = self._side(self.tgt, self.tgt_totals, self.src_reach, tgt, tgt_count, src, src_count)
        return src_hit, src_total, tgt_hit, tgt_total

    def _side(self, occurrences: _Occurrences, totals: np.ndarray, reach: _Postings, own: np.ndarray,
              own_count: int, other: np.ndarray, other_count: int) -> tuple[np.ndarray, np.ndarray]:
        count, vocabulary = len(own), len(self.kind)
        parts = [_expand(occurrences, own + k) for k in range(own_count)]  # first paragraph first
        pair = np.concatenate([part for part, _ in parts])
        position = np.concatenate([where for _, where in parts])
        if own_count > 1:  # one entry per item of the bead: the first one's, with the greatest weight
            key = pair * vocabulary + occurrences.item[position]
            order = np.argsort(key, kind="stable")
            key = key[order]
            starts = np.flatnonzero(np.append(True, key[1:] != key[:-1])) if len(key) else key
            greatest = np.maximum.reduceat(occurrences.weight[position][order], starts) if len(key) else key
            pair, position = pair[order][starts], position[order][starts]
        item, kind = occurrences.item[position], self.kind[occurrences.item[position]]
        found = np.zeros(len(item), dtype=bool)
        for step in range(other_count):
            found |= reach.holds(item, other[pair] + step)
        hit = np.bincount(kind * count + pair, weights=occurrences.weight[position] * found,
                          minlength=2 * count).reshape(2, count)
        if own_count == 1:
            return hit, totals[own].T
        total = np.bincount(kind * count + pair, weights=greatest, minlength=2 * count).reshape(2, count)
        return hit, total


def _translation_table(vocabulary: dict[str, int], translations: dict[str, frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Item k's translations that occur in the post: ids translation[start[k]:start[k + 1]]."""
    found = [[vocabulary[t] for t in translations.get(key, ()) if t in vocabulary] for key in vocabulary]
    start = np.zeros(len(found) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, found), dtype=np.int64, count=len(found)), out=start[1:])
    return start, np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(start[-1]))


def _expand(occurrences: _Occurrences, own: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every occurrence of every paragraph own[p]: p, and the occurrence's position."""
    sizes = occurrences.start[own + 1] - occurrences.start[own]
    return np.repeat(np.arange(len(own), dtype=np.int64), sizes), _spans(occurrences.start[own], sizes)


def _spans(begin: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """begin[k], begin[k] + 1, ..., begin[k] + counts[k] - 1 for every k, one after another."""
    return np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts) \
        + np.repeat(begin, counts)


def _distinct(codes: np.ndarray) -> np.ndarray:
    """A sorted array without its repeats."""
    return codes[np.append(True, codes[1:] != codes[:-1])] if len(codes) else codes


class Band:
    """The cells of rows 1..n of a DP corridor, row a holding pairs (a-1, b-1) for b in
    low[a]..high[a], flattened row after row; low and high never decrease."""

    def __init__(self, low: np.ndarray, high: np.ndarray) -> None:
        self.low, self.high = low, high
        widths = np.maximum(high - low + 1, 0)
        widths[0] = 0
        self.offset = np.zeros(len(low) + 1, dtype=np.int64)
        np.cumsum(widths, out=self.offset[1:])
        # The rows whose range holds column b, for every column: first..last.
        columns = np.arange(int(high.max(initial=0)) + 2, dtype=np.int64)
        self.first_row = np.searchsorted(high[1:], columns, "left") + 1
        self.last_row = np.searchsorted(low[1:], columns, "right")

    def cells(self, first: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell of rows first..stop-1."""
        sizes = self.offset[first + 1:stop + 1] - self.offset[first:stop]
        rows = np.repeat(np.arange(first, stop, dtype=np.int64), sizes)
        columns = np.arange(len(rows), dtype=np.int64) - np.repeat(self.offset[first:stop] - self.offset[first],
                                                                    sizes) + self.low[rows]
        return rows, columns

    def tallies(self, tables: ItemTables, first: int, stop: int, src_parts: PartValues | None = None,
                tgt_parts: PartValues | None = None) -> tuple[np.ndarray, ...]:
        """Matched source and target weight per kind (arrays 2 × cells) of rows first..stop-1;
        with ``src_parts`` and ``tgt_parts`` (each side's merge-part terms), also the sums of
        the hit values over the matched occurrences of every cell, against the cell's other
        paragraph."""
        base = self.offset[first]
        count = int(self.offset[stop] - base)
        # Source items of paragraph a-1 found in the reach of target paragraphs in the row.
        taken = tables.src.between(first - 1, stop - 1)
        rows = tables.src.paragraph[taken] + 1
        query, column = tables.tgt_reach.join(tables.src.item[taken], self.low[rows] - 1, self.high[rows] - 1)
        rows = rows[query]
        cell = self.offset[rows] - base + column + 1 - self.low[rows]
        src_hit = np.bincount(tables.src_kind[taken][query] * count + cell,
                              weights=tables.src.weight[taken][query], minlength=2 * count).reshape(2, count)
        extra = [] if src_parts is None else \
            [np.bincount(cell, weights=src_parts.hit_values(taken.start + query, src_parts.other_class[column]),
                         minlength=count)]
        # Target items of paragraph b-1 found in the reach of the source paragraphs of its rows.
        from_row = np.maximum(self.first_row, first)
        to_row = np.minimum(self.last_row, stop - 1)
        present = np.nonzero(from_row <= to_row)[0]
        if len(present):
            taken = tables.tgt.between(int(present[0]) - 1, int(present[-1]))
        else:
            taken = slice(0, 0)
        column = tables.tgt.paragraph[taken] + 1
        query, paragraph = tables.src_reach.join(tables.tgt.item[taken], from_row[column] - 1, to_row[column] - 1)
        column, rows = column[query], paragraph + 1
        cell = self.offset[rows] - base + column - self.low[rows]
        tgt_hit = np.bincount(tables.tgt_kind[taken][query] * count + cell,
                              weights=tables.tgt.weight[taken][query], minlength=2 * count).reshape(2, count)
        if tgt_parts is not None:
            extra.append(np.bincount(cell, weights=tgt_parts.hit_values(taken.start + query,
                                                                        tgt_parts.other_class[paragraph]),
                                     minlength=count))
        return (src_hit, tgt_hit, *extra)
