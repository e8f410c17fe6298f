"""A self-contained HTML page showing a post side by side: no scripts, no network, all text escaped.

Filters (all, problems, untranslated, doubtful) are radio buttons styled as tabs and read by CSS
sibling selectors, and "next problem" links are in-page anchors, so the page works with scripts
off and its Content-Security-Policy allows none. Every cell says its language (``lang``) for
screen readers, hyphenation and fonts; below 40rem the columns stack for a phone.
"""

from __future__ import annotations

from html import escape

from .coverage import check_alignment, figures_text
from .selection import DOUBTFUL_SCORE, is_doubtful, selected_units, unit_lines
from .models import AlignedUnit, Alignment, Paragraph

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.summary { display: flex; gap: .5rem 2rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
.summary div { font-size: .95rem; }
.bar { width: 16rem; max-width: 100%; height: .8rem; background: #e5e5ea; border-radius: .4rem; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar.pass span { background: #248a3d; }
.bar.fail span { background: #d70015; }
.bar.neutral span { background: #6e6e73; }
.verdict.fail { color: #d70015; font-weight: 600; }
.verdict.pass { color: #248a3d; font-weight: 600; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #d2d2d7; padding: .45rem .6rem; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #f5f5f7; position: sticky; top: 0; }
td.meta { font-size: .8rem; color: #6e6e73; white-space: normal; }
col.meta { width: 7rem; }
col.text { width: calc(50% - 3.5rem); }
tr.untranslated td { background: #fff4e5; }
tr.unmatched td { background: #eaf3ff; }
tr.doubtful td { background: #ffecec; }
tr.boilerplate td { color: #6e6e73; }
td:target { outline: 3px solid #0a60d0; outline-offset: -3px; }
td[id] { scroll-margin-top: 3rem; }
.lang { font-size: .7rem; border: 1px solid #c7c7cc; border-radius: .3rem; padding: 0 .25rem; margin-right: .3rem; }
.reason { display: block; color: #c9302c; font-size: .8rem; margin-top: .3rem; }
.next { display: block; margin-top: .3rem; }
.filter { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 .8rem; }
.filters label { padding: .2rem .7rem; border: 1px solid #c7c7cc; border-radius: 1rem; font-size: .85rem;
                 cursor: pointer; }
.filters label.untranslated { background: #fff4e5; }
.filters label.doubtful { background: #ffecec; }
.filters .key { padding: .2rem .7rem; font-size: .85rem; border-radius: 1rem; background: #eaf3ff; }
#show-all:checked ~ .filters label[for=show-all], #show-problems:checked ~ .filters label[for=show-problems],
#show-untranslated:checked ~ .filters label[for=show-untranslated],
#show-doubtful:checked ~ .filters label[for=show-doubtful] { border: 2px solid #1d1d1f; font-weight: 600; }
.filter:focus-visible ~ .filters { outline: 2px dashed #0a60d0; outline-offset: 2px; }
#show-problems:checked ~ table tr.pair, #show-problems:checked ~ table tr.boilerplate,
#show-untranslated:checked ~ table tbody tr:not(.untranslated),
#show-doubtful:checked ~ table tbody tr:not(.doubtful) { display: none; }
@media (max-width: 40rem) {
  body { margin: .8rem; }
  table, thead, tbody, tr, td { display: block; width: auto; }
  colgroup, thead { display: none; }
  tr { border-bottom: 2px solid #d2d2d7; }
  td { border-bottom: none; padding: .3rem .4rem; }
  td.meta { padding-top: .6rem; }
  td.side::before { content: attr(lang); font-size: .7rem; color: #6e6e73; display: block; }
  td.side:empty { display: none; }
}
"""


def _plural(count: int, one: str, many: str | None = None) -> str:
    """"1 pair", "2 pairs" (and "1 boilerplate", "0 boilerplate" for words with no plural)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _side(paragraphs: list[Paragraph]) -> str:
    """A side's paragraphs, each tagged with its own language (a stray paragraph says so)."""
    return "".join(f'<div{_lang_attribute(p.lang)}><span class="lang">{escape(p.lang)}</span>{escape(p.text)}</div>'
                   for p in paragraphs)


def _lang_attribute(lang: str) -> str:
    """``lang="vi"``; a paragraph tagged und (a URL, a number) is marked as no language."""
    return f' lang="{escape(lang if lang != "und" else "zxx")}"'


def _lines(unit: AlignedUnit) -> str:
    return ("lines " if len(unit.src) + len(unit.tgt) > 1 else "line ") + unit_lines(unit).replace("/", " / ")


def _doubts_by_paragraph(doubts: list) -> dict[int, list[tuple[int, set[int], list[str]]]]:
    """Each paragraph's doubts, as (the doubt's place in the report, its paragraphs, its reasons),
    so a row finds its own without going through every doubt of the post."""
    found: dict[int, list[tuple[int, set[int], list[str]]]] = {}
    for place, doubt in enumerate(doubts):
        members = {p.index for p in doubt.src + doubt.tgt}
        for index in members:
            found.setdefault(index, []).append((place, members, doubt.reasons))
    return found


def _reasons(doubts: dict[int, list[tuple[int, set[int], list[str]]]], members: set[int]) -> list[str]:
    """The reasons of the doubts about this unit's paragraphs, in the report's order: all of a
    doubt's paragraphs must be the unit's, so two renderings of one source keep their own."""
    mine = {place: reasons for index in members for place, paragraphs, reasons in doubts.get(index, ())
            if paragraphs <= members}
    return [reason for place in sorted(mine) for reason in mine[place]]


def _kind(unit: AlignedUnit, doubts: dict, alignment: Alignment,
          lonely: tuple[set[int], set[int]]) -> tuple[str, list[str]]:
    """What a row is (pair, doubtful, untranslated, unmatched, boilerplate) and why; ``doubts``
    from _doubts_by_paragraph; ``lonely``: the indexes of the untranslated source and the
    unmatched target paragraphs."""
    members = {p.index for p in unit.src + unit.tgt}
    found = _reasons(doubts, members)
    if is_doubtful(unit):
        found.append(f"doubtful: score {unit.score:.2f} is below {DOUBTFUL_SCORE}")
    if found:
        return "doubtful", found
    if unit.is_pair:
        return "pair", []
    if members & lonely[0]:
        return "untranslated", [f"{alignment.src_lang} with no translation"]
    if members & lonely[1]:
        return "unmatched", [f"{alignment.tgt_lang} with no source"]
    return "boilerplate", []


def _rows(alignment: Alignment, report, include_all: bool) -> tuple[list[str], int]:
    """One table row per unit, and how many are problems (untranslated, unmatched, doubtful):
    each problem's first cell is an anchor (#problem-N) with a link to the next one."""
    lonely = ({p.index for p in report.untranslated}, {p.index for p in report.unmatched_target})
    doubts = _doubts_by_paragraph(report.doubtful)
    kinds = [(unit, *_kind(unit, doubts, alignment, lonely)) for unit in selected_units(alignment, include_all)]
    problems = sum(kind in ("doubtful", "untranslated", "unmatched") for _, kind, _ in kinds)
    rows, number = [], 0
    src, tgt = escape(alignment.src_lang), escape(alignment.tgt_lang)
    for unit, kind, found in kinds:
        anchor = nav = ""
        if kind in ("doubtful", "untranslated", "unmatched"):
            number += 1
            anchor = f' id="problem-{number}"'
            nav = (f'<a class="next" href="#problem-{number + 1}">next problem ↓</a>' if number < problems
                   else '<a class="next" href="#top">last problem: back to top ↑</a>')
        notes = "".join(f'<span class="reason">{escape(r)}</span>' for r in found)
        score = f"<br>score {unit.score:.2f}" if unit.is_pair else ""
        rows.append(f'<tr class="{kind}"><td class="meta" lang="en"{anchor}>{escape(_lines(unit))}{score}{nav}</td>'
                    f'<td class="side" lang="{src}">{_side(unit.src)}</td>'
                    f'<td class="side" lang="{tgt}">{_side(unit.tgt)}{notes}</td></tr>')
    return rows, problems


def _coverage_bar(coverage: float | None, min_coverage: float | None) -> str:
    """The bar, coloured by the threshold when there is one (green at or above, red below) and
    neutral grey without one; the verdict is also said in words, not by colour alone."""
    share = coverage or 0.0
    if min_coverage is None:
        state, words = "neutral", ""
    elif coverage is not None and coverage >= min_coverage:
        state, words = "pass", f"at or above the {min_coverage:.0%} threshold"
    else:
        state, words = "fail", f"below the {min_coverage:.0%} threshold"
    verdict = f'<div class="verdict {state}">{escape(words)}</div>' if words else ""
    return (f'<div class="bar {state}" role="img" aria-label="{share:.0%} of words translated">'
            f'<span style="width:{share * 100:.1f}%"></span></div>{verdict}')


def _summary(alignment: Alignment, report, min_coverage: float | None, problems: int) -> str:
    missing = f"<div>{escape(report.missing)}</div>" if report.missing else ""
    first = '<div><a href="#problem-1">first problem ↓</a></div>' if problems else ""
    return "".join([
        '<div class="summary">',
        f'<div id="coverage">coverage: {escape(figures_text(report.figures, alignment.src_lang))}',
        _coverage_bar(report.coverage, min_coverage), "</div>",
        f"<div>{_plural(len(alignment.pairs), 'pair')}</div>",
        f"<div>{len(report.untranslated)} untranslated</div>",
        f"<div>{len(report.unmatched_target)} with no source</div>",
        f"<div>{len(report.doubtful)} doubtful</div>",
        f"<div>{len(report.boilerplate)} boilerplate</div>{missing}{first}</div>\n",
    ])


def _filters(problems: int, untranslated: int, doubtful: int) -> str:
    """Radio buttons (hidden, their labels shown as tabs) that the stylesheet reads: the filters
    work with no script. The key says what the row colours mean."""
    choices = (("all", "all rows", ""), ("problems", f"problems ({problems})", ""),
               ("untranslated", f"untranslated ({untranslated})", "untranslated"),
               ("doubtful", f"doubtful ({doubtful})", "doubtful"))
    inputs = "".join(f'<input type="radio" class="filter" name="show" id="show-{key}"'
                     f'{" checked" if key == "all" else ""} aria-label="show {key}">' for key, _, _ in choices)
    labels = "".join(f'<label for="show-{key}" class="{css}">{escape(text)}</label>' for key, text, css in choices)
    return f'{inputs}\n<div class="filters" role="group" aria-label="filter rows">show: {labels}' \
           '<span class="key">blue: no source</span></div>\n'


def html_report(alignment: Alignment, include_all: bool = True, min_coverage: float | None = None) -> str:
    """The page: coverage summary on top, filters, then one row per unit, marked by kind and reason.

    ``min_coverage``: the share of words translated the coverage bar is judged against."""
    title = alignment.name if alignment.name != "-" else "aligned post"
    report = check_alignment(alignment, title)
    rows, problems = _rows(alignment, report, include_all)
    untranslated = sum(row.startswith('<tr class="untranslated"') for row in rows)
    doubtful = sum(row.startswith('<tr class="doubtful"') for row in rows)
    src, tgt = escape(alignment.src_lang), escape(alignment.tgt_lang)
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f'<h1 id="top">{escape(title)}: {src} → {tgt}</h1>\n',
        _summary(alignment, report, min_coverage, problems),
        _filters(problems, untranslated, doubtful),
        '<table>\n<colgroup><col class="meta"><col class="text"><col class="text"></colgroup>\n',
        f'<thead><tr><th lang="en">where</th><th lang="{src}">{src}</th><th lang="{tgt}">{tgt}</th></tr></thead>\n',
        "<tbody>\n",
        "\n".join(rows),
        "\n</tbody>\n</table>\n</body>\n</html>\n",
    ])
