"""The `align` command: exact output through typer's runner, errors through the real entry point."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from aligner.cli import app
from conftest import SAMPLES, run_align

runner = CliRunner()

POST = (
    "My Blog\n\n"
    "The river rose by 2 metres on 6 August, and three villages were flooded.\n\n"
    "Nước sông dâng cao 2 mét vào ngày 6 tháng 8, và ba làng bị ngập.\n\n"
    "Volunteers carried sandbags all night under a sign that read C:\\flood\\plan.\n\n"
    "Các tình nguyện viên đã mang bao cát suốt đêm dưới tấm biển ghi C:\\flood\\plan.\n\n"
    "https://example.org/flood\n"
)


@pytest.fixture()
def post(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(POST, encoding="utf-8")
    return path


def test_tsv_is_exact_and_escaped(post):
    result = runner.invoke(app, [str(post), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "The river rose by 2 metres on 6 August, and three villages were flooded.\t"
        "Nước sông dâng cao 2 mét vào ngày 6 tháng 8, và ba làng bị ngập.\n"
        "Volunteers carried sandbags all night under a sign that read C:\\\\flood\\\\plan.\t"
        "Các tình nguyện viên đã mang bao cát suốt đêm dưới tấm biển ghi C:\\\\flood\\\\plan.\n"
    )
    assert all(line.count("\t") == 1 for line in result.stdout.splitlines())


def test_tsv_escapes_the_newline_between_paragraphs_of_one_side(tmp_path):
    path = tmp_path / "split.txt"
    path.write_text(
        "The bridge was finished in 1936. It carried trains over the river for sixty years.\n"
        "Cây cầu được hoàn thành năm 1936.\n"
        "Nó đưa tàu hỏa qua sông trong sáu mươi năm.\n", encoding="utf-8")
    result = runner.invoke(app, [str(path), "--format", "tsv"])
    assert result.stdout == ("The bridge was finished in 1936. It carried trains over the river for sixty years.\t"
                             "Cây cầu được hoàn thành năm 1936.\\nNó đưa tàu hỏa qua sông trong sáu mươi năm.\n")


def test_jsonl_has_the_contract_fields(post):
    result = runner.invoke(app, [str(post), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["src_lines"] for r in records] == [[3], [7]]
    assert [r["tgt_lines"] for r in records] == [[5], [9]]
    assert set(records[0]) == {"src", "tgt", "src_lang", "tgt_lang", "score", "src_lines", "tgt_lines"}
    assert records[0]["src_lang"] == "en" and records[0]["tgt_lang"] == "vi"
    assert 0 <= records[0]["score"] <= 1


def test_jsonl_line_is_exact(post):
    result = runner.invoke(app, [str(post), "--format", "jsonl"])
    first = json.loads(result.stdout.splitlines()[0])
    first.pop("score")
    assert first == {
        "src": "The river rose by 2 metres on 6 August, and three villages were flooded.",
        "tgt": "Nước sông dâng cao 2 mét vào ngày 6 tháng 8, và ba làng bị ngập.",
        "src_lang": "en", "tgt_lang": "vi", "src_lines": [3], "tgt_lines": [5],
    }
    assert result.stdout.splitlines()[0].startswith('{"src": "The river')


def test_all_lists_every_paragraph_once_in_order(post):
    result = runner.invoke(app, [str(post), "--format", "jsonl", "--all"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    texts = [piece for r in records for piece in (r["src"], r["tgt"]) if piece]
    assert texts[0] == "My Blog" and texts[-1] == "https://example.org/flood"
    assert len(texts) == 6
    lines = [min(r["src_lines"] + r["tgt_lines"]) for r in records]
    assert lines == sorted(lines)


def test_csv_reads_back_with_a_header(post):
    result = runner.invoke(app, [str(post), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [r["src"][:9] for r in rows] == ["The river", "Volunteer"]
    assert rows[1]["tgt"].endswith("C:\\flood\\plan.")


def test_json_is_one_array(post):
    result = runner.invoke(app, [str(post), "--format", "json"])
    assert len(json.loads(result.stdout)) == 2


def test_table_shows_pairs_and_summary(post):
    result = runner.invoke(app, [str(post), "--format", "table"])
    assert "three villages" in result.stdout
    # Both figures by name, counted as `align coverage` counts them: "My Blog" is a heading, set aside.
    words = " ".join(result.stdout.split())
    assert ("coverage (boilerplate set aside): en paragraphs translated 2 of 2 (100.0%), "
            "en words translated 25 of 25 (100.0%)") in words


def test_output_file_is_written(post, tmp_path):
    target = tmp_path / "pairs.tsv"
    result = runner.invoke(app, [str(post), "-f", "tsv", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").count("\n") == 2


def test_standard_input_is_read(post):
    result = runner.invoke(app, ["-", "--format", "tsv"], input=POST)
    assert result.stdout.count("\n") == 2


def test_no_file_reads_standard_input():
    result = run_align("--format", "tsv", stdin=POST.encode("utf-8"))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").count("\n") == 2
    bare = run_align(stdin=POST.encode("utf-8"))
    assert bare.returncode == 0 and bare.stdout.decode("utf-8").count("\n") == 2


@pytest.mark.parametrize("case", ["library-alternating", "letter-two-renderings"])
def test_output_is_identical_across_hash_seeds(case):
    sample = str(SAMPLES / case / "post.txt")
    outputs = {run_align(sample, "-f", "jsonl", "--all", env_seed=seed).stdout for seed in ("0", "1", "12345")}
    assert len(outputs) == 1


def test_detect_tags_every_paragraph(post):
    result = runner.invoke(app, ["detect", str(post), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["lang"] for r in records] == ["en", "en", "vi", "en", "vi", "und"]
    assert [r["line"] for r in records] == [1, 3, 5, 7, 9, 11]


def test_help_lists_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "align post.txt --format tsv" in result.stdout


def test_sample_runs_end_to_end():
    sample = SAMPLES / "library-alternating" / "post.txt"
    result = run_align(str(sample), "--format", "jsonl")
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) >= 10


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "absent.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "bin.dat", b"\x00\x01\x02binary"), "binary"),
    (lambda d: _write(d / "latin.txt", "Tiếng Việt".encode("utf-8") + b" caf\xe9"), "--encoding"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, make, message):
    result = run_align(str(make(tmp_path)), "--format", "tsv")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert result.stdout == b""


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_an_error(tmp_path):
    path = _write(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    result = run_align(str(path))
    assert result.returncode == 2 and "permission denied" in result.stderr.decode()


def test_one_language_is_not_an_error(tmp_path):
    path = _write(tmp_path / "en.txt", b"Only English here.\n\nAnd a second English line.\n")
    result = run_align(str(path), "--format", "tsv")
    assert result.returncode == 0
    assert result.stdout == b""
    assert "only one of en and vi" in result.stderr.decode()


def test_output_may_not_overwrite_the_input(post):
    result = run_align(str(post), "-o", str(post))
    assert result.returncode == 2
    assert post.read_text(encoding="utf-8") == POST


def test_unknown_format_is_a_usage_error(post):
    result = run_align(str(post), "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_a_short_post_in_tsv_imports_only_what_it_needs(tmp_path):
    """Start-up is most of a short post's run: aligning ten lines to TSV must not import the
    table renderer, pydantic (typer's coercion from 0.28 on), numpy (long posts only),
    langdetect (lines the letters settle), the XML writer or the process pool."""
    lines = [line for line in (SAMPLES / "library-alternating" / "post.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()][:10]
    post = tmp_path / "ten.txt"
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")
    probe = ("import sys\nsys.argv = ['align', sys.argv[1], '-f', 'tsv']\nfrom aligner.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(post)], capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    assert done.stdout.count("\n") == 3  # the three pairs among the ten lines
    for heavy in ("rich", "pydantic", "numpy", "langdetect", "xml.sax", "concurrent.futures.process"):
        assert heavy not in loaded
