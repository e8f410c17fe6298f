"""Stage 4: align source and target paragraphs.

A dynamic programme over the source and target paragraph sequences (beads 1-1, 1-0, 0-1,
2-1, 1-2), in the manner of Gale & Church and hunalign, scores every bead by a log-likelihood
ratio "translation versus unrelated pair" whose parameters are estimated from the post itself.
The modules, in the order the data passes through them (pipeline.py is the recipe):

    settings.py    every constant and budget, in one frozen dataclass passed down
    lexicon.py     the English–Vietnamese lexicon, with a user's dictionary
    items.py       what of a paragraph can be found again in its translation
    document.py    the two sides: lengths, language runs, coarse and selected views
    evidence.py    items as Python sets (posts) ...
    tables.py      ... or as numpy arrays (books)
    model.py       the probability model of a pair
    score.py       one scorer interface; the pair-by-pair scorer
    band.py        the numpy scorer of the same interface (corridor_beads.py: a whole corridor;
                   part_values.py: a merge part's own evidence)
    estimate.py    the model learnt from the post, as pure functions
    search.py      the dynamic programme and the corridor around its path
    coarse.py      long posts: a corridor from chunks, a first pass over stretches
    passes.py      merges grown past two paragraphs, second renderings
    swaps.py       local swaps and crossed leftovers
    gaps.py        lone lines on both sides of one gap, inside translated blocks
    confidence.py  the probability that each unit is right
    furniture.py   pairs of page furniture the page puts together (share bars, a form's blurb)
    units.py       beads turned into units
    sentences.py   sentence pairs inside paragraph pairs
"""

from .lexicon import lexicon_for
from .pipeline import align_paragraphs, collector_paused
from .settings import DEFAULT_SETTINGS, Settings

__all__ = ["DEFAULT_SETTINGS", "Settings", "align_paragraphs", "collector_paused", "lexicon_for"]
