"""Property tests: whatever the post, every format with --all gives back every paragraph once.

Run many more examples with ALIGN_FUZZ_EXAMPLES=5000 python3 -m pytest tests/test_properties.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from html.parser import HTMLParser

import pytest
import regex

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner import align_text
from aligner.errors import AlignerError
from aligner.export import WRITERS
from aligner.reader import decode_bytes

EXAMPLES = int(os.environ.get("ALIGN_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ENGLISH = "the river rose and three villages were flooded by night with help from volunteers in 1998".split()
VIETNAMESE = "nước sông dâng cao và ba làng bị ngập trong đêm với sự giúp đỡ của tình nguyện viên năm".split()
# Printable text of every script, with the characters exporters must escape; no control,
# format or separator characters (the reader removes those on purpose).
NOISE = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"], include_characters="\t\\\"'<>&|,"),
                max_size=12)


def paragraph(words: list[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.lists(st.sampled_from(words), min_size=1, max_size=14), NOISE, NOISE).map(
        lambda parts: f"{parts[1]} {' '.join(parts[0])} {parts[2]}")


POSTS = st.lists(st.one_of(paragraph(ENGLISH), paragraph(VIETNAMESE), NOISE), min_size=1, max_size=14)


def expected(text: str) -> str:
    """What the output must hold for an input paragraph: NFC, whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


ALL_PARAGRAPH_FORMATS = ("tsv", "csv", "jsonl", "json", "md", "html")


class _HtmlCells(HTMLParser):
    """Text of each <div> in the report's table cells: one paragraph each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._in_div = False
        self._in_lang = False

    def handle_starttag(self, tag, attrs):
        if tag == "div" and self._in_body:
            self._in_div = True
            self.texts.append("")
        if tag == "span" and ("class", "lang") in attrs:
            self._in_lang = True
        if tag == "tbody":
            self._in_body = True

    _in_body = False

    def handle_endtag(self, tag):
        if tag == "div":
            self._in_div = False
        if tag == "span":
            self._in_lang = False

    def handle_data(self, data):
        if self._in_div and not self._in_lang:
            self.texts[-1] += data


def read_back(fmt: str, output: str) -> list[str]:
    """Paragraphs in the output, read with a real parser for each format."""
    if fmt == "html":
        parser = _HtmlCells()
        parser.feed(output)
        return [t for t in parser.texts if t]
    if fmt == "md":
        records = []
        for line in output.splitlines()[2:]:
            cells = regex.split(r"(?<!\\)\|", line)[1:-1]
            records.append({"src": _unescape_md(cells[0].strip()), "tgt": _unescape_md(cells[1].strip())})
    elif fmt == "jsonl":
        records = [json.loads(line) for line in output.splitlines()]
    elif fmt == "json":
        records = json.loads(output)
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(output, newline="")))
    else:
        records = []
        for line in output.split("\n")[:-1]:
            fields = line.split("\t")
            assert len(fields) == 2
            records.append({"src": _unescape(fields[0]), "tgt": _unescape(fields[1])})
    return [piece for r in records for side in ("src", "tgt") for piece in r[side].split("\n") if piece]


def _unescape_md(cell: str) -> str:
    return regex.sub(r"\\(.)", r"\1", cell.replace("<br>", "\n"))


def _unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\":
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


@SETTINGS
@given(POSTS, st.sampled_from(["\n", "\n\n", "\r\n\r\n"]))
def test_every_format_returns_every_paragraph_exactly_once(paragraphs, separator):
    text = separator.join(paragraphs)
    wanted = [e for e in (expected(p) for p in paragraphs) if e]
    alignment = align_text(text, paragraphs="lines", input_format="text")
    # Another rendering of a paired paragraph is a row of its own, with that paragraph again.
    wanted += [p.text for u in alignment.units if u.is_alternative for p in u.src]
    for fmt in ALL_PARAGRAPH_FORMATS:
        got = read_back(fmt, WRITERS[fmt](alignment, True))
        assert sorted(got) == sorted(wanted), fmt
    order = [u.first_index for u in alignment.units]
    assert order == sorted(order)


@SETTINGS
@given(st.lists(st.lists(paragraph(ENGLISH + VIETNAMESE), min_size=1, max_size=4), min_size=1, max_size=8))
def test_blocks_keep_their_lines_joined(blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks)
    wanted = [e for e in (expected(" ".join(lines)) for lines in blocks) if e]
    alignment = align_text(text, paragraphs="blocks", input_format="text")
    assert sorted(read_back("jsonl", WRITERS["jsonl"](alignment, True))) == sorted(wanted)


@SETTINGS
@given(POSTS)
def test_tmx_holds_every_pair_intact(paragraphs):
    tmx = pytest.importorskip("translate.storage.tmx", reason="translate-toolkit is a test dependency")
    alignment = align_text("\n".join(paragraphs), paragraphs="lines", input_format="text")
    store = tmx.tmxfile.parsestring(WRITERS["tmx"](alignment, False).encode("utf-8"))
    got = [(u.source, u.target) for u in store.units]
    assert got == [(u.src_text, u.tgt_text) for u in alignment.pairs]


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_either_align_or_fail_cleanly(data):
    try:
        text = decode_bytes(data)
    except AlignerError:
        return
    alignment = align_text(text)
    assert sum(len(u.placed) for u in alignment.units) == len(alignment.paragraphs)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_aligns_without_loss(text):
    alignment = align_text(text)
    indexes = sorted(p.index for u in alignment.units for p in u.placed)
    assert indexes == list(range(len(alignment.paragraphs)))
