"""The evidence of a post as Python sets and dicts: matched weights of one bead at a time.

What the pair scorer (score.py) reads; long posts keep the same evidence as numpy arrays
instead (tables.py), which give the same sums for many beads at once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from .items import KINDS, hits, item_kind, reach_of
from .model import Tally


class Evidence:
    """Weighted items of every paragraph, and the pair statistics built from them.

    Each paragraph's items (see items.py) are weighted by how rare the item is in the post,
    and each paragraph knows the keys it can explain on the other side (its reach)."""

    def __init__(self, src_items: list[dict[str, float]], tgt_items: list[dict[str, float]],
                 forward: dict[str, frozenset[str]], reverse: dict[str, frozenset[str]]) -> None:
        frequency = Counter(chain.from_iterable(src_items + tgt_items))
        total = len(src_items) + len(tgt_items)
        self.weight = {item: math.log((total + 1) / (df + 0.5)) for item, df in frequency.items()}
        # A rendering that occurs nowhere in the post can never be matched: keep only the rest.
        occurring = frozenset(self.weight)
        self.src_reach = [reach_of(items, forward) & occurring for items in src_items]
        self.tgt_reach = [reach_of(items, reverse) & occurring for items in tgt_items]
        self.src_weights, self.tgt_weights = src_items, tgt_items
        self.src_totals, self.tgt_totals = self._weigh(src_items), self._weigh(tgt_items)

    def _weigh(self, shares: list[dict[str, float]]) -> list[dict[str, float]]:
        """Turn each paragraph's shares into weights (share × the item's weight), in place, and
        give each paragraph's total weight per kind."""
        weight, totals = self.weight, []
        for items in shares:
            total = [0.0, 0.0]
            for key, share in items.items():
                w = items[key] = share * weight[key]
                total[item_kind(key)] += w
            totals.append(dict(zip(KINDS, total)))
        return totals

    def tally(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Tally:
        """Matched and total item weights of a bead, per kind and side.

        A source item is hit when the target side holds it (or a rendering of it), and
        the other way round.
        """
        src_hit, src_total = _side(src_ids, self.src_weights, self.src_totals, tgt_ids, self.tgt_reach)
        tgt_hit, tgt_total = _side(tgt_ids, self.tgt_weights, self.tgt_totals, src_ids, self.src_reach)
        return {kind: (src_hit[k], src_total[k], tgt_hit[k], tgt_total[k]) for k, kind in enumerate(KINDS)}

    def reach_counts(self) -> dict[str, Counter]:
        """Per item key, how many paragraphs of the other side reach it (source items, then
        target items; as ItemTables.reach_counts)."""
        return {"src": Counter(chain.from_iterable(self.tgt_reach)),
                "tgt": Counter(chain.from_iterable(self.src_reach))}


def union_reach(reach: list[frozenset[str]], ids: Sequence[int]) -> frozenset[str]:
    """What the paragraphs ``ids`` of one side reach together."""
    return reach[ids[0]] if len(ids) == 1 else frozenset().union(*(reach[k] for k in ids))


def _side(ids: Sequence[int], weights: list[dict[str, float]], totals: list[dict[str, float]],
          other_ids: Sequence[int], other_reach: list[frozenset[str]]) -> tuple[list[float], list[float]]:
    """Matched and total weight per kind of one side of a bead. The paragraphs of a merge
    count an item they share once (at the first one's weight in the hits, the greatest in
    the total); the other side reaches what any of its paragraphs reaches."""
    reach = union_reach(other_reach, other_ids)
    if len(ids) == 1:
        total = totals[ids[0]]
        return hits(weights[ids[0]], reach), [total[kind] for kind in KINDS]
    merged: dict[str, float] = {}
    for i in reversed(ids):
        merged.update(weights[i])
    greatest: dict[str, float] = {}
    for i in ids:
        for item, w in weights[i].items():
            if w > greatest.get(item, 0.0):
                greatest[item] = w
    total = [0.0, 0.0]
    for item, w in greatest.items():
        total[item_kind(item)] += w
    return hits(merged, reach), total
