"""Hostile and odd input: every case has a defined result, and nothing is lost."""

import codecs
import os
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import aligner.cli as cli
from aligner import align_text
from aligner.errors import AlignerError
from aligner.reader import read_source
from conftest import run_align

runner = CliRunner()
PAIR = "The river rose by 2 metres on 6 August.\n\nNước sông dâng cao 2 mét vào ngày 6 tháng 8.\n"


def every_text(result) -> list[str]:
    return [p.text for u in result.units for p in u.src + u.tgt]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n \n"])
def test_empty_or_blank_file_gives_nothing_and_says_so(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = run_align(str(path), "-f", "jsonl", "--all")
    assert result.returncode == 0
    assert result.stdout == b""
    assert "no text found" in result.stderr.decode()


def test_one_line_of_five_megabytes_is_kept_whole():
    line = ("volunteers carried sandbags along the river all night " * 95_000).strip()
    assert len(line) > 5_000_000
    result = align_text(line + "\n")
    assert every_text(result) == [line]
    assert result.paragraphs[0].lang == "en"


def test_fifty_thousand_lines_of_one_language():
    lines = [f"Line {i} of a long English diary about the weather and the garden." for i in range(50_000)]
    result = align_text("\n".join(lines))
    assert result.pairs == []
    assert every_text(result) == lines


@pytest.mark.parametrize("text, lang", [
    ("!!! ??? ...", "und"), ("😀😀🎉", "und"), ("----- * * * -----", "und"),
    ("مرحبا بكم في مدونتي الصغيرة عن الطبخ والسفر", "ar"), ("שלום לכולם וברוכים הבאים לבלוג שלי", "he"),
])
def test_punctuation_emoji_and_right_to_left_are_kept(text, lang):
    result = align_text(f"{text}\n\n{PAIR}")
    assert text in every_text(result)
    assert next(p.lang for p in result.paragraphs if p.text == text) == lang
    assert len(result.pairs) == 1


def test_a_line_of_ten_thousand_urls_is_und_and_kept():
    urls = " ".join(f"https://example.org/post/{i}" for i in range(10_000))
    result = align_text(f"{urls}\n\n{PAIR}")
    assert result.paragraphs[0].lang == "und"
    assert every_text(result)[0] == urls


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(AlignerError, match="permission denied"):
        read_source(path)


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                        ("utf-8", codecs.BOM_UTF8)])
def test_byte_order_marks_are_honoured_by_the_command(tmp_path, codec, bom):
    path = tmp_path / "post.txt"
    path.write_bytes(bom + PAIR.replace("\n", "\r\n").encode(codec))
    result = run_align(str(path), "-f", "tsv")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == ("The river rose by 2 metres on 6 August.\t"
                                             "Nước sông dâng cao 2 mét vào ngày 6 tháng 8.\n")


def test_legacy_vietnamese_code_page_through_the_command(tmp_path):
    from test_reader import encode_cp1258

    path = tmp_path / "post.txt"
    path.write_bytes(encode_cp1258(PAIR))
    plain = run_align(str(path), "-f", "tsv")
    assert plain.returncode == 2 and "--encoding" in plain.stderr.decode()
    named = run_align(str(path), "-f", "tsv", "--encoding", "cp1258")
    assert named.returncode == 0
    assert "Nước sông dâng cao" in named.stdout.decode("utf-8")


def test_decomposed_input_comes_out_composed():
    import unicodedata

    result = align_text(unicodedata.normalize("NFD", PAIR))
    assert result.pairs[0].tgt_text == "Nước sông dâng cao 2 mét vào ngày 6 tháng 8."


def test_closed_pipe_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n".join(f"Line {i}: the river rose again.\nDòng {i}: nước sông lại dâng cao."
                             for i in range(800)), encoding="utf-8")
    pipeline = f"{sys.executable} -m aligner {big} -f jsonl --all | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True)
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == b""
    # 141 when the reader left before the write ended (as `seq 1 1000000 | head -1`), else 0.
    assert result.returncode in (0, 141)


def test_broken_pipe_exits_141_without_a_message(tmp_path):
    """A reader that is gone before the first write (the read end of the pipe already closed)."""
    path = tmp_path / "post.txt"
    path.write_text(PAIR, encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "aligner", str(path), "-f", "tsv"], stdout=write_end,
                                stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == b""


def test_ctrl_c_exits_130_without_traceback(tmp_path, monkeypatch):
    path = tmp_path / "post.txt"
    path.write_text(PAIR, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("aligner.batch.align_file", interrupted)
    result = runner.invoke(cli.app, [str(path), "-f", "tsv"])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert "Traceback" not in result.output


def test_interrupted_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    path = tmp_path / "post.txt"
    path.write_text(PAIR, encoding="utf-8")
    target = tmp_path / "out.tsv"
    target.write_text("old content\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = runner.invoke(cli.app, [str(path), "-f", "tsv", "-o", str(target)])
    assert result.exit_code == 130
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tsv", "post.txt"]


def test_output_to_a_missing_folder_is_an_error(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(PAIR, encoding="utf-8")
    result = run_align(str(path), "-o", str(tmp_path / "no" / "such" / "out.tsv"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr.decode()


def test_detect_of_hostile_text_keeps_every_paragraph():
    text = "odd: \u202eevil\u202c text \x07\ufeff\n\n\u200b\n\nNormal English text here.\n"
    result = runner.invoke(cli.app, ["detect", "-", "-f", "jsonl"], input=text)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 5]
