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
    breaks = [pair for block in _blocks(text.split("\n")) for pair in _breaks(block)]
    if len(breaks) < _MIN_WRAP_EVIDENCE:
        return False
    width = max(len(line) for line, _ in breaks)
    return (_wraps(breaks, width) / len(breaks) >= _MIN_WRAP_SHARE
            and _ending(breaks, _SENTENCE_END) / len(breaks) <= _MAX_SENTENCE_END_SHARE)


def _breaks(block: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Each line break inside a block: the line before it and the line after it."""
    return [(line.rstrip(), following.strip()) for (_, line), (_, following) in zip(block, block[1:])]


def _wraps(breaks: list[tuple[str, str]], width: int) -> int:
    """How many breaks are a wrap: the next line's first word would not have fitted within ``width``."""
    return sum(1 for line, following in breaks if len(line) + 1 + len(following.split(" ")[0]) > width)


def _ending(breaks: list[tuple[str, str]], marks: tuple[str, ...]) -> int:
    """How many lines before a break end with one of ``marks``."""
    return sum(1 for line, _ in breaks if line.endswith(marks))


# A block is judged wrapped on its own only with this many lines: two lines are as often a
# title and its URL, or a heading and its translation.
_MIN_WRAPPED_BLOCK_LINES = 3
# Narrower than this, lines are verse, a list or a forum's handle and date, not a wrap.
_MIN_WRAP_WIDTH = 40
# Where a line of a block ends a clause, as a line of verse does.
_CLAUSE_END = _SENTENCE_END + (",",)


def is_wrapped_block(block: list[tuple[int, str]]) -> bool:
    """One block of a file that is not wrapped throughout (an email pasted into a post of
    one-line paragraphs) that is wrapped on its own: every break is a wrap by the test of
    is_hard_wrapped against the block's own width, that width is a wrap's (not a list's or a
    stanza's), no line runs past it (a wrap's last line is its shortest), at most half its
    lines end a clause (verse ends nearly all), and no line is a link (a source list's title
    and URL lines)."""
    if len(block) < _MIN_WRAPPED_BLOCK_LINES or is_source_list(block):
        return False
    breaks = _breaks(block)
    width = max(len(line) for line, _ in breaks)
    if width < _MIN_WRAP_WIDTH or len(block[-1][1].rstrip()) > width:
        return False
    clause_ends = _ending(breaks, _CLAUSE_END)
    if _wraps(breaks, width) != len(breaks):
        return False
    return clause_ends / len(breaks) <= _MAX_SENTENCE_END_SHARE or _breaks_mid_clause(breaks)


def _breaks_mid_clause(breaks: list[tuple[str, str]]) -> bool:
    """Does a line break in the middle of a clause: a line ending in a word, the next going on in
    lower case ("... we have" / "added four ...")? A wrap breaks wherever the width falls, a
    line of verse where its phrase ends; so a wrapped paragraph whose other lines happen to end
    sentences is still one paragraph."""
    return any(line[-1:].isalpha() and following[:1].islower() for line, following in breaks)


def is_source_list(block: list[tuple[int, str]]) -> bool:
    """A block of several lines of which one is a link: a source's title and its URL, each a
    paragraph of its own even in a hard-wrapped file (a URL runs past any wrap)."""
    return len(block) > 1 and any(_is_link(line) for _, line in block)


def _is_link(line: str) -> bool:
    stripped = line.strip().lower()
    return stripped.startswith(("http://", "https://", "www.")) or "://" in stripped.split(" ")[0]


def _joins(block: list[tuple[int, str]], mode: str, wrapped_file: bool) -> bool:
    """Is the block one paragraph? Always with ``blocks``, never with ``lines``; in ``auto``,
    in a hard-wrapped file unless it is a source list, elsewhere when it is wrapped on its own."""
    if mode != "auto":
        return mode == "blocks"
    return not is_source_list(block) if wrapped_file else is_wrapped_block(block)


def split_paragraphs(text: str, mode: str = "auto") -> tuple[list[Paragraph], bool]:
    """Split text into paragraphs; return them and whether blocks (wrapped text) were used.

    ``lines``: each non-blank line is a paragraph. ``blocks``: each blank-line-separated
    block is one, its lines joined by a space. ``auto``: blocks for hard-wrapped text; in a
    file that is not wrapped throughout, lines, except in a block that is wrapped on its own
    (see is_wrapped_block): the decision is made per stretch of the file.
    """
    if mode not in MODES:
        raise AlignerError(f"--paragraphs must be one of {', '.join(MODES)}, not {mode!r}")
    lines = text.split("\n")
    use_blocks = mode == "blocks" or (mode == "auto" and is_hard_wrapped(text))
    paragraphs: list[Paragraph] = []
    for block in _blocks(lines):
        if _joins(block, mode, use_blocks):
            joined = collapse_whitespace(" ".join(line for _, line in block))
            paragraphs.append(Paragraph(len(paragraphs), joined, block[0][0]))
            continue
        for number, line in block:
            cleaned = collapse_whitespace(line)
            if cleaned:
                paragraphs.append(Paragraph(len(paragraphs), cleaned, number))
    return paragraphs, use_blocks
