"""Two renderings of one English paragraph are two units: one row each in every pair format."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from aligner import align_file
from aligner.cli import app
from aligner.coverage import check_alignment
from aligner.export import WRITERS, moses_files
from conftest import SAMPLES, case_doc

runner = CliRunner()
POST = case_doc(SAMPLES / "letter-two-renderings")
DEAR = "Dear Comrade Minister,"
ARCHIVE, MACHINE = "Kính gửi đồng chí Bộ trưởng,", "Thưa đồng chí Bộ trưởng thân mến,"


@pytest.fixture(scope="module")
def letter():
    return align_file(POST)


def test_each_rendering_is_a_unit_with_the_same_source(letter):
    dear = [u for u in letter.units if u.src_text == DEAR]
    assert sorted(u.tgt_text for u in dear) == sorted([ARCHIVE, MACHINE])
    assert [u.rendering for u in dear] == [1, 2]
    assert dear[0].src[0] is dear[1].src[0]  # the same paragraph, not a copy
    assert len([u for u in letter.units if u.is_alternative]) == 7  # the letter's seven translated paragraphs


def test_every_paragraph_has_one_home_and_only_alternatives_repeat_a_source(letter):
    placed = sorted(p.index for u in letter.units for p in u.placed)
    assert placed == list(range(len(letter.paragraphs)))
    repeated = [p.index for u in letter.units for p in u.src + u.tgt]
    assert len(repeated) - len(placed) == sum(len(u.src) for u in letter.units if u.is_alternative)


def _rows(letter, fmt: str) -> list[tuple[str, str]]:
    text = WRITERS[fmt](letter, False)
    if fmt == "tsv":
        return [tuple(line.split("\t")) for line in text.splitlines()]
    if fmt == "csv":
        return [(r["src"], r["tgt"]) for r in csv.DictReader(io.StringIO(text, newline=""))]
    if fmt == "md":
        return [tuple(c.strip() for c in line.split(" | ")[:2]) for line in text.splitlines()[2:]]  # no | here
    records = [json.loads(line) for line in text.splitlines()] if fmt == "jsonl" else json.loads(text)
    return [(r["src"], r["tgt"]) for r in records]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "md", "jsonl", "json"])
def test_pair_formats_write_one_row_per_rendering(letter, fmt):
    rows = _rows(letter, fmt)
    assert [tgt for src, tgt in rows if src.lstrip("| ") == DEAR] == [MACHINE, ARCHIVE]
    assert not [tgt for _, tgt in rows if ARCHIVE in tgt and MACHINE in tgt]  # never glued


def test_tmx_has_a_tu_per_rendering(letter):
    tmx = pytest.importorskip("translate.storage.tmx", reason="translate-toolkit is a test dependency")
    store = tmx.tmxfile.parsestring(WRITERS["tmx"](letter, False).encode("utf-8"))
    assert [u.target for u in store.units if u.source == DEAR] == [MACHINE, ARCHIVE]


def test_moses_repeats_the_english_line_for_each_rendering(letter):
    english, vietnamese = (text.splitlines() for text in moses_files(letter))
    assert len(english) == len(vietnamese)
    assert [v for e, v in zip(english, vietnamese) if e == DEAR] == [MACHINE, ARCHIVE]


def test_json_marks_the_alternative_rendering_and_keeps_the_links(letter):
    result = runner.invoke(app, [str(POST), "-f", "jsonl", "--all"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    dear = [r for r in records if r["src"] == DEAR]
    assert ["rendering" in r for r in dear] == [False, True] and dear[1]["rendering"] == 2
    assert dear[0]["src_lines"] == dear[1]["src_lines"]
    assert sum("rendering" in r for r in records) == 7
    # The evaluation's links (every src/tgt pair of a record) are each rendering's pair.
    links = {(r["src"], r["tgt"]) for r in records if r["src"] and r["tgt"]}
    assert {(DEAR, ARCHIVE), (DEAR, MACHINE)} <= links


def test_coverage_counts_a_source_once_and_does_not_call_renderings_doubtful(letter):
    report = check_alignment(letter)
    translated = [p.index for p in report.translated]
    assert len(translated) == len(set(translated))
    assert report.figures.words_translated <= report.figures.words
    assert not [d for d in report.doubtful if any("translated differently" in r for r in d.reasons)]


def test_sentence_level_keeps_renderings_apart():
    sentences = align_file(POST, level="sentence")
    texts = [p.index for p in sentences.paragraphs]
    assert len(texts) == len(set(texts))
    assert sorted(p.index for u in sentences.units for p in u.placed) == sorted(texts)
    dear = [u for u in sentences.units if u.src_text == DEAR]
    assert sorted(u.tgt_text for u in dear) == sorted([ARCHIVE, MACHINE])
    assert sorted(u.rendering for u in dear) == [1, 2]
