#!/usr/bin/env python3
"""Measure `align` at growing sizes; report ratios and growth, not single timings.

    python3 benchmarks/run.py                       # 1k and 10k paragraphs, 3 runs each
    python3 benchmarks/run.py --sizes 1000 10000 100000 --runs 1 --json benchmarks/results.json

For each size a post is generated (benchmarks/generate.py, fixed seed), then aligned in a fresh
process per run, timing each stage: read (read and decode), segment, tag, align, write
(`--format jsonl --all`). Reported: median seconds per stage, the median wall time of the whole
command (`python -m aligner POST --format jsonl --all -o OUT`: interpreter start included), peak
memory of the process and of its largest forked helper, paragraphs per second, growth from the
previous size against the size ratio, the ratio to the floor (reading, decoding and splitting the
same file, nothing else), and link F1 against the generated gold.
Also language tagging against langdetect alone on the samples' (and ../shared cases') paragraphs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = ("read", "segment", "tag", "align", "write")


def child(post: Path, out: Path) -> None:
    """One end-to-end run with a clock around every stage; prints JSON on stdout."""
    from aligner.align import align_paragraphs, collector_paused
    from aligner.export import STREAMING
    from aligner.langid import tag_paragraphs
    from aligner.models import Alignment
    from aligner.reader import read_source
    from aligner.segment import split_paragraphs

    times = {}
    with collector_paused():  # as aligner.api does
        start = time.perf_counter()
        text = read_source(post)
        times["read"] = time.perf_counter() - start
        mark = time.perf_counter()
        paragraphs, wrapped = split_paragraphs(text)
        times["segment"] = time.perf_counter() - mark
        mark = time.perf_counter()
        tag_paragraphs(paragraphs)
        times["tag"] = time.perf_counter() - mark
        mark = time.perf_counter()
        alignment = Alignment("en", "vi", paragraphs, align_paragraphs(paragraphs, "en", "vi"), wrapped)
        times["align"] = time.perf_counter() - mark
    mark = time.perf_counter()
    with out.open("w", encoding="utf-8") as stream:
        stream.writelines(STREAMING["jsonl"](alignment, True))
    times["write"] = time.perf_counter() - mark
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    helper_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"stages": times, "peak_mb": peak_mb, "helper_mb": helper_mb, "paragraphs": len(paragraphs)}))


def link_f1(gold: dict, output: Path) -> float:
    """Link F1 of the output against the gold: ../shared's scorer when present, else a small copy."""
    scorer = ROOT.parent / "shared" / "eval" / "alignscore.py"
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line]
    if scorer.exists():
        import importlib.util

        spec = importlib.util.spec_from_file_location("alignscore", scorer)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.score(gold, records)["F1"]
    free: dict[str, list[int]] = {}
    for i, (_, text) in enumerate(gold["atoms"]):
        free.setdefault(text, []).append(i)
    predicted = set()
    for r in records:
        src = [free[p].pop(0) for p in r["src"].split("\n") if p and free.get(p)]
        tgt = [free[p].pop(0) for p in r["tgt"].split("\n") if p and free.get(p)]
        predicted.update((s, t) for s in src for t in tgt)
    wanted = {(s, t) for ss, tt in gold["links"] for s in ss for t in tt}
    hit = len(predicted & wanted)
    return 2 * hit / (len(predicted) + len(wanted)) if predicted or wanted else 1.0


def measure(size: int, runs: int, workdir: Path) -> dict:
    from generate import generate

    folder = workdir / str(size)
    folder.mkdir(parents=True, exist_ok=True)
    text, gold = generate(size, seed=size)
    (folder / "post.txt").write_text(text, encoding="utf-8")
    results = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, __file__, "--child", str(folder / "post.txt"), str(folder / "out.jsonl")],
                              capture_output=True, text=True, check=True)
        results.append(json.loads(proc.stdout))
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "aligner", str(folder / "post.txt"), "--format", "jsonl", "--all", "-o",
                        str(folder / "cli.jsonl")], check=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
    stages = {stage: statistics.median(r["stages"][stage] for r in results) for stage in STAGES}
    total = sum(stages.values())
    floor = stages["read"] + stages["segment"]
    return {"size": size, "paragraphs": results[0]["paragraphs"], "bytes": len(text.encode("utf-8")),
            "stages": stages, "total": total, "end_to_end": statistics.median(walls), "floor": floor, "ratio_to_floor": total / floor if floor else None,
            "paragraphs_per_second": results[0]["paragraphs"] / total,
            "peak_mb": statistics.median(r["peak_mb"] for r in results),
            "helper_peak_mb": statistics.median(r["helper_mb"] for r in results),
            "f1": link_f1(gold, folder / "out.jsonl"), "runs": runs}


def tagging(runs: int) -> dict:
    """Our tagger against langdetect alone, on every paragraph with a gold en/vi tag."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from aligner.langid import tag_paragraphs
    from aligner.models import Paragraph

    cases = sorted(ROOT.glob("samples/*/gold.json")) + sorted((ROOT.parent / "shared" / "cases").glob("*/gold.json"))
    atoms = [(lang, text) for path in cases for lang, text in json.loads(path.read_text(encoding="utf-8"))["atoms"]]
    scored = [(lang, text) for lang, text in atoms if lang in ("en", "vi")]
    DetectorFactory.seed = 0
    detect("warm up the profiles")

    def ours() -> list[str]:
        return [p.lang for p in tag_paragraphs([Paragraph(i, t, i + 1) for i, (_, t) in enumerate(atoms)])]

    def theirs() -> list[str]:
        found = []
        for _, text in atoms:
            try:
                found.append(detect(text))
            except LangDetectException:
                found.append("und")
        return found

    timings = {}
    for name, method in (("aligner", ours), ("langdetect", theirs)):
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            tags = method()
            seconds.append(time.perf_counter() - start)
        right = sum(1 for (lang, _), tag in zip(atoms, tags) if lang in ("en", "vi") and tag == lang)
        timings[name] = {"seconds": statistics.median(seconds), "accuracy": right / len(scored)}
    return {"paragraphs": len(atoms), "scored": len(scored), **timings,
            "speedup": timings["langdetect"]["seconds"] / timings["aligner"]["seconds"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    from rich.console import Console
    from rich.table import Table

    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(size, args.runs, Path(tmp)) for size in args.sizes]
    for previous, row in zip(rows, rows[1:]):
        row["growth"] = row["total"] / previous["total"]
        row["size_ratio"] = row["paragraphs"] / previous["paragraphs"]
    table = Table(title=f"align --format jsonl --all, median of {args.runs} run(s)")
    for column in ("paragraphs", *STAGES, "total s", "command s", "×floor", "para/s", "peak MB", "helper MB", "growth",
                   "F1"):
        table.add_column(column, justify="right")
    for row in rows:
        growth = f"{row['growth']:.1f}× for {row['size_ratio']:.0f}×" if "growth" in row else "–"
        table.add_row(str(row["paragraphs"]), *(f"{row['stages'][s]:.2f}" for s in STAGES), f"{row['total']:.2f}",
                      f"{row['end_to_end']:.2f}", f"{row['ratio_to_floor']:.0f}", f"{row['paragraphs_per_second']:.0f}",
                      f"{row['peak_mb']:.0f}", f"{row['helper_peak_mb']:.0f}", growth, f"{row['f1']:.3f}")
    console = Console(width=180)
    console.print(table)
    tags = tagging(args.runs)
    console.print(f"language tagging on {tags['paragraphs']} paragraphs: aligner {tags['aligner']['seconds']:.3f} s "
                  f"(accuracy {tags['aligner']['accuracy']:.3f}), langdetect alone {tags['langdetect']['seconds']:.3f} s "
                  f"(accuracy {tags['langdetect']['accuracy']:.3f}): {tags['speedup']:.0f}× faster")
    if args.json:
        args.json.write_text(json.dumps({"sizes": rows, "tagging": tags}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
