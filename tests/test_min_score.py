"""--min-score X keeps units scoring at least X in every format; low-scoring pairs are marked doubtful."""

import json

import pytest
from typer.testing import CliRunner

from aligner.cli import app
from aligner.export import WRITERS, moses_files
from aligner.selection import with_min_score
from aligner.models import AlignedUnit, Alignment, Paragraph
from aligner.render import alignment_table
from aligner.report_html import html_report
from aligner.cli.plumbing import render_to_text as render_text
from conftest import SAMPLES

runner = CliRunner()
SAMPLE = SAMPLES / "library-alternating" / "post.txt"
TEXTS = [("The river rose in the night.", "Nước sông dâng lên trong đêm."),
         ("Three villages were flooded.", "Ba làng bị ngập."),
         ("Volunteers came at dawn.", "Tình nguyện viên đến lúc bình minh.")]
SCORES = [0.3, 0.5, 0.9]


def _alignment() -> Alignment:
    """Three pairs scored 0.3, 0.5 and 0.9, and an untranslated line."""
    paragraphs, units = [], []
    for (en, vi), score in zip(TEXTS, SCORES):
        pair = [Paragraph(len(paragraphs), en, len(paragraphs) + 1, "en"),
                Paragraph(len(paragraphs) + 1, vi, len(paragraphs) + 2, "vi")]
        paragraphs += pair
        units.append(AlignedUnit(pair[:1], pair[1:], score))
    note = Paragraph(len(paragraphs), "A note nobody translated.", len(paragraphs) + 1, "en")
    return Alignment("en", "vi", paragraphs + [note], units + [AlignedUnit([note], [])])


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl", "json", "tmx", "md", "html"])
def test_every_writer_keeps_only_units_at_or_above_the_score(fmt):
    kept = WRITERS[fmt](with_min_score(_alignment(), 0.5), True)
    everything = WRITERS[fmt](_alignment(), True)
    assert TEXTS[0][0] in everything and TEXTS[0][0] not in kept  # 0.3 < 0.5
    assert TEXTS[1][0] in kept and TEXTS[2][0] in kept  # 0.5 is kept: "at least"
    assert "A note nobody translated." not in kept  # a one-sided unit scores 0


def test_moses_and_table_keep_only_units_at_or_above_the_score():
    english, vietnamese = moses_files(with_min_score(_alignment(), 0.5))
    assert english.splitlines() == [TEXTS[1][0], TEXTS[2][0]]
    assert vietnamese.splitlines() == [TEXTS[1][1], TEXTS[2][1]]
    table = render_text(alignment_table(with_min_score(_alignment(), 0.9), True))
    assert TEXTS[2][0] in table and TEXTS[1][0] not in table


def test_the_table_and_the_html_report_mark_low_scores_doubtful():
    rows = [line for line in render_text(alignment_table(_alignment(), False)).splitlines() if "│" in line]
    marked = [line for line in rows if "doubtful" in line]
    assert len(marked) == 1 and "0.30 doubtful" in marked[0] and "The river" in marked[0]
    page = html_report(_alignment())
    doubtful = [row for row in page.split("<tr") if row.startswith(' class="doubtful"')]
    assert len(doubtful) == 1 and TEXTS[0][0] in doubtful[0]
    assert "doubtful: score 0.30 is below 0.5" in doubtful[0]
    assert 'class="pair"' in page  # 0.5 and 0.9 are not doubtful


def test_the_summary_still_counts_the_whole_post():
    kept = with_min_score(_alignment(), 0.95)
    assert kept.summary().pairs == 3
    assert "3 pairs" in html_report(kept)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl", "json", "tmx", "md", "html", "table"])
def test_the_option_filters_every_format(fmt):
    plain = runner.invoke(app, [str(SAMPLE), "-f", fmt])
    strict = runner.invoke(app, [str(SAMPLE), "-f", fmt, "--min-score", "0.999"])
    assert plain.exit_code == strict.exit_code == 0
    low = "lovely"  # in the sample's one pair scoring below 0.999 (0.9976), and nowhere else
    assert low in plain.stdout and low not in strict.stdout
    assert "thóc" in strict.stdout  # a sure pair (1.00) stays


def test_the_option_filters_moses_and_counts_what_it_wrote(tmp_path):
    base = tmp_path / "corpus"
    result = runner.invoke(app, [str(SAMPLE), "-f", "moses", "-o", str(base), "--min-score", "0.999"])
    english = (tmp_path / "corpus.en").read_text(encoding="utf-8").splitlines()
    assert len(english) == len((tmp_path / "corpus.vi").read_text(encoding="utf-8").splitlines())
    assert f"wrote {len(english)} pairs" in result.stderr
    plain = json.loads(runner.invoke(app, [str(SAMPLE), "-f", "json"]).stdout)
    assert len(english) == sum(r["score"] >= 0.999 for r in plain) < len(plain)


@pytest.mark.parametrize("value", ["-0.1", "1.5", "high"])
def test_a_score_outside_zero_to_one_is_refused(value):
    result = runner.invoke(app, [str(SAMPLE), "--min-score", value])
    assert result.exit_code == 2
    assert "--min-score" in result.stderr and "Traceback" not in result.stderr
