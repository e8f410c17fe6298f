"""Stage after alignment: is the translation complete and faithful?

Counts source paragraphs and words translated, sets boilerplate apart (nobody translates
a byline, a "Labels:" line or a URL), lists what is untranslated or has no source, and
flags doubtful pairs the way translation QA tools do: numbers or names missing on one
side, a length ratio far outside the document's own spread, one source translated two
ways, English left in place of a translation.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .features import name_anchors, name_key
from .markup import dotted_pieces
from .models import AlignedUnit, Alignment, Paragraph
from .numerals import number_present, numbers_in
from .text import URL, words

# Fewer words than this, an untranslated paragraph is a label or a heading, not content.
_MIN_CONTENT_WORDS = 7
# With a URL or e-mail address and fewer words than this, it is a footer or a link line.
_MIN_WORDS_WITH_LINK = 15
_NAVIGATION = regex.compile(r"\s\|\s|[«»]|←|→")
_CLOCK_TIME = regex.compile(r"\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s|$)")
_LABEL_LIST = regex.compile(r"^[\p{L} ]{1,30}:\s*(.+)$")
# Short pieces strung on middle dots ("By Lâm Khánh Vy · Photos by Daniel Roche", "Like · Reply ·
# 3h", a tagline given in both languages): a page's meta line, not a sentence.
_MAX_DOTTED_PIECE_WORDS = 6
# A pair whose log length ratio strays this many robust deviations from the median is doubtful.
_LENGTH_OUTLIER = 3.5
_MIN_LENGTH_SPREAD = 0.15
# Word overlap above which an English paragraph counts as a copy of another.
_COPY_OVERLAP = 0.8


@dataclass
class Doubt:
    """A pair (or paragraph) a reviewer should look at, with the reasons."""

    src: list[Paragraph]
    tgt: list[Paragraph]
    reasons: list[str]


@dataclass(frozen=True)
class Figures:
    """The two coverage figures, defined here and nowhere else.

    Of the source paragraphs that carry content (boilerplate and --ignore'd paragraphs are
    set apart), how many are in a pair, and how many of their words are. The summary under
    `align FILE`, `align coverage` and the HTML report all show both, by these names.
    """

    paragraphs_translated: int
    paragraphs: int
    words_translated: int
    words: int

    @property
    def paragraph_share(self) -> float | None:
        """Paragraphs translated, 0 to 1; None when there is no paragraph to measure."""
        return self.paragraphs_translated / self.paragraphs if self.paragraphs else None

    @property
    def word_share(self) -> float | None:
        """Words translated, 0 to 1 (what --min-coverage checks); None when there is no word to measure."""
        return self.words_translated / self.words if self.words else None


def figures_of(translated: list[Paragraph], untranslated: list[Paragraph]) -> Figures:
    """Both figures from the translated and untranslated content paragraphs: the one computation."""
    done = sum(word_count(p.text) for p in translated)
    return Figures(len(translated), len(translated) + len(untranslated),
                   done, done + sum(word_count(p.text) for p in untranslated))


def figures_text(figures: Figures, src_lang: str) -> str:
    """Both figures with their names, as every report writes them."""
    def share(value: float | None) -> str:
        return "–" if value is None else f"{value:.1%}"

    return (f"{src_lang} paragraphs translated {figures.paragraphs_translated} of {figures.paragraphs} "
            f"({share(figures.paragraph_share)}), {src_lang} words translated {figures.words_translated} of "
            f"{figures.words} ({share(figures.word_share)})")


@dataclass
class CoverageReport:
    """What a translation checker reports for one document."""

    name: str
    src_lang: str
    tgt_lang: str
    translated: list[Paragraph] = field(default_factory=list)
    untranslated: list[Paragraph] = field(default_factory=list)
    unmatched_target: list[Paragraph] = field(default_factory=list)
    boilerplate: list[Paragraph] = field(default_factory=list)
    ignored: list[Paragraph] = field(default_factory=list)
    doubtful: list[Doubt] = field(default_factory=list)
    missing: str | None = None  # why the post cannot be measured ("no Vietnamese paragraph found")

    @property
    def figures(self) -> Figures:
        return figures_of(self.translated, self.untranslated)

    @property
    def words_translated(self) -> int:
        return self.figures.words_translated

    @property
    def words_total(self) -> int:
        return self.figures.words

    @property
    def coverage(self) -> float | None:
        """Share of the source's content words that are translated (None when there is none)."""
        return self.figures.word_share

    @property
    def paragraph_coverage(self) -> float | None:
        return self.figures.paragraph_share


@lru_cache(maxsize=200_000)
def word_count(text: str) -> int:
    """Words of a paragraph (cached: coverage totals count the same paragraphs again)."""
    return len(words(text))


def is_boilerplate(text: str) -> bool:
    """True for text nobody translates: labels, headings, bylines, navigation, link lines.

    >>> is_boilerplate("Posted by Minh at 9:12 PM"), is_boilerplate("Labels: family, letters")
    (True, True)
    >>> is_boilerplate("By Lâm Khánh Vy · Photos by Daniel Roche")
    True
    """
    count = word_count(text)
    if count < _MIN_CONTENT_WORDS:
        return not text.rstrip().endswith("?")  # a question is never a label or a heading
    if URL.search(text) and count < _MIN_WORDS_WITH_LINK:
        return True
    if _NAVIGATION.search(text) or _CLOCK_TIME.search(text):
        return True
    pieces = dotted_pieces(text)
    if len(pieces) >= 2 and all(word_count(piece) <= _MAX_DOTTED_PIECE_WORDS for piece in pieces):
        return True
    label = _LABEL_LIST.match(text)
    if label:
        items = [item.strip() for item in label.group(1).split(",")]
        if len(items) >= 2 and all(word_count(item) <= 3 for item in items):
            return True
    return False


def _plain_words(text: str) -> tuple[set[str], str]:
    """Words without accents, lowercased, and the same joined: what a name is looked up in."""
    found = [name_key(w) for w in words(text)]
    return set(found), "".join(found)


def _name_present(chain: list[str], other: tuple[set[str], str]) -> bool:
    """Is a name in the other text? Accents aside, whole or as the stem of a longer word
    ("Vietnam" in "Vietnamese"), with its parts written apart or together ("Hà Nội", "Hanoi")."""
    found, joined = other
    for key in chain:
        if key in found or (len(key) >= 4 and (key in joined or any(w.startswith(key) for w in found))):
            return True
    return False


def _log_ratio(unit: AlignedUnit) -> float:
    return math.log((len(unit.tgt_text) + 1) / (len(unit.src_text) + 1))


class _Checker:
    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.english_src = alignment.src_lang == "en"
        src = [p for p in alignment.paragraphs if p.lang == alignment.src_lang]
        tgt = [p for p in alignment.paragraphs if p.lang == alignment.tgt_lang]
        # Only a complete name written in both languages somewhere in the post is expected
        # in every translation; "Trung Quốc" for "China" is a translation, not a name.
        self._anchors: dict[tuple[str, bool], list[list[str]]] = {}
        src_names = {c[-1] for p in src for c in self._name_anchors(p.text, self.english_src)}
        tgt_names = {c[-1] for p in tgt for c in self._name_anchors(p.text, not self.english_src)}
        self.shared_names = src_names & tgt_names
        ratios = [_log_ratio(u) for u in alignment.pairs if len(u.src) == len(u.tgt) == 1]
        self.ratio_median = statistics.median(ratios) if ratios else 0.0
        spread = statistics.median(abs(r - self.ratio_median) for r in ratios) * 1.4826 if ratios else 0.0
        self.ratio_spread = max(_MIN_LENGTH_SPREAD, spread)

    def _name_anchors(self, text: str, english: bool) -> list[list[str]]:
        """name_anchors, read once per text (a paragraph is met again in its pair)."""
        key = (text, english)
        found = self._anchors.get(key)
        if found is None:
            found = self._anchors[key] = name_anchors(text, english)
        return found

    def _names(self, text: str, english: bool) -> list[list[str]]:
        """Names of the text that are written in both languages somewhere in the post."""
        return [chain for chain in self._name_anchors(text, english) if chain[-1] in self.shared_names]

    def pair_reasons(self, unit: AlignedUnit) -> list[str]:
        reasons: list[str] = []
        src_lang, tgt_lang = self.alignment.src_lang, self.alignment.tgt_lang
        for number in numbers_in(unit.src_text):
            if not number_present(number, unit.tgt_text, not self.english_src):
                reasons.append(f"number {number[0]} in the {src_lang} is missing from the {tgt_lang}")
        for number in numbers_in(unit.tgt_text):
            if not number_present(number, unit.src_text, self.english_src):
                reasons.append(f"number {number[0]} in the {tgt_lang} is missing from the {src_lang}")
        src_words = _plain_words(unit.src_text)
        tgt_words = _plain_words(unit.tgt_text)
        for chain in self._names(unit.src_text, self.english_src):
            if not _name_present(chain, tgt_words):
                reasons.append(f"name {chain[-1].title()} is missing from the {self.alignment.tgt_lang}")
        for chain in self._names(unit.tgt_text, not self.english_src):
            if not _name_present(chain, src_words):
                reasons.append(f"name {chain[-1].title()} is missing from the {self.alignment.src_lang}")
        # Short texts vary more in length ratio (as in Gale & Church, variance grows as length falls).
        shorter = min(len(unit.src_text), len(unit.tgt_text)) + 1
        spread = math.sqrt(self.ratio_spread ** 2 + 2.0 / shorter)
        offset = _log_ratio(unit) - self.ratio_median
        deviation = offset / spread
        if len(unit.src) == len(unit.tgt) == 1 and abs(deviation) > _LENGTH_OUTLIER:
            times = math.exp(offset)
            if deviation < 0:
                reasons.append(f"translation is {1 / times:.1f}× shorter than this post's translations usually are "
                               f"(cut short?)")
            else:
                reasons.append(f"translation is {times:.1f}× longer than this post's translations usually are "
                               f"(an extra paragraph?)")
        return reasons


def _overlap(a: str, b: str) -> float:
    wa, wb = {w.lower() for w in words(a)}, {w.lower() for w in words(b)}
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def check_alignment(alignment: Alignment, name: str = "-", ignore: list[str] | None = None) -> CoverageReport:
    """Coverage and QA findings for an aligned document."""
    report, ignored = _sorted_paragraphs(alignment, name, ignore)
    checker = _Checker(alignment)
    for unit in alignment.pairs:
        reasons = checker.pair_reasons(unit)
        if reasons:
            report.doubtful.append(Doubt(unit.src, unit.tgt, reasons))
    report.doubtful.extend(_translated_two_ways(alignment, ignored))
    report.doubtful.extend(_left_in_place(alignment, report.untranslated))
    report.doubtful.sort(key=lambda d: min(p.index for p in d.src + d.tgt))
    return report


def translation_figures(alignment: Alignment) -> Figures:
    """Both coverage figures of an alignment, as `align coverage` counts them (without its checks)."""
    return _sorted_paragraphs(alignment, alignment.name, None)[0].figures


def _sorted_paragraphs(alignment: Alignment, name: str, ignore: list[str] | None) -> tuple[CoverageReport, set[int]]:
    """A report with every paragraph sorted into translated, untranslated, no source, boilerplate or
    ignored, and what the post lacks to be measured; and the indexes ignored."""
    patterns = [re.compile(p) for p in ignore or []]
    report = CoverageReport(name, alignment.src_lang, alignment.tgt_lang)
    ignored = {p.index for p in alignment.paragraphs if any(r.search(p.text) for r in patterns)}
    report.ignored = [p for p in alignment.paragraphs if p.index in ignored]
    for unit in alignment.units:
        if unit.is_alternative:  # its source is counted with the first rendering
            continue
        if unit.is_pair:
            report.translated.extend(p for p in unit.src if p.index not in ignored)
            continue
        for p in unit.src + unit.tgt:
            if p.index in ignored:
                continue
            if p.lang == alignment.src_lang and not is_boilerplate(p.text):
                report.untranslated.append(p)
            elif p.lang == alignment.tgt_lang and not is_boilerplate(p.text):
                report.unmatched_target.append(p)
            else:
                report.boilerplate.append(p)
    report.missing = _missing(alignment, report.figures)
    return report, ignored


def _missing(alignment: Alignment, figures: Figures) -> str | None:
    """Why the post cannot be measured, worded for the report; None when it can.

    Zero of zero is not 100 %: an empty post, one with no source or no target paragraph (its
    English lost, say) or one whose source is all boilerplate has nothing a gate could pass.
    """
    from .languages import language_name

    if not alignment.paragraphs:
        return "no text found"
    found = {p.lang for p in alignment.paragraphs}
    absent = [language_name(code) for code in (alignment.src_lang, alignment.tgt_lang) if code not in found]
    if absent:
        return f"no {' or '.join(absent)} paragraph found"
    if not figures.words:
        return (f"no {language_name(alignment.src_lang)} content to measure: every {alignment.src_lang} "
                f"paragraph is boilerplate or ignored")
    return None


def _translated_two_ways(alignment: Alignment, ignored: set[int]) -> list[Doubt]:
    """The same source paragraph, occurring twice, translated differently."""
    seen: dict[str, AlignedUnit] = {}
    found: list[Doubt] = []
    for unit in alignment.pairs:
        if len(unit.src) != 1 or unit.src[0].index in ignored or unit.is_alternative:
            continue  # another rendering of the same paragraph is not a second occurrence
        key = unit.src_text.casefold()
        first = seen.setdefault(key, unit)
        if first is not unit and first.tgt_text.casefold() != unit.tgt_text.casefold():
            found.append(Doubt(unit.src, unit.tgt, [
                f"the same {alignment.src_lang} text (line {first.src[0].line}) is translated differently "
                f"there (line {first.tgt[0].line})"]))
    return found


def _left_in_place(alignment: Alignment, untranslated: list[Paragraph]) -> list[Doubt]:
    """A source-language paragraph among target paragraphs that copies another source paragraph."""
    found: list[Doubt] = []
    paragraphs = [p for p in alignment.paragraphs if p.lang in (alignment.src_lang, alignment.tgt_lang)]
    position = {p.index: k for k, p in enumerate(paragraphs)}
    for p in untranslated:
        k = position[p.index]
        neighbours = [paragraphs[j].lang for j in (k - 1, k + 1) if 0 <= j < len(paragraphs)]
        if not neighbours or any(lang != alignment.tgt_lang for lang in neighbours):
            continue
        original = next((q for q in paragraphs if q.lang == alignment.src_lang and q.index != p.index
                         and _overlap(q.text, p.text) >= _COPY_OVERLAP), None)
        if original is not None:
            found.append(Doubt([p], [], [
                f"{alignment.src_lang} text left among the {alignment.tgt_lang} paragraphs: a copy of line "
                f"{original.line}, not a translation"]))
    return found
