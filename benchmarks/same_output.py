#!/usr/bin/env python3
"""Record every output of `align` on every known post, and check later that nothing changed.

    python3 benchmarks/same_output.py record /tmp/before            # samples, ../shared cases
    python3 benchmarks/same_output.py record /tmp/before --big      # also generated 10k and 100k posts
    python3 benchmarks/same_output.py check /tmp/before              # exit 1 and a list on any change

A refactoring of the aligner must not change what it writes. This runs the installed command line
(`python -m aligner`, a fresh process per output) on every sample and every case under ../shared,
in every pair format (with --all), at paragraph and sentence level, plus `detect` and `coverage
-f json`, and keeps each output's bytes. The generated posts are written into the record folder,
so a check aligns the very same text even if the generator or the samples change meanwhile.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

VARIANTS: dict[str, list[str]] = {
    "tsv": ["-f", "tsv"],
    "tsv-all": ["-f", "tsv", "--all"],
    "csv-all": ["-f", "csv", "--all"],
    "jsonl-all": ["-f", "jsonl", "--all"],
    "json-all": ["-f", "json", "--all"],
    "tmx-all": ["-f", "tmx", "--all"],
    "md-all": ["-f", "md", "--all"],
    "html-all": ["-f", "html", "--all"],
    "jsonl-sentence": ["-f", "jsonl", "--all", "-l", "sentence"],
    "detect": ["detect", "-f", "jsonl"],
    "coverage": ["coverage", "-f", "json"],
}
BIG_VARIANTS = ("jsonl-all",)


def known_posts() -> dict[str, Path]:
    """Every sample's and every shared case's post, by a name unique across the sets."""
    posts = {}
    for folder in (ROOT / "samples", SHARED / "cases", SHARED / "cases-next"):
        for post in sorted(folder.glob("*/post.*")):
            posts[f"{folder.name}.{post.parent.name}"] = post
    return posts


def generated_posts(record: Path) -> dict[str, Path]:
    """Book-length posts kept inside the record, generated on the first record."""
    posts = {}
    for size in (10_000, 100_000):
        folder = record / "inputs" / f"generated-{size}"
        if not (folder / "post.txt").exists():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--paragraphs", str(size),
                            "--out", str(folder)], check=True)
        posts[f"generated.{size}"] = folder / "post.txt"
    return posts


def command(post: Path, variant: str) -> list[str]:
    """The command line for one output; `detect` and `coverage` are subcommands."""
    args = VARIANTS[variant]
    if args[0] in ("detect", "coverage"):
        return [sys.executable, "-m", "aligner", args[0], str(post), *args[1:]]
    return [sys.executable, "-m", "aligner", "pairs", str(post), *args]


def run_one(post: Path, variant: str) -> bytes:
    """stdout of one run, with its exit status appended so a new failure also shows."""
    done = subprocess.run(command(post, variant), capture_output=True, cwd=ROOT)
    return done.stdout + f"\n[exit {done.returncode}]\n".encode()


def jobs(record: Path, big: bool) -> list[tuple[str, Path, str]]:
    """(name, post, variant) for every output to compare."""
    chosen = [(name, post, variant) for name, post in known_posts().items() for variant in VARIANTS]
    if big or (record / "inputs").exists():
        chosen += [(name, post, variant) for name, post in generated_posts(record).items() for variant in BIG_VARIANTS]
    return chosen


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_outputs(record: Path, big: bool, workers: int) -> None:
    """Run everything and keep each output under record/outputs, with a manifest of digests."""
    todo = jobs(record, big)
    manifest = {}
    with ThreadPoolExecutor(workers) as pool:
        for (name, _, variant), data in zip(todo, pool.map(lambda job: run_one(job[1], job[2]), todo)):
            target = record / "outputs" / name / variant
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            manifest[f"{name}/{variant}"] = digest(data)
    (record / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    print(f"recorded {len(manifest)} outputs in {record}", file=sys.stderr)


def check_outputs(record: Path, workers: int) -> int:
    """Run everything again; list each output whose bytes differ from the record."""
    manifest = json.loads((record / "manifest.json").read_text(encoding="utf-8"))
    todo = [job for job in jobs(record, False) if f"{job[0]}/{job[2]}" in manifest]
    changed = []
    with ThreadPoolExecutor(workers) as pool:
        for (name, _, variant), data in zip(todo, pool.map(lambda job: run_one(job[1], job[2]), todo)):
            if digest(data) != manifest[f"{name}/{variant}"]:
                changed.append(f"{name}/{variant}")
    missing = len(manifest) - len(todo)
    for key in changed:
        print(f"changed: {key}  (recorded: {record / 'outputs' / key})")
    print(f"{len(todo)} outputs compared, {len(changed)} changed, {missing} recorded but not found", file=sys.stderr)
    return 1 if changed or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "check"))
    parser.add_argument("record", type=Path, help="folder of the recorded outputs")
    parser.add_argument("--big", action="store_true", help="also generated posts of 10k and 100k paragraphs")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.action == "record":
        record_outputs(args.record, args.big, args.workers)
        return 0
    return check_outputs(args.record, args.workers)


if __name__ == "__main__":
    sys.exit(main())
