"""Rich renderables for people reading in a terminal. Builds them; the CLI prints them."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .export import selected_units
from .models import Alignment, Paragraph


def _lines(paragraphs: list[Paragraph]) -> str:
    return ",".join(str(p.line) for p in paragraphs)


def alignment_table(alignment: Alignment, include_all: bool) -> Table:
    """Source | target | score | lines, one row per unit."""
    table = Table(show_lines=True, expand=True)
    table.add_column(alignment.src_lang, ratio=1, overflow="fold")
    table.add_column(alignment.tgt_lang, ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("lines", no_wrap=True)
    for unit in selected_units(alignment, include_all):
        score = f"{unit.score:.2f}" if unit.is_pair else "–"
        style = None if unit.is_pair else "dim"
        lines = "/".join(part for part in (_lines(unit.src), _lines(unit.tgt)) if part)
        table.add_row(Text(unit.src_text), Text(unit.tgt_text), score, lines, style=style)
    return table


def summary_text(alignment: Alignment) -> Text:
    """Paragraphs per language, pairs, untranslated each way, coverage."""
    s = alignment.summary()
    per_language = ", ".join(f"{lang} {count}" for lang, count in sorted(s.paragraphs.items()))
    text = Text()
    text.append(f"paragraphs: {per_language or 'none'}\n")
    text.append(f"pairs: {s.pairs}; untranslated {alignment.src_lang}: {s.src_untranslated}; "
                f"{alignment.tgt_lang} without source: {s.tgt_unmatched}\n")
    note = alignment.pairing_note()
    if note:
        text.append(note + "\n", style="yellow")
    else:
        text.append(f"coverage: {s.coverage:.1%} of {alignment.src_lang} paragraphs translated\n")
    return text


def alignment_view(alignment: Alignment, include_all: bool) -> Group:
    return Group(alignment_table(alignment, include_all), summary_text(alignment))


def detect_table(paragraphs: list[Paragraph]) -> Table:
    table = Table(expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("text", overflow="fold")
    for p in paragraphs:
        table.add_row(str(p.line), p.lang, Text(p.text))
    return table
