"""Every constant and search budget of the aligner, in one frozen dataclass passed down.

The figures come from the literature (Gale & Church's bead priors) or bound the work on long
posts; none is fitted to a sample. A caller (or a test) that wants other budgets builds its own
``Settings(...)`` and passes it to ``align_paragraphs``; nothing is read from module globals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rates:
    """Share of items matched in unrelated pairs (chance) and in translations (true)."""

    chance: float = 0.1
    true: float = 0.6


def _prior_rates() -> dict[str, Rates]:
    """Anchors (numbers, names) nearly always survive translation and rarely match by chance;
    soft items (lexicon words, marks) are often paraphrased away."""
    return {"hard": Rates(chance=0.02, true=0.9), "soft": Rates(chance=0.08, true=0.65)}


@dataclass(frozen=True)
class Settings:
    """The aligner's constants (scores in nats) and budgets (in paragraphs or cells)."""

    # Gale & Church's bead priors: a merge (2-1, 1-2) is about twenty times rarer than 1-1.
    merge_penalty: float = math.log(0.89 / 0.0445)
    # A pair must bring this much evidence beyond "as likely as not" to be made.
    pair_bias: float = -1.0
    # Beads whose gain exceeds this are confident: they teach the second pass.
    confident_gain: float = 2.0
    # A length ratio and its spread are learnt from at least this many confident pairs.
    min_length_pairs: int = 3
    # Language switches between a paragraph and its translation beyond this count alike.
    max_offset: int = 5
    # Prior rates per kind of item, worth ``prior_strength`` observations: a short document
    # has too few pairs to estimate from, a long one outweighs them at once.
    prior_rates: dict[str, Rates] = field(default_factory=_prior_rates)
    prior_strength: float = 8.0
    # Pairs sampled to estimate chance rates and lengths of unrelated pairs.
    null_samples: int = 4000
    # A second rendering must run for at least this many paragraphs in a row; it is searched
    # for in a full table of at most this many cells (a few seconds).
    min_rendering_chain: int = 3
    rendering_table_limit: int = 400_000
    # Above this many cells the evidence is kept as numpy tables (band.py) rather than sets.
    vectorise_cells: int = 40_000
    # Above this many cells the first path is found coarse to fine: chunks of ``chunk``
    # paragraphs are aligned first, then only a corridor around their path is searched.
    full_table_limit: int = 40_000
    chunk: int = 4
    chunk_corridor: int = 6
    # Coarse levels only need a rough path: they recurse until their table is this small,
    # estimate their chance rates from this many sampled pairs, and keep at most this many of
    # a chunk's items (the heaviest).
    coarse_table_limit: int = 20_000
    coarse_samples: int = 800
    coarse_items: int = 32
    # On long documents the second pass searches only this far from the first pass's path.
    corridor: int = 12
    # On book-length posts the first pass aligns this many stretches of this many source
    # paragraphs only, and the second pass searches the coarse corridor widened by the margin.
    sample_windows: int = 8
    sample_rows: int = 500
    guide_margin: int = 6
    # Long posts score their corridor with numpy this many rows at a time (bounded memory).
    band_block_rows: int = 4096
    # ... and count the tallies of scattered pairs (the confidence passes ask for hundreds of
    # thousands on a book) this many pairs at a time, for the same reason.
    tally_batch: int = 16_384


DEFAULT_SETTINGS = Settings()
