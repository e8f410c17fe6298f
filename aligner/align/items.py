"""Evidence items: what of a paragraph can be found again in its translation.

Items are string keys: "#1959" (a number), "@khrushchev" (a name, accents stripped), "$[0" (the
first bracket), "s:year" (a lexicon lemma on the source side), "t:năm" (a rendering on the
target side). Each paragraph holds its items with the share of one unit of evidence each
carries, and knows the keys it can explain on the other side (its reach), so matching a pair
is set membership. Both scorers (score.py, band.py) are built from these.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import partial

from ..features import Features, borrowed_phrases, number_anchors, target_features
from ..models import Paragraph
from ..parallel import parallel_map
from ..text import digit_blind, message_body
from .lexicon import Lexicon

# Kinds of evidence: "hard" anchors (numbers, names) nearly always survive translation, so a
# miss is telling; "soft" items (symbols, lexicon words) are often paraphrased away.
KINDS = ("hard", "soft")
# A bead's evidence is read from both of its sides together, or from one side only.
SIDES = ("both", "src", "tgt")


def item_kind(key: str) -> int:
    """The kind of an item key, as an index into KINDS: 0 for anchors ("#" numbers, "@" names),
    which nearly always survive translation; 1 for soft items ("$" marks, lexicon words)."""
    return 0 if key[0] in "#@" else 1


def kind_of(key: str) -> str:
    """The kind of an item key by name ("hard" or "soft")."""
    return KINDS[item_kind(key)]


def carried_over(key: str) -> bool:
    """Numbers, names and marks are written the same in a translation: a paragraph that holds
    one also accounts for it on the other side (its reach); lexicon words need a rendering."""
    return key[0] in "#@$"


@dataclass
class SideFeatures:
    """The features of one side's paragraphs, each distinct text read once.

    Paragraphs whose texts differ only in their digits (see text.digit_blind) share one
    Features (``shared``, by key) for all that reads no digit; each paragraph's numbers are
    read from its own text (``numbers``)."""

    keys: list[str]
    numbers: list[set[str]]
    shared: dict[str, Features]


def side_features(paragraphs: list[Paragraph], english: bool, lexicon: Lexicon,
                  borrowed: frozenset[str] = frozenset()) -> SideFeatures:
    """Numbers, names, marks and lexicon words of each paragraph of one side; ``borrowed``:
    the Vietnamese phrases the English side keeps, for the Vietnamese side to look for."""
    texts = [message_body(p.text) for p in paragraphs]
    keys = list(map(digit_blind, texts))
    distinct = list(dict.fromkeys(keys))
    if english and lexicon.forward:
        function = lexicon.source_features
    elif not lexicon.forward:
        function = partial(target_features, table={}, lengths=())
    else:
        table, lengths = lexicon.table
        function = partial(target_features, table=table, lengths=lengths, plain_table=lexicon.plain_table,
                           borrowed=borrowed)
    shared = dict(zip(distinct, parallel_map(function, distinct)))
    for key, found in shared.items():  # the key's digits are all 0: keep the numbers its words give ("May")
        found.numbers -= number_anchors(key)
    numbers = [shared[key].numbers | number_anchors(text) for key, text in zip(keys, texts)]
    return SideFeatures(keys, numbers, shared)


def with_borrowed_phrases(english: SideFeatures) -> frozenset[str]:
    """Add to each English text's names the Vietnamese phrases it keeps (see
    features.borrowed_phrases), and return their keys for the Vietnamese side to look for:
    none in most posts, which then look for nothing."""
    wanted: set[str] = set()
    for key, f in english.shared.items():
        found = borrowed_phrases(key)
        f.names.extend(found)
        wanted.update(keys[0] for keys in found)
    return frozenset(wanted)


def shared_anchors(src: SideFeatures, tgt: SideFeatures) -> tuple[set[str], set[str]]:
    """Numbers and name keys found on both sides: only those can be evidence."""
    numbers = set().union(*src.numbers) & set().union(*tgt.numbers) if src.keys and tgt.keys else set()
    names = ({k for f in src.shared.values() for keys in f.names for k in keys}
             & {k for f in tgt.shared.values() for keys in f.names for k in keys})
    return numbers, names


def paragraph_items(side: SideFeatures, numbers: set[str], names: set[str], prefix: str) -> list[dict[str, float]]:
    """Item → share of one unit of evidence it carries, for every paragraph: its numbers
    ("#1959"), then what its text shares with every paragraph of the same key, made once per
    key. Each paragraph gets a dict of its own (the evidence weighs them in place)."""
    found: list[dict[str, float]] = []
    prefixed: dict[str, str] = {}
    rest: dict[str, dict[str, float]] = {}
    for key, own in zip(side.keys, side.numbers):
        if key not in rest:
            rest[key] = word_items(side.shared[key], names, prefix, prefixed)
        items = dict.fromkeys(["#" + n for n in sorted(own & numbers)], 1.0)
        items.update(rest[key])
        found.append(items)
    return found


def word_items(f: Features, names: set[str], side: str, prefixed: dict[str, str]) -> dict[str, float]:
    """A paragraph's items other than its numbers: names (the keys of one name share one unit of
    evidence), marks and lexicon words. ``prefixed`` keeps each lexical item's key ("s:year"),
    made once per post."""
    items: dict[str, float] = {}
    for keys in f.names:
        kept = [k for k in keys if k in names]
        if not kept and keys[-1] in f.sure_names:
            items["@" + keys[-1]] = 1.0  # a name the other side never holds: a miss in any pair
        for k in kept:
            items["@" + k] = max(items.get("@" + k, 0.0), 1.0 / len(kept))
    for symbol, count in sorted(f.symbols.items()):
        for k in range(count):
            items[f"${symbol}{k}"] = 1.0
    for lexical in sorted(f.lexical):
        key = prefixed.get(lexical)
        if key is None:
            key = prefixed[lexical] = sys.intern(f"{side}:{lexical}")
        items[key] = f.shares.get(lexical, 1.0)
    return items


def document_items(src: list[Paragraph], tgt: list[Paragraph], src_is_english: bool,
                   lexicon: Lexicon) -> tuple[list[dict[str, float]], list[dict[str, float]], bool]:
    """Items of both sides, English side first (the lexicon reads English to Vietnamese, so
    the English side plays "source" inside the evidence), and whether the sides were swapped
    to make it so."""
    english, vietnamese = (src, tgt) if src_is_english else (tgt, src)
    english_f = side_features(english, True, lexicon)
    wanted = with_borrowed_phrases(english_f) if lexicon.forward else frozenset()
    vietnamese_f = side_features(vietnamese, False, lexicon, wanted)
    src_f, tgt_f = (english_f, vietnamese_f) if src_is_english else (vietnamese_f, english_f)
    swapped = not src_is_english and bool(lexicon.forward)
    if swapped:
        src_f, tgt_f = tgt_f, src_f
    numbers, names = shared_anchors(src_f, tgt_f)
    src_items, tgt_items = paragraph_items(src_f, numbers, names, "s"), paragraph_items(tgt_f, numbers, names, "t")
    src_p, tgt_p = (tgt, src) if swapped else (src, tgt)
    return with_headings(src_items, src_p), with_headings(tgt_items, tgt_p), swapped


# The mark of a paragraph the page makes a heading: a translation keeps a heading a heading.
HEADING_MARK = "$heading"


def with_headings(items: list[dict[str, float]], paragraphs: list[Paragraph]) -> list[dict[str, float]]:
    """Add HEADING_MARK to the items of each paragraph the page marks a heading (in place), and
    return the items: a freely translated heading ("What I learned" / "Những điều rút ra") then
    matches the heading in the other language, and no body paragraph."""
    for found, p in zip(items, paragraphs):
        if p.heading:
            found[HEADING_MARK] = 1.0
    return items


def reach_of(items: dict[str, float], translations: dict[str, frozenset[str]]) -> frozenset[str]:
    """Keys of the other side a paragraph accounts for: its anchors and the translations of
    its lexical items (shared strings, not copies)."""
    return frozenset(filter(carried_over, items)).union(*(translations.get(k, ()) for k in items
                                                          if not carried_over(k)))


def hits(weights: dict[str, float], reach: frozenset[str]) -> list[float]:
    """Weight of the items in ``weights`` that ``reach`` holds: [anchors, soft items]."""
    hit = [0.0, 0.0]
    for key in weights.keys() & reach:
        hit[item_kind(key)] += weights[key]
    return hit
