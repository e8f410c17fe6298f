"""Two files, the habit of hunalign and LF Aligner: `align en.txt vi.txt --pair` aligns the first
as the source side and the second as the target side, through the same pipeline as one post."""

from __future__ import annotations

import json

import pytest

from aligner import align_file
from aligner.api import align_two_files
from conftest import ROOT, SAMPLES, run_align

EXAMPLES = ROOT / "examples"

# Samples in halves, and where each half lies (1-based lines, inclusive): source, then target.
HALVES = {
    "qa-clean": ((5, 21), (23, 39)),
    "clinic-advice-halves": ((5, 23), (25, 43)),
    "essay-wrapped-halves": ((32, 55), (8, 28)),  # Vietnamese first in the post
}


def _write_halves(name: str, folder) -> tuple[str, str]:
    lines = (SAMPLES / name / "post.txt").read_text(encoding="utf-8").split("\n")
    paths = []
    for side, (first, last) in zip(("en", "vi"), HALVES[name]):
        path = folder / f"{name}.{side}.txt"
        path.write_text("\n".join(lines[first - 1:last]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths[0], paths[1]


def _texts(alignment) -> list[tuple[str, str]]:
    return [(u.src_text, u.tgt_text) for u in alignment.pairs]


@pytest.mark.parametrize("name", sorted(HALVES))
def test_a_sample_written_as_two_files_gives_the_pairs_of_the_single_file(name, tmp_path):
    en, vi = _write_halves(name, tmp_path)
    assert _texts(align_two_files(en, vi)) == _texts(align_file(SAMPLES / name / "post.txt"))


def test_the_command_writes_the_same_records_with_lines_in_each_file():
    result = run_align(str(EXAMPLES / "two-files" / "en.txt"), str(EXAMPLES / "two-files" / "vi.txt"), "--pair",
                       "-f", "jsonl")
    assert result.returncode == 0 and result.stderr == b""
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 10
    assert records[0]["src_lines"] == [1] and records[0]["tgt_lines"] == [1]
    assert all(r["src_lang"] == "en" and r["tgt_lang"] == "vi" for r in records)


def test_files_given_the_wrong_way_round_are_still_aligned_with_a_warning():
    en, vi = str(EXAMPLES / "two-files" / "en.txt"), str(EXAMPLES / "two-files" / "vi.txt")
    right = run_align(en, vi, "--pair", "-f", "tsv")
    swapped = run_align(vi, en, "--pair", "-f", "tsv")
    assert swapped.stdout == right.stdout  # the language tags still decide each side
    assert swapped.stderr.decode().count("warning:") == 2 and "mostly vi, not en" in swapped.stderr.decode()


def test_two_halves_without_pair_say_how_to_pair_them():
    en, vi = str(EXAMPLES / "two-files" / "en.txt"), str(EXAMPLES / "two-files" / "vi.txt")
    result = run_align(vi, en, "-f", "tsv")
    assert result.returncode == 0 and result.stdout == b""
    assert f"run: align {en} {vi} --pair" in result.stderr.decode()


def test_two_bilingual_posts_stay_a_batch_with_no_hint():
    posts = [str(SAMPLES / name / "post.txt") for name in ("qa-clean", "qa-faults")]
    result = run_align(*posts, "-f", "tsv")
    assert result.returncode == 0 and result.stdout and b"--pair" not in result.stderr


@pytest.mark.parametrize("count", [1, 3])
def test_pair_takes_exactly_two_files(count):
    result = run_align(*[str(EXAMPLES / "two-files" / "en.txt")] * count, "--pair")
    assert result.returncode == 2 and b"--pair takes two files" in result.stderr
