"""The recipe: the named passes that turn tagged paragraphs into aligned units.

    evidence   the items of every paragraph, as sets or (long posts) numpy tables
    null       chance rates and lengths of unrelated pairs, from all pairs
    corridor   on long posts, where the path can lie, from the path between chunks
    first      a search without the layout term; its confident beads teach the model
    search     the search with the layout term, in a corridor around the first path
    merges     merges grown past two paragraphs
    renderings leftover target runs paired again as a second rendering
    rearrange  copies, local swaps, crossed leftovers, enclosed gaps and islands, inside reader comments
    confidence the probability that each unit is right
    units      beads turned into units in document order
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ..dictionary import Dictionary
from ..models import AlignedUnit, Paragraph
from .confidence import Copies, bead_confidences, copies_of
from .copies import settle_copies
from .document import document_of
from .estimate import estimate_null, learn_from
from .evidence import Evidence
from .furniture import furniture_beads
from .gaps import fill_gaps
from .islands import without_word_poor_islands
from .items import document_items
from .lexicon import lexicon_for
from .model import initial_model
from .passes import grow_merges, second_renderings
from .score import Bead, PairScorer, Scorer
from .search import Corridor, corridor_around, search
from .settings import DEFAULT_SETTINGS, Settings
from .swaps import pair_crossed_leftovers, take_local_swaps
from .units import lone_scores, units_of


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


def align_paragraphs(paragraphs: list[Paragraph], src_lang: str, tgt_lang: str, dictionary: Dictionary = (),
                     settings: Settings = DEFAULT_SETTINGS) -> list[AlignedUnit]:
    """Align the ``src_lang`` and ``tgt_lang`` paragraphs; every paragraph lands in one unit.
    ``dictionary``: a user's extra English–Vietnamese entries (see dictionary.py).

    Page furniture is aligned apart from the content (see chrome_pairs)."""
    with collector_paused():
        src = [p for p in paragraphs if p.lang == src_lang and not p.chrome]
        tgt = [p for p in paragraphs if p.lang == tgt_lang and not p.chrome]
        units = _aligned_units(paragraphs, src, tgt, src_lang, tgt_lang, dictionary, settings)
        furniture = [p for p in paragraphs if p.chrome]
        paired = chrome_pairs(furniture, units, src_lang, tgt_lang, dictionary, settings)
        if not paired:
            return units
        taken = {p.index for u in paired for p in u.src + u.tgt}
        kept = [u for u in units if not any(p.index in taken for p in u.src + u.tgt)]
        return sorted(kept + paired, key=lambda u: u.first_index)


def _aligned_units(paragraphs: list[Paragraph], src: list[Paragraph], tgt: list[Paragraph], src_lang: str,
                   tgt_lang: str, dictionary: Dictionary, settings: Settings) -> list[AlignedUnit]:
    """Every paragraph in a unit, ``src`` and ``tgt`` aligned by the passes."""
    if not (src and tgt):
        return units_of(paragraphs, src, tgt, [], [], tgt_lang, {})
    scorer = build_scorer(src, tgt, {src_lang, tgt_lang} == {"en", "vi"}, src_lang == "en", dictionary, settings)
    scorer, corridor = learnt_model(scorer)
    beads, extra = find_beads(scorer, corridor)
    return score_units(scorer, paragraphs, beads, extra, tgt_lang)


def chrome_pairs(furniture: list[Paragraph], content: list[AlignedUnit], src_lang: str, tgt_lang: str,
                 dictionary: Dictionary, settings: Settings) -> list[AlignedUnit]:
    """Pairs inside a page's furniture, aligned apart from the content (``content``: its
    units), only where the page puts the two together (see furniture.py) and their words make
    the pair likelier right than not: a share bar and its translation, a newsletter form's "One
    email a week..." and its own; not a menu's "About" beside "Tiếng Việt", nor two radio labels
    "English" and "Tiếng Việt"."""
    src = [p for p in furniture if p.lang == src_lang]
    tgt = [p for p in furniture if p.lang == tgt_lang]
    if not (src and tgt):
        return []
    scorer, _ = learnt_model(build_scorer(src, tgt, {src_lang, tgt_lang} == {"en", "vi"}, src_lang == "en",
                                          dictionary, settings))
    content_pairs = [([p.index for p in u.src], [p.index for p in u.tgt]) for u in content if u.src and u.tgt]
    return [AlignedUnit([src[i] for i in s], [tgt[j] for j in t], round(c, 4))
            for s, t, c in furniture_beads(scorer.document, content_pairs, scorer.pair_gains)]


def build_scorer(src: list[Paragraph], tgt: list[Paragraph], use_lexicon: bool, src_is_english: bool,
                 dictionary: Dictionary, settings: Settings) -> Scorer:
    """The evidence of the post, behind the scorer that suits its length, with a model of
    unrelated pairs estimated from it (the pass "null")."""
    lexicon = lexicon_for(use_lexicon, dictionary)
    document = document_of(src, tgt)
    src_items, tgt_items, swapped = document_items(src, tgt, src_is_english, lexicon)
    forward, reverse = lexicon.translations()
    if len(src) * len(tgt) > settings.vectorise_cells:
        from .band import BandScorer
        from .tables import ItemTables

        tables = ItemTables(src_items, tgt_items, forward, reverse)
        scorer: Scorer = BandScorer(document, tables.swapped() if swapped else tables, initial_model(settings),
                                    settings)
    else:
        scorer = PairScorer(document, Evidence(src_items, tgt_items, forward, reverse), swapped,
                            initial_model(settings), settings)
    return scorer.with_model(estimate_null(scorer, settings.null_samples))


def find_beads(scorer: Scorer, corridor: Corridor | None) -> tuple[list[Bead], list[Bead]]:
    """The beads of the post, and those of a second rendering: the passes search (within
    ``corridor``), merges and renderings, each bead kept inside one reader comment."""
    all_src, all_tgt = list(range(len(scorer.document.src))), list(range(len(scorer.document.tgt)))
    beads = within_comments(scorer, grow_merges(scorer, search(scorer, all_src, all_tgt, layout=True,
                                                               corridor=corridor).beads))
    return beads, within_comments(scorer, second_renderings(scorer, beads))


def learnt_model(scorer: Scorer) -> tuple[Scorer, Corridor | None]:
    """The passes corridor and first: the scorer under the model its first pass teaches, and
    the corridor the second search keeps to (None: the whole table)."""
    settings = scorer.settings
    guide = None
    if scorer.vectorised:
        from .coarse import coarse_corridor, is_book_length, sampled_first_pass, widened

        guide = coarse_corridor(scorer, settings.full_table_limit)
        if guide is not None and is_book_length(scorer):
            # Its habits are learnt from stretches of it, and the coarse corridor, a little
            # wider, is searched once.
            learnt = scorer.with_model(learn_from(scorer, sampled_first_pass(scorer, guide)))
            return learnt, widened(guide, settings.guide_margin, len(scorer.document.tgt))
    n, m = len(scorer.document.src), len(scorer.document.tgt)
    first = search(scorer, list(range(n)), list(range(m)), layout=False, merges=False, corridor=guide)
    learnt = scorer.with_model(learn_from(scorer, first.beads))
    return learnt, corridor_around(first, settings.corridor) if guide is not None else None


def in_one_comment(scorer: Scorer, bead: Bead) -> bool:
    """Do the bead's paragraphs all belong to one reader comment, or all to none? A comment is
    translated inside itself, and an answer in the next comment is not its translation."""
    doc = scorer.document
    return len({doc.src[i].comment for i in bead[0]} | {doc.tgt[j].comment for j in bead[1]}) == 1


def within_comments(scorer: Scorer, beads: list[Bead]) -> list[Bead]:
    """The beads that stay inside one reader comment (see in_one_comment)."""
    return [b for b in beads if in_one_comment(scorer, b)]


def rearranged(scorer: Scorer, beads: list[Bead], extra: list[Bead], copies: Copies) -> tuple[list[Bead], list[float]]:
    """The beads after settling identical copies (``copies``: see copies.py), the local swaps
    and crossed leftovers their words ask for (see swaps.py) and the pairs of enclosed gaps (see
    gaps.py; ``extra``: a second rendering's beads, whose paragraphs are taken), kept inside
    reader comments, with each bead's layout-free gain."""
    doc, penalty = scorer.document, scorer.settings.merge_penalty
    own = [scorer.layout_free(b) for b in beads]
    beads = settle_copies(beads, copies, doc)
    beads, own = take_local_swaps(beads, own, scorer.pair_gains, penalty)
    beads, own = pair_crossed_leftovers(beads, own, [p.index for p in doc.src], [p.index for p in doc.tgt],
                                        scorer.pair_gains, penalty)
    beads, own = fill_gaps(scorer, beads, own, extra)
    beads, own = without_word_poor_islands(beads, own, doc, lambda found: scorer.bead_contents(found, ("soft",)))
    kept = [k for k, bead in enumerate(beads) if in_one_comment(scorer, bead)]
    return [beads[k] for k in kept], [own[k] for k in kept]


def score_units(scorer: Scorer, paragraphs: list[Paragraph], beads: list[Bead], extra: list[Bead],
                tgt_lang: str) -> list[AlignedUnit]:
    """The passes rearrange, confidence and units: every bead and every lone paragraph with
    the probability that it is right."""
    doc = scorer.document
    copies = copies_of([p.text for p in doc.src], [p.text for p in doc.tgt])
    beads, own = rearranged(scorer, beads, extra, copies)
    every, gains = beads + extra, own + [g for _, _, g in extra]
    known = None
    if scorer.vectorised:  # a book's many one-to-one beads are weighed over arrays
        from .rival_arrays import one_to_one_rivals

        known = one_to_one_rivals(every, gains, len(doc.src), len(doc.tgt), scorer.pair_gain_array, copies)
    scored = bead_confidences(every, gains, len(doc.src), len(doc.tgt), scorer.pair_gains, copies, known)
    beads = [(s, t, c) for (s, t, _), c in zip(beads, scored)]
    extra = [(s, t, c) for (s, t, _), c in zip(extra, scored[len(beads):])]
    lone = lone_scores(doc.src, doc.tgt, beads + extra, scorer.pair_gains)
    return units_of(paragraphs, doc.src, doc.tgt, beads, extra, tgt_lang, lone)
