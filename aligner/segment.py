"""Stage 2: split normalised text into paragraphs, as lines or as hard-wrapped blocks."""

from __future__ import annotations

from .errors import AlignerError
from .models import Paragraph
from .reader import collapse_whitespace

MODES = ("auto", "lines", "blocks")

# A wrapped file must show this many line breaks inside blocks before we believe it.
_MIN_WRAP_EVIDENCE = 3
# Share of in-block breaks that must look like a wrap (the next word would not have fitted).
_MIN_WRAP_SHARE = 0.75
# A wrap falls mostly inside sentences; one sentence per line ends most lines with a stop.
_MAX_SENTENCE_END_SHARE = 0.5
_SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", ")")


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Group (line number, line) into runs of non-blank lines."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(text: str) -> bool:
    """True when the text's line breaks inside blocks are a fixed-width wrap.

    A break is a wrap when the next line's first word would not have fitted on the
    line before it within the widest such line. A list or an FAQ of short lines has
    breaks where the next word would have fitted, so it stays one paragraph per line;
    so does a file of one sentence per line, whose lines end in full stops.
    """
    breaks: list[tuple[str, str]] = []
    for block in _blocks(text.split("\n")):
        for (_, line), (_, following) in zip(block, block[1:]):
            breaks.append((line.rstrip(), following.strip()))
    if len(breaks) < _MIN_WRAP_EVIDENCE:
        return False
    width = max(len(line) for line, _ in breaks)
    wraps = sum(1 for line, following in breaks
                if len(line) + 1 + len(following.split(" ")[0]) > width)
    sentence_ends = sum(1 for line, _ in breaks if line.endswith(_SENTENCE_END))
    return wraps / len(breaks) >= _MIN_WRAP_SHARE and sentence_ends / len(breaks) <= _MAX_SENTENCE_END_SHARE


def split_paragraphs(text: str, mode: str = "auto") -> tuple[list[Paragraph], bool]:
    """Split text into paragraphs; return them and whether blocks (wrapped text) were used.

    ``lines``: each non-blank line is a paragraph. ``blocks``: each blank-line-separated
    block is one, its lines joined by a space. ``auto``: blocks only for hard-wrapped text.
    """
    if mode not in MODES:
        raise AlignerError(f"--paragraphs must be one of {', '.join(MODES)}, not {mode!r}")
    lines = text.split("\n")
    use_blocks = mode == "blocks" or (mode == "auto" and is_hard_wrapped(text))
    paragraphs: list[Paragraph] = []
    if use_blocks:
        for block in _blocks(lines):
            joined = collapse_whitespace(" ".join(line for _, line in block))
            paragraphs.append(Paragraph(len(paragraphs), joined, block[0][0]))
    else:
        for number, line in enumerate(lines, 1):
            cleaned = collapse_whitespace(line)
            if cleaned:
                paragraphs.append(Paragraph(len(paragraphs), cleaned, number))
    return paragraphs, use_blocks
