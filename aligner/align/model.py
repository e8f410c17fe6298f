"""The probability model of a pair: what its items, lengths and place say, in nats.

A bead's gain is the log-likelihood ratio "translation versus unrelated pair" of three signals:
its matched items (binomial, per kind: the translation rate against the chance rate, which
grows with the length of the side that holds the match), its
length ratio (normal, against the spread of ratios of unrelated pairs) and its place (how many
language switches separate the two sides, against the post's habit). The model holds those
rates and spreads; estimate.py learns them from the document, returning a new model each time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .items import KINDS, SIDES
from .settings import Rates, Settings

# A tally holds, per kind, (source hit, source total, target hit, target total) weights.
Tally = dict[str, tuple[float, float, float, float]]
# Per kind: (kind, 1 / unit weight, log-ratio on a hit, log-ratio on a miss), each log-ratio per
# length step of the other side (see length_step): an item is likelier matched by chance in a
# long paragraph than in a short one.
Coefficients = list[tuple[str, float, tuple[float, ...], tuple[float, ...]]]


@dataclass(frozen=True)
class Model:
    """Parameters of the pair score, estimated from the document."""

    rates: dict[tuple[str, str], Rates]
    unit_weight: dict[str, float] = field(default_factory=lambda: {k: 1.0 for k in KINDS})
    len_mu: float = 0.0
    len_sd: float = 0.35
    len_mu_null: float = 0.0
    len_sd_null: float = 1.0
    offset_bonus: dict[int, float] = field(default_factory=dict)


def initial_model(settings: Settings) -> Model:
    """The model before the document has taught anything: the prior rates of each kind."""
    return Model({(k, s): settings.prior_rates[k] for k in KINDS for s in SIDES})


def shrink(estimate: float, observations: int, prior: float, settings: Settings) -> float:
    """Blend a document estimate with the prior by the number of observations behind it."""
    strength = settings.prior_strength
    return (estimate * observations + prior * strength) / (observations + strength)


def item_chance(reached: int, others: int, rates: Rates, settings: Settings) -> float:
    """The chance that an unrelated paragraph explains an item that ``reached`` of the
    ``others`` paragraphs of the other side explain: one of them is taken to be its
    translation, and the estimate is shrunk toward the kind's chance rate, so a short post
    (a handful of paragraphs) leans on the rate and a long one on its own counts."""
    strength = settings.prior_strength
    unrelated = max(reached - 1, 0)
    return min((unrelated + rates.chance * strength) / (max(others - 1, 0) + strength), rates.true - 0.01)


# The longest class: a side 32 times the mean length (and more) counts as 32 paragraphs.
MAX_LENGTH_CLASS = 5
# Length classes come this many to a doubling (1, 1.19, 1.41, 1.68, 2, 2.38... times the mean):
# fine enough that a paragraph a little longer than another is not weighed as twice as long.
LENGTH_CLASS_STEPS = 4


def length_step(length: float, mean_length: float) -> int:
    """How long a side of ``length`` is against the mean, in steps of LENGTH_CLASS_STEPS to a
    doubling: 0 up to the mean (and a little past it), at most MAX_LENGTH_CLASS doublings."""
    ratio = length / mean_length if mean_length > 0 else 1.0
    steps = round(LENGTH_CLASS_STEPS * math.log2(ratio)) if ratio > 1 else 0
    return max(0, min(steps, MAX_LENGTH_CLASS * LENGTH_CLASS_STEPS))


def length_class(length: float, mean_length: float) -> float:
    """How many paragraphs of the usual length a side of ``length`` counts as: its ratio to the
    mean, never less than one and at most 2 ** MAX_LENGTH_CLASS, rounded to a class
    (LENGTH_CLASS_STEPS to a doubling). Classes rather than the ratio itself, so the numpy
    scorer can weigh a few of them."""
    return 2.0 ** (length_step(length, mean_length) / LENGTH_CLASS_STEPS)


def chance_over_length(chance: float, factor: float, rates: Rates) -> float:
    """The chance that ``factor`` unrelated paragraphs together explain an item each explains
    with ``chance``: a long paragraph holds more words by chance than a short one. Kept below
    the translation rate, as item_chance is."""
    if factor == 1:
        return chance
    return min(1.0 - (1.0 - chance) ** factor, rates.true - 0.01)


def side_counts(tally: Tally, kind: str, side: str) -> tuple[float, float]:
    """Matched and total weight of one kind, on one side of a bead or on both together."""
    src_hit, src_total, tgt_hit, tgt_total = tally[kind]
    if side == "src":
        return src_hit, src_total
    if side == "tgt":
        return tgt_hit, tgt_total
    return src_hit + tgt_hit, src_total + tgt_total


def coefficients(model: Model) -> Coefficients:
    """The logarithms content() needs, per kind and per length step of the other side, computed
    once per model rather than once per cell. The rates are those of both sides together."""
    found = []
    for kind in KINDS:
        rates = model.rates[(kind, "both")]
        chances = [chance_over_length(rates.chance, 2.0 ** (step / LENGTH_CLASS_STEPS), rates)
                   for step in range(MAX_LENGTH_CLASS * LENGTH_CLASS_STEPS + 1)]
        found.append((kind, 1.0 / model.unit_weight[kind],
                      tuple(math.log(rates.true / chance) for chance in chances),
                      tuple(math.log((1 - rates.true) / (1 - chance)) for chance in chances)))
    return found


def content(tally: Tally, coefficients_of_kinds: Coefficients, src_step: int = 0, tgt_step: int = 0) -> float:
    """Log-likelihood ratio of the matched shares: binomial, translation rate vs chance rate.

    Per kind and side, k matched units of n give k·log(true/chance) + (n−k)·log((1−true)/(1−chance)),
    where the chance that an item of one side is matched grows with the length of the other
    (``src_step``, ``tgt_step``: see length_step). A long paragraph holds many words, and a
    short line's few words found in it say less than the same words found in a line; weighed
    at the chance of a paragraph of the usual length, the words of two long unrelated
    paragraphs on one subject would outweigh any layout."""
    total_llr = 0.0
    for kind, per_unit, on_hit, on_miss in coefficients_of_kinds:
        src_hit, src_total, tgt_hit, tgt_total = tally[kind]
        if src_total > 0:
            total_llr += (src_hit * on_hit[tgt_step] + (src_total - src_hit) * on_miss[tgt_step]) * per_unit
        if tgt_total > 0:
            total_llr += (tgt_hit * on_hit[src_step] + (tgt_total - tgt_hit) * on_miss[src_step]) * per_unit
    return total_llr


def normal_logpdf(x: float, mu: float, sd: float) -> float:
    """Log density of a normal distribution, less the constant both hypotheses share."""
    return -0.5 * ((x - mu) / sd) ** 2 - math.log(sd)


def length_score(model: Model, src_len: int, tgt_len: int) -> float:
    """Log-likelihood ratio of the pair's length ratio; short texts vary more, so their spread
    is widened (a two-word heading may well come out as five words)."""
    ratio = math.log((tgt_len + 1) / (src_len + 1))
    short = min(src_len, tgt_len) + 1
    sd = math.sqrt(model.len_sd ** 2 + 2.0 / short)
    return normal_logpdf(ratio, model.len_mu, sd) - normal_logpdf(ratio, model.len_mu_null, model.len_sd_null)
