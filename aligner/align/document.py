"""The two sides of a post as the search sees them: paragraphs, their lengths and runs.

A run is a stretch of one language between two switches; where a paragraph's run stands
against its translation's is the post's layout habit (model.py), and a merge never crosses
a run's edge. Coarse and selected views of a long post are plain constructors here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..models import Paragraph


@dataclass(frozen=True)
class Document:
    """Source and target paragraphs, their text lengths and their run numbers."""

    src: list[Paragraph]
    tgt: list[Paragraph]
    src_len: list[int]
    tgt_len: list[int]
    runs_src: list[int]
    runs_tgt: list[int]
    # The mean paragraph length of each side (source, target) of the whole post: what a long
    # paragraph is long against (see model.length_class). A selected view keeps the post's.
    mean_len: tuple[float, float]

    @cached_property
    def merge_groups(self) -> tuple[list[int], list[int]]:
        """Per paragraph of each side, the number of its merge group: the stretch of neighbours
        in one language run and one section (see comment_threads.number_sections), which may
        form one side of a bead together. Runs and sections only grow along a side, so a new
        group starts wherever either changes."""
        return _groups(self.runs_src, self.src), _groups(self.runs_tgt, self.tgt)

    def mergeable_src(self, i: int) -> bool:
        """May src[i-1] and src[i] form one side of a bead? (See merge_groups.)"""
        return i >= 1 and self.merge_groups[0][i - 1] == self.merge_groups[0][i]

    def mergeable_tgt(self, j: int) -> bool:
        """May tgt[j-1] and tgt[j] form one side of a bead? (See merge_groups.)"""
        return j >= 1 and self.merge_groups[1][j - 1] == self.merge_groups[1][j]

    def offset(self, i: int, j: int, most: int) -> int:
        """Language switches from src[i] to tgt[j], at most ``most`` either way."""
        return max(-most, min(most, self.runs_tgt[j] - self.runs_src[i]))


def _groups(runs: list[int], paragraphs: list[Paragraph]) -> list[int]:
    """Document.merge_groups of one side."""
    groups, group, last = [], 0, None
    for run, p in zip(runs, paragraphs):
        if last is not None and (run, p.section) != last:
            group += 1
        last = (run, p.section)
        groups.append(group)
    return groups


def runs_of(src: list[Paragraph], tgt: list[Paragraph], end_at_other_lines: bool = False) -> tuple[list[int], list[int]]:
    """Run number of each paragraph: it grows by one at every language switch, and with
    ``end_at_other_lines`` also wherever a line of neither side stands between two paragraphs
    (a heading or a chord line of no language: the blocks of gaps.py)."""
    merged = sorted([(p.index, 0, k) for k, p in enumerate(src)] + [(p.index, 1, k) for k, p in enumerate(tgt)])
    runs_src, runs_tgt = [0] * len(src), [0] * len(tgt)
    run, last = 0, None
    for index, side, k in merged:
        if last is not None and (side != last[1] or (end_at_other_lines and index > last[0] + 1)):
            run += 1
        last = (index, side)
        (runs_src if side == 0 else runs_tgt)[k] = run
    return runs_src, runs_tgt


def document_of(src: list[Paragraph], tgt: list[Paragraph]) -> Document:
    """The whole post."""
    src_len, tgt_len = [len(p.text) for p in src], [len(p.text) for p in tgt]
    return Document(src, tgt, src_len, tgt_len, *runs_of(src, tgt), mean_len=(_mean(src_len), _mean(tgt_len)))


def coarse_document(document: Document, size: int) -> Document:
    """The post seen in chunks of ``size`` paragraphs: a chunk stands where its first paragraph
    does and is as long as its paragraphs joined by spaces (its text is never read)."""
    src, tgt = _chunks(document.src, size), _chunks(document.tgt, size)
    src_len, tgt_len = _chunk_lengths(document.src_len, size), _chunk_lengths(document.tgt_len, size)
    return Document(src, tgt, src_len, tgt_len, *runs_of(src, tgt), mean_len=(_mean(src_len), _mean(tgt_len)))


def selected_document(document: Document, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Document:
    """Some source and target paragraphs alone (each list increasing), keeping the runs they
    have in the whole post."""
    return Document([document.src[i] for i in src_ids], [document.tgt[j] for j in tgt_ids],
                    [document.src_len[i] for i in src_ids], [document.tgt_len[j] for j in tgt_ids],
                    [document.runs_src[i] for i in src_ids], [document.runs_tgt[j] for j in tgt_ids],
                    document.mean_len)


def _mean(lengths: list[int]) -> float:
    """The mean of the lengths, 1 for none."""
    return sum(lengths) / len(lengths) if lengths else 1.0


def sample_pairs(n: int, m: int, limit: int) -> list[tuple[int, int]]:
    """Every pair of an n × m table, or about ``limit`` of them evenly spread over it."""
    if n * m <= limit:
        return [(i, j) for i in range(n) for j in range(m)]
    step = max(1, (n * m) // limit)
    return [(k // m, k % m) for k in range(0, n * m, step)]


def _chunks(paragraphs: list[Paragraph], size: int) -> list[Paragraph]:
    """One paragraph per chunk of ``size``, standing where the chunk starts."""
    return [Paragraph(p.index, "", p.line, p.lang) for p in paragraphs[::size]]


def _chunk_lengths(lengths: list[int], size: int) -> list[int]:
    """Length of each chunk's text, its paragraphs joined by spaces."""
    return [sum(lengths[k:k + size]) + len(lengths[k:k + size]) - 1 for k in range(0, len(lengths), size)]
