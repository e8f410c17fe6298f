"""Learning the model from the document itself: pure functions returning a new model.

First from all pairs, most of which are unrelated (chance rates, the lengths of unrelated
pairs), then from the confident beads of a first pass (translation rates, the length ratio
and its spread, the layout habit). Every estimate is blended with its prior by the number of
observations behind it, so a short post leans on the priors and a long one on itself.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import replace

from .document import sample_pairs
from .items import KINDS, SIDES
from .model import Model, Tally, side_counts, shrink
from .score import Bead, Scorer
from .settings import Rates


def estimate_null(scorer: Scorer, samples: int) -> Model:
    """Chance rates and lengths from all pairs (most pairs of a document are unrelated);
    first translation rates from the best match of each source paragraph."""
    doc, settings = scorer.document, scorer.settings
    shares: dict[tuple[str, str], list[float]] = defaultdict(list)
    best: dict[tuple[str, str], dict[int, float]] = defaultdict(lambda: defaultdict(float))
    ratios = []
    pairs = sample_pairs(len(doc.src), len(doc.tgt), samples)
    matched: list[float] = []
    for (i, j), tally in zip(pairs, scorer.pair_tallies(pairs)):
        for kind in KINDS:
            for side in SIDES:
                hit, total = side_counts(tally, kind, side)
                if total > 0:
                    shares[(kind, side)].append(hit / total)
                    best[(kind, side)][i] = max(best[(kind, side)][i], hit / total)
        ratios.append(math.log((doc.tgt_len[j] + 1) / (doc.src_len[i] + 1)))
        matched.append(_matched_share(tally))
    rates = {}
    for key, old in scorer.model.rates.items():
        prior = settings.prior_rates[key[0]]
        chance, true = old.chance, old.true
        if shares[key]:
            unrelated = without_likely_translations(shares[key], len(doc.src), len(doc.tgt))
            chance = min(0.4, max(0.02, shrink(statistics.median(unrelated), len(unrelated), prior.chance,
                                               settings)))
        tops = sorted(best[key].values())
        if tops:
            true = shrink(tops[(3 * len(tops)) // 4], len(tops), prior.true, settings)
        rates[key] = Rates(chance, min(0.95, max(chance + 0.15, true)))
    model = replace(scorer.model, rates=rates, unit_weight=scorer.unit_weights())
    if len(ratios) < 2:
        return model
    every_pair = len(pairs) == len(doc.src) * len(doc.tgt)
    mutual = mutual_best_matches(pairs, matched) if every_pair else []
    if mutual:
        len_mu = statistics.median(math.log((doc.tgt_len[j] + 1) / (doc.src_len[i] + 1)) for i, j in mutual)
    else:
        len_mu = math.log((sum(doc.tgt_len) + 1) / (sum(doc.src_len) + 1))
    return replace(model, len_mu_null=statistics.fmean(ratios), len_sd_null=max(0.5, statistics.pstdev(ratios)),
                   len_mu=len_mu)


def _matched_share(tally: Tally) -> float:
    """The share of a pair's items, of every kind and both sides, that the other side matches."""
    hit = total = 0.0
    for kind in KINDS:
        kind_hit, kind_total = side_counts(tally, kind, "both")
        hit += kind_hit
        total += kind_total
    return hit / total if total > 0 else 0.0


def mutual_best_matches(pairs: list[tuple[int, int]], shares: list[float]) -> list[tuple[int, int]]:
    """The pairs whose two paragraphs are each other's best match by matched share (some share
    at least). Before any search, these are the likeliest translations of a post: their length
    ratio is the translation's, where the ratio of the two sides' totals is not when a post is
    translated only in part (a third of its English translated puts that ratio near a third)."""
    best_of_src: dict[int, tuple[float, int]] = {}
    best_of_tgt: dict[int, tuple[float, int]] = {}
    for (i, j), share in zip(pairs, shares):
        if share > best_of_src.get(i, (0.0, -1))[0]:
            best_of_src[i] = (share, j)
        if share > best_of_tgt.get(j, (0.0, -1))[0]:
            best_of_tgt[j] = (share, i)
    return [(i, j) for i, (_, j) in best_of_src.items() if best_of_tgt[j][1] == i]


def without_likely_translations(shares: list[float], n_src: int, n_tgt: int) -> list[float]:
    """The shares of sampled pairs less the highest ones, as many as the translations among
    them are expected to be: at most one pair in each row is a translation, so min(n, m) of the
    n·m pairs. A long post loses a sliver; a post of five lines, where half of all pairs are
    translations, would otherwise take its translations' shares for the chance rate."""
    expected = round(len(shares) * min(n_src, n_tgt) / max(n_src * n_tgt, 1))
    if expected == 0 or expected >= len(shares):
        return shares
    return sorted(shares)[:len(shares) - expected]


def learn_from(scorer: Scorer, beads: list[Bead]) -> Model:
    """Translation rates, length ratio and layout habit re-estimated from confident beads.

    Rates and habit are blended with their priors by the number of beads behind them, so
    even one or two confident beads (a post only partly translated) teach something; the
    length ratio and its spread need a few more (settings.min_length_pairs)."""
    settings = scorer.settings
    confident = [(s[0], t[0]) for s, t, g in beads if g >= settings.confident_gain and len(s) == len(t) == 1]
    if not confident:
        return scorer.model
    model = replace(scorer.model, rates=_translation_rates(scorer, confident),
                    offset_bonus=_layout_habit(scorer, confident))
    doc = scorer.document
    ratios = [math.log((doc.tgt_len[j] + 1) / (doc.src_len[i] + 1)) for i, j in confident]
    if len(ratios) < settings.min_length_pairs:
        return model
    mu = statistics.median(ratios)
    spread = statistics.median(abs(r - mu) for r in ratios) * 1.4826
    return replace(model, len_mu=mu, len_sd=min(0.6, max(0.12, spread)))


def _translation_rates(scorer: Scorer, confident: list[tuple[int, int]]) -> dict[tuple[str, str], Rates]:
    """Each kind's and side's translation rate: the median matched share of confident pairs."""
    tallies = scorer.pair_tallies(confident)
    rates = {}
    for (kind, side), old in scorer.model.rates.items():
        shares = [hit / total for hit, total in (side_counts(t, kind, side) for t in tallies) if total > 0]
        true = old.true
        if shares:
            estimate = shrink(statistics.median(shares), len(shares), scorer.settings.prior_rates[kind].true,
                              scorer.settings)
            true = min(0.95, max(old.chance + 0.15, estimate))
        rates[(kind, side)] = Rates(old.chance, true)
    return rates


def _layout_habit(scorer: Scorer, confident: list[tuple[int, int]]) -> dict[int, float]:
    """Log-odds of each offset (language switches from a paragraph to its translation) among
    confident pairs against all pairs, with a weak prior toward "no habit"."""
    doc, most = scorer.document, scorer.settings.max_offset
    seen = Counter(doc.offset(i, j, most) for i, j in confident)
    background = Counter(doc.offset(i, j, most)
                         for i, j in sample_pairs(len(doc.src), len(doc.tgt), scorer.settings.null_samples))
    total_bg = sum(background.values())
    prior_strength = 2.0
    bonus = dict(scorer.model.offset_bonus)
    for d, count in background.items():
        p_null = count / total_bg
        p_true = (seen.get(d, 0) + prior_strength * p_null) / (len(confident) + prior_strength)
        bonus[d] = math.log(p_true / p_null)
    return bonus
