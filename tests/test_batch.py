"""Several files: input order whatever the number of processes, a file field, errors per file."""

import json

from typer.testing import CliRunner

from aligner.batch import AlignOptions, align_many, document_records
from aligner.cli import app
from conftest import SAMPLES, run_align

runner = CliRunner()
POSTS = [str(SAMPLES / name / "post.txt") for name in
         ("qa-faults", "library-alternating", "qa-clean", "memoir-mixed-order", "minutes-with-commentary")]


def test_output_order_is_input_order_whatever_the_jobs():
    outputs = {jobs: run_align(*POSTS, "-f", "jsonl", "--all", "--jobs", jobs).stdout for jobs in ("1", "2", "4")}
    assert len(set(outputs.values())) == 1
    files = [json.loads(line)["file"] for line in outputs["2"].decode("utf-8").splitlines()]
    assert list(dict.fromkeys(files)) == POSTS


def test_align_many_yields_in_input_order_with_processes():
    seen = []
    names = [name for name, _ in align_many(list(reversed(POSTS)), AlignOptions(), jobs=2, on_done=seen.append)]
    assert names == list(reversed(POSTS)) == seen


def test_each_record_names_its_file_and_one_file_keeps_the_contract():
    many = runner.invoke(app, [*POSTS[:2], "-f", "jsonl"])
    assert all("file" in json.loads(line) for line in many.stdout.splitlines())
    one = runner.invoke(app, [POSTS[0], "-f", "jsonl"])
    assert all("file" not in json.loads(line) for line in one.stdout.splitlines())


def test_csv_of_several_files_has_a_file_column():
    result = runner.invoke(app, [*POSTS[:2], "-f", "csv"])
    assert result.stdout.splitlines()[0].startswith("file,src,tgt")


def test_a_bad_file_among_several_is_reported_and_the_rest_written(tmp_path):
    result = run_align(POSTS[0], str(tmp_path / "missing.txt"), POSTS[2], "-f", "jsonl")
    assert result.returncode == 2
    assert "no such file" in result.stderr.decode()
    files = {json.loads(line)["file"] for line in result.stdout.decode("utf-8").splitlines()}
    assert files == {POSTS[0], POSTS[2]}


def test_tmx_of_several_files_holds_all_their_pairs():
    one = runner.invoke(app, [POSTS[0], "-f", "tmx"]).stdout.count("<tu ")
    two = runner.invoke(app, [POSTS[2], "-f", "tmx"]).stdout.count("<tu ")
    assert runner.invoke(app, [POSTS[0], POSTS[2], "-f", "tmx"]).stdout.count("<tu ") == one + two


def test_html_takes_one_file():
    result = runner.invoke(app, [*POSTS[:2], "-f", "html"])
    assert result.exit_code == 2 and "one file" in result.stderr


def test_no_progress_bar_on_a_pipe():
    result = run_align(*POSTS, "-f", "tsv")
    assert result.stderr == b""


def test_document_records_are_plain_and_complete():
    from aligner import align_file

    records = document_records(POSTS[2])
    assert all(isinstance(r, dict) and r["file"] == POSTS[2] for r in records)
    pieces = [piece for r in records for side in ("src", "tgt") for piece in r[side].split("\n") if piece]
    assert sorted(pieces) == sorted(p.text for p in align_file(POSTS[2]).paragraphs)
