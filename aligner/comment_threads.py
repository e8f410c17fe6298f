"""Reader comments that announce themselves as another comment's translation.

A page's reader comments pair only inside themselves (see align.pipeline.in_one_comment): an
answer in the next comment is not a translation, even when it repeats the question's words.
A comment that opens with "Bản dịch:" or "Translation:" says what it is, though: the
translation of the comment before it, posted by a moderator or another reader. It joins that
comment, so the two may pair and no other comment may.
"""

from __future__ import annotations

import regex

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
