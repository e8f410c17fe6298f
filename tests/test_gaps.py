"""Lone paragraphs on both sides of one gap, inside the runs of the beads around it (gaps.py)."""

from aligner.align.document import document_of
from aligner.align.gaps import blocks_of, enclosed_gaps, gap_odds
from aligner.models import Paragraph


def _document(layout: str):
    """A post from a layout string: E an English paragraph, V a Vietnamese one, in order; any
    other letter a line of neither (a heading, a chord line), which the aligner does not see."""
    paragraphs = [Paragraph(n, f"paragraph {n}", n + 1, {"E": "en", "V": "vi"}.get(c, "und"))
                  for n, c in enumerate(layout)]
    return document_of([p for p in paragraphs if p.lang == "en"], [p for p in paragraphs if p.lang == "vi"])


def test_a_gap_inside_two_translated_blocks_is_found():
    # A heading pair, then a stanza of four lines and its four translated lines, then a closing pair.
    document = _document("EV" + "EEEE" + "VVVV" + "EV")
    beads = [((0,), (0,), 9.0), ((3,), (3,), 4.0), ((5,), (5,), 9.0)]
    own = [9.0, 4.0, 9.0]
    assert enclosed_gaps(beads, own, {0, 3, 5}, {0, 3, 5}, document) == [([1, 2], [1, 2]), ([4], [4])]


def test_a_bead_resting_on_its_place_alone_places_no_gap():
    document = _document("EV" + "EEEE" + "VVVV" + "EV")
    beads = [((0,), (0,), 9.0), ((3,), (3,), 0.5), ((5,), (5,), 9.0)]
    own = [9.0, -0.4, 9.0]  # the middle bead's words say nothing: its gain is all layout
    assert enclosed_gaps(beads, own, {0, 3, 5}, {0, 3, 5}, document) == []


def test_lone_paragraphs_of_different_runs_are_no_gap():
    """An untranslated English post after a Vietnamese one (a forum thread): each run stands
    alone, between two pairs of other runs."""
    document = _document("EV" + "V" + "E" + "EV")
    beads = [((0,), (0,), 9.0), ((2,), (2,), 9.0)]
    assert enclosed_gaps(beads, [9.0, 9.0], {0, 2}, {0, 2}, document) == []


def test_swapped_beads_enclose_nothing():
    document = _document("EEEVVV")
    beads = [((0,), (2,), 9.0), ((2,), (0,), 9.0)]
    assert enclosed_gaps(beads, [9.0, 9.0], {0, 2}, {0, 2}, document) == []


def test_the_gap_prior_follows_how_much_of_the_post_is_translated():
    fully = gap_odds(100, 100, 2, 2)
    half = gap_odds(100, 100, 50, 50)
    assert fully > 3 > half
    assert abs(half) < 0.1  # as many paragraphs alone as paired: no lean


def test_a_lone_line_right_after_a_lone_line_of_the_other_language_is_a_gap():
    """Alternating pairs, and between two of them a heading and its free translation."""
    document = _document("EV" + "EV" + "EV")
    beads = [((0,), (0,), 9.0), ((2,), (2,), 9.0)]
    assert enclosed_gaps(beads, [9.0, 9.0], {0, 2}, {0, 2}, document) == [([1], [1])]
    assert enclosed_gaps(beads, [9.0, -1.0], {0, 2}, {0, 2}, document) == []  # the pair after rests on its place


def test_a_heading_of_neither_language_ends_a_block():
    """An English note and its translation, then a heading of neither language, then a stanza
    in Vietnamese first and in English after: the stanza's first lines, left alone, stand at the
    start of the blocks of the pair after them, though the note's translation and the stanza are
    one run of Vietnamese."""
    document = _document("EV" + "H" + "VV" + "EE")
    beads = [((0,), (0,), 9.0), ((2,), (2,), 4.0)]
    assert blocks_of(document) == ([0, 3, 3], [1, 2, 2])
    assert enclosed_gaps(beads, [9.0, 4.0], {0, 2}, {0, 2}, document) == [([1], [1])]
    # Without the heading the note's translation and the stanza are one block: no gap.
    joined = _document("EV" + "VV" + "EE")
    assert enclosed_gaps(beads, [9.0, 4.0], {0, 2}, {0, 2}, joined) == []


def test_lone_lines_side_by_side_in_an_alternating_post_are_a_gap():
    """Pairs line by line, and between two of them a line, its free translation and an English
    line left untranslated ("Vegetarian option on request" / "Có món chay..." / "Allergy
    information: ask the staff"): each lone target stands next to a lone source, so the gap is
    asked, and its best pairs are chosen by their value (the post's habit of placing a
    translation after its source among them)."""
    document = _document("EV" + "EVE" + "EV")
    beads = [((0,), (0,), 9.0), ((3,), (2,), 9.0)]
    assert enclosed_gaps(beads, [9.0, 9.0], {0, 3}, {0, 2}, document) == [([1, 2], [1])]


def test_a_lone_target_with_no_lone_source_beside_it_is_no_gap():
    """Two untranslated English lines, then two Vietnamese lines of which the second stands
    beside no lone English line: a block of each, not lines side by side."""
    document = _document("EV" + "EEVV" + "EV")
    beads = [((0,), (0,), 9.0), ((3,), (3,), 9.0)]
    assert enclosed_gaps(beads, [9.0, 9.0], {0, 3}, {0, 3}, document) == []


def test_a_pair_placed_by_layout_alone_does_not_hide_the_gap_before_it():
    """Line by line: a line and its translation the lexicon cannot read stand alone, and next
    comes "Read more" / "Xem thêm", paired by its place alone. The gap reaches past that pair
    to the next pair that rests on its words, and the two lone lines side by side are asked."""
    document = _document("EV" * 4)
    beads = [((0,), (0,), 9.0), ((2,), (2,), 1.5), ((3,), (3,), 9.0)]
    own = [9.0, -0.3, 9.0]
    assert enclosed_gaps(beads, own, {0, 2, 3}, {0, 2, 3}, document) == [([1], [1])]
