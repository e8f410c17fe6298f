"""What a CI job reads of a coverage check: the verdict against its thresholds, and the
JSON records of one file and of several (their field names are part of the interface)."""

from __future__ import annotations

from .coverage import CoverageReport, figures_of, word_count
from .models import Paragraph


def verdict(report: CoverageReport, min_coverage: float | None, fail_on: list[str]) -> list[str]:
    """Why the report fails the thresholds a CI job set; empty when it passes."""
    failures: list[str] = []
    if min_coverage is not None and report.missing:
        failures.append(report.missing)
    elif min_coverage is not None and report.coverage is not None and report.coverage < min_coverage:
        failures.append(f"coverage {report.coverage:.1%} is below {min_coverage:.1%}")
    counts = {"doubtful": (len(report.doubtful), "doubtful finding", "doubtful findings"),
              "untranslated": (len(report.untranslated), "untranslated paragraph", "untranslated paragraphs"),
              "unmatched": (len(report.unmatched_target), "target paragraph with no source",
                            "target paragraphs with no source")}
    for kind in fail_on:
        count, one, many = counts[kind]
        if count:
            failures.append(f"{count} {one if count == 1 else many}")
    return failures


def report_record(report: CoverageReport, failures: list[str]) -> dict:
    """The JSON form of one report; field names are part of the interface (README)."""
    def paragraph(p: Paragraph) -> dict:
        return {"line": p.line, "lang": p.lang, "words": word_count(p.text), "text": p.text}

    return {
        "file": report.name,
        "src_lang": report.src_lang,
        "tgt_lang": report.tgt_lang,
        "missing": report.missing,
        "totals": {
            "src_paragraphs": len(report.translated) + len(report.untranslated),
            "src_paragraphs_translated": len(report.translated),
            "src_words": report.words_total,
            "src_words_translated": report.words_translated,
            "coverage": _rounded(report.coverage),
            "paragraph_coverage": _rounded(report.paragraph_coverage),
            "untranslated": len(report.untranslated),
            "unmatched_target": len(report.unmatched_target),
            "doubtful": len(report.doubtful),
            "boilerplate": len(report.boilerplate),
            "ignored": len(report.ignored),
        },
        "untranslated": [paragraph(p) for p in report.untranslated],
        "unmatched_target": [paragraph(p) for p in report.unmatched_target],
        "doubtful": [{"src_lines": [p.line for p in d.src], "tgt_lines": [p.line for p in d.tgt],
                      "reasons": d.reasons, "src": "\n".join(p.text for p in d.src),
                      "tgt": "\n".join(p.text for p in d.tgt)} for d in report.doubtful],
        "boilerplate": [paragraph(p) for p in report.boilerplate],
        "verdict": {"passed": not failures, "failures": failures},
    }


def combined_totals(reports: list[CoverageReport]) -> dict:
    """Totals over several files: both figures over all their paragraphs, counts summed."""
    figures = figures_of([p for r in reports for p in r.translated], [p for r in reports for p in r.untranslated])
    return {
        "files": len(reports),
        "src_paragraphs": figures.paragraphs,
        "src_paragraphs_translated": figures.paragraphs_translated,
        "src_words": figures.words,
        "src_words_translated": figures.words_translated,
        "coverage": _rounded(figures.word_share),
        "paragraph_coverage": _rounded(figures.paragraph_share),
        "untranslated": sum(len(r.untranslated) for r in reports),
        "unmatched_target": sum(len(r.unmatched_target) for r in reports),
        "doubtful": sum(len(r.doubtful) for r in reports),
    }


def _rounded(share: float | None) -> float | None:
    """A share as JSON gives it: four decimals, or null when there is nothing to measure."""
    return None if share is None else round(share, 4)
