"""A pair that alone links two runs which both keep paragraphs alone must rest on its words
(islands.py)."""

from aligner.align.document import document_of
from aligner.align.islands import islands, without_word_poor_islands
from aligner.models import Paragraph


def _document(layout: str):
    """A post from a layout string: E an English paragraph, V a Vietnamese one, in order."""
    paragraphs = [Paragraph(n, f"paragraph {n}", n + 1, "en" if c == "E" else "vi") for n, c in enumerate(layout)]
    return document_of([p for p in paragraphs if p.lang == "en"], [p for p in paragraphs if p.lang == "vi"])


def test_a_reply_linked_alone_to_an_update_is_an_island():
    # A Vietnamese post of three lines, then an English update of three: one pair between them.
    document = _document("VVV" + "EEE")
    assert islands([((1,), (1,), 9.0)], document) == [0]


def test_a_translated_stretch_or_a_run_translated_whole_is_no_island():
    document = _document("EEE" + "VV")
    assert islands([((1,), (0,), 9.0), ((2,), (1,), 9.0)], document) == []  # two links between the runs
    document = _document("EEE" + "V")
    assert islands([((2,), (0,), 9.0)], document) == []  # the Vietnamese run is all paired


def test_only_islands_whose_words_deny_them_are_dropped():
    document = _document("EEE" + "VVV" + "EE" + "VV")
    beads = [((1,), (1,), 9.0), ((3,), (3,), 9.0), ((4,), (4,), 9.0)]
    words = {(1, 1): -2.5}  # the first pair's words, its anchors aside, say no translation
    kept, own = without_word_poor_islands(beads, [9.0, 8.0, 7.0], document,
                                          lambda found: [words.get((s[0], t[0]), 3.0) for s, t, _ in found])
    assert kept == beads[1:] and own == [8.0, 7.0]
    words = {(1, 1): 1.5}
    kept, _ = without_word_poor_islands(beads, [9.0, 8.0, 7.0], document,
                                        lambda found: [words.get((s[0], t[0]), 3.0) for s, t, _ in found])
    assert kept == beads
