"""Plain dataclasses passed between the stages and returned by the library API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

OnStage = Callable[[str, int], None]
"""Told when a stage of the work starts, with how many items it takes: ``("reading", bytes)``,
``("splitting", lines)``, ``("tagging", paragraphs)``, ``("aligning", paragraphs)``,
``("sentences", pairs)``. The library reports; the caller decides whether to show anything
(the CLI's progress display and --verbose timings), so the library itself never prints."""


def no_stage(stage: str, count: int) -> None:
    """The default OnStage: nobody is listening."""


@dataclass
class Paragraph:
    """One paragraph of the input: its normalised text, where it starts, its language tag, and
    whether it is page furniture (a menu, a form, a site header or footer of an HTML page):
    shown, and aligned only with furniture beside it; and the reader comment of the page it
    belongs to (0: none), which pairs only inside that comment; and whether it follows a quote's
    header in a forum thread ("minh.tri viết:"), where a copy of an earlier post is the quote;
    and the stretch between two lines of furniture it stands in (a thread's post), which a
    merge does not leave; and whether the page marks it a heading (h1-h6, Markdown's #)."""

    index: int
    text: str
    line: int
    lang: str = "und"
    chrome: bool = False
    comment: int = 0
    quoted: bool = False
    section: int = 0
    heading: bool = False


@dataclass
class AlignedUnit:
    """A bead of the alignment: source paragraphs, target paragraphs (either side may be empty).

    ``rendering`` is 1, or 2 (3, ...) for another rendering of source paragraphs that an earlier
    unit already pairs (a post giving an archive's translation and a machine one): a unit of its
    own, so every pair format writes one row per rendering, and its source repeats that unit's.
    """

    src: list[Paragraph]
    tgt: list[Paragraph]
    score: float = 0.0
    rendering: int = 1

    @property
    def is_alternative(self) -> bool:
        """True for a second (third, ...) rendering: its source is placed by another unit."""
        return self.rendering > 1

    @property
    def placed(self) -> list[Paragraph]:
        """The paragraphs this unit is the one home of: all of them, or an alternative
        rendering's target only (see ``rendering``)."""
        return self.tgt if self.is_alternative else self.src + self.tgt

    @property
    def is_pair(self) -> bool:
        return bool(self.src) and bool(self.tgt)

    @property
    def first_index(self) -> int:
        return min(p.index for p in self.src + self.tgt)

    @property
    def src_text(self) -> str:
        return "\n".join(p.text for p in self.src)

    @property
    def tgt_text(self) -> str:
        return "\n".join(p.text for p in self.tgt)


@dataclass
class Summary:
    """Counts a reader wants after the pairs (the coverage figures are coverage.translation_figures')."""

    paragraphs: dict[str, int]
    pairs: int
    src_untranslated: int
    tgt_unmatched: int


@dataclass
class Alignment:
    """The result of aligning one document."""

    src_lang: str
    tgt_lang: str
    paragraphs: list[Paragraph]
    units: list[AlignedUnit] = field(default_factory=list)
    wrapped: bool = False
    level: str = "paragraph"  # or "sentence", after --level sentence
    name: str = "-"  # where the text came from, for titles and reports
    # Outputs list only units scoring at least this (--min-score); figures still count every unit.
    min_score: float = 0.0
    # What the caller may want to tell the user about the input (e.g. two files given swapped).
    notes: list[str] = field(default_factory=list)

    def pairing_note(self) -> str | None:
        """Why there can be no pairs, or None when both languages are present."""
        if not self.paragraphs:
            return "no text found"
        counts = self.summary().paragraphs
        if not counts.get(self.src_lang) or not counts.get(self.tgt_lang):
            return f"only one of {self.src_lang} and {self.tgt_lang} found: no pairs"
        return None

    @property
    def pairs(self) -> list[AlignedUnit]:
        return [u for u in self.units if u.is_pair]

    def summary(self) -> Summary:
        counts: dict[str, int] = {}
        for p in self.paragraphs:
            counts[p.lang] = counts.get(p.lang, 0) + 1
        paired_src = {p.index for u in self.pairs for p in u.src}
        paired_tgt = {p.index for u in self.pairs for p in u.tgt}
        src = [p for p in self.paragraphs if p.lang == self.src_lang]
        tgt = [p for p in self.paragraphs if p.lang == self.tgt_lang]
        return Summary(
            paragraphs=counts,
            pairs=len(self.pairs),
            src_untranslated=sum(1 for p in src if p.index not in paired_src),
            tgt_unmatched=sum(1 for p in tgt if p.index not in paired_tgt),
        )
