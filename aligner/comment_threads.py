"""Reader comments that announce themselves as another comment's translation, and the poster's
name line that opens a comment of a thread copied as text.

A page's reader comments pair only inside themselves (see align.pipeline.in_one_comment): an
answer in the next comment is not a translation, even when it repeats the question's words.
A comment that opens with "Bản dịch:" or "Translation:" says what it is, though: the
translation of the comment before it, posted by a moderator or another reader. It joins that
comment, so the two may pair and no other comment may.
"""

from __future__ import annotations

import regex

from .markup import is_button_bar
from .models import Paragraph

# "Bản dịch:", "Dịch:", "Translation:", "Translation of minh.tri's comment:", "English translation",
# "Translated by ...", at the start of a paragraph (after brackets or a bullet).
TRANSLATION_MARKER = regex.compile(
    r"^\W{0,3}(?:bản\s+dịch\b|dịch\s*:|(?:english\s+|vietnamese\s+)?translation\b|translated\b)",
    regex.IGNORECASE)


def join_announced_translations(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Give each comment that announces a translation the number of the comment before it
    (in place), and return the paragraphs."""
    announcing = {p.comment for p in paragraphs if p.comment and TRANSLATION_MARKER.match(p.text)}
    if not announcing:
        return paragraphs
    joined: dict[int, int] = {}
    previous = 0
    for p in paragraphs:
        if p.comment and p.comment != previous:
            if previous and p.comment in announcing and p.comment not in joined:
                joined[p.comment] = joined.get(previous, previous)
            previous = p.comment
    for p in paragraphs:
        p.comment = joined.get(p.comment, p.comment)
    return paragraphs


# A poster's name or handle: a few words with no sentence in them ("Quang Huy Nhà Đất",
# "tom.k.expat", "Bảo Trân"); a dot or comma followed by a space, or a closing mark, ends a sentence.
_POSTER_WORDS = 5
_SENTENCE_MARK = regex.compile(r"[.,;:!?…](?:\s|$)|[\"“”()]")


def poster_lines(paragraphs: list[Paragraph]) -> list[int]:
    """Positions of the name lines that open a comment of a thread copied as text.

    Such a comment is a block of lines: the poster's name, the text, and a bar of buttons
    ("Like · Reply · 9h"). The name is no paragraph of the post (a name made of Vietnamese words,
    "Quang Huy Nhà Đất", would otherwise join the comment's text as a two-line translation).
    A block counts when it has a line between its first line and its bar, and its first line is
    short and holds no sentence."""
    found = []
    first = 0
    for k, p in enumerate(paragraphs):
        if k and p.line != _last_line(paragraphs[k - 1]) + 1:
            first = k  # a blank line (or the start of another element) begins a new block
        if k - first >= 2 and is_button_bar(p.text) and _is_poster_name(paragraphs[first].text):
            found.append(first)
    return found


def _last_line(paragraph: Paragraph) -> int:
    """The line a paragraph ends on."""
    return paragraph.line + paragraph.text.count("\n")


def _is_poster_name(text: str) -> bool:
    """A few words and no sentence: a name or a handle."""
    words = text.split()
    return 0 < len(words) <= _POSTER_WORDS and not _SENTENCE_MARK.search(text) and not is_button_bar(text)
