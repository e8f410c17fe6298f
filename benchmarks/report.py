"""The benchmark figures as docs/benchmarks.md, and the issue's targets checked against them."""

from __future__ import annotations

from pathlib import Path

# (what, figure, limit, how it is read): issue 14's targets.
TARGETS = (
    ("2,000 paragraphs: time against hunalign", ("2,000", "ratio_to_hunalign"), 1.0),
    ("10,000 paragraphs: time against hunalign", ("10,000", "ratio_to_hunalign"), 0.7),
    ("30,000 paragraphs: time against hunalign", ("30,000", "ratio_to_hunalign"), 0.3),
    ("100,000 paragraphs: time against the floor", ("100,000", "ratio_to_floor"), 12.0),
    ("100,000 paragraphs: peak memory, MB", ("100,000", "peak_mb"), 600.0),
    ("growth from 10,000 to 100,000 paragraphs", ("100,000", "growth_from_10k"), 8.0),
    ("ten-line post against a bare `python -c pass` (wall)", ("start_up", "wall_ratio"), 10.0),
)


def growth(rows: list[dict]) -> list[dict]:
    """Add to each row the growth of our time from the previous size of its set, and from 10k."""
    by_name = {row["post"]: row for row in rows}
    for row in rows:
        repeated = row["post"].endswith(" repeated")
        ten = by_name.get("10,000 repeated" if repeated else "10,000")
        if ten is not None and row["paragraphs"] > ten["paragraphs"]:
            row["growth_from_10k"] = row["seconds"] / ten["seconds"]
    return rows


def _figure(results: dict, where: tuple[str, str]) -> float | None:
    name, key = where
    if name == "start_up":
        return results.get("start_up", {}).get(key)
    row = next((r for r in results.get("posts", []) if r["post"] == name), None)
    return None if row is None else row.get(key)


def targets(results: dict) -> list[dict]:
    """Each target with the measured figure and whether it is met (None: not measured)."""
    found = []
    for what, where, limit in TARGETS:
        value = _figure(results, where)
        found.append({"target": what, "limit": limit, "value": value, "met": None if value is None else value <= limit})
    return found


def _number(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _times(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}×"


def _posts_table(rows: list[dict]) -> list[str]:
    lines = ["| post | align s | hunalign s | align / hunalign | align / floor | peak MB | hunalign MB | F1 "
             "| hunalign F1 | growth from 10k |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['post']} | {_number(r['seconds'])} | {_number(r.get('hunalign_seconds'))} | "
                     f"{_times(r.get('ratio_to_hunalign'))} | {_times(r['ratio_to_floor'], 0)} | "
                     f"{_number(r['peak_mb'], 0)} | {_number(r.get('hunalign_peak_mb'), 0)} | {_number(r['f1'], 3)} | "
                     f"{_number(r.get('hunalign_f1'), 3)} | {_number(r.get('growth_from_10k'), 1)} |")
    return lines


def _profile_table(profile: dict) -> list[str]:
    before, after = profile.get("before") or {}, profile.get("after") or {}
    stages = list(dict.fromkeys([*before, *after]))
    total_before, total_after = sum(before.values()), sum(after.values())
    lines = ["| stage | before s | before share | after s | after share |", "| --- | ---: | ---: | ---: | ---: |"]
    for stage in stages:
        b, a = before.get(stage), after.get(stage)
        lines.append(f"| {stage} | {_number(b)} | {_number(100 * b / total_before if b else None, 0)}% | "
                     f"{_number(a)} | {_number(100 * a / total_after if a else None, 0)}% |")
    lines.append(f"| total | {_number(total_before or None)} | | {_number(total_after or None)} | |")
    return lines


def _targets_table(found: list[dict]) -> list[str]:
    lines = ["| target | limit | measured | met |", "| --- | ---: | ---: | --- |"]
    for t in found:
        met = "–" if t["met"] is None else ("yes" if t["met"] else "**no**")
        lines.append(f"| {t['target']} | {_number(t['limit'], 1)} | {_number(t['value'])} | {met} |")
    return lines


def write_markdown(results: dict, path: Path) -> None:
    """docs/benchmarks.md: how the figures are made, then the latest ones."""
    head = path.read_text(encoding="utf-8").split("<!-- figures -->")[0] if path.exists() else "# Benchmarks\n\n"
    start = results["start_up"]
    body = [f"Latest figures ({results['machine']}, Python {results['python']}, {results['date']}; "
            f"median of {results['posts'][0]['runs']} runs, {results['posts'][-1]['runs']} for the largest posts; "
            f"{results.get('hunalign_note', '')}):", "",
            *_posts_table(results["posts"]), "",
            f"Start-up: a ten-line post with `-f tsv` takes {start['wall_ratio']:.1f}× the wall time of a bare "
            f"`python -c pass` ({start['cpu_ratio']:.1f}× its CPU time; {start['seconds']:.3f} s against "
            f"{start['bare_seconds']:.3f} s, median of {start['runs']} runs in turn).", "",
            "Against the targets of issue 14:", "", *_targets_table(results["targets"]), "",
            "Profile of the 30,000-paragraph post by stage (one process, `benchmarks/profile_stages.py`; "
            "before: the aligner as it was when issue 14 was filed, run in the same environment, so with the "
            "typer that does not import pydantic):", "", *_profile_table(results["profile"]), ""]
    path.write_text(head + "<!-- figures -->\n\n" + "\n".join(body), encoding="utf-8")
