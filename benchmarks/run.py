#!/usr/bin/env python3
"""Measure `align` against the floor and against hunalign; report ratios and growth, not timings.

    python3 benchmarks/run.py                                   # 2k, 10k, 30k, 100k; 3 runs each
    python3 benchmarks/run.py --sizes 2000 10000 --runs 5
    python3 benchmarks/run.py --before DIR                      # also profile the checkout DIR

For each size a post is generated (benchmarks/generate.py, fixed seed, numbers drawn anew for
every bead), and again with sections repeated verbatim (--repeat). Each post is aligned by the
whole command, `python -m aligner POST --format jsonl --all -o OUT`, in a fresh process per run
(interpreter start included), and by hunalign (built from ../shared/anchors, given the gold split
of the languages; skipped with a note when it cannot be built), the two in turn run after run, so
their ratio holds when the machine's speed drifts. Reported: the median wall time and peak memory
of each, their ratio, link F1 of each against the generated gold, the ratio of our time to the
floor (reading, NFC-normalising and splitting the file in Python, nothing else) and the growth
from the previous size. Also the start-up: a ten-line post against a bare `python -c pass`, run
in turn. And the profile of the 30k post by stage (start-up, read, segment, language tags,
evidence, null model, model and corridor, search, merges and renderings, confidence and units,
write), for this checkout and, with --before, for another one (kept in results.json from run to
run). Writes benchmarks/results.json and docs/benchmarks.md. Each checkout's modules are compiled
to bytecode first, as `pip install .` does (see compile_package).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

RESULTS = ROOT / "benchmarks" / "results.json"
DOC = ROOT / "docs" / "benchmarks.md"
PROFILED_SIZE = 30_000


def timed(command: list[str], output: Path | None = None, cwd: Path = ROOT) -> tuple[float, float, float]:
    """Run a command in ``cwd`` (its standard output into ``output``, else thrown away): wall
    seconds, cpu seconds, peak memory in MB. The memory is read by GNU time where there is one: a process
    started from this one reports at least this one's size at the start (Linux keeps the larger
    of the two across exec), and this one holds the generated posts."""
    gnu_time = Path("/usr/bin/time")
    report = Path(tempfile.mkstemp(prefix="peak-")[1])
    wrapped = [str(gnu_time), "-f", "%M", "-o", str(report), *command] if gnu_time.exists() else command
    start = time.perf_counter()
    with open(output or os.devnull, "wb") as stream:
        proc = subprocess.Popen(wrapped, stdout=stream, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    measured = report.read_text().strip().splitlines()
    report.unlink()
    peak_kb = float(measured[-1]) if gnu_time.exists() and measured else usage.ru_maxrss
    return wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024


def link_f1(gold: dict, output: Path) -> float:
    """Link F1 of our output against the gold, by ../shared's scorer (the quality gate's)."""
    import importlib.util

    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line]
    spec = importlib.util.spec_from_file_location("alignscore", ROOT.parent / "shared" / "eval" / "alignscore.py")
    if spec is None or not Path(spec.origin).exists():
        return float("nan")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(gold, records)["F1"]


def floor_seconds(post: Path, runs: int) -> float:
    """Reading, decoding, NFC-normalising and splitting the post in Python: the least any
    aligner written in it must do (median over runs, each in a fresh process)."""
    found = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "profile_stages.py"),
                               "--floor", str(post)], capture_output=True, text=True, check=True, cwd=ROOT)
        found.append(float(proc.stdout))
    return statistics.median(found)


def measure(name: str, text: str, gold: dict, runs: int, folder: Path, hunalign: Path | None) -> dict:
    """Our command and hunalign on one post, run in turn; medians and the median ratio."""
    import hunalign as reference

    folder.mkdir(parents=True, exist_ok=True)
    post, out = folder / "post.txt", folder / "out.jsonl"
    post.write_text(text, encoding="utf-8")
    ours_command = [sys.executable, "-m", "aligner", str(post), "--format", "jsonl", "--all", "-o", str(out)]
    theirs_command = [str(hunalign), *reference.inputs(gold, folder)] if hunalign else None
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(ours_command))
        if theirs_command:
            # In the post's folder: hunalign leaves a translate.txt wherever it runs.
            theirs.append(timed(theirs_command, folder / "hunalign.ladder", cwd=folder))
    row = {"post": name, "paragraphs": len(gold["atoms"]), "bytes": len(text.encode("utf-8")), "runs": runs,
           "seconds": statistics.median(w for w, _, _ in ours), "peak_mb": statistics.median(m for _, _, m in ours),
           "f1": link_f1(gold, out), "floor": floor_seconds(post, runs)}
    row["ratio_to_floor"] = row["seconds"] / row["floor"]
    if theirs:
        ladder = (folder / "hunalign.ladder").read_text(encoding="utf-8")
        row.update({"hunalign_seconds": statistics.median(w for w, _, _ in theirs),
                    "hunalign_peak_mb": statistics.median(m for _, _, m in theirs),
                    "hunalign_f1": reference.link_f1(gold, ladder),
                    "ratio_to_hunalign": statistics.median(a[0] / b[0] for a, b in zip(ours, theirs))})
    return row


def start_up(runs: int, folder: Path) -> dict:
    """A ten-line post (`-f tsv`) against a bare `python -c pass`, in turn: median ratios."""
    lines = [line for line in (ROOT / "samples" / "library-alternating" / "post.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()][:10]
    post = folder / "ten-lines.txt"
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ours, bare = [], []
    timed([sys.executable, "-m", "aligner", str(post), "-f", "tsv"])  # warm the file cache
    for _ in range(max(runs, 5)):
        ours.append(timed([sys.executable, "-m", "aligner", str(post), "-f", "tsv"]))
        bare.append(timed([sys.executable, "-c", "pass"]))
    return {"runs": len(ours), "seconds": statistics.median(w for w, _, _ in ours),
            "bare_seconds": statistics.median(w for w, _, _ in bare),
            "wall_ratio": statistics.median(a[0] / b[0] for a, b in zip(ours, bare)),
            "cpu_ratio": statistics.median(a[1] / b[1] for a, b in zip(ours, bare) if b[1] > 0)}


def stage_profile(post: Path, code: Path, runs: int) -> dict:
    """Seconds per stage of aligning ``post`` with the checkout ``code`` (median over runs)."""
    found = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "profile_stages.py"),
                               "--profile", str(code), str(post)], capture_output=True, text=True, check=True,
                              cwd=code)
        found.append(json.loads(proc.stdout))
    stages = list(found[0])
    return {stage: statistics.median(f.get(stage, 0.0) for f in found) for stage in stages}


def posts(sizes: list[int], repeat: float) -> list[tuple[str, int, float]]:
    """(name, size, repeat) of every post to measure."""
    chosen = [(f"{size:,}", size, 0.0) for size in sizes]
    return chosen + [(f"{size:,} repeated", size, repeat) for size in sizes] if repeat else chosen


def compile_package(checkout: Path) -> None:
    """Compile a checkout's modules to bytecode, as `pip install .` (the README's install) does.
    The command is run from the checkout itself; where PYTHONDONTWRITEBYTECODE is set, as on the
    shared machines, every run would otherwise compile the package's fifty modules again (about
    0.12 s, a fifth of a ten-line run), which no installed copy does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "aligner")], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 30000, 100000])
    parser.add_argument("--repeat", type=float, default=0.5, help="share of sections repeated verbatim in the "
                        "second set of posts (0: no second set)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-big", type=int, default=1, help="runs for posts of 50,000 paragraphs or more "
                        "(hunalign takes minutes on them)")
    parser.add_argument("--hunalign-max", type=int, default=30_000, help="run hunalign on posts of at most this "
                        "many paragraphs (at 100,000 it ran over 13 minutes and held 1.7 GB on a shared 2-core machine)")
    parser.add_argument("--before", type=Path, help="another checkout to profile the 30k post with (before)")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args()
    from generate import generate
    from report import growth, targets, write_markdown

    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
               "python": platform.python_version()}
    import hunalign as reference

    compile_package(ROOT)
    if args.before:
        compile_package(args.before.resolve())

    with tempfile.TemporaryDirectory() as tmp, reference.scratch() as build_dir:
        binary, results["hunalign_note"] = reference.build(Path(build_dir))
        if binary and max(args.sizes) > args.hunalign_max:
            results["hunalign_note"] += f"; not run above {args.hunalign_max:,} paragraphs (--hunalign-max)"
        rows = []
        for name, size, repeat in posts(args.sizes, args.repeat):
            text, gold = generate(size, seed=size, repeat=repeat)
            runs = args.runs if size < 50_000 else args.runs_big
            reference_binary = binary if size <= args.hunalign_max else None
            rows.append(measure(name, text, gold, runs, Path(tmp) / name.replace(" ", "-"), reference_binary))
            print(json.dumps(rows[-1]), file=sys.stderr)
        results["posts"] = growth(rows)
        results["start_up"] = start_up(args.runs, Path(tmp))
        profiled = Path(tmp) / "profiled.txt"
        profiled.write_text(generate(PROFILED_SIZE, seed=PROFILED_SIZE)[0], encoding="utf-8")
        results["profile"] = {"before": previous.get("profile", {}).get("before"),
                              "after": stage_profile(profiled, ROOT, args.runs)}
        if args.before:
            results["profile"]["before"] = stage_profile(profiled, args.before.resolve(), args.runs)
    results["targets"] = targets(results)
    print(json.dumps(results, indent=1))
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        DOC.parent.mkdir(exist_ok=True)
        write_markdown(results, DOC)


if __name__ == "__main__":
    main()
