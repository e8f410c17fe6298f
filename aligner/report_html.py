"""A self-contained HTML page showing a post side by side: no scripts, no network, all text escaped."""

from __future__ import annotations

from html import escape

from .coverage import check_alignment, figures_text
from .selection import DOUBTFUL_SCORE, is_doubtful, selected_units, unit_lines
from .models import AlignedUnit, Alignment, Paragraph

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
.summary { display: flex; gap: 2rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
.summary div { font-size: .95rem; }
.bar { width: 16rem; height: .8rem; background: #e5e5ea; border-radius: .4rem; overflow: hidden; }
.bar span { display: block; height: 100%; background: #34c759; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #d2d2d7; padding: .45rem .6rem; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #f5f5f7; position: sticky; top: 0; }
td.meta { width: 7rem; font-size: .8rem; color: #6e6e73; white-space: normal; }
col.text { width: 42%; }
tr.untranslated td { background: #fff4e5; }
tr.unmatched td { background: #eaf3ff; }
tr.doubtful td { background: #ffecec; }
tr.boilerplate td { color: #8e8e93; }
.lang { font-size: .7rem; border: 1px solid #c7c7cc; border-radius: .3rem; padding: 0 .25rem; margin-right: .3rem; }
.reason { display: block; color: #c9302c; font-size: .8rem; margin-top: .3rem; }
.legend span { padding: .1rem .5rem; margin-right: .6rem; border-radius: .3rem; font-size: .8rem; }
"""


def _side(paragraphs: list[Paragraph]) -> str:
    return "".join(f'<div><span class="lang">{escape(p.lang)}</span>{escape(p.text)}</div>' for p in paragraphs)


def _lines(unit: AlignedUnit) -> str:
    return ("lines " if len(unit.src) + len(unit.tgt) > 1 else "line ") + unit_lines(unit).replace("/", " / ")


def _reasons(doubts: list, members: set[int]) -> list[str]:
    """The reasons of the doubts about this unit's paragraphs: all of a doubt's paragraphs
    must be the unit's, so two renderings of one source keep their own reasons."""
    return [r for d in doubts if {p.index for p in d.src + d.tgt} <= members for r in d.reasons]


def html_report(alignment: Alignment, include_all: bool = True, min_coverage: float | None = None) -> str:
    """The page: coverage summary on top, then one row per unit, marked by kind and reason."""
    title = alignment.name if alignment.name != "-" else "aligned post"
    report = check_alignment(alignment, title)
    untranslated = {p.index for p in report.untranslated}
    unmatched = {p.index for p in report.unmatched_target}
    rows = []
    for unit in selected_units(alignment, include_all):
        members = [p.index for p in unit.src + unit.tgt]
        found = _reasons(report.doubtful, set(members))
        if is_doubtful(unit):
            found.append(f"doubtful: score {unit.score:.2f} is below {DOUBTFUL_SCORE}")
        if found:
            kind = "doubtful"
        elif unit.is_pair:
            kind = "pair"
        elif any(i in untranslated for i in members):
            kind = "untranslated"
            found = [f"{alignment.src_lang} with no translation"]
        elif any(i in unmatched for i in members):
            kind = "unmatched"
            found = [f"{alignment.tgt_lang} with no source"]
        else:
            kind = "boilerplate"
        notes = "".join(f'<span class="reason">{escape(r)}</span>' for r in found)
        score = f"score {unit.score:.2f}" if unit.is_pair else ""
        rows.append(f'<tr class="{kind}"><td class="meta">{escape(_lines(unit))}<br>{score}</td>'
                    f"<td>{_side(unit.src)}</td><td>{_side(unit.tgt)}{notes}</td></tr>")
    percent = (report.coverage or 0.0) * 100
    missing = f"<div>{escape(report.missing)}</div>" if report.missing else ""
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<h1>{escape(title)}: {escape(alignment.src_lang)} → {escape(alignment.tgt_lang)}</h1>\n",
        '<div class="summary">',
        f'<div id="coverage">coverage: {escape(figures_text(report.figures, alignment.src_lang))}'
        f'<div class="bar"><span style="width:{percent:.1f}%"></span></div></div>',
        f"<div>{len(alignment.pairs)} pairs</div>",
        f"<div>{len(report.untranslated)} untranslated</div>",
        f"<div>{len(report.unmatched_target)} with no source</div>",
        f"<div>{len(report.doubtful)} doubtful</div>",
        f"<div>{len(report.boilerplate)} boilerplate</div>{missing}</div>\n",
        '<p class="legend"><span style="background:#fff4e5">untranslated</span>'
        '<span style="background:#eaf3ff">no source</span><span style="background:#ffecec">doubtful</span></p>\n',
        '<table>\n<colgroup><col><col class="text"><col class="text"></colgroup>\n',
        f"<thead><tr><th>where</th><th>{escape(alignment.src_lang)}</th><th>{escape(alignment.tgt_lang)}</th>"
        "</tr></thead>\n<tbody>\n",
        "\n".join(rows),
        "\n</tbody>\n</table>\n</body>\n</html>\n",
    ])
