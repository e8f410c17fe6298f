"""Stage 2: paragraphs as lines, or as hard-wrapped blocks."""

import textwrap

from aligner.segment import is_hard_wrapped, split_paragraphs

LONG = ("Volunteers counted birds along the shore on both mornings of the weekend, and the totals "
        "were the highest since the survey began, thanks to calm weather and good tides.")


def _wrapped_post() -> str:
    english = textwrap.fill(LONG, 60)
    vietnamese = textwrap.fill("Các tình nguyện viên đã đếm chim dọc bờ biển vào cả hai buổi sáng cuối "
                               "tuần, và tổng số là cao nhất kể từ khi cuộc khảo sát bắt đầu.", 60)
    return f"{english}\n\n{vietnamese}\n\n{english}\n"


def test_lines_mode_gives_one_paragraph_per_nonblank_line():
    paragraphs, used_blocks = split_paragraphs("one\n\n  two  \nthree\n", "lines")
    assert [p.text for p in paragraphs] == ["one", "two", "three"]
    assert [p.line for p in paragraphs] == [1, 3, 4]
    assert not used_blocks


def test_wrapped_text_is_detected_and_joined():
    text = _wrapped_post()
    assert is_hard_wrapped(text)
    paragraphs, used_blocks = split_paragraphs(text)
    assert used_blocks
    assert paragraphs[0].text == LONG
    assert [p.line for p in paragraphs][0] == 1


def test_a_source_list_keeps_its_lines_inside_a_wrapped_file():
    """A hard-wrapped newsletter's blocks are joined, but a source's title and its URL are two
    paragraphs: a URL runs past any wrap, and the title reads as a whole."""
    sources = "Planned water cuts in Tay Ho, September\nhttps://example.org/water/2023-09"
    text = _wrapped_post() + "\n" + sources + "\n"
    assert is_hard_wrapped(text)
    paragraphs, used_blocks = split_paragraphs(text)
    assert used_blocks and paragraphs[0].text == LONG
    assert [p.text for p in paragraphs[-2:]] == sources.split("\n")
    forced, _ = split_paragraphs(text, "blocks")
    assert forced[-1].text == sources.replace("\n", " ")  # --paragraphs blocks means blocks


def test_short_lines_of_a_list_are_not_glued():
    faq = "Questions\nWhat is it?\nA tool.\nWho wrote it?\nUs.\nWhere?\nHere, in the repository.\n"
    assert not is_hard_wrapped(faq)
    paragraphs, _ = split_paragraphs(faq)
    assert len(paragraphs) == 7


def test_blocks_mode_can_be_forced():
    paragraphs, used_blocks = split_paragraphs("a\nb\n\nc\n", "blocks")
    assert [p.text for p in paragraphs] == ["a b", "c"]
    assert used_blocks


def test_a_wrapped_stretch_is_joined_inside_a_post_of_one_line_paragraphs():
    """An email pasted into a post of one-line paragraphs keeps its wrap; the source list after
    it keeps each title apart from its URL, and a stanza its lines."""
    one_line = "This year the reading corners opened in four more villages, and the children came every week."
    email = textwrap.fill(LONG, 62)
    sources = "Annual report of the reading corners, 2023\nhttps://example.org/reports/2023\nA second title\nhttps://example.org/b"
    stanza = "Morning mist lies on the landing,\nthe oar stirs up the water,\nso clear it shows the sky."
    text = "\n\n".join([one_line, one_line, email, sources, stanza]) + "\n"
    assert not is_hard_wrapped(text)
    found, blocks = split_paragraphs(text)
    texts = [p.text for p in found]
    assert not blocks and LONG in texts and len(email.split("\n")) >= 3
    assert texts[3:7] == sources.split("\n") and texts[7:] == stanza.split("\n")
    assert [p.line for p in found][:3] == [1, 3, 5]


def test_a_forum_post_of_a_handle_a_date_and_a_long_line_is_not_a_wrap():
    post = "mark_in_hanoi\n13/04/2025 20:30 · #11\n" + LONG + "\n"
    assert len(split_paragraphs(post)[0]) == 3


def test_a_wrapped_paragraph_whose_lines_mostly_end_sentences_is_still_one_paragraph():
    """In a digest that is not wrapped throughout (one-line list items around it), a wrapped
    paragraph whose first line breaks mid-clause is one paragraph, though its other lines end
    sentences; the list beside it stays one item per line."""
    text = ("Dear singers and friends,\n\n"
            "Because this year's programme is longer than last year's, we have\n"
            "added four extra rehearsals in October, including a dress rehearsal.\n"
            "Everyone singing in the concert should come to at least two of them.\n"
            "Please bring a pencil and your own folder.\n\n"
            "- Sat 12 Oct, 2 pm: Hall B\n- Wed 16 Oct, 6:30 pm: Room 204\n- Sat 19 Oct, 2 pm: Hall B\n")
    paragraphs, wrapped = split_paragraphs(text)
    assert not wrapped
    assert [p.text[:20] for p in paragraphs] == ["Dear singers and fri", "Because this year's ",
                                                 "- Sat 12 Oct, 2 pm: ", "- Wed 16 Oct, 6:30 p",
                                                 "- Sat 19 Oct, 2 pm: "]
