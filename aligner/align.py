"""Stage 4: align source and target paragraphs.

A dynamic programme over the source and target paragraph sequences (beads 1-1, 1-0,
0-1, 2-1, 1-2), in the manner of Gale & Church and hunalign, scores every pair by a
log-likelihood ratio "translation versus unrelated pair" built from three signals whose
parameters are estimated from the document itself:

* content: anchors (numbers, names without accents, brackets, quotes) that occur in
  both languages in this document, and words with a known rendering (a small hand-written
  lexicon of common words);
* length: the log length ratio, against the spread of ratios in confident pairs;
* layout: how many language switches separate the two paragraphs, against the habit
  this post shows (English before or after its Vietnamese).

A first pass without the layout signal finds confident pairs; the second pass uses the
parameters they give. Merges then grow past two paragraphs where a leftover neighbour
proves itself, and a last pass lets target paragraphs left over (a second rendering of
the same source, in a section of its own) pair with source paragraphs again.

Long posts (over 40,000 candidate pairs) are found coarse to fine and scored with numpy
tables (band.py), the same scores as the pair-by-pair path; book-length ones learn their
habits from stretches of the post (see _sampled_first_pass).
"""

from __future__ import annotations

import gc
import math
import statistics
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import accumulate, chain
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from .confidence import bead_confidences, lone_confidences
from .swaps import pair_crossed_leftovers, take_local_swaps
from .features import Features, PhraseTable, PlainPhraseTable, phrase_table, plain_phrase_table, target_features
from .dictionary import Dictionary, english_features
from .models import AlignedUnit, Paragraph
from .parallel import parallel_map
from .text import lexicon_en_vi

if TYPE_CHECKING:
    from .band import ItemTables

# Gale & Church's bead priors: a merge (2-1, 1-2) is about twenty times rarer than 1-1.
_MERGE_PENALTY = math.log(0.89 / 0.0445)
# A pair must bring this much evidence (in nats) beyond "as likely as not" to be made.
_PAIR_BIAS = -1.0
# Beads whose gain exceeds this are confident: they teach the second pass.
_CONFIDENT_GAIN = 2.0
# A length ratio and its spread are learnt from at least this many confident pairs.
_MIN_LENGTH_PAIRS = 3
_MAX_OFFSET = 5
# A second rendering of the source must run for at least this many paragraphs in a row; it is
# searched for in a full table of at most this many cells (a few seconds).
_MIN_RENDERING_CHAIN = 3
_RENDERING_TABLE_LIMIT = 400_000
# Above this many cells, the first path is found coarse to fine: chunks of _CHUNK paragraphs
# are aligned first, then only a corridor around their path is searched (as vecalign does).
_FULL_TABLE_LIMIT = 40_000
_CHUNK = 4
_CHUNK_CORRIDOR = 6
# Coarse levels only need a rough path: they recurse until their table is this small.
_COARSE_TABLE_LIMIT = 20_000
# ... and estimate their chance rates from this many sampled pairs, keeping at most this many
# of a chunk's items (the heaviest).
_COARSE_SAMPLES = 800
_COARSE_ITEMS = 32
# On long documents the second pass searches only this far from the first pass's path.
_CORRIDOR = 12
# On book-length posts, the first pass aligns this many stretches of this many source
# paragraphs only, and the second pass searches the coarse corridor widened by _GUIDE_MARGIN.
_SAMPLE_WINDOWS = 8
_SAMPLE_ROWS = 500
_GUIDE_MARGIN = 6
# Long posts score their corridor with numpy this many rows at a time (bounded memory).
_BAND_BLOCK_ROWS = 4096
_VECTORISE_CELLS = _FULL_TABLE_LIMIT


# Kinds of evidence: "hard" anchors (numbers, names) nearly always survive translation, so
# a miss is telling; "soft" items (symbols, lexicon words) are often paraphrased away.
KINDS = ("hard", "soft")
SIDES = ("both", "src", "tgt")


@dataclass
class _Rates:
    """Share of items matched in unrelated pairs (chance) and in translations."""

    chance: float = 0.1
    true: float = 0.6


# Prior rates per kind, worth _PRIOR_STRENGTH observations: a short document has too few
# pairs to estimate from, a long one outweighs them at once.
_PRIOR_RATES = {"hard": _Rates(chance=0.02, true=0.9), "soft": _Rates(chance=0.08, true=0.65)}
_PRIOR_STRENGTH = 8.0


def _shrink(estimate: float, observations: int, prior: float) -> float:
    """Blend a document estimate with the prior by the number of observations behind it."""
    return (estimate * observations + prior * _PRIOR_STRENGTH) / (observations + _PRIOR_STRENGTH)


@dataclass
class _Model:
    """Parameters of the pair score, estimated from the document."""

    rates: dict[tuple[str, str], _Rates] = field(default_factory=lambda: {
        (k, s): _Rates(_PRIOR_RATES[k].chance, _PRIOR_RATES[k].true) for k in KINDS for s in SIDES})
    unit_weight: dict[str, float] = field(default_factory=lambda: {k: 1.0 for k in KINDS})
    len_mu: float = 0.0
    len_sd: float = 0.35
    len_mu_null: float = 0.0
    len_sd_null: float = 1.0
    offset_bonus: dict[int, float] = field(default_factory=dict)


# A tally holds, per kind, (source hit, source total, target hit, target total) weights.
Tally = dict[str, tuple[float, float, float, float]]


def _side_counts(tally: Tally, kind: str, side: str) -> tuple[float, float]:
    src_hit, src_total, tgt_hit, tgt_total = tally[kind]
    if side == "src":
        return src_hit, src_total
    if side == "tgt":
        return tgt_hit, tgt_total
    return src_hit + tgt_hit, src_total + tgt_total


def _normal_logpdf(x: float, mu: float, sd: float) -> float:
    return -0.5 * ((x - mu) / sd) ** 2 - math.log(sd)


class _Lexicon:
    """Forward (English lemma → renderings) and reverse tables for the language pair; built
    once per process (see lexicon_for): a sentence-level run aligns thousands of little
    documents, and a batch hundreds of posts. A user's dictionary (``extra``, see
    dictionary.py) adds its entries, and its headwords to what the English side looks for."""

    def __init__(self, active: bool, extra: Dictionary = ()) -> None:
        self.forward: dict[str, set[str]] = defaultdict(set)
        self.reverse: dict[str, set[str]] = defaultdict(set)
        self._table: tuple[PhraseTable, tuple[int, ...]] | None = None
        self._plain_table: PlainPhraseTable | None = None
        self._translations: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]] | None = None
        if active:
            for lemma, renderings in lexicon_en_vi().items():
                for rendering in renderings:
                    self.add(lemma, rendering)
            for lemma, rendering in extra:
                self.add(lemma, rendering)
        self.source_features = english_features(extra if active else ())

    def add(self, lemma: str, rendering: str) -> None:
        self.forward[lemma].add(rendering)
        self.reverse[rendering].add(lemma)

    def translations(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Item keys of the other side that a lexical item key may be rendered by: source
        ("s:year" → "t:năm", ...) and target ("t:năm" → "s:year", ...)."""
        if self._translations is None:
            forward = {sys.intern("s:" + lemma): frozenset(sys.intern("t:" + r) for r in renderings)
                       for lemma, renderings in self.forward.items()}
            reverse = {sys.intern("t:" + rendering): frozenset(sys.intern("s:" + lemma) for lemma in lemmas)
                       for rendering, lemmas in self.reverse.items()}
            self._translations = forward, reverse
        return self._translations

    @property
    def plain_table(self) -> PlainPhraseTable:
        """The renderings keyed by their unaccented syllables (see plain_phrase_table)."""
        if self._plain_table is None:
            self._plain_table = plain_phrase_table(self.table[0])
        return self._plain_table

    @property
    def table(self) -> tuple[PhraseTable, tuple[int, ...]]:
        """The renderings keyed by their syllables, and their lengths (see phrase_table)."""
        if self._table is None:
            self._table = phrase_table(self.reverse)
        return self._table


@lru_cache(maxsize=8)
def lexicon_for(active: bool, extra: Dictionary = ()) -> _Lexicon:
    """The process's lexicon (or an empty one for another language pair), with a user's
    dictionary merged in: one per distinct dictionary, the built-in one kept apart."""
    return _Lexicon(active, extra)


def _item_chance(reached: int, others: int, rates: _Rates) -> float:
    """The chance that an unrelated paragraph explains an item that ``reached`` of the
    ``others`` paragraphs of the other side explain: one of them is taken to be its
    translation, and the estimate is shrunk toward the kind's chance rate, so a short post
    (a handful of paragraphs) leans on the rate and a long one on its own counts."""
    unrelated = max(reached - 1, 0)
    return min((unrelated + rates.chance * _PRIOR_STRENGTH) / (max(others - 1, 0) + _PRIOR_STRENGTH),
               rates.true - 0.01)


def item_kind(key: str) -> int:
    """The kind of an item key, as an index into KINDS: 0 for anchors ("#" numbers, "@" names),
    which nearly always survive translation; 1 for soft items ("$" marks, lexicon words)."""
    return 0 if key[0] in "#@" else 1


def carried_over(key: str) -> bool:
    """Numbers, names and marks are written the same in a translation: a paragraph that holds
    one also accounts for it on the other side (its reach); lexicon words need a rendering."""
    return key[0] in "#@$"


def _kind_of(item: str) -> str:
    return KINDS[item_kind(item)]


def _shared_anchors(src: list[Features], tgt: list[Features]) -> tuple[set[str], set[str]]:
    """Numbers and name keys found on both sides: only those can be evidence."""
    numbers = set().union(*(f.numbers for f in src)) & set().union(*(f.numbers for f in tgt)) if src and tgt else set()
    names = {k for f in src for keys in f.names for k in keys} & {k for f in tgt for keys in f.names for k in keys}
    return numbers, names


def _paragraph_items(features: list[Features | None], numbers: set[str], names: set[str],
                     side: str) -> list[dict[str, float]]:
    """Items of every paragraph (see _items), letting each paragraph's features go once read,
    so a book-length post never holds both at once."""
    found: list[dict[str, float]] = []
    prefixed: dict[str, str] = {}
    for k, f in enumerate(features):
        found.append(_items(f, numbers, names, side, prefixed))
        features[k] = None
    return found


def _items(f: Features, numbers: set[str], names: set[str], side: str, prefixed: dict[str, str]) -> dict[str, float]:
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


def _reach(items: dict[str, float], translations: dict[str, frozenset[str]]) -> frozenset[str]:
    """Keys of the other side a paragraph accounts for: its anchors and the translations of
    its lexical items (shared strings, not copies)."""
    return frozenset(filter(carried_over, items)).union(*(translations.get(k, ()) for k in items
                                                          if not carried_over(k)))


def _hits(weights: dict[str, float], reach: frozenset[str]) -> list[float]:
    """Weight of the items in ``weights`` that ``reach`` holds: [anchors, soft items]."""
    hit = [0.0, 0.0]
    for key in weights.keys() & reach:
        hit[item_kind(key)] += weights[key]
    return hit


class _Evidence:
    """Weighted items of every paragraph, and the pair statistics built from them.

    Items are keys: "#1959" (number), "@khrushchev" (name), "$[0" (first bracket),
    "s:year" (lexicon lemma on the source side), "t:năm" (rendering on the target side).
    Each paragraph also knows the keys it can explain on the other side (its anchors and
    the renderings of its words), so matching is set membership.
    """

    def __init__(self, src_items: list[dict[str, float]], tgt_items: list[dict[str, float]],
                 forward: dict[str, frozenset[str]], reverse: dict[str, frozenset[str]]) -> None:
        frequency = Counter(chain.from_iterable(src_items + tgt_items))
        total = len(src_items) + len(tgt_items)
        self.weight = {item: math.log((total + 1) / (df + 0.5)) for item, df in frequency.items()}
        # A rendering that occurs nowhere in the post can never be matched: keep only the rest.
        occurring = frozenset(self.weight)
        self.src_reach = [_reach(items, forward) & occurring for items in src_items]
        self.tgt_reach = [_reach(items, reverse) & occurring for items in tgt_items]
        self.src_weights, self.tgt_weights = src_items, tgt_items
        self.src_totals, self.tgt_totals = self._weigh(src_items), self._weigh(tgt_items)

    def _weigh(self, shares: list[dict[str, float]]) -> list[dict[str, float]]:
        """Turn each paragraph's shares into weights (share × the item's weight), in place, and
        give each paragraph's total weight per kind."""
        weight, totals = self.weight, []
        for items in shares:
            total = [0.0, 0.0]
            for key, share in items.items():
                w = items[key] = share * weight[key]
                total[item_kind(key)] += w
            totals.append(dict(zip(KINDS, total)))
        return totals

    def tally(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> Tally:
        """Matched and total item weights of a bead, per kind and side.

        A source item is hit when the target side holds it (or a rendering of it), and
        the other way round.
        """
        src_hit, src_total = self._side(src_ids, self.src_weights, self.src_totals, tgt_ids, self.tgt_reach)
        tgt_hit, tgt_total = self._side(tgt_ids, self.tgt_weights, self.tgt_totals, src_ids, self.src_reach)
        return {kind: (src_hit[k], src_total[k], tgt_hit[k], tgt_total[k]) for k, kind in enumerate(KINDS)}

    @staticmethod
    def _side(ids: Sequence[int], weights: list[dict[str, float]], totals: list[dict[str, float]],
              other_ids: Sequence[int], other_reach: list[frozenset[str]]) -> tuple[list[float], list[float]]:
        """Matched and total weight per kind of one side of a bead. The paragraphs of a merge
        count an item they share once (at the first one's weight in the hits, the greatest in
        the total); the other side reaches what any of its paragraphs reaches."""
        reach = other_reach[other_ids[0]] if len(other_ids) == 1 else \
            frozenset().union(*(other_reach[j] for j in other_ids))
        if len(ids) == 1:
            total = totals[ids[0]]
            return _hits(weights[ids[0]], reach), [total[kind] for kind in KINDS]
        merged: dict[str, float] = {}
        for i in reversed(ids):
            merged.update(weights[i])
        greatest: dict[str, float] = {}
        for i in ids:
            for item, w in weights[i].items():
                if w > greatest.get(item, 0.0):
                    greatest[item] = w
        total = [0.0, 0.0]
        for item, w in greatest.items():
            total[item_kind(item)] += w
        return _hits(merged, reach), total


class _Aligner:
    def __init__(self, src: list[Paragraph], tgt: list[Paragraph], use_lexicon: bool, src_is_english: bool,
                 vectorise: bool = False, dictionary: Dictionary = ()) -> None:
        """``vectorise``: keep the evidence as numpy tables and score with them (band.py), as
        long posts do; else as Python sets, scored pair by pair. ``dictionary``: a user's extra
        lexicon entries (see dictionary.py)."""
        self.src, self.tgt = src, tgt
        self.lexicon = lexicon_for(use_lexicon, dictionary)
        self.src_is_english = src_is_english
        self.model = _Model()
        self.runs_src, self.runs_tgt = self._runs()
        self.vectorise = vectorise
        self.evidence: _Evidence | None = None
        self._tables: ItemTables | None = None
        self._reached: dict[str, Counter] | None = None
        self._build_evidence()
        self.src_len, self.tgt_len = [len(p.text) for p in src], [len(p.text) for p in tgt]
        self._row_tallies: list[dict[tuple[int, int], Tally]] = [{}, {}]
        self._refresh()

    def coarsened(self, size: int) -> _Aligner:
        """The same document seen in chunks of ``size`` paragraphs (a coarse view, scored
        with numpy only), its item tables merged from these without reading text again.

        Items in more than a quarter of the paragraphs tell chunks apart poorly and cost the
        most time; the coarse view leaves them out, and keeps only a chunk's heaviest items,
        so each level costs a fraction of the one below."""
        coarse = self._view(_chunks(self.src, size), _chunks(self.tgt, size), _chunk_lengths(self.src_len, size),
                            _chunk_lengths(self.tgt_len, size), _Model(),
                            self._item_tables().grouped(size, math.log(4), _COARSE_ITEMS))
        coarse.runs_src, coarse.runs_tgt = coarse._runs()
        return coarse

    def selected(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> _Aligner:
        """Some source and target paragraphs alone (each list increasing; scored with numpy
        only), sharing this model: what is found in them can teach this aligner."""
        from .band import np
        view = self._view([self.src[i] for i in src_ids], [self.tgt[j] for j in tgt_ids],
                          [self.src_len[i] for i in src_ids], [self.tgt_len[j] for j in tgt_ids], self.model,
                          self._item_tables().select(np.array(src_ids, dtype=np.int64),
                                                     np.array(tgt_ids, dtype=np.int64)))
        view.runs_src, view.runs_tgt = [self.runs_src[i] for i in src_ids], [self.runs_tgt[j] for j in tgt_ids]
        return view

    def _view(self, src: list[Paragraph], tgt: list[Paragraph], src_len: list[int], tgt_len: list[int],
              model: _Model, tables: ItemTables) -> _Aligner:
        """An aligner over other paragraphs of this post whose evidence is only ``tables``."""
        view = object.__new__(_Aligner)
        view.src, view.tgt, view.src_len, view.tgt_len = src, tgt, src_len, tgt_len
        view.lexicon = self.lexicon
        view.src_is_english, view._swapped = self.src_is_english, self._swapped
        view.model = model
        view.evidence, view._reached = None, None
        view._row_tallies = [{}, {}]
        view.vectorise, view._tables = True, tables
        view._refresh()
        return view

    # ----- set-up -------------------------------------------------------------------
    def _runs(self) -> tuple[list[int], list[int]]:
        """Run number of each paragraph: it grows by one at every language switch."""
        merged = sorted([(p.index, 0, k) for k, p in enumerate(self.src)] +
                        [(p.index, 1, k) for k, p in enumerate(self.tgt)])
        runs_src, runs_tgt = [0] * len(self.src), [0] * len(self.tgt)
        run, last = 0, None
        for _, side, k in merged:
            if last is not None and side != last:
                run += 1
            last = side
            (runs_src if side == 0 else runs_tgt)[k] = run
        return runs_src, runs_tgt

    def _features(self, paragraphs: list[Paragraph], english: bool) -> list[Features]:
        texts = [p.text for p in paragraphs]
        if english and self.lexicon.forward:
            return parallel_map(self.lexicon.source_features, texts)
        if not self.lexicon.forward:
            return parallel_map(partial(target_features, table={}, lengths=()), texts)
        table, lengths = self.lexicon.table
        return parallel_map(partial(target_features, table=table, lengths=lengths,
                                    plain_table=self.lexicon.plain_table), texts)

    def _build_evidence(self) -> None:
        """Items of every paragraph, as _Evidence or as ItemTables (``vectorise``)."""
        src_f = self._features(self.src, self.src_is_english)
        tgt_f = self._features(self.tgt, not self.src_is_english)
        # The lexicon reads English to Vietnamese: the English side plays "source" inside.
        self._swapped = not self.src_is_english and bool(self.lexicon.forward)
        if self._swapped:
            src_f, tgt_f = tgt_f, src_f
        numbers, names = _shared_anchors(src_f, tgt_f)
        src_items = _paragraph_items(src_f, numbers, names, "s")
        tgt_items = _paragraph_items(tgt_f, numbers, names, "t")
        forward, reverse = self.lexicon.translations()
        if not self.vectorise:
            self.evidence = _Evidence(src_items, tgt_items, forward, reverse)
            return
        from .band import ItemTables
        tables = ItemTables(src_items, tgt_items, forward, reverse)
        self._tables = tables.swapped() if self._swapped else tables

    def _tally(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> Tally:
        """The bead's tally, source side first, whichever side the lexicon reads from.

        One-to-one tallies of the DP's current and previous rows are kept (the parts of a
        merge are the diagonals of neighbouring cells); nothing older, so memory stays small."""
        if len(src_ids) == 1 and len(tgt_ids) == 1:
            key = (src_ids[0], tgt_ids[0])
            found = self._row_tallies[1].get(key) or self._row_tallies[0].get(key)
            if found is None:
                found = self._row_tallies[1][key] = self._compute_tally(src_ids, tgt_ids)
            return found
        return self._compute_tally(src_ids, tgt_ids)

    def _compute_tally(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> Tally:
        if self._swapped:
            swapped = self.evidence.tally(tgt_ids, src_ids)
            return {kind: (v[2], v[3], v[0], v[1]) for kind, v in swapped.items()}
        return self.evidence.tally(src_ids, tgt_ids)

    # ----- the pair score -------------------------------------------------------------
    def _content(self, tally: Tally, side: str = "both") -> float:
        """Log-likelihood ratio of the matched shares: binomial, translation rate vs chance rate.

        Per kind, k matched units of n give k·log(true/chance) + (n−k)·log((1−true)/(1−chance));
        the logarithms come precomputed from the model (see _refresh)."""
        total_llr = 0.0
        for kind, per_unit, on_hit, on_miss in self._coefficients[side]:
            hit, total = _side_counts(tally, kind, side)
            if total > 0:
                total_llr += (hit * on_hit + (total - hit) * on_miss) * per_unit
        return total_llr

    def _refresh(self) -> None:
        """Recompute the content coefficients after the model's rates or units change."""
        self._part_cache: dict[tuple[int, str], tuple[float, dict[str, float]]] = {}
        model = self.model
        self._coefficients = {
            side: [(kind, 1.0 / model.unit_weight[kind],
                    math.log(model.rates[(kind, side)].true / model.rates[(kind, side)].chance),
                    math.log((1 - model.rates[(kind, side)].true) / (1 - model.rates[(kind, side)].chance)))
                   for kind in KINDS]
            for side in SIDES}

    def _length(self, src_len: int, tgt_len: int) -> float:
        m = self.model
        ratio = math.log((tgt_len + 1) / (src_len + 1))
        short = min(src_len, tgt_len) + 1
        sd = math.sqrt(m.len_sd ** 2 + 2.0 / short)
        return _normal_logpdf(ratio, m.len_mu, sd) - _normal_logpdf(ratio, m.len_mu_null, m.len_sd_null)

    def _parts_prove_themselves(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> bool:
        """Each paragraph of a merge must find its own items in the other side.

        Adding any paragraph to a bead raises its matched weight a little (common words
        match by chance), so the merged score alone would merge too eagerly. A short part
        is judged by its own items only, not blamed for what the long side says besides.
        """
        if len(src_ids) > 1:
            return all(self._part_evidence(i, tgt_ids, "src") > 0 for i in src_ids)
        return all(self._part_evidence(j, src_ids, "tgt") > 0 for j in tgt_ids)

    def _part_evidence(self, part: int, other_ids: tuple[int, ...], side: str) -> float:
        """Log-likelihood ratio that the part's items are explained by the other side of the
        bead, each item against its own chance (see _item_chance). A word that every paragraph
        of the other side explains ("and", "of") proves nothing; a global chance rate would let
        a few such words join an untranslated paragraph to its neighbour's translation."""
        e = self.evidence
        inner = side if not self._swapped else ("tgt" if side == "src" else "src")  # the evidence's side
        other_reach = e.tgt_reach if inner == "src" else e.src_reach
        reach = other_reach[other_ids[0]] if len(other_ids) == 1 else \
            frozenset().union(*(other_reach[k] for k in other_ids))
        base, on_hit = self._part_terms(part, side, inner)
        return base + sum(map(on_hit.__getitem__, on_hit.keys() & reach))

    def _part_terms(self, part: int, side: str, inner: str) -> tuple[float, dict[str, float]]:
        """A part's evidence when nothing is hit, and what each of its items adds when hit
        (kept until the model changes, see _refresh)."""
        key = (part, side)
        found = self._part_cache.get(key)
        if found is None:
            model, e = self.model, self.evidence
            weights = (e.src_weights if inner == "src" else e.tgt_weights)[part]
            reached, others = self._reach_counts()[inner], len(e.tgt_reach if inner == "src" else e.src_reach)
            base, on_hit = 0.0, {}
            for item, w in weights.items():
                kind = _kind_of(item)
                rates = model.rates[(kind, side)]
                p = _item_chance(reached[item], others, rates)
                scale = w / model.unit_weight[kind]
                miss = math.log((1 - rates.true) / (1 - p)) * scale
                base += miss
                on_hit[item] = math.log(rates.true / p) * scale - miss
            found = self._part_cache[key] = (base, on_hit)
        return found

    def _reach_counts(self) -> dict[str, Counter]:
        """Per item key, how many paragraphs of the other side reach it (as ItemTables.reach_counts)."""
        if self._reached is None:
            e = self.evidence
            self._reached = {"src": Counter(chain.from_iterable(e.tgt_reach)),
                             "tgt": Counter(chain.from_iterable(e.src_reach))}
        return self._reached

    def _part_values(self, side: int) -> tuple:
        """For _part_evidence over arrays: per occurrence of ``side`` (0 source, 1 target), what
        a hit adds, and per paragraph what it scores if nothing is hit."""
        from .band import np
        tables, model = self._item_tables(), self.model
        occurrences, kinds = (tables.src, tables.src_kind) if side == 0 else (tables.tgt, tables.tgt_kind)
        others = len((tables.tgt if side == 0 else tables.src).start) - 1
        name = ("src", "tgt")[side]
        true = np.array([model.rates[(kind, name)].true for kind in KINDS])[kinds]
        chance = np.array([model.rates[(kind, name)].chance for kind in KINDS])[kinds]
        unit = np.array([model.unit_weight[kind] for kind in KINDS])[kinds]
        p = np.minimum((np.maximum(tables.reach_counts[side] - 1, 0) + chance * _PRIOR_STRENGTH)
                       / (max(others - 1, 0) + _PRIOR_STRENGTH), true - 0.01)
        scale = occurrences.weight / unit
        miss = scale * np.log((1 - true) / (1 - p))
        base = np.bincount(occurrences.paragraph, weights=miss, minlength=len(occurrences.start) - 1)
        return scale * np.log(true / p) - miss, base

    def _offset(self, i: int, j: int) -> int:
        d = self.runs_tgt[j] - self.runs_src[i]
        return max(-_MAX_OFFSET, min(_MAX_OFFSET, d))

    def gain(self, src_ids: tuple[int, ...], tgt_ids: tuple[int, ...], layout: bool = True) -> float:
        """Log-odds that the bead is a translation: content + length (+ layout) + prior."""
        merge = len(src_ids) + len(tgt_ids) > 2
        if merge and not self._parts_prove_themselves(src_ids, tgt_ids):
            return float("-inf")  # checked first: it is cheaper than the merged tally
        value = self._content(self._tally(src_ids, tgt_ids))
        value += self._length(sum(self.src_len[i] for i in src_ids), sum(self.tgt_len[j] for j in tgt_ids))
        if layout:
            value += self.model.offset_bonus.get(self._offset(src_ids[0], tgt_ids[0]), 0.0)
        value += _PAIR_BIAS
        if merge:
            value -= _MERGE_PENALTY
        return value

    def pair_gains(self, pairs: list[tuple[int, int]]) -> list[float]:
        """Gains of one-to-one pairs without the layout term (what their words and lengths say)."""
        return [self._content(t) + self._length(self.src_len[i], self.tgt_len[j]) + _PAIR_BIAS
                for t, (i, j) in zip(self._pair_tallies(pairs), pairs)]

    def layout_free(self, bead: tuple) -> float:
        """A bead's gain less the layout term it was found with."""
        src_ids, tgt_ids, g = bead
        return g - self.model.offset_bonus.get(self._offset(src_ids[0], tgt_ids[0]), 0.0)

    # ----- estimating the model from the document ---------------------------------------
    def _pair_tallies(self, pairs: list[tuple[int, int]]) -> list[Tally]:
        """Tallies of many one-to-one pairs: with numpy when this post is scored that way."""
        if not self.vectorise:
            return [self._tally((i,), (j,)) for i, j in pairs]
        from .band import np
        tables = self._item_tables()
        src = np.array([i for i, _ in pairs], dtype=np.int64)
        tgt = np.array([j for _, j in pairs], dtype=np.int64)
        src_hit, src_total, tgt_hit, tgt_total = (x.T.tolist() for x in tables.bead_tallies(src, 1, tgt, 1))
        return [{kind: (src_hit[p][k], src_total[p][k], tgt_hit[p][k], tgt_total[p][k]) for k, kind in enumerate(KINDS)}
                for p in range(len(pairs))]

    def _sample_pairs(self, limit: int = 4000) -> list[tuple[int, int]]:
        n, m = len(self.src), len(self.tgt)
        if n * m <= limit:
            return [(i, j) for i in range(n) for j in range(m)]
        step = max(1, (n * m) // limit)
        return [(k // m, k % m) for k in range(0, n * m, step)]

    def estimate_null(self, samples: int = 4000) -> None:
        """Chance rates and lengths from all pairs (most pairs of a document are unrelated);
        first translation rates from the best match of each source paragraph."""
        model = self.model
        for kind in KINDS:
            if self.vectorise:
                model.unit_weight[kind] = self._item_tables().unit_weight(KINDS.index(kind))
                continue
            weights = [w for item, w in self.evidence.weight.items() if _kind_of(item) == kind]
            model.unit_weight[kind] = statistics.fmean(weights) if weights else 1.0
        shares: dict[tuple[str, str], list[float]] = defaultdict(list)
        best: dict[tuple[str, str], dict[int, float]] = defaultdict(lambda: defaultdict(float))
        ratios = []
        pairs = self._sample_pairs(samples)
        for (i, j), tally in zip(pairs, self._pair_tallies(pairs)):
            for kind in KINDS:
                for side in SIDES:
                    hit, total = _side_counts(tally, kind, side)
                    if total > 0:
                        shares[(kind, side)].append(hit / total)
                        best[(kind, side)][i] = max(best[(kind, side)][i], hit / total)
            ratios.append(math.log((self.tgt_len[j] + 1) / (self.src_len[i] + 1)))
        for key, rates in model.rates.items():
            prior = _PRIOR_RATES[key[0]]
            if shares[key]:
                chance = _shrink(statistics.median(shares[key]), len(shares[key]), prior.chance)
                rates.chance = min(0.4, max(0.02, chance))
            tops = sorted(best[key].values())
            if tops:
                rates.true = _shrink(tops[(3 * len(tops)) // 4], len(tops), prior.true)
            rates.true = min(0.95, max(rates.chance + 0.15, rates.true))
        self._refresh()
        if len(ratios) >= 2:
            model.len_mu_null = statistics.fmean(ratios)
            model.len_sd_null = max(0.5, statistics.pstdev(ratios))
            total_src = sum(self.src_len) + 1
            total_tgt = sum(self.tgt_len) + 1
            model.len_mu = math.log(total_tgt / total_src)

    def learn_from(self, beads: list[tuple[tuple[int, ...], tuple[int, ...], float]]) -> None:
        """Re-estimate translation rates, length ratio and layout habit from confident beads.

        Rates and habit are blended with their priors by the number of beads behind them, so
        even one or two confident beads (a post only partly translated) teach something; the
        length ratio and its spread need three."""
        confident = [(s, t) for s, t, g in beads if g >= _CONFIDENT_GAIN and len(s) == len(t) == 1]
        if not confident:
            return
        model = self.model
        tallies = self._pair_tallies([(s[0], t[0]) for s, t in confident])
        for (kind, side), rates in model.rates.items():
            shares = [hit / total for hit, total in (_side_counts(t, kind, side) for t in tallies) if total > 0]
            if shares:
                true = _shrink(statistics.median(shares), len(shares), _PRIOR_RATES[kind].true)
                rates.true = min(0.95, max(rates.chance + 0.15, true))
        self._refresh()
        ratios = [math.log((self.tgt_len[t[0]] + 1) / (self.src_len[s[0]] + 1)) for s, t in confident]
        if len(ratios) >= _MIN_LENGTH_PAIRS:
            model.len_mu = statistics.median(ratios)
            spread = statistics.median(abs(r - model.len_mu) for r in ratios) * 1.4826
            model.len_sd = min(0.6, max(0.12, spread))
        seen = Counter(self._offset(s[0], t[0]) for s, t in confident)
        background: Counter = Counter(self._offset(i, j) for i, j in self._sample_pairs())
        total_bg = sum(background.values())
        prior_strength = 2.0
        for d, count in background.items():
            p_null = count / total_bg
            p_true = (seen.get(d, 0) + prior_strength * p_null) / (len(confident) + prior_strength)
            model.offset_bonus[d] = math.log(p_true / p_null)

    # ----- the dynamic programme --------------------------------------------------------
    def _mergeable_src(self, i: int) -> bool:
        """May src[i-1] and src[i] form one side of a bead? Only inside one same-language run."""
        return i >= 1 and self.runs_src[i - 1] == self.runs_src[i]

    def _mergeable_tgt(self, j: int) -> bool:
        return j >= 1 and self.runs_tgt[j - 1] == self.runs_tgt[j]

    def run(self, src_ids: Sequence[int], tgt_ids: Sequence[int], layout: bool,
            corridor: list[tuple[int, int]] | None = None, merges: bool = True,
            ties_to_diagonal: bool = False) -> list[tuple]:
        """Best monotonic beads between the given source and target paragraphs.

        ``corridor`` limits row ``a`` to target positions lo..hi (a band around a coarser
        path); only those cells are stored, so memory grows with the corridor, not with
        n×m. ``merges=False`` leaves out 2-1 and 1-2 beads (a quicker first pass). The
        cells of the best path are kept in ``self.last_path``; where skips tie (no evidence
        either way) it goes up, or with ``ties_to_diagonal`` toward the diagonal.

        Skips (1-0, 0-1) gain nothing, so a row is the running maximum of the row above
        (itertools.accumulate, at C speed) except at the few cells where a bead with a
        positive gain ends: those "edges" are all the Python work a row needs.
        """
        n, m = len(src_ids), len(tgt_ids)
        if corridor is None:
            corridor = [(0, m)] * (n + 1)
        neg = float("-inf")
        lows = [lo for lo, _ in corridor]
        scores: list[array] = []
        edges: list[dict[int, tuple[int, float, float]]] = []  # k → (move, gain, value)
        candidates = self._band_candidates(corridor, layout, merges) \
            if self.vectorise and len(src_ids) == len(self.src) and len(tgt_ids) == len(self.tgt) else None
        self._row_tallies = [{}, {}]
        above = above_low = two_above = two_above_low = None
        blank = array("d", [neg])
        for a in range(n + 1):
            self._row_tallies = [self._row_tallies[1], {}]
            lo, hi = corridor[a]
            width = max(0, hi - lo + 1)
            row = blank * width
            if a >= 1:
                _copy_overlap(above, above_low, row, lo)
            elif lo == 0 and width:
                row[0] = 0.0
            row_edges: dict[int, tuple[int, float, float]] = {}
            if a >= 1:
                found = candidates.pop(a, ()) if candidates is not None else \
                    self._row_candidates(a, lo, hi, src_ids, tgt_ids, merges)
                for b, how, g in found:
                    if how == 7:
                        if a < 2:
                            continue
                        k = b - 1 - two_above_low
                        source = two_above[k] if 0 <= k < len(two_above) else neg
                    else:
                        k = b - (1 if how == 4 else 2) - above_low
                        source = above[k] if 0 <= k < len(above) else neg
                    if source == neg:
                        continue
                    if g is None:  # computed only where the bead can start
                        g = self._bead_gain(a, b, how, src_ids, tgt_ids, layout)
                        if not g > 0:
                            continue
                    value, k = source + g, b - lo
                    if value > row[k] and (k not in row_edges or value > row_edges[k][2]):
                        row_edges[k] = (how, g, value)
                for k, (_, _, value) in row_edges.items():
                    row[k] = value
            if width:
                row = array("d", accumulate(row, max))
            scores.append(row)
            edges.append(row_edges)
            two_above, two_above_low, above, above_low = above, above_low, row, lo
        return self._trace(src_ids, tgt_ids, scores, lows, edges, ties_to_diagonal)

    def _item_tables(self) -> ItemTables:
        """The evidence as arrays, source side first (a vectorised aligner's only evidence)."""
        if self._tables is None:
            raise ValueError("this aligner keeps its evidence as Python sets (vectorise=False)")
        return self._tables

    def _band_candidates(self, corridor: list[tuple[int, int]], layout: bool,
                         merges: bool) -> dict[int, list[tuple[int, int, float | None]]]:
        """What _row_candidates gives, for every row of the corridor at once, with every gain
        computed (numpy), and only the beads whose gain is positive. A merge is scored only
        where each of its parts proves itself, as in gain."""
        from .band import Band, np
        tables = self._item_tables()
        n, m = len(self.src), len(self.tgt)
        lo = np.array([c[0] for c in corridor], dtype=np.int64)
        hi = np.array([c[1] for c in corridor], dtype=np.int64)
        # Cells of row a's pairs: its own columns, one more to the left (the first part of a
        # 1-2 bead) and those of the next row (the first part of a 2-1 bead in the next row).
        low = np.maximum(lo - 1, 1)
        high = np.minimum(np.append(hi[1:], hi[-1]), m) if merges else np.minimum(hi, m)
        low = np.minimum.accumulate(low[::-1])[::-1]
        band = Band(low, np.maximum(np.maximum.accumulate(high), low - 1))
        runs_src, runs_tgt = np.array(self.runs_src), np.array(self.runs_tgt)
        score = _VectorScore(self, layout)
        if merges:  # what each merge part's own evidence needs (see _part_evidence)
            (src_value, src_base), (tgt_value, tgt_base) = self._part_values(0), self._part_values(1)
        part_values = (src_value, tgt_value) if merges else ()
        diagonal: dict[int, list] = defaultdict(list)
        merged: dict[int, dict[int, list]] = {7: defaultdict(list), 5: defaultdict(list)}  # 2-1 and 1-2
        for first in range(1, n + 1, _BAND_BLOCK_ROWS):
            stop = min(n + 1, first + _BAND_BLOCK_ROWS)
            start = max(1, first - 1)  # and the row above, which 2-1 beads read
            rows, columns = band.cells(start, stop)
            src_hit, tgt_hit, *part_hits = band.tallies(tables, start, stop, *part_values)
            i, j = rows - 1, columns - 1
            src_total, tgt_total = tables.src_totals[i].T, tables.tgt_totals[j].T
            value = score.gain(src_hit, src_total, tgt_hit, tgt_total, i, j, 1, 1)
            own = (rows >= first) & (columns >= lo[rows]) & (columns <= hi[rows])
            chosen = np.nonzero(own & (value > 0))[0]
            for a, b, g in zip(rows[chosen].tolist(), columns[chosen].tolist(), value[chosen].tolist()):
                diagonal[a].append((b, 4, g))
            if not merges:
                continue
            # A part proves itself when its own evidence is positive (see _part_evidence).
            src_proves = src_base[i] + part_hits[0] > 0
            tgt_proves = tgt_base[j] + part_hits[1] > 0
            base = band.offset[start]
            above = band.offset[rows - 1] - base + columns - low[rows - 1]
            holds_above = (rows - 1 >= start) & (columns >= low[rows - 1]) & (columns <= band.high[rows - 1])
            index = np.arange(len(rows))
            holds_left = (columns - 1 >= low[rows]) & (columns >= 2)
            two_sources_may = own & (rows >= 2) & holds_above & src_proves & \
                src_proves[np.where(holds_above, above, 0)] & (runs_src[np.maximum(i - 1, 0)] == runs_src[i])
            two_targets_may = own & holds_left & tgt_proves & tgt_proves[np.where(holds_left, index - 1, 0)] & \
                (runs_tgt[np.maximum(j - 1, 0)] == runs_tgt[j])
            for how, may in ((7, two_sources_may), (5, two_targets_may)):
                chosen = np.nonzero(may)[0]
                two_sources = how == 7
                extra_src, extra_tgt = (1, 0) if two_sources else (0, 1)  # the bead's first paragraphs
                src_first, tgt_first = i[chosen] - extra_src, j[chosen] - extra_tgt
                gains = score.gain(*tables.bead_tallies(src_first, 1 + extra_src, tgt_first, 1 + extra_tgt),
                                   src_first, tgt_first, 1 + extra_src, 1 + extra_tgt)
                kept = gains > 0
                for a, b, g in zip(rows[chosen][kept].tolist(), columns[chosen][kept].tolist(), gains[kept].tolist()):
                    merged[how][a].append((b, how, g))
        return {a: diagonal.get(a, []) + merged[7].get(a, []) + merged[5].get(a, [])
                for a in set(diagonal) | set(merged[7]) | set(merged[5])}

    def _vector_content(self, hit, total, side: str):
        """_content over arrays (2 kinds × cells), in the same order of operations."""
        value = 0.0
        for kind, (_, per_unit, on_hit, on_miss) in enumerate(self._coefficients[side]):
            value = value + (hit[kind] * on_hit + (total[kind] - hit[kind]) * on_miss) * per_unit
        return value

    def _row_candidates(self, a: int, lo: int, hi: int, src_ids: Sequence[int], tgt_ids: Sequence[int],
                        merges: bool) -> list[tuple[int, int, float | None]]:
        """Every bead that may end in row ``a`` (gains left to compute: None), in the order
        diagonal, 2-1, 1-2 per cell, the order in which ties are settled."""
        found: list[tuple[int, int, float | None]] = []
        merge_src = merges and a >= 2 and src_ids[a - 1] == src_ids[a - 2] + 1 and self._mergeable_src(src_ids[a - 1])
        for b in range(max(lo, 1), hi + 1):
            found.append((b, 4, None))
            if merge_src:
                found.append((b, 7, None))
            if merges and b >= 2 and tgt_ids[b - 1] == tgt_ids[b - 2] + 1 and self._mergeable_tgt(tgt_ids[b - 1]):
                found.append((b, 5, None))
        return found

    def _bead_gain(self, a: int, b: int, how: int, src_ids: Sequence[int], tgt_ids: Sequence[int],
                   layout: bool) -> float:
        """Gain of the bead of move ``how`` (3·rows + columns) ending in cell (a, b)."""
        da, db = divmod(how, 3)
        return self.gain(tuple(src_ids[a - da:a]), tuple(tgt_ids[b - db:b]), layout)

    def _trace(self, src_ids: Sequence[int], tgt_ids: Sequence[int], scores: list[array], lows: list[int],
               edges: list[dict[int, tuple[int, float, float]]], ties_to_diagonal: bool = False) -> list[tuple]:
        """Follow the best path back from the corner: a bead where an edge beat both the cell
        above and the cell to the left (strictly), else a skip; on a tie upward, or (with
        ``ties_to_diagonal``) to whichever cell lies nearer the diagonal, where positions in
        proportion put a stretch without evidence (as Gale & Church assume)."""
        n, m = len(src_ids), len(tgt_ids)
        neg = float("-inf")
        beads: list[tuple] = []
        self.last_path = [(n, m)]
        if _cell(scores[n], lows[n], m) == neg:  # the corridor missed the corner
            return beads
        a, b = n, m
        while a > 0 or b > 0:
            k = b - lows[a]
            up = _cell(scores[a - 1], lows[a - 1], b) if a >= 1 else neg
            left = scores[a][k - 1] if k >= 1 else neg
            edge = edges[a].get(k)
            if edge is not None and edge[2] > up and edge[2] > left:
                da, db = divmod(edge[0], 3)
                beads.append((tuple(src_ids[a - da:a]), tuple(tgt_ids[b - db:b]), edge[1]))
            elif up != left or not ties_to_diagonal:
                da, db = (1, 0) if up >= left else (0, 1)
            else:
                da, db = (1, 0) if abs((a - 1) * m - b * n) <= abs(a * m - (b - 1) * n) else (0, 1)
            a, b = a - da, b - db
            self.last_path.append((a, b))
        beads.reverse()
        return beads

    def corridor(self, width: int) -> list[tuple[int, int]]:
        """Target positions within ``width`` of the last path, row by row."""
        n = max(a for a, _ in self.last_path)
        m = max(b for _, b in self.last_path)
        low = [m] * (n + 1)
        high = [0] * (n + 1)
        for a, b in self.last_path:
            low[a] = min(low[a], b)
            high[a] = max(high[a], b)
        for a in range(1, n + 1):
            if low[a] > high[a]:  # a row a 2-1 bead stepped over
                low[a] = high[a] = high[a - 1]
        return [(max(0, low[a] - width), min(m, high[a] + width)) for a in range(n + 1)]

    def grow_merges(self, beads: list[tuple]) -> list[tuple]:
        """Let each merge take in leftover paragraphs next to it on its many side: a paragraph
        translated as three (or three translated as one), where the programme's beads stop at
        two. An added paragraph must stand in the same language run, prove itself against the
        bead's other side, and raise the bead's gain by more than a merge's prior cost: each
        further part is as much rarer again as the first merge is than a 1-1 bead."""
        beads = list(beads)
        paired = ({i for s, _, _ in beads for i in s}, {j for _, t, _ in beads for j in t})
        while True:
            offers = []  # (bead, new source ids, new target ids, side grown, paragraph added)
            for k, (s, t, _) in enumerate(beads):
                if len(s) > 1 or len(t) > 1:
                    side = 0 if len(s) > 1 else 1
                    ids, runs = (s, self.runs_src) if side == 0 else (t, self.runs_tgt)
                    for x, grown in ((ids[0] - 1, (ids[0] - 1,) + ids), (ids[-1] + 1, ids + (ids[-1] + 1,))):
                        if 0 <= x < len(runs) and x not in paired[side] and runs[x] == runs[ids[0]]:
                            offers.append((k, grown, t, side, x) if side == 0 else (k, s, grown, side, x))
            gains = self._grown_gains(offers)
            best: dict[int, tuple[float, int]] = {}  # paragraph added → (improvement, offer)
            for n, ((k, _, _, side, x), g) in enumerate(zip(offers, gains)):
                better = g - beads[k][2]
                if better > _MERGE_PENALTY and better > best.get((side, x), (-math.inf, 0))[0]:
                    best[(side, x)] = (better, n)
            grown_beads: set[int] = set()
            for (side, x), (_, n) in sorted(best.items(), key=lambda item: -item[1][0]):
                k, new_s, new_t, _, _ = offers[n]
                if k not in grown_beads:  # one paragraph per bead per round
                    grown_beads.add(k)
                    beads[k] = (new_s, new_t, gains[n])
                    paired[side].add(x)
            if not grown_beads:
                return beads

    def _grown_gains(self, offers: list[tuple]) -> list[float]:
        """gain() of each offered bead (with layout), -inf where the added paragraph does not
        prove itself; with numpy for a vectorised aligner, a batch per bead shape."""
        if not self.vectorise:
            return [self.gain(s, t) for _, s, t, _, _ in offers]
        from .band import np
        tables, score, gains = self._item_tables(), _VectorScore(self, layout=True), [0.0] * len(offers)
        shapes: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        for n, (_, s, t, side, _) in enumerate(offers):
            shapes[(len(s), len(t), side)].append(n)
        for (src_count, tgt_count, side), members in shapes.items():
            src = np.array([offers[n][1][0] for n in members], dtype=np.int64)
            tgt = np.array([offers[n][2][0] for n in members], dtype=np.int64)
            added = np.array([offers[n][4] for n in members], dtype=np.int64)
            values = score.gain(*tables.bead_tallies(src, src_count, tgt, tgt_count), src, tgt, src_count, tgt_count)
            other, other_count = (tgt, tgt_count) if side == 0 else (src, src_count)
            proves = tables.part_evidence(added, other, other_count, side, *self._part_values(side)) > 0
            for n, value in zip(members, np.where(proves, values, -math.inf).tolist()):
                gains[n] = value
        return gains

    def _bead_contents(self, beads: list[tuple]) -> list[float]:
        """The content score (_content) of each bead, with numpy for a vectorised aligner."""
        if not self.vectorise:
            return [self._content(self._tally(s, t)) for s, t, _ in beads]
        from .band import np
        tables, found = self._item_tables(), [0.0] * len(beads)
        shapes: dict[tuple[int, int], list[int]] = defaultdict(list)
        for n, (s, t, _) in enumerate(beads):
            shapes[(len(s), len(t))].append(n)
        for (src_count, tgt_count), members in shapes.items():
            src = np.array([beads[n][0][0] for n in members], dtype=np.int64)
            tgt = np.array([beads[n][1][0] for n in members], dtype=np.int64)
            src_hit, src_total, tgt_hit, tgt_total = tables.bead_tallies(src, src_count, tgt, tgt_count)
            values = self._vector_content(src_hit + tgt_hit, src_total + tgt_total, "both")
            for n, value in zip(members, values.tolist()):
                found[n] = value
        return found

    def second_renderings(self, beads: list[tuple]) -> list[tuple]:
        """Pair leftover target runs with source paragraphs again (a second translation).

        A second rendering is a section of its own, so only chains of at least
        ``_MIN_RENDERING_CHAIN`` consecutive leftover target paragraphs qualify, each pair
        carrying confident content evidence by itself (no layout bonus).
        """
        used = {j for _, t, _ in beads for j in t}
        unused = [j for j in range(len(self.tgt)) if j not in used]
        # Only runs of leftover paragraphs long enough to be a rendering of their own qualify.
        leftover, run = [], []
        for j in unused + [None]:
            if j is not None and run and j == run[-1] + 1:
                run.append(j)
                continue
            if len(run) >= _MIN_RENDERING_CHAIN:
                leftover.extend(run)
            run = [j] if j is not None else []
        if len(leftover) < _MIN_RENDERING_CHAIN:
            return []
        position = {j: k for k, j in enumerate(leftover)}
        if len(self.src) * len(leftover) > _RENDERING_TABLE_LIMIT:
            return []  # too long a search for a second rendering (see README)
        all_src = list(range(len(self.src)))
        if self.vectorise:
            found = [(s, tuple(leftover[k] for k in t), g) for s, t, g in
                     self.selected(all_src, leftover).run(all_src, range(len(leftover)), layout=False)]
        else:
            found = self.run(all_src, leftover, layout=False)
        # One source paragraph each (a rendering may split a paragraph in two, as translations do).
        single = [bead for bead in found if len(bead[0]) == 1 and bead[1][-1] - bead[1][0] == len(bead[1]) - 1]
        candidates = [bead for bead, content in zip(single, self._bead_contents(single)) if content >= _CONFIDENT_GAIN]
        accepted: list[tuple] = []
        chain: list[tuple] = []
        for bead in candidates + [None]:
            if bead is not None and chain and position[bead[1][0]] == position[chain[-1][1][-1]] + 1 \
                    and self.tgt[bead[1][0]].index > self.tgt[chain[-1][1][-1]].index:
                chain.append(bead)
                continue
            if len(chain) >= _MIN_RENDERING_CHAIN:
                accepted.extend(chain)
            chain = [bead] if bead is not None else []
        return accepted


class _VectorScore:
    """gain() over arrays of beads of one shape: content + length (+ layout) + prior."""

    def __init__(self, aligner: _Aligner, layout: bool) -> None:
        from .band import np
        self.np, self.aligner, self.model = np, aligner, aligner.model
        self.src_len = np.array(aligner.src_len, dtype=np.float64)
        self.tgt_len = np.array(aligner.tgt_len, dtype=np.float64)
        self.runs_src, self.runs_tgt = np.array(aligner.runs_src), np.array(aligner.runs_tgt)
        self.bonus = np.array([self.model.offset_bonus.get(d, 0.0) if layout else 0.0
                               for d in range(-_MAX_OFFSET, _MAX_OFFSET + 1)])

    def gain(self, src_hit, src_total, tgt_hit, tgt_total, i, j, src_count: int, tgt_count: int):
        """Gains of the beads of ``src_count`` source paragraphs from i[p] and ``tgt_count``
        target paragraphs from j[p], given their tallies."""
        np, model = self.np, self.model
        value = self.aligner._vector_content(src_hit + tgt_hit, src_total + tgt_total, "both")
        src_len = sum(self.src_len[i + k] for k in range(src_count))
        tgt_len = sum(self.tgt_len[j + k] for k in range(tgt_count))
        ratio = np.log((tgt_len + 1) / (src_len + 1))
        sd = np.sqrt(model.len_sd ** 2 + 2.0 / (np.minimum(src_len, tgt_len) + 1))
        value += (-0.5 * ((ratio - model.len_mu) / sd) ** 2 - np.log(sd)) - \
            (-0.5 * ((ratio - model.len_mu_null) / model.len_sd_null) ** 2 - math.log(model.len_sd_null))
        value += self.bonus[np.clip(self.runs_tgt[j] - self.runs_src[i], -_MAX_OFFSET, _MAX_OFFSET) + _MAX_OFFSET]
        value += _PAIR_BIAS
        if src_count + tgt_count > 2:
            value -= _MERGE_PENALTY
        return value


def _cell(row: array, low: int, b: int) -> float:
    """Score of column ``b`` in a stored row starting at column ``low``; -inf outside it."""
    k = b - low
    return row[k] if 0 <= k < len(row) else float("-inf")


def _copy_overlap(above: array, above_low: int, row: array, low: int) -> None:
    """Copy the cells of the row above that share a column with ``row`` (the skip 1-0)."""
    start, stop = max(low, above_low), min(low + len(row), above_low + len(above))
    if start < stop:
        row[start - low:stop - low] = above[start - above_low:stop - above_low]


def _sampled_first_pass(aligner: _Aligner, guide: list[tuple[int, int]]) -> list[tuple]:
    """First-pass beads of _SAMPLE_WINDOWS stretches of _SAMPLE_ROWS source paragraphs spread
    evenly over the post, each aligned alone within the coarse corridor ``guide``.

    A stretch's first and last beads may be forced by its edges, but only confident beads
    teach the model, and a few thousand of them estimate its handful of parameters well."""
    n, m = len(aligner.src), len(aligner.tgt)
    beads: list[tuple] = []
    for w in range(_SAMPLE_WINDOWS):
        first = (w * n) // _SAMPLE_WINDOWS + (n // _SAMPLE_WINDOWS - _SAMPLE_ROWS) // 2
        stop = first + _SAMPLE_ROWS
        left, right = guide[first][0], min(m, guide[stop][1])
        corridor = [(max(0, lo - left), min(right, hi) - left) for lo, hi in guide[first:stop + 1]]
        corridor[0], corridor[-1] = (0, corridor[0][1]), (corridor[-1][0], right - left)
        view = aligner.selected(range(first, stop), range(left, right))
        for s, t, g in view.run(range(stop - first), range(right - left), layout=False, merges=False,
                                corridor=corridor):
            beads.append((tuple(first + i for i in s), tuple(left + j for j in t), g))
    return beads


def _chunks(paragraphs: list[Paragraph], size: int) -> list[Paragraph]:
    """One paragraph per chunk of ``size``, standing where the chunk starts (the coarse view of
    a side needs a chunk's place and length, see _chunk_lengths, not its text)."""
    return [Paragraph(p.index, "", p.line, p.lang) for p in paragraphs[::size]]


def _chunk_lengths(lengths: list[int], size: int) -> list[int]:
    """Length of each chunk's text, its paragraphs joined by spaces."""
    return [sum(lengths[k:k + size]) + len(lengths[k:k + size]) - 1 for k in range(0, len(lengths), size)]


def _coarse_corridor(aligner: _Aligner, limit: int = _FULL_TABLE_LIMIT) -> list[tuple[int, int]] | None:
    """Where the path of ``aligner``'s document can lie, from the path between its chunks.

    None when the full table (up to ``limit`` cells) is small enough; recursive, so each
    level costs time in proportion to its length and the whole stays near linear.
    """
    n, m = len(aligner.src), len(aligner.tgt)
    if n * m <= limit or min(n, m) < 2 * _CHUNK or not aligner.vectorise:  # coarse views need the tables
        return None
    coarse = aligner.coarsened(_CHUNK)
    coarse.estimate_null(_COARSE_SAMPLES)
    outer = _coarse_corridor(coarse, _COARSE_TABLE_LIMIT)
    coarse.run(list(range(len(coarse.src))), list(range(len(coarse.tgt))), layout=False, corridor=outer,
               merges=False, ties_to_diagonal=True)
    rows = coarse.corridor(0)
    corridor = []
    for a in range(n + 1):
        low_row, high_row = rows[min(a // _CHUNK, len(rows) - 1)], rows[min((a + _CHUNK - 1) // _CHUNK, len(rows) - 1)]
        lo = max(0, low_row[0] * _CHUNK - _CHUNK_CORRIDOR)
        hi = min(m, (high_row[1] + 1) * _CHUNK + _CHUNK_CORRIDOR)
        corridor.append((lo, hi))
    corridor[n] = (corridor[n][0], m)
    return corridor


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector paused (nested blocks are fine).

    Alignment builds millions of small containers (paragraphs, items, tallies) that all live
    until it ends and form no reference cycles; the collector would only rescan them again
    and again as they pile up (a third of the evidence-building time of a 100,000-paragraph
    post). Reference counting still frees everything; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align_paragraphs(paragraphs: list[Paragraph], src_lang: str, tgt_lang: str,
                     dictionary: Dictionary = ()) -> list[AlignedUnit]:
    """Align the ``src_lang`` and ``tgt_lang`` paragraphs; every paragraph lands in one unit.
    ``dictionary``: a user's extra English–Vietnamese entries (see dictionary.py)."""
    with collector_paused():
        return _align_paragraphs(paragraphs, src_lang, tgt_lang, dictionary)


def _align_paragraphs(paragraphs: list[Paragraph], src_lang: str, tgt_lang: str,
                      dictionary: Dictionary = ()) -> list[AlignedUnit]:
    src = [p for p in paragraphs if p.lang == src_lang and not p.chrome]
    tgt = [p for p in paragraphs if p.lang == tgt_lang and not p.chrome]
    beads: list[tuple] = []
    extra: list[tuple] = []
    if src and tgt:
        pair = {src_lang, tgt_lang}
        aligner = _Aligner(src, tgt, use_lexicon=pair == {"en", "vi"}, src_is_english=src_lang == "en",
                           vectorise=len(src) * len(tgt) > _VECTORISE_CELLS, dictionary=dictionary)
        aligner.estimate_null()
        all_src, all_tgt = list(range(len(src))), list(range(len(tgt)))
        guide = _coarse_corridor(aligner)
        if guide is not None and len(src) > 2 * _SAMPLE_WINDOWS * _SAMPLE_ROWS:
            # A book-length post: its habits are learnt from stretches of it, and the corridor
            # of the coarse path, a little wider, is searched once.
            aligner.learn_from(_sampled_first_pass(aligner, guide))
            corridor = [(max(0, lo - _GUIDE_MARGIN), min(len(tgt), hi + _GUIDE_MARGIN)) for lo, hi in guide]
        else:
            aligner.learn_from(aligner.run(all_src, all_tgt, layout=False, merges=False, corridor=guide))
            corridor = aligner.corridor(_CORRIDOR) if guide is not None else None
        beads = _within_comments(aligner.grow_merges(aligner.run(all_src, all_tgt, layout=True, corridor=corridor)),
                                 src, tgt)
        extra = _within_comments(aligner.second_renderings(beads), src, tgt)
        beads, own = _rearranged(aligner, src, tgt, beads)
        scored = bead_confidences(beads + extra, own + [g for _, _, g in extra], len(src), len(tgt),
                                  aligner.pair_gains)
        beads = [(s, t, c) for (s, t, _), c in zip(beads, scored)]
        extra = [(s, t, c) for (s, t, _), c in zip(extra, scored[len(beads):])]
        lone = _lone_confidences(aligner, src, tgt, beads + extra)
    else:
        lone = {}
    return _units(paragraphs, src, tgt, beads, extra, tgt_lang, lone)


def _in_one_comment(bead: tuple, src: list[Paragraph], tgt: list[Paragraph]) -> bool:
    """Do the bead's paragraphs all belong to one reader comment, or all to none? A comment is
    translated inside itself, and an answer in the next comment is not its translation."""
    return len({src[i].comment for i in bead[0]} | {tgt[j].comment for j in bead[1]}) == 1


def _within_comments(beads: list[tuple], src: list[Paragraph], tgt: list[Paragraph]) -> list[tuple]:
    """The beads that stay inside one reader comment (see _in_one_comment)."""
    return [b for b in beads if _in_one_comment(b, src, tgt)]


def _rearranged(aligner: _Aligner, src: list[Paragraph], tgt: list[Paragraph],
                beads: list[tuple]) -> tuple[list[tuple], list[float]]:
    """The beads after the local swaps and crossed leftovers their words ask for (see swaps.py),
    kept inside reader comments, with each bead's layout-free gain."""
    own = [aligner.layout_free(b) for b in beads]
    beads, own = take_local_swaps(beads, own, aligner.pair_gains, _MERGE_PENALTY)
    beads, own = pair_crossed_leftovers(beads, own, [p.index for p in src], [p.index for p in tgt],
                                        aligner.pair_gains, _MERGE_PENALTY)
    kept = [k for k, bead in enumerate(beads) if _in_one_comment(bead, src, tgt)]
    return [beads[k] for k in kept], [own[k] for k in kept]


def _lone_confidences(aligner: _Aligner, src: list[Paragraph], tgt: list[Paragraph],
                      beads: list[tuple]) -> dict[int, float]:
    """For every source or target paragraph left alone: how sure the aligner is that it has no
    counterpart, by paragraph index (see confidence.py)."""
    paired_src = {i for s_ids, _, _ in beads for i in s_ids}
    paired_tgt = {j for _, t_ids, _ in beads for j in t_ids}
    src_at, tgt_at = [p.index for p in src], [p.index for p in tgt]
    lone_src = [i for i in range(len(src)) if i not in paired_src]
    lone_tgt = [j for j in range(len(tgt)) if j not in paired_tgt]
    found = dict(zip((src[i].index for i in lone_src),
                     lone_confidences(lone_src, src_at, tgt_at, aligner.pair_gains, lone_is_src=True)))
    found.update(zip((tgt[j].index for j in lone_tgt),
                     lone_confidences(lone_tgt, tgt_at, src_at, aligner.pair_gains, lone_is_src=False)))
    return found


def _units(paragraphs: list[Paragraph], src: list[Paragraph], tgt: list[Paragraph], beads: list[tuple],
           extra: list[tuple], tgt_lang: str, lone: dict[int, float]) -> list[AlignedUnit]:
    """Turn beads into units in document order, adding every paragraph left out as a one-sided
    unit, scored by ``lone`` (a paragraph of neither language, or with nothing to pair with, is
    surely alone: 1.0)."""
    by_src: dict[int, AlignedUnit] = {}
    units: list[AlignedUnit] = []
    placed: set[int] = set()
    for s_ids, t_ids, g in beads:
        unit = AlignedUnit([src[i] for i in s_ids], [tgt[j] for j in t_ids], round(g, 4))
        units.append(unit)
        for i in s_ids:
            by_src[i] = unit
        placed.update(p.index for p in unit.src + unit.tgt)
    for s_ids, t_ids, g in extra:
        # Another rendering of a paired source is a unit of its own (see AlignedUnit.rendering).
        earlier = by_src.get(s_ids[0])
        unit = AlignedUnit([src[i] for i in s_ids], [tgt[j] for j in t_ids], round(g, 4),
                           earlier.rendering + 1 if earlier is not None else 1)
        units.append(unit)
        by_src[s_ids[0]] = unit
        placed.update(p.index for p in unit.src + unit.tgt)
    for p in paragraphs:
        if p.index not in placed:
            score = round(lone.get(p.index, 1.0), 4)
            units.append(AlignedUnit([], [p], score) if p.lang == tgt_lang else AlignedUnit([p], [], score))
    units.sort(key=lambda u: u.first_index)
    return units
