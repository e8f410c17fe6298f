"""What people read in a terminal: the pairs table shows untranslated source paragraphs in their
place, with a legend for its lines column; the several-files coverage report never breaks a file
name, in a boxed table or, on a pipe or narrow screen, in plain columns."""

from __future__ import annotations

import os

from typer.testing import CliRunner

from aligner.cli import app
from conftest import SAMPLES, run_align

runner = CliRunner()
FAULTS = str(SAMPLES / "qa-faults" / "post.txt")
UNTRANSLATED = "When the bridge opened"  # qa-faults line 15: an English paragraph left untranslated


def _table(*args: str) -> str:
    result = runner.invoke(app, [FAULTS, "-f", "table", *args], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_untranslated_paragraphs_are_shown_in_place_and_marked():
    table = _table()
    row = next(line for line in table.splitlines() if UNTRANSLATED in line)
    assert "(untranslated)" in row and "│ 15" in row
    before = table.index("The crossing took twelve minutes")
    assert before < table.index(UNTRANSLATED) < table.index("The ferry still runs today")


def test_pairs_only_hides_them():
    table = _table("--pairs-only")
    assert UNTRANSLATED not in table and "(untranslated)" not in table
    assert "The crossing took twelve minutes" in table


def test_the_lines_column_has_a_legend():
    assert "lines: where each paragraph starts, source/target" in _table()


def test_other_formats_keep_pairs_only_by_default():
    tsv = runner.invoke(app, [FAULTS, "-f", "tsv"]).stdout
    assert UNTRANSLATED not in tsv


def test_coverage_of_many_files_keeps_each_name_whole_on_one_line_at_80_columns():
    posts = sorted(str(p.relative_to(SAMPLES.parent)) for p in SAMPLES.glob("*/post.txt"))
    cwd = os.getcwd()
    os.chdir(SAMPLES.parent)
    try:
        result = runner.invoke(app, ["coverage", *posts, "--min-coverage", "0.9"], env={"COLUMNS": "80"})
    finally:
        os.chdir(cwd)
    lines = result.stdout.splitlines()
    header, *rows, total = lines
    assert header.split() == ["file", "paragraphs", "translated", "words", "translated", "untranslated", "no",
                              "source", "doubtful", "verdict"]
    assert len(rows) == len(posts)  # one line per file
    for post, row in zip(posts, rows):
        assert row.startswith(post + " ")
        assert row.split()[-1] in ("PASS", "FAIL")
    assert total.startswith("total ")


def test_coverage_on_a_pipe_is_plain_columns():
    result = run_align("coverage", FAULTS, str(SAMPLES / "qa-clean" / "post.txt"))
    text = result.stdout.decode()
    assert "│" not in text and "─" not in text
    assert text.splitlines()[1].startswith(FAULTS)


def test_the_boxed_coverage_table_fits_the_width_it_asks_for():
    import io

    from rich.console import Console

    from aligner import align_file
    from aligner.coverage import check_alignment
    from aligner.coverage_gate import combined_totals
    from aligner.render import coverage_files_rows, coverage_files_table, table_width

    posts = [SAMPLES / "long-partial-translation" / "post.txt", SAMPLES / "qa-faults" / "post.txt"]
    reports = [check_alignment(align_file(p), str(p)) for p in posts]
    rows = coverage_files_rows(reports, [[], ["below"]], combined_totals(reports), True)
    out = io.StringIO()
    Console(file=out, width=table_width(rows), color_system=None).print(coverage_files_table(rows))
    lines = out.getvalue().splitlines()
    for post in posts:
        assert any(str(post) in line for line in lines), post
    assert any("paragraphs translated" in line and "words translated" in line for line in lines)
    assert all(len(line) <= table_width(rows) for line in lines)
