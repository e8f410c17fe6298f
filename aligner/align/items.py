"""Evidence items: what of a paragraph can be found again in its translation.

Items are string keys: "#1959" (a number), "@khrushchev" (a name, accents stripped), "$[0" (the
first bracket), "s:year" (a lexicon lemma on the source side), "t:năm" (a rendering on the
target side). Each paragraph holds its items with the share of one unit of evidence each
carries, and knows the keys it can explain on the other side (its reach), so matching a pair
is set membership. Both scorers (score.py, band.py) are built from these.
"""

from __future__ import annotations

import sys
from functools import partial

from ..features import Features, borrowed_phrases, phrase_prefixes, target_features
from ..models import Paragraph
from ..parallel import parallel_map
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


def side_features(paragraphs: list[Paragraph], english: bool, lexicon: Lexicon,
                  borrowed: frozenset[str] = frozenset()) -> list[Features]:
    """Numbers, names, marks and lexicon words of each paragraph of one side; ``borrowed``:
    the Vietnamese phrases the English side keeps, for the Vietnamese side to look for."""
    texts = [p.text for p in paragraphs]
    if english and lexicon.forward:
        return parallel_map(lexicon.source_features, texts)
    if not lexicon.forward:
        return parallel_map(partial(target_features, table={}, lengths=()), texts)
    table, lengths = lexicon.table
    return parallel_map(partial(target_features, table=table, lengths=lengths, plain_table=lexicon.plain_table,
                                borrowed=borrowed, borrowed_prefixes=phrase_prefixes(borrowed)), texts)


def with_borrowed_phrases(english: list[Paragraph], features: list[Features]) -> frozenset[str]:
    """Add to each English paragraph's names the Vietnamese phrases it keeps (see
    features.borrowed_phrases), and return their keys for the Vietnamese side to look for:
    none in most posts, which then look for nothing."""
    wanted: set[str] = set()
    for paragraph, f in zip(english, features):
        found = borrowed_phrases(paragraph.text)
        f.names.extend(found)
        wanted.update(keys[0] for keys in found)
    return frozenset(wanted)


def shared_anchors(src: list[Features], tgt: list[Features]) -> tuple[set[str], set[str]]:
    """Numbers and name keys found on both sides: only those can be evidence."""
    numbers = set().union(*(f.numbers for f in src)) & set().union(*(f.numbers for f in tgt)) if src and tgt else set()
    names = {k for f in src for keys in f.names for k in keys} & {k for f in tgt for keys in f.names for k in keys}
    return numbers, names


def paragraph_items(features: list[Features | None], numbers: set[str], names: set[str],
                    side: str) -> list[dict[str, float]]:
    """Items of every paragraph (see items_of), letting each paragraph's features go once read,
    so a book-length post never holds both at once."""
    found: list[dict[str, float]] = []
    prefixed: dict[str, str] = {}
    for k, f in enumerate(features):
        found.append(items_of(f, numbers, names, side, prefixed))
        features[k] = None
    return found


def items_of(f: Features, numbers: set[str], names: set[str], side: str, prefixed: dict[str, str]) -> dict[str, float]:
    """Item → share of one unit of evidence it carries (the keys of one name share one).
    ``prefixed`` keeps each lexical item's key ("s:year"), made once per post."""
    items: dict[str, float] = {}
    for n in sorted(f.numbers & numbers):
        items["#" + n] = 1.0
    for keys in f.names:
        kept = [k for k in keys if k in names]
        for k in kept:
            items["@" + k] = max(items.get("@" + k, 0.0), 1.0 / len(kept))
    for symbol, count in sorted(f.symbols.items()):
        for k in range(count):
            items[f"${symbol}{k}"] = 1.0
    for lexical in sorted(f.lexical):
        key = prefixed.get(lexical)
        if key is None:
            key = prefixed[lexical] = sys.intern(f"{side}:{lexical}")
        items[key] = 1.0
    return items


def document_items(src: list[Paragraph], tgt: list[Paragraph], src_is_english: bool,
                   lexicon: Lexicon) -> tuple[list[dict[str, float]], list[dict[str, float]], bool]:
    """Items of both sides, English side first (the lexicon reads English to Vietnamese, so
    the English side plays "source" inside the evidence), and whether the sides were swapped
    to make it so."""
    english, vietnamese = (src, tgt) if src_is_english else (tgt, src)
    english_f = side_features(english, True, lexicon)
    wanted = with_borrowed_phrases(english, english_f) if lexicon.forward else frozenset()
    vietnamese_f = side_features(vietnamese, False, lexicon, wanted)
    src_f, tgt_f = (english_f, vietnamese_f) if src_is_english else (vietnamese_f, english_f)
    swapped = not src_is_english and bool(lexicon.forward)
    if swapped:
        src_f, tgt_f = tgt_f, src_f
    numbers, names = shared_anchors(src_f, tgt_f)
    return paragraph_items(src_f, numbers, names, "s"), paragraph_items(tgt_f, numbers, names, "t"), swapped


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
