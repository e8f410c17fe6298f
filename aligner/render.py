"""Rich renderables for people reading in a terminal. Builds them; the CLI prints them."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .coverage import figures_text, translation_figures
from .selection import is_doubtful, is_untranslated, table_units, unit_lines
from .models import Alignment, Paragraph


LINES_LEGEND = "lines: where each paragraph starts, source/target (7/41,43: source line 7, target lines 41 and 43)"
UNTRANSLATED = "(untranslated)"


def alignment_table(alignment: Alignment, include_all: bool, untranslated: bool = False) -> Table:
    """Source | target | score | lines, one row per unit: pairs, and the untranslated source
    paragraphs in their place (``untranslated``, the default of `align` on a terminal: for
    checking a translation they are the rows that matter), or every unit (``include_all``)."""
    table = Table(show_lines=True, expand=True)
    table.add_column(alignment.src_lang, ratio=1, overflow="fold")
    table.add_column(alignment.tgt_lang, ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("lines", no_wrap=True)
    for unit in table_units(alignment, include_all, untranslated):
        score = Text(f"{unit.score:.2f}" if unit.is_pair else "–")
        if is_doubtful(unit):
            score.append(" doubtful", style="bold red")
        if is_untranslated(unit, alignment.src_lang):
            table.add_row(Text(unit.src_text), Text(UNTRANSLATED, style="bold yellow"), score, unit_lines(unit))
        else:
            table.add_row(Text(unit.src_text), Text(unit.tgt_text), score, unit_lines(unit),
                          style=None if unit.is_pair else "dim")
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


def alignment_view(alignment: Alignment, include_all: bool, untranslated: bool = True) -> Group:
    """The table, the legend of its lines column, and the summary."""
    return Group(alignment_table(alignment, include_all, untranslated), Text(LINES_LEGEND, style="dim"),
                 summary_text(alignment))


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


COVERAGE_HEADERS = ("file", "paragraphs translated", "words translated", "untranslated", "no source", "doubtful")


def coverage_files_rows(reports, failures: list[list[str]], totals: dict, checked: bool) -> list[list[str]]:
    """The several-files report as rows of cells: the headers, one row per file, the total."""
    rows = [list(COVERAGE_HEADERS) + (["verdict"] if checked else [])]
    for report, failed in zip(reports, failures):
        figures = report.figures
        rows.append([report.name, _count_share(figures.paragraphs_translated, figures.paragraphs),
                     _count_share(figures.words_translated, figures.words), str(len(report.untranslated)),
                     str(len(report.unmatched_target)), str(len(report.doubtful))]
                    + (["FAIL" if failed else "PASS"] if checked else []))
    rows.append(["total", _count_share(totals["src_paragraphs_translated"], totals["src_paragraphs"]),
                 _count_share(totals["src_words_translated"], totals["src_words"]), str(totals["untranslated"]),
                 str(totals["unmatched_target"]), str(totals["doubtful"])]
                + (["FAIL" if any(failures) else "PASS"] if checked else []))
    return rows


def plain_columns(rows: list[list[str]]) -> str:
    """Rows as plain text columns, two spaces apart, first column left and the others right:
    for a pipe or a CI log, where nothing must wrap or be cut (one line per file)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def table_width(rows: list[list[str]]) -> int:
    """The width a boxed Rich table of these rows needs with nothing wrapped."""
    return sum(max(len(row[i]) for row in rows) + 3 for i in range(len(rows[0]))) + 1


def coverage_files_table(rows: list[list[str]]) -> Table:
    """One row per file and a total row (coverage_files_rows), boxed, for a terminal wide enough
    (table_width): no column wraps, so a file name is never broken."""
    table = Table(show_footer=True)
    headers, *body, total = rows
    for i, header in enumerate(headers):
        table.add_column(header, footer=total[i], justify="left" if i == 0 else "right", no_wrap=True)
    for row in body:
        cells = [Text(c, style={"FAIL": "red", "PASS": "green"}.get(c, "")) for c in row]
        table.add_row(*cells)
    return table


def _count_share(done: int, total: int) -> str:
    """"19/22 86.4%", or "0/0 –" when there is nothing to count."""
    return f"{done}/{total} {done / total:.1%}" if total else f"{done}/{total} –"
