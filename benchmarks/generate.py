#!/usr/bin/env python3
"""Build a large bilingual post, with its gold alignment, from the samples' gold beads.

    python3 benchmarks/generate.py --paragraphs 10000 --out /tmp/bench/10k [--structure mixed] [--seed 0]

writes OUT/post.txt and OUT/gold.json (the format of ../shared/eval/alignscore.py). The post is a
run of sections, each laid out as blocks (English run then its Vietnamese run), pairs
(alternating), halves (all English, then all Vietnamese) or Vietnamese-first blocks, with
untranslated paragraphs, 1-2 and 2-1 beads and boilerplate lines (URLs, dates) between them.
Numbers are drawn anew for every bead, the same way on both sides, as different posts of the
same kind would have them. With ``--repeat P`` a section is, with probability P, a verbatim copy
of an earlier one (same paragraphs, same numbers, same layout), as a post that quotes itself or a
blog export that holds a page twice.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRUCTURES = ("blocks", "pairs", "halves", "vi-first")
_DIGITS = re.compile(r"\d+")


@dataclass
class Bead:
    src: list[str]
    tgt: list[str]


def load_material(samples: Path) -> tuple[list[Bead], list[str], list[str]]:
    """Beads, untranslated English paragraphs and language-neutral lines from every sample's gold."""
    beads, untranslated, neutral = [], [], []
    for gold_path in sorted(samples.glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        atoms = gold["atoms"]
        for src_ids, tgt_ids in gold["links"]:
            if atoms[src_ids[0]][0] == "en" and all(atoms[t][0] == "vi" for t in tgt_ids):
                beads.append(Bead([atoms[i][1] for i in src_ids], [atoms[j][1] for j in tgt_ids]))
        untranslated += [atoms[i][1] for i in gold.get("untranslated", []) if atoms[i][0] == "en"]
        neutral += [text for lang, text in atoms if lang == "und"]
    return beads, sorted(set(untranslated)), sorted(set(neutral))


def redraw_numbers(bead: Bead, rng: random.Random) -> Bead:
    """Replace every run of digits by a new one of the same length, the same way on both
    sides: "11.15" and "11 giờ 15", "2,000" and "2.000" stay translations of each other."""
    mapping: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        digits = match.group()
        if digits not in mapping:
            fresh = "".join(str(rng.randrange(10)) for _ in digits)
            if digits[0] != "0" and fresh[0] == "0":
                fresh = str(rng.randrange(1, 10)) + fresh[1:]
            mapping[digits] = fresh
        return mapping[digits]

    return Bead([_DIGITS.sub(replace, t) for t in bead.src], [_DIGITS.sub(replace, t) for t in bead.tgt])


class _Builder:
    def __init__(self) -> None:
        self.atoms: list[list[str]] = []
        self.links: list[list[list[int]]] = []
        self.untranslated: list[int] = []

    def add(self, lang: str, text: str) -> int:
        self.atoms.append([lang, text])
        return len(self.atoms) - 1

    def section(self, beads: list[Bead], layout: str) -> None:
        if layout == "pairs":
            for bead in beads:
                self.links.append([[self.add("en", t) for t in bead.src], [self.add("vi", t) for t in bead.tgt]])
            return
        src_ids = [[self.add("en", t) for t in bead.src] for bead in beads] if layout != "vi-first" else None
        tgt_ids = [[self.add("vi", t) for t in bead.tgt] for bead in beads]
        if src_ids is None:
            src_ids = [[self.add("en", t) for t in bead.src] for bead in beads]
        self.links.extend([s, t] for s, t in zip(src_ids, tgt_ids))


def generate(paragraphs: int, structure: str = "mixed", seed: int = 0,
             samples: Path = ROOT / "samples", repeat: float = 0.0) -> tuple[str, dict]:
    """The post's text and its gold, with about ``paragraphs`` paragraphs; each section is a
    verbatim copy of an earlier one with probability ``repeat`` (0: the posts as ever, draw
    for draw)."""
    rng = random.Random(seed)
    beads, untranslated, neutral = load_material(samples)
    builder = _Builder()
    sections: list[tuple[list[Bead], str]] = []
    while len(builder.atoms) < paragraphs:
        if repeat and sections and rng.random() < repeat:
            chosen, layout = rng.choice(sections)
        else:
            layout = rng.choice(STRUCTURES) if structure == "mixed" else structure
            size = rng.randint(2, 4) if layout in ("blocks", "vi-first") else rng.randint(4, 12)
            chosen = [redraw_numbers(rng.choice(beads), rng) for _ in range(size)]
            if repeat:
                sections.append((chosen, layout))
        builder.section(chosen, layout)
        if rng.random() < 0.3 and untranslated:
            builder.untranslated.append(builder.add("en", rng.choice(untranslated)))
        if rng.random() < 0.3 and neutral:
            builder.add("und", rng.choice(neutral))
    text = "\n\n".join(text for _, text in builder.atoms) + "\n"
    gold = {"doc": "post.txt", "src_lang": "en", "tgt_lang": "vi", "mode": "lines",
            "notes": f"Generated by benchmarks/generate.py: {paragraphs} paragraphs, {structure}, seed {seed}"
                     + (f", sections repeated verbatim with probability {repeat}." if repeat else "."),
            "atoms": builder.atoms, "links": builder.links, "untranslated": builder.untranslated}
    return text, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--structure", choices=("mixed",) + STRUCTURES, default="mixed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=float, default=0.0, help="probability that a section is a verbatim copy "
                        "of an earlier one (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="folder for post.txt and gold.json")
    args = parser.parse_args()
    text, gold = generate(args.paragraphs, args.structure, args.seed, repeat=args.repeat)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "post.txt").write_text(text, encoding="utf-8")
    (args.out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    print(f"{args.out}/post.txt: {len(gold['atoms'])} paragraphs, {len(gold['links'])} beads")


if __name__ == "__main__":
    main()
