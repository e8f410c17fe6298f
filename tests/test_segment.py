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


def test_short_lines_of_a_list_are_not_glued():
    faq = "Questions\nWhat is it?\nA tool.\nWho wrote it?\nUs.\nWhere?\nHere, in the repository.\n"
    assert not is_hard_wrapped(faq)
    paragraphs, _ = split_paragraphs(faq)
    assert len(paragraphs) == 7


def test_blocks_mode_can_be_forced():
    paragraphs, used_blocks = split_paragraphs("a\nb\n\nc\n", "blocks")
    assert [p.text for p in paragraphs] == ["a b", "c"]
    assert used_blocks
