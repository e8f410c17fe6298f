"""Stage 5: turn an alignment into text in a machine format; one small writer per format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from .models import AlignedUnit, Alignment, Paragraph


def unit_record(unit: AlignedUnit, alignment: Alignment) -> dict:
    """The JSON record of one unit, as ../shared/GUIDE.md section 1 defines it."""
    src_lang = unit.src[0].lang if unit.src else alignment.src_lang
    return {
        "src": unit.src_text,
        "tgt": unit.tgt_text,
        "src_lang": src_lang,
        "tgt_lang": alignment.tgt_lang,
        "score": unit.score,
        "src_lines": [p.line for p in unit.src],
        "tgt_lines": [p.line for p in unit.tgt],
    }


def selected_units(alignment: Alignment, include_all: bool) -> list[AlignedUnit]:
    """Pairs only, or with ``--all`` every unit, so that every paragraph appears once."""
    return alignment.units if include_all else alignment.pairs


def escape_tsv(text: str) -> str:
    r"""Escape a field so a TSV row always has its fields: ``\`` → ``\\``, tab → ``\t``, newline → ``\n``.

    >>> escape_tsv("a\tb\nc\\d")
    'a\\tb\\nc\\\\d'
    """
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(alignment: Alignment, include_all: bool) -> str:
    return "".join(f"{escape_tsv(u.src_text)}\t{escape_tsv(u.tgt_text)}\n"
                   for u in selected_units(alignment, include_all))


def _csv(alignment: Alignment, include_all: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["src", "tgt", "score", "src_lines", "tgt_lines", "src_lang", "tgt_lang"])
    for unit in selected_units(alignment, include_all):
        record = unit_record(unit, alignment)
        writer.writerow([record["src"], record["tgt"], record["score"],
                         " ".join(map(str, record["src_lines"])), " ".join(map(str, record["tgt_lines"])),
                         record["src_lang"], record["tgt_lang"]])
    return buffer.getvalue()


def _jsonl(alignment: Alignment, include_all: bool) -> str:
    return "".join(json.dumps(unit_record(u, alignment), ensure_ascii=False) + "\n"
                   for u in selected_units(alignment, include_all))


def _json(alignment: Alignment, include_all: bool) -> str:
    records = [unit_record(u, alignment) for u in selected_units(alignment, include_all)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Alignment, bool], str]] = {
    "tsv": _tsv,
    "csv": _csv,
    "jsonl": _jsonl,
    "json": _json,
}


def paragraph_record(paragraph: Paragraph) -> dict:
    """The JSON record of one tagged paragraph (``align detect``)."""
    return {"text": paragraph.text, "lang": paragraph.lang, "line": paragraph.line}


def _detect_jsonl(paragraphs: list[Paragraph]) -> str:
    return "".join(json.dumps(paragraph_record(p), ensure_ascii=False) + "\n" for p in paragraphs)


def _detect_json(paragraphs: list[Paragraph]) -> str:
    return json.dumps([paragraph_record(p) for p in paragraphs], ensure_ascii=False, indent=2) + "\n"


def _detect_tsv(paragraphs: list[Paragraph]) -> str:
    return "".join(f"{p.line}\t{p.lang}\t{escape_tsv(p.text)}\n" for p in paragraphs)


DETECT_WRITERS: dict[str, Callable[[list[Paragraph]], str]] = {
    "jsonl": _detect_jsonl,
    "json": _detect_json,
    "tsv": _detect_tsv,
}
