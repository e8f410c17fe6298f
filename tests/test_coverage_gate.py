"""A post with nothing to measure never passes --min-coverage; both coverage figures, one definition."""

import json
import re

import pytest
from typer.testing import CliRunner

from aligner import align_file
from aligner.cli import app
from aligner.coverage import Figures, check_alignment, figures_of, figures_text, translation_figures
from conftest import SAMPLES

runner = CliRunner()
POST = SAMPLES / "library-alternating" / "post.txt"
VIETNAMESE = ["Thư viện mở cửa từ 7 giờ sáng đến 9 giờ tối hằng ngày, trừ thứ Hai.",
              "Mượn sách hoàn toàn miễn phí. Người đọc chỉ cần ghi tên mình vào một cuốn sổ.",
              "Mỗi chiều Chủ nhật, một ông lão đánh cá đọc truyện cho bọn trẻ nghe."]
ENGLISH = ["The library is open from 7 in the morning to 9 at night every day except Monday.",
           "Borrowing books is entirely free. Readers only need to write their name in a notebook."]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("content, reason, coverage", [
    ("", "no text found", None),
    ("  \n\n\t\n", "no text found", None),
    ("\n\n".join(VIETNAMESE), "no English paragraph found", None),
    ("\n\n".join(ENGLISH), "no Vietnamese paragraph found", 0.0),
    # The English was lost: only its byline is left, and a byline is boilerplate.
    ("Posted by Minh at 9:12 PM\n\n" + "\n\n".join(VIETNAMESE), "no English content to measure", None),
])
def test_nothing_to_measure_fails_the_gate_with_the_reason(tmp_path, content, reason, coverage):
    path = tmp_path / "post.txt"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(path), "--min-coverage", "0.9"])
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert f"FAIL: {reason}" in out and "PASS" not in out and "100.0%" not in out
    ungated = runner.invoke(app, ["coverage", str(path)])
    assert ungated.exit_code == 0 and f"Nothing to measure: {reason}" in flat(ungated.stdout)
    as_json = json.loads(runner.invoke(app, ["coverage", str(path), "--min-coverage", "0", "-f", "json"]).stdout)
    entry = as_json["files"][0]
    assert entry["missing"].startswith(reason) and entry["totals"]["coverage"] == coverage
    assert entry["verdict"] == {"passed": False, "failures": [entry["missing"]]}


def test_english_lost_but_for_a_sentence_fails_by_coverage(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text("The old rice warehouse became a library for the children of the lane.\n\n"
                    + "\n\n".join(VIETNAMESE), encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(path), "--min-coverage", "0.5"])
    assert result.exit_code == 1 and "FAIL: coverage 0.0% is below 50.0%" in flat(result.stdout)


def test_one_empty_file_among_several_fails_the_total(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(POST), str(empty), "--min-coverage", "0.5"])
    assert result.exit_code == 1
    assert result.stdout.count("PASS") == 1 and "0/0 –" in result.stdout


def test_the_summary_and_the_coverage_report_show_the_same_two_figures():
    alignment = align_file(POST)
    figures = translation_figures(alignment)
    assert figures == check_alignment(alignment).figures
    assert figures.paragraphs_translated < figures.paragraphs and figures.word_share != figures.paragraph_share
    named = figures_text(figures, "en")
    assert re.fullmatch(r"en paragraphs translated \d+ of \d+ \(\d+\.\d%\), en words translated \d+ of \d+ "
                        r"\(\d+\.\d%\)", named)
    summary = runner.invoke(app, [str(POST), "-f", "table"])
    report = runner.invoke(app, ["coverage", str(POST)])
    page = runner.invoke(app, [str(POST), "-f", "html"])
    for shown in (summary.stdout, report.stdout, page.stdout):
        assert named in flat(shown)
    totals = json.loads(runner.invoke(app, ["coverage", str(POST), "-f", "json"]).stdout)["files"][0]["totals"]
    assert (totals["src_paragraphs_translated"], totals["src_paragraphs"], totals["src_words_translated"],
            totals["src_words"]) == (figures.paragraphs_translated, figures.paragraphs, figures.words_translated,
                                     figures.words)


def test_several_files_show_both_figures_by_name():
    result = runner.invoke(app, ["coverage", str(POST), str(POST)], env={"COLUMNS": "200"})
    assert "paragraphs translated" in result.stdout and "words translated" in result.stdout


def test_zero_of_zero_is_no_share_at_all():
    figures = figures_of([], [])
    assert figures == Figures(0, 0, 0, 0)
    assert figures.paragraph_share is None and figures.word_share is None
    assert figures_text(figures, "en") == "en paragraphs translated 0 of 0 (–), en words translated 0 of 0 (–)"
