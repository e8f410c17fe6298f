"""The habits users bring from other tools: --version, -q, -v, help written for people, and a
usage error that names the bad value and the accepted ones in one line."""

from __future__ import annotations

import re

import pytest

from aligner import __version__
from conftest import SAMPLES, run_align

POST = str(SAMPLES / "library-alternating" / "post.txt")


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = run_align(flag)
    assert result.returncode == 0
    assert result.stdout.decode() == f"align {__version__}\n"


@pytest.mark.parametrize("command", [[], ["pairs"], ["coverage"], ["detect"]])
def test_an_unknown_format_is_one_line_naming_the_value_and_the_choices(command):
    result = run_align(*command, POST, "--format", "xml")
    assert result.returncode == 2 and result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("align: error: --format 'xml' is not one of: table, ")
    assert "json" in lines[0] and "Traceback" not in lines[0] and "Value error" not in lines[0]


def test_an_unknown_option_is_one_line_too():
    result = run_align(POST, "--frobnicate")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "--frobnicate" in result.stderr.decode()


@pytest.mark.parametrize("command", [["pairs"], ["coverage"], ["detect"]])
def test_help_shows_no_python_types(command):
    text = run_align(*command, "--help").stdout.decode()
    assert not re.search(r"<(list|int|float|str|path)\b", text), text
    assert "FILE" in text


def test_help_names_the_formats_in_words():
    text = run_align("pairs", "--help").stdout.decode()
    assert "--format FORMAT" in text and "FORMAT: table|tsv|csv|jsonl|json|tmx|moses|md|html" in text


def test_quiet_silences_notes_but_not_errors(tmp_path):
    english = tmp_path / "english.txt"
    english.write_text("Only English here, and nothing else at all.\n", encoding="utf-8")
    assert b"note:" in run_align(str(english), "-f", "tsv").stderr
    assert run_align(str(english), "-f", "tsv", "-q").stderr == b""
    missing = run_align(str(tmp_path / "missing.txt"), "-q")
    assert missing.returncode == 2 and b"no such file" in missing.stderr


def test_quiet_and_plain_runs_give_the_same_data():
    assert run_align(POST, "-f", "jsonl", "-q").stdout == run_align(POST, "-f", "jsonl").stdout
