"""Rich renderables for people reading in a terminal. Builds them; the CLI prints them."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .coverage import figures_text, translation_figures
from .selection import is_doubtful, selected_units, unit_lines
from .models import Alignment, Paragraph


def alignment_table(alignment: Alignment, include_all: bool) -> Table:
    """Source | target | score | lines, one row per unit."""
    table = Table(show_lines=True, expand=True)
    table.add_column(alignment.src_lang, ratio=1, overflow="fold")
    table.add_column(alignment.tgt_lang, ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("lines", no_wrap=True)
    for unit in selected_units(alignment, include_all):
        score = Text(f"{unit.score:.2f}" if unit.is_pair else "–")
        if is_doubtful(unit):
            score.append(" doubtful", style="bold red")
        style = None if unit.is_pair else "dim"
        table.add_row(Text(unit.src_text), Text(unit.tgt_text), score, unit_lines(unit), style=style)
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
        figures = figures_text(translation_figures(alignment), alignment.src_lang)
        text.append(f"coverage (boilerplate set aside): {figures}\n")
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


def _first_words(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def coverage_view(report, failures: list[str], checked: bool) -> Group:
    """One file's coverage report: totals with a bar, the lists, the doubtful pairs, the verdict."""
    from rich.progress_bar import ProgressBar

    parts: list = []
    title = Text(f"{report.name}  ({report.src_lang} → {report.tgt_lang})", style="bold")
    parts.append(title)
    totals = Table.grid(padding=(0, 2))
    totals.add_row("coverage", figures_text(report.figures, report.src_lang))
    totals.add_row("", ProgressBar(total=1.0, completed=report.coverage or 0.0, width=30))
    totals.add_row("set aside", f"{len(report.boilerplate)} boilerplate (dates, URLs, labels, bylines), "
                   f"{len(report.ignored)} ignored")
    parts.append(totals)
    if report.missing:
        parts.append(Text(f"\nNothing to measure: {report.missing}", style="bold yellow"))
    for heading, paragraphs in ((f"Untranslated {report.src_lang} paragraphs", report.untranslated),
                                (f"{report.tgt_lang} paragraphs with no source", report.unmatched_target)):
        if paragraphs:
            parts.append(Text(f"\n{heading} ({len(paragraphs)})", style="bold yellow"))
            listing = Table.grid(padding=(0, 2))
            for p in paragraphs:
                listing.add_row(f"line {p.line}", Text(_first_words(p.text)))
            parts.append(listing)
    if report.doubtful:
        parts.append(Text(f"\nDoubtful ({len(report.doubtful)})", style="bold red"))
        listing = Table.grid(padding=(0, 2))
        for doubt in report.doubtful:
            where = ",".join(str(p.line) for p in doubt.src) + (
                " → " + ",".join(str(p.line) for p in doubt.tgt) if doubt.tgt else "")
            listing.add_row(f"lines {where}", Text("; ".join(doubt.reasons)))
        parts.append(listing)
    if not (report.untranslated or report.unmatched_target or report.doubtful or report.missing):
        parts.append(Text("\nNothing untranslated, nothing doubtful.", style="green"))
    if checked:
        parts.append(Text("\nFAIL: " + "; ".join(failures), style="bold red") if failures
                     else Text("\nPASS", style="bold green"))
    return Group(*parts)


def coverage_files_table(reports, failures: list[list[str]], totals: dict, checked: bool) -> Table:
    """One row per file, and a total row; both coverage figures by name."""
    table = Table(show_footer=True)
    table.add_column("file", footer="total", overflow="fold")
    table.add_column("paragraphs translated", justify="right",
                     footer=_count_share(totals["src_paragraphs_translated"], totals["src_paragraphs"]))
    table.add_column("words translated", justify="right",
                     footer=_count_share(totals["src_words_translated"], totals["src_words"]))
    table.add_column("untranslated", justify="right", footer=str(totals["untranslated"]))
    table.add_column("no source", justify="right", footer=str(totals["unmatched_target"]))
    table.add_column("doubtful", justify="right", footer=str(totals["doubtful"]))
    if checked:
        table.add_column("verdict", footer="FAIL" if any(failures) else "PASS")
    for report, failed in zip(reports, failures):
        figures = report.figures
        row = [report.name, _count_share(figures.paragraphs_translated, figures.paragraphs),
               _count_share(figures.words_translated, figures.words),
               str(len(report.untranslated)), str(len(report.unmatched_target)), str(len(report.doubtful))]
        if checked:
            row.append(Text("FAIL", style="red") if failed else Text("PASS", style="green"))
        table.add_row(*row)
    return table


def _count_share(done: int, total: int) -> str:
    """"19/22 86.4%", or "0/0 –" when there is nothing to count."""
    return f"{done}/{total} {done / total:.1%}" if total else f"{done}/{total} –"
