"""Shared fixtures: paths to samples and to ../shared (skipped when absent), a gold scorer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SAMPLE_CASES = sorted(p for p in SAMPLES.iterdir() if (p / "gold.json").exists())


def shared_case(name: str) -> Path:
    """A case folder from ../shared/cases, or skip the test with the reason."""
    case = SHARED / "cases" / name
    if not (case / "post.txt").exists():
        pytest.skip(f"{case} is not here (../shared is only present beside a project checkout)")
    return case


def run_align(*args: str, stdin: bytes | None = None, env_seed: str | None = None) -> subprocess.CompletedProcess:
    """Run the real entry point in a fresh interpreter, as a user would (optionally with PYTHONHASHSEED)."""
    env = dict(os.environ)
    if env_seed is not None:
        env["PYTHONHASHSEED"] = env_seed
    return subprocess.run([sys.executable, "-m", "aligner", *args], input=stdin if stdin is not None else b"",
                          capture_output=True, env=env)


def case_doc(case: Path) -> Path:
    """The document a gold file describes (post.txt unless it names another)."""
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    return case / gold.get("doc", "post.txt")


def gold_links(case: Path) -> tuple[list[str], set[tuple[int, int]], set[int]]:
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    atoms = [text for _, text in gold["atoms"]]
    links = {(s, t) for ss, tt in gold["links"] for s in ss for t in tt}
    return atoms, links, set(gold.get("untranslated", []))


def predicted_links(alignment, atoms: list[str]) -> tuple[set[tuple[int, int]], set[int]]:
    """Links and untranslated source ids of an alignment, as paragraph ids of the gold's atoms."""
    by_text: dict[str, list[int]] = {}
    for i, text in enumerate(atoms):
        by_text.setdefault(text, []).append(i)
    ids = {}
    for p in alignment.paragraphs:
        ids[p.index] = by_text[p.text].pop(0)
    links = {(ids[s.index], ids[t.index]) for u in alignment.pairs for s in u.src for t in u.tgt}
    untranslated = {ids[p.index] for u in alignment.units if not u.tgt for p in u.src}
    return links, untranslated


def link_f1(predicted: set, gold: set) -> float:
    hit = len(predicted & gold)
    if not predicted or not gold:
        return 1.0 if predicted == gold else 0.0
    precision, recall = hit / len(predicted), hit / len(gold)
    return 2 * precision * recall / (precision + recall) if hit else 0.0
