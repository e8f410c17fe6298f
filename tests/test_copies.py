"""A translation of a paragraph that is copied later (a forum quote) pairs with the copy its
neighbours agree with (copies.py)."""

from aligner.align.confidence import copies_of
from aligner.align.copies import settle_copies
from aligner.align.document import document_of
from aligner.models import Paragraph


def _document(layout: list[tuple[str, str]]):
    """A post from (language, text) pairs in order."""
    paragraphs = [Paragraph(n, text, n + 1, lang) for n, (lang, text) in enumerate(layout)]
    src = [p for p in paragraphs if p.lang == "en"]
    tgt = [p for p in paragraphs if p.lang == "vi"]
    return document_of(src, tgt), copies_of([p.text for p in src], [p.text for p in tgt])


# A member's two lines (vi 0, 1); an English post nobody translates (en 0); a reply quoting the
# second line (vi 2, a copy of vi 1) and answering it (vi 3); then the translations: of the
# member's two lines (en 1, 2), a translator's header (en 3), and of the answer (en 4).
FORUM = [("vi", "Is it cheap?"), ("vi", "I pass there daily."), ("en", "An English post."),
         ("vi", "I pass there daily."), ("vi", "Go in daylight."),
         ("en", "EN is it cheap"), ("en", "EN I pass there"), ("en", "Translation of the reply:"),
         ("en", "EN go in daylight")]


def test_a_translation_moves_from_a_quote_to_the_copy_its_neighbours_agree_with():
    document, copies = _document(FORUM)
    found = [((1,), (0,), 9.0), ((2,), (2,), 9.0), ((4,), (3,), 9.0)]  # the quote took the line
    assert settle_copies(found, copies, document) == [((1,), (0,), 9.0), ((2,), (1,), 9.0), ((4,), (3,), 9.0)]


def test_a_pair_its_neighbours_already_agree_with_stays():
    document, copies = _document(FORUM)
    right = [((1,), (0,), 9.0), ((2,), (1,), 9.0), ((4,), (3,), 9.0)]
    assert settle_copies(right, copies, document) == right


def test_each_section_keeps_its_own_copy_of_a_repeated_line():
    # Two sections, each a tip and a repeated "Read more", then their translations.
    section = [("en", "Tip one."), ("en", "Read more"), ("vi", "Mẹo một."), ("vi", "Đọc thêm")]
    second = [("en", "Tip two."), ("en", "Read more"), ("vi", "Mẹo hai."), ("vi", "Đọc thêm")]
    document, copies = _document(section + second)
    beads = [((0,), (0,), 9.0), ((1,), (1,), 3.0), ((2,), (2,), 9.0), ((3,), (3,), 3.0)]
    assert settle_copies(beads, copies, document) == beads


def test_a_source_copy_moves_the_same_way():
    # The sides exchanged: an English line quoted later, translated once.
    swapped = [("vi" if lang == "en" else "en", text) for lang, text in FORUM]
    document, copies = _document(swapped)
    found = [((0,), (1,), 9.0), ((2,), (2,), 9.0), ((3,), (4,), 9.0)]
    assert settle_copies(found, copies, document) == [((0,), (1,), 9.0), ((1,), (2,), 9.0), ((3,), (4,), 9.0)]


def _quoting(layout: list[tuple[str, str]], quoted: set[int]):
    """_document, with the paragraphs at ``quoted`` marked as following a quote's header."""
    paragraphs = [Paragraph(n, text, n + 1, lang, quoted=n in quoted) for n, (lang, text) in enumerate(layout)]
    src = [p for p in paragraphs if p.lang == "en"]
    tgt = [p for p in paragraphs if p.lang == "vi"]
    return document_of(src, tgt), copies_of([p.text for p in src], [p.text for p in tgt])


# A member's line (vi 0) and the next member's (vi 1); a reply quoting the first (vi 2, a copy of
# vi 0) before its own answer (vi 3); then a run of translations: of the first line (en 0), of the
# second (en 1), of the answer (en 2). The translation of the first line has a neighbour that
# agrees with each copy, so only the quote's header tells the copies apart.
QUOTED = [("vi", "Where is it?"), ("vi", "Near the bridge."), ("vi", "Where is it?"), ("vi", "Turn left."),
          ("en", "EN where"), ("en", "EN near the bridge"), ("en", "EN turn left")]


def test_a_translation_moves_from_a_marked_quote_to_the_post_it_quotes():
    document, copies = _quoting(QUOTED, quoted={2, 3})
    found = [((0,), (2,), 9.0), ((2,), (3,), 9.0)]  # the search chose the quote
    assert settle_copies(found, copies, document) == [((0,), (0,), 9.0), ((2,), (3,), 9.0)]
    # Unmarked, the copies tie and the search's choice stays.
    document, copies = _quoting(QUOTED, quoted=set())
    assert settle_copies(found, copies, document) == found


def test_a_translation_never_moves_into_a_marked_quote():
    # The second translation was paired with the answer after the quote: by its neighbours the
    # first would follow it into the quote.
    found = [((0,), (0,), 9.0), ((1,), (3,), 9.0)]
    document, copies = _quoting(QUOTED, quoted=set())
    assert settle_copies(found, copies, document) == [((0,), (2,), 9.0), ((1,), (3,), 9.0)]
    document, copies = _quoting(QUOTED, quoted={2, 3})
    assert settle_copies(found, copies, document) == found
