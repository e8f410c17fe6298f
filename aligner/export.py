"""Stage 5: turn an alignment into text in a machine format; one small writer per format."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator

import regex

from .models import AlignedUnit, Alignment, Paragraph
from .selection import selected_units, unit_lines


def unit_record(unit: AlignedUnit, alignment: Alignment) -> dict:
    """The JSON record of one unit, as ../shared/GUIDE.md section 1 defines it; another
    rendering of a source already paired says which (``"rendering": 2``): its links are still
    its own (src, tgt) pairs, so an evaluation reading links is unchanged."""
    src_lang = unit.src[0].lang if unit.src else alignment.src_lang
    extra = {"rendering": unit.rendering} if unit.is_alternative else {}
    return {
        "src": unit.src_text,
        "tgt": unit.tgt_text,
        "src_lang": src_lang,
        "tgt_lang": alignment.tgt_lang,
        "score": unit.score,
        "src_lines": [p.line for p in unit.src],
        "tgt_lines": [p.line for p in unit.tgt],
        **extra,
    }



def _records(alignment: Alignment, include_all: bool) -> Iterator[dict]:
    return (unit_record(u, alignment) for u in selected_units(alignment, include_all))


_CSV_COLUMNS = ["src", "tgt", "score", "src_lines", "tgt_lines", "src_lang", "tgt_lang"]


def _csv_text(records: Iterable[dict], columns: list[str]) -> str:
    """RFC 4180 with a header row; line lists are written space-separated."""
    import csv  # here, not at the top: most runs write another format

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([" ".join(map(str, r[c])) if isinstance(r[c], list) else r[c] for c in columns])
    return buffer.getvalue()


def _json_lines(records: Iterable[dict]) -> Iterator[str]:
    return (json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _json_text(records: Iterable[dict]) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def escape_tsv(text: str) -> str:
    r"""Escape a field so a TSV row always has its fields: ``\`` → ``\\``, tab → ``\t``, newline → ``\n``.

    >>> escape_tsv("a\tb\nc\\d")
    'a\\tb\\nc\\\\d'
    """
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def tsv_lines(alignment: Alignment, include_all: bool) -> Iterator[str]:
    for u in selected_units(alignment, include_all):
        yield f"{escape_tsv(u.src_text)}\t{escape_tsv(u.tgt_text)}\n"


def _tsv(alignment: Alignment, include_all: bool) -> str:
    return "".join(tsv_lines(alignment, include_all))


def _csv(alignment: Alignment, include_all: bool) -> str:
    return _csv_text(_records(alignment, include_all), _CSV_COLUMNS)


def jsonl_lines(alignment: Alignment, include_all: bool) -> Iterator[str]:
    return _json_lines(_records(alignment, include_all))


def _jsonl(alignment: Alignment, include_all: bool) -> str:
    return "".join(jsonl_lines(alignment, include_all))


def _json(alignment: Alignment, include_all: bool) -> str:
    return _json_text(_records(alignment, include_all))


# Formats written a line at a time, so a book-length post is never held as one string.
STREAMING: dict[str, Callable[[Alignment, bool], Iterator[str]]] = {"tsv": tsv_lines, "jsonl": jsonl_lines}

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


# ---- XML-based formats ------------------------------------------------------------------
# Characters XML 1.0 does not allow in a document (besides tab, newline, carriage return).
_XML_FORBIDDEN = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_forbidden_count(alignment: Alignment) -> int:
    """How many characters XML output must drop; the CLI says so on stderr."""
    return sum(len(_XML_FORBIDDEN.findall(p.text)) for p in alignment.paragraphs)


def xml_text(text: str) -> str:
    """Escape for XML content and attributes, dropping characters XML 1.0 forbids."""
    from xml.sax.saxutils import escape  # it pulls in urllib, http and ssl: only for XML formats

    return escape(_XML_FORBIDDEN.sub("", text), {'"': "&quot;"})


def _tmx(alignment: Alignment, include_all: bool) -> str:
    """TMX 1.4b: one <tu> per pair (a translation memory holds pairs only)."""
    from . import __version__

    segtype = "sentence" if alignment.level == "sentence" else "paragraph"
    src, tgt = xml_text(alignment.src_lang), xml_text(alignment.tgt_lang)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
           '<tmx version="1.4">\n',
           f'  <header creationtool="aligner" creationtoolversion="{__version__}" datatype="plaintext" '
           f'segtype="{segtype}" adminlang="en" srclang="{src}" o-tmf="aligner"/>\n',
           "  <body>\n"]
    for number, unit in enumerate(selected_units(alignment, False), 1):
        out.append(f'    <tu tuid="{number}">\n')
        out.append(f'      <prop type="x-score">{unit.score}</prop>\n')
        out.append(f'      <prop type="x-lines">{unit_lines(unit)}</prop>\n')
        out.append(f'      <tuv xml:lang="{src}"><seg>{xml_text(unit.src_text)}</seg></tuv>\n')
        out.append(f'      <tuv xml:lang="{tgt}"><seg>{xml_text(unit.tgt_text)}</seg></tuv>\n')
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>|&~#])")


def escape_markdown(text: str) -> str:
    r"""Escape text for a Markdown table cell: it renders as itself, pipes cannot split the row.

    >>> escape_markdown("a|b *c*")
    'a\\|b \\*c\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")


def _markdown(alignment: Alignment, include_all: bool) -> str:
    lines = [f"| {alignment.src_lang} | {alignment.tgt_lang} | score | lines |", "| --- | --- | ---: | --- |"]
    for unit in selected_units(alignment, include_all):
        where = unit_lines(unit)
        score = f"{unit.score:.2f}" if unit.is_pair else ""
        lines.append(f"| {escape_markdown(unit.src_text)} | {escape_markdown(unit.tgt_text)} | {score} | {where} |")
    return "\n".join(lines) + "\n"


def moses_files(alignment: Alignment) -> tuple[str, str]:
    """The two line-aligned files of a parallel corpus: one pair per line, equal line counts."""
    def line(text: str) -> str:
        return " ".join(text.split()) + "\n"

    pairs = selected_units(alignment, False)
    return "".join(line(u.src_text) for u in pairs), "".join(line(u.tgt_text) for u in pairs)


WRITERS["tmx"] = _tmx
WRITERS["md"] = _markdown


def _html(alignment: Alignment, include_all: bool) -> str:
    from .report_html import html_report

    return html_report(alignment, include_all=True)


WRITERS["html"] = _html


def many_records(alignments: list[tuple[str, Alignment]], include_all: bool) -> list[dict]:
    """Records of several files in input order, each with the ``file`` it came from."""
    return [dict(unit_record(u, a), file=name) for name, a in alignments for u in selected_units(a, include_all)]


def write_many(fmt: str, alignments: list[tuple[str, Alignment]], include_all: bool) -> str:
    """jsonl, json, csv (with a ``file`` field) or tsv (concatenated) for several files."""
    if fmt == "tsv":
        return "".join(_tsv(a, include_all) for _, a in alignments)
    records = many_records(alignments, include_all)
    if fmt == "jsonl":
        return "".join(_json_lines(records))
    if fmt == "json":
        return _json_text(records)
    return _csv_text(records, ["file", *_CSV_COLUMNS])
