"""Which units an output shows, and how it labels them: shared by every format and report."""

from __future__ import annotations

import dataclasses

from .models import AlignedUnit, Alignment

# A pair scoring below this is marked doubtful in the table and the HTML report.
DOUBTFUL_SCORE = 0.5


def selected_units(alignment: Alignment, include_all: bool) -> list[AlignedUnit]:
    """Pairs only, or with ``--all`` every unit, so that every paragraph appears once; either
    way only units scoring at least ``alignment.min_score`` (see with_min_score)."""
    units = alignment.units if include_all else alignment.pairs
    return [u for u in units if u.score >= alignment.min_score] if alignment.min_score > 0 else units


def with_min_score(alignment: Alignment, min_score: float | None) -> Alignment:
    """The alignment whose outputs, in every format, keep only units scoring ``min_score`` or
    more (``--min-score``); its summary and coverage figures still describe the whole post."""
    return alignment if min_score is None else dataclasses.replace(alignment, min_score=min_score)


def is_doubtful(unit: AlignedUnit) -> bool:
    """A pair the aligner is more likely wrong than right about (score below DOUBTFUL_SCORE)."""
    return unit.is_pair and unit.score < DOUBTFUL_SCORE


def unit_lines(unit: AlignedUnit) -> str:
    """Where a unit stands: source lines / target lines ("12/15", "7,8/20", "3")."""
    return "/".join(",".join(str(p.line) for p in side) for side in (unit.src, unit.tgt) if side)


def is_untranslated(unit: AlignedUnit, src_lang: str) -> bool:
    """A source-language paragraph with no counterpart: what a translation checker looks for."""
    return bool(unit.src) and not unit.tgt and all(p.lang == src_lang for p in unit.src)


def table_units(alignment: Alignment, include_all: bool, untranslated: bool) -> list[AlignedUnit]:
    """The rows of the terminal table: pairs, and by default (``untranslated``) the untranslated
    source paragraphs in their place; with ``--all`` every unit."""
    if include_all or not untranslated:
        return selected_units(alignment, include_all)
    units = [u for u in alignment.units if u.is_pair or is_untranslated(u, alignment.src_lang)]
    return [u for u in units if u.score >= alignment.min_score] if alignment.min_score > 0 else units
