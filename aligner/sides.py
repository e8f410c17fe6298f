"""Two files as the two sides of one text: the habit users of hunalign and LF Aligner bring.

`align en.txt vi.txt --pair` reads the source file and the target file as one document in two
halves, source first; the aligner already handles posts in halves, so nothing else changes.
These functions join the sides, say when a side looks like the other language, and tell when
two files given without --pair look like two halves of one text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .models import Alignment, Paragraph

# A side whose paragraphs are mostly (this share or more) of the other language looks swapped.
MOSTLY = 0.5


def joined(src: list[Paragraph], tgt: list[Paragraph]) -> list[Paragraph]:
    """The source file's paragraphs, then the target file's, numbered as one document; each keeps
    its language tag (so a stray paragraph is still told apart) and its line in its own file."""
    together = list(src) + list(tgt)
    for index, paragraph in enumerate(together):
        paragraph.index = index
    return together


def _share(paragraphs: Sequence[Paragraph], lang: str) -> float:
    tagged = [p for p in paragraphs if p.lang != "und"]
    return sum(p.lang == lang for p in tagged) / len(tagged) if tagged else 0.0


def side_notes(src: Sequence[Paragraph], tgt: Sequence[Paragraph], names: tuple[str, str],
               langs: tuple[str, str]) -> list[str]:
    """Warnings for `--pair`: a side mostly in the other language (the files swapped, or the
    wrong file given). The alignment still runs on the tags found."""
    notes = []
    for name, side, (expected, other) in ((names[0], src, langs), (names[1], tgt, langs[::-1])):
        if side and _share(side, other) >= MOSTLY:
            notes.append(f"{name}: mostly {other}, not {expected} (the first file is the {langs[0]} side, "
                         f"the second the {langs[1]} side)")
    return notes


def _mostly(alignment: Alignment, lang: str, other: str) -> bool:
    """Nearly all (nine in ten or more) of the file's source and target paragraphs are ``lang``."""
    counts = Counter(p.lang for p in alignment.paragraphs)
    return counts[lang] > 0 and counts[other] * 9 <= counts[lang]


def halves_hint(alignments: Sequence[Alignment]) -> str | None:
    """When exactly two files are given, one nearly all source language and the other nearly all
    target, the user most likely meant them as two sides of one text: say how to pair them."""
    if len(alignments) != 2:
        return None
    src, tgt = alignments[0].src_lang, alignments[0].tgt_lang
    for first, second in (alignments, alignments[::-1]):
        if _mostly(first, src, tgt) and _mostly(second, tgt, src):
            return f"{first.name} is {src} and {second.name} is {tgt}: to align them with each other, " \
                   f"run: align {first.name} {second.name} --pair"
    return None
