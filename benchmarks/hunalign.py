"""hunalign, the reference aligner the benchmarks hold `align` against, built from ../shared/anchors.

No package registry ships hunalign, so ../shared/anchors keeps its source (see the README there).
It needs the two languages already split: it is given the gold split of each generated post (one
paragraph per line per language, an empty dictionary), which is more than `align` is given. Its
ladder (``i<TAB>j<TAB>score``, consecutive rungs bounding the beads) is turned into links between
the post's paragraphs and scored against the same gold as ours.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = ROOT.parent / "shared" / "anchors"


def build(folder: Path) -> tuple[Path | None, str]:
    """Build hunalign from the anchors' tarball into ``folder``: (the binary, or None, and a note)."""
    tarballs = sorted(ANCHORS.glob("hunalign-src-*.tar.gz"))
    if not tarballs:
        return None, f"hunalign not measured: no hunalign-src-*.tar.gz in {ANCHORS}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["tar", "-xzf", str(tarballs[-1]), "-C", str(folder)], check=True, capture_output=True)
        subprocess.run(["make", "-C", str(folder / "src" / "hunalign")], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        return None, f"hunalign not measured: building {tarballs[-1].name} failed ({exc})"
    binary = folder / "src" / "hunalign" / "hunalign"
    return (binary, f"hunalign built from {tarballs[-1].name}") if binary.exists() else (None, "no hunalign binary")


def inputs(gold: dict, folder: Path) -> tuple[list[str], list[str]]:
    """Write the gold's English and Vietnamese paragraphs, one a line, and an empty dictionary;
    return the command's arguments after the binary."""
    en = [text for lang, text in gold["atoms"] if lang == "en"]
    vi = [text for lang, text in gold["atoms"] if lang == "vi"]
    (folder / "hun-en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (folder / "hun-vi.txt").write_text("\n".join(vi) + "\n", encoding="utf-8")
    (folder / "hun-empty.dic").write_text("", encoding="utf-8")
    return ["-utf", str(folder / "hun-empty.dic"), str(folder / "hun-en.txt"), str(folder / "hun-vi.txt")]


def link_f1(gold: dict, ladder: str) -> float:
    """Link F1 of hunalign's beads against the gold, by paragraph position (exact even where a
    post repeats a paragraph word for word)."""
    en = [k for k, (lang, _) in enumerate(gold["atoms"]) if lang == "en"]
    vi = [k for k, (lang, _) in enumerate(gold["atoms"]) if lang == "vi"]
    rungs = [tuple(map(int, line.split("\t")[:2])) for line in ladder.splitlines() if line.strip()]
    predicted = {(min(s, t), max(s, t)) for (i, j), (next_i, next_j) in zip(rungs, rungs[1:])
                 for s in en[i:next_i] for t in vi[j:next_j]}
    wanted = {(min(s, t), max(s, t)) for ss, tt in gold["links"] for s in ss for t in tt}
    hit = len(predicted & wanted)
    return 2 * hit / (len(predicted) + len(wanted)) if predicted or wanted else 1.0


def scratch() -> tempfile.TemporaryDirectory:
    """A folder to build hunalign in, removed afterwards."""
    return tempfile.TemporaryDirectory(prefix="hunalign-")
