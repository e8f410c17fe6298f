"""The score is a probability that a unit is right, and the search can take a local swap."""

import pytest

from aligner import align_text
from aligner.align.confidence import bead_confidences, copies_of, logistic
from aligner.align.swaps import take_local_swaps

EN = ["The library opens at eight o'clock every morning from Monday to Friday.",
      "Children under twelve must come with a parent or a teacher.",
      "The reading room on the second floor is quiet and has forty seats."]
VI = ["Thư viện mở cửa lúc tám giờ mỗi sáng từ thứ Hai đến thứ Sáu.",
      "Trẻ em dưới mười hai tuổi phải đi cùng cha mẹ hoặc giáo viên.",
      "Phòng đọc trên tầng hai rất yên tĩnh và có bốn mươi chỗ ngồi."]


def test_two_translations_in_swapped_order_are_paired_crosswise():
    text = "\n".join([EN[0], VI[0], EN[1], EN[2], VI[2], VI[1]])
    pairs = [(u.src_text, u.tgt_text) for u in align_text(text).pairs]
    assert pairs == list(zip(EN, VI))


def test_a_swap_needs_more_than_its_cost():
    beads = [((0,), (0,), 0.0), ((1,), (1,), 0.0)]
    gains = {(0, 1): 2.0, (1, 0): 2.0}
    swapped, own = take_local_swaps(beads, [1.0, 1.0], lambda pairs: [gains[p] for p in pairs], cost=1.0)
    assert [(s, t) for s, t, _ in swapped] == [((0,), (1,)), ((1,), (0,))] and own == [2.0, 2.0]
    kept, _ = take_local_swaps(beads, [1.0, 1.0], lambda pairs: [gains[p] for p in pairs], cost=3.0)
    assert kept == beads


def test_a_pair_that_narrowly_beat_a_rival_is_doubtful_and_a_clear_one_is_not():
    beads = [((0,), (0,), 0.0), ((8,), (8,), 0.0)]
    rival = {(0, 1): 5.8}
    scores = bead_confidences(beads, [6.0, 6.0], 10, 10, lambda pairs: [rival.get(p, -3.0) for p in pairs])
    assert scores[0] < 0.6 < 0.99 < scores[1]
    assert abs(scores[0] - logistic(0.2)) < 1e-9


def test_an_unrelated_neighbour_is_not_paired_on_layout_alone():
    unrelated = "Bài viết này được đăng lại với sự cho phép của tác giả."  # says nothing of EN[1]
    text = "\n".join([EN[0], VI[0], EN[1], unrelated, EN[2], VI[2]])
    units = {u.src_text or u.tgt_text: u for u in align_text(text).units}
    assert units[EN[0]].score > 0.9 and units[EN[2]].score > 0.9
    assert not units[EN[1]].tgt and not units[unrelated].src
    assert units[EN[1]].score > 0.5 and units[unrelated].score > 0.5


def test_paragraphs_left_alone_say_how_sure_that_nothing_translates_them():
    text = "\n".join([EN[0], VI[0], EN[1], EN[2], VI[2]])
    lone = [u for u in align_text(text).units if not u.is_pair]
    assert [u.src_text for u in lone] == [EN[1]]
    assert 0.5 < lone[0].score <= 1.0


def test_a_rival_that_takes_a_neighbours_translation_costs_that_neighbour():
    """Two lookalike neighbours: each one's words also fit the other's translation fairly well,
    but moving one means undoing the other pair, which fits better still."""
    beads = [((0,), (0,), 0.0), ((1,), (1,), 0.0)]
    gains = {(0, 0): 9.0, (1, 1): 9.0, (0, 1): 7.0, (1, 0): 7.0}
    scores = bead_confidences(beads, [9.0, 9.0], 2, 2, lambda pairs: [gains.get(p, -5.0) for p in pairs])
    # Swapping both gives 7 + 7 for 9 + 9: the margin is 4, not the 2 of 9 against a free 7.
    assert scores == [logistic(4.0), logistic(4.0)]


def test_a_merge_is_judged_by_what_each_part_adds_to_the_rest():
    """A paragraph translated as two: each half alone explains only half the source (its gain
    is negative), yet each adds to the other; a half that adds nothing is doubtful."""
    merge = ((0,), (0, 1), 0.0)
    halves = {(0, 0): -2.0, (0, 1): -3.0}
    sure = bead_confidences([merge], [12.0], 1, 2, lambda pairs: [halves.get(p, -5.0) for p in pairs])
    assert sure[0] == logistic(12.0)
    one_half_is_enough = {(0, 0): 11.5, (0, 1): -3.0}
    doubtful = bead_confidences([merge], [12.0], 1, 2, lambda pairs: [one_half_is_enough.get(p, -5.0) for p in pairs])
    assert doubtful[0] == logistic(0.5)


def test_a_pair_whose_paragraph_has_an_unpaired_copy_is_doubtful():
    """A reply quotes an earlier post word for word; the translation went to one of the two
    copies, and nothing in the words says which."""
    target = ["Cảm ơn!", "Ở đâu vậy?"] + [f"Câu số {k}." for k in range(28)] + ["Ở đâu vậy?"]
    copies = copies_of(["Thanks!", "Where is it?"], target)
    assert copies == ({}, {1: [1, 30], 30: [1, 30]})
    gains = {(1, 1): 8.0, (1, 30): 8.0}
    beads = [((1,), (30,), 0.0)]
    alone = bead_confidences(beads, [8.0], 2, 31, lambda pairs: [gains.get(p, -5.0) for p in pairs])
    with_copy = bead_confidences(beads, [8.0], 2, 31, lambda pairs: [gains.get(p, -5.0) for p in pairs], copies)
    assert alone[0] > 0.99 and with_copy[0] == logistic(0.0)


def _random_alignment(seed: int):
    """Monotone beads of random shapes over two sides and two second renderings, with repeated
    texts on both sides, and a gain for every pair that depends only on its two texts (as a scorer's does)."""
    import random

    rng = random.Random(seed)
    beads, i, j = [], 0, 0
    while i < 60 and j < 60:
        i += rng.choice((0, 0, 1))  # a paragraph left alone now and then
        j += rng.choice((0, 0, 1))
        shape = rng.choice(((1, 1),) * 6 + ((2, 1), (1, 2)))
        beads.append((tuple(range(i, i + shape[0])), tuple(range(j, j + shape[1])), 0.0))
        i, j = i + shape[0], j + shape[1]
    n_src, n_tgt = i + 2, j + 2
    # Second renderings: a paired source paragraph with a target paragraph nobody holds, after
    # the other beads, as the pipeline hands them over.
    beads += [(rng.choice(beads)[0][:1], (n_tgt - 1 - k,), 0.0) for k in range(2)]
    src_text = [f"s{rng.randrange(40)}" for _ in range(n_src)]
    tgt_text = [f"t{rng.randrange(40)}" for _ in range(n_tgt)]
    own = [rng.uniform(-2.0, 12.0) for _ in beads]

    def pair_gains(pairs):
        return [random.Random(f"{src_text[a]}|{tgt_text[b]}").uniform(-8.0, 10.0) for a, b in pairs]

    return beads, own, n_src, n_tgt, pair_gains, copies_of(src_text, tgt_text)


@pytest.mark.parametrize("seed", range(6))
def test_the_array_rivals_of_a_book_weigh_exactly_as_the_pair_by_pair_ones(seed):
    """rival_arrays.py must give the very scores of confidence.py's loop (a long post's units
    must not depend on which of the two weighed them)."""
    import numpy as np

    from aligner.align.rival_arrays import one_to_one_rivals

    beads, own, n_src, n_tgt, pair_gains, copies = _random_alignment(seed)

    def gain_array(src, tgt):
        return np.array(pair_gains(list(zip(src.tolist(), tgt.tolist()))))

    known = one_to_one_rivals(beads, own, n_src, n_tgt, gain_array, copies)
    assert len(known) == sum(len(s) == len(t) == 1 for s, t, _ in beads) > 10
    assert bead_confidences(beads, own, n_src, n_tgt, pair_gains, copies, known) == \
        bead_confidences(beads, own, n_src, n_tgt, pair_gains, copies)


def test_leftovers_crossing_a_bead_in_blocks_are_paired():
    """EN Monday, EN Tuesday ... VI Tuesday, VI Monday, far apart in the document (a block of
    English, then its Vietnamese): the search pairs the Mondays; the Tuesdays, left alone on
    the other side of that pair on both sides, are paired by their words."""
    from aligner.align.swaps import pair_crossed_leftovers

    src_at, tgt_at = [0, 1, 2, 3], [10, 11, 12, 13]  # four English lines, then four Vietnamese
    beads = [((0,), (0,), 9.0), ((1,), (3,), 9.0)]
    gains = {(2, 2): 7.0}
    found, own = pair_crossed_leftovers(beads, [9.0, 9.0], src_at, tgt_at,
                                        lambda pairs: [gains.get(p, -4.0) for p in pairs], cost=3.0)
    assert found[2:] == [((2,), (2,), 7.0)] and own[2:] == [7.0]
    weak = {(2, 2): 2.0}  # words that do not outweigh the cost of an unusual bead
    found, _ = pair_crossed_leftovers(beads, [9.0, 9.0], src_at, tgt_at,
                                      lambda pairs: [weak.get(p, -4.0) for p in pairs], cost=3.0)
    assert found == beads
