"""From beads (ids into each side) to the units the library returns, in document order."""

from __future__ import annotations

from ..models import AlignedUnit, Paragraph
from .confidence import Bead, PairGains, lone_confidences


def lone_scores(src: list[Paragraph], tgt: list[Paragraph], beads: list[Bead],
                pair_gains: PairGains) -> dict[int, float]:
    """For every source or target paragraph left alone: how sure the aligner is that it has no
    counterpart, by paragraph index (see confidence.py)."""
    paired_src = {i for s_ids, _, _ in beads for i in s_ids}
    paired_tgt = {j for _, t_ids, _ in beads for j in t_ids}
    src_at, tgt_at = [p.index for p in src], [p.index for p in tgt]
    lone_src = [i for i in range(len(src)) if i not in paired_src]
    lone_tgt = [j for j in range(len(tgt)) if j not in paired_tgt]
    found = dict(zip((src[i].index for i in lone_src),
                     lone_confidences(lone_src, src_at, tgt_at, pair_gains, lone_is_src=True)))
    found.update(zip((tgt[j].index for j in lone_tgt),
                     lone_confidences(lone_tgt, tgt_at, src_at, pair_gains, lone_is_src=False)))
    return found


def units_of(paragraphs: list[Paragraph], src: list[Paragraph], tgt: list[Paragraph], beads: list[Bead],
             extra: list[Bead], tgt_lang: str, lone: dict[int, float]) -> list[AlignedUnit]:
    """Turn beads into units in document order, adding every paragraph left out as a one-sided
    unit, scored by ``lone`` (a paragraph of neither language, or with nothing to pair with, is
    surely alone: 1.0). ``extra``: beads of a second rendering (see passes.second_renderings)."""
    by_src: dict[int, AlignedUnit] = {}
    units: list[AlignedUnit] = []
    placed: set[int] = set()
    for s_ids, t_ids, g in beads:
        unit = AlignedUnit([src[i] for i in s_ids], [tgt[j] for j in t_ids], round(g, 4))
        units.append(unit)
        for i in s_ids:
            by_src[i] = unit
        placed.update(p.index for p in unit.src + unit.tgt)
    for s_ids, t_ids, g in extra:
        # Another rendering of a paired source is a unit of its own (see AlignedUnit.rendering).
        earlier = by_src.get(s_ids[0])
        unit = AlignedUnit([src[i] for i in s_ids], [tgt[j] for j in t_ids], round(g, 4),
                           earlier.rendering + 1 if earlier is not None else 1)
        units.append(unit)
        by_src[s_ids[0]] = unit
        placed.update(p.index for p in unit.src + unit.tgt)
    for p in paragraphs:
        if p.index not in placed:
            score = round(lone.get(p.index, 1.0), 4)
            units.append(AlignedUnit([], [p], score) if p.lang == tgt_lang else AlignedUnit([p], [], score))
    units.sort(key=lambda u: u.first_index)
    return units
