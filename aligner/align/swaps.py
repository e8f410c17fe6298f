"""A local swap: two neighbouring translations that come in the other order.

The search is monotone (a translation never crosses another), which is right for almost every
post; but a translator sometimes renders two adjacent paragraphs in swapped order, and the
search then pairs each with the other's translation. After the search, each two neighbouring
one-to-one beads are compared with their crossed pairing on what their words say (the layout
term left out, since it is the search's own habit); the crossing is taken when it gains more
than the prior cost of an unusual bead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .confidence import Bead, PairGains


def _neighbours(a: Bead, b: Bead) -> bool:
    """Two one-to-one beads on consecutive paragraphs of both sides."""
    (sa, ta, _), (sb, tb, _) = a, b
    return len(sa) == len(ta) == len(sb) == len(tb) == 1 and sb[0] == sa[0] + 1 and tb[0] == ta[0] + 1


def take_local_swaps(beads: list[Bead], own: list[float], pair_gains: PairGains,
                     cost: float) -> tuple[list[Bead], list[float]]:
    """The beads with crossed neighbours swapped where their words ask for it, and each bead's
    layout-free gain (``own`` gives it for the beads as found)."""
    candidates = [k for k in range(len(beads) - 1) if _neighbours(beads[k], beads[k + 1])]
    crossed = pair_gains([pair for k in candidates
                          for pair in ((beads[k][0][0], beads[k + 1][1][0]), (beads[k + 1][0][0], beads[k][1][0]))])
    beads, own = list(beads), list(own)
    taken = -1
    for n, k in enumerate(candidates):
        first, second = crossed[2 * n], crossed[2 * n + 1]
        if k > taken and first + second - own[k] - own[k + 1] > cost:
            (sa, ta, ga), (sb, tb, gb) = beads[k], beads[k + 1]
            beads[k], beads[k + 1] = (sa, tb, ga), (sb, ta, gb)
            own[k], own[k + 1] = first, second
            taken = k + 1
    return beads, own


def pair_crossed_leftovers(beads: list[Bead], own: list[float], src_at: list[int], tgt_at: list[int],
                           pair_gains: PairGains, cost: float,
                           reach: int = 4) -> tuple[list[Bead], list[float]]:
    """Pair a paragraph left alone with one of the other side left alone near it (within
    ``reach`` paragraphs of the document, or on the other side of a one-to-one bead on both
    sides) when their words say so by more than ``cost``: the search leaves such pairs when
    they cross a neighbouring bead (EN a, EN b, VI b, VI a, where it paired a with VI a; or in
    blocks, EN a, EN b, ... VI b, VI a). Each paragraph takes its best partner, and only a
    mutual best."""
    paired_src = {i for s_ids, _, _ in beads for i in s_ids}
    paired_tgt = {j for _, t_ids, _ in beads for j in t_ids}
    lone_tgt = [j for j in range(len(tgt_at)) if j not in paired_tgt]
    lone_at = [tgt_at[j] for j in lone_tgt]  # in document order, so a window is two bisections
    asks = [(i, j) for i in range(len(src_at)) if i not in paired_src
            for j in lone_tgt[bisect_left(lone_at, src_at[i] - reach):bisect_right(lone_at, src_at[i] + reach)]]
    asks += [(i + step, j - step) for (i,), (j,), _ in (b for b in beads if len(b[0]) == len(b[1]) == 1)
             for step in (1, -1) if 0 <= i + step < len(src_at) and 0 <= j - step < len(tgt_at)
             and i + step not in paired_src and j - step not in paired_tgt]
    asks = list(dict.fromkeys(asks))
    best_src: dict[int, tuple[float, int]] = {}
    best_tgt: dict[int, tuple[float, int]] = {}
    for (i, j), g in zip(asks, pair_gains(asks)):
        if g > cost:
            best_src[i] = max(best_src.get(i, (g, j)), (g, j))
            best_tgt[j] = max(best_tgt.get(j, (g, i)), (g, i))
    found = [((i,), (j,), g) for i, (g, j) in sorted(best_src.items()) if best_tgt[j][1] == i]
    return beads + found, own + [g for _, _, g in found]
