"""Reader comments that announce themselves as another comment's translation, and the lines of
a thread that only say who wrote what: a poster's name line, and labels that announce a
translation or a quote.

A page's reader comments pair only inside themselves (see align.pipeline.in_one_comment): an
answer in the next comment is not a translation, even when it repeats the question's words.
A comment that opens with "Bản dịch:" or "Translation:" says what it is, though: the
translation of the comment before it, posted by a moderator or another reader. It joins that
comment, so the two may pair and no other comment may.
"""

from __future__ import annotations

import regex

from .markup import is_button_bar, is_date_stamp
from .models import Paragraph
from .text import VIETNAMESE_SURNAMES, chat_sender

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
    ("Like · Reply · 9h"); or, in a forum, the name right above the post's date stamp. The name
    is no paragraph of the post (a name made of Vietnamese words, "Quang Huy Nhà Đất", would
    otherwise join the comment's text as a two-line translation). A block counts when it has a
    line between its first line and its bar, and its first line is short and holds no
    sentence."""
    found = []
    first = 0
    for k, p in enumerate(paragraphs):
        continues = _continues_block(paragraphs, k)
        if not continues:
            first = k  # a blank line (or the start of another element) begins a new block
        if k - first >= 2 and is_button_bar(p.text) and _is_poster_name(paragraphs[first].text):
            found.append(first)
        elif continues and is_date_stamp(p.text) and _is_poster_name(paragraphs[k - 1].text):
            found.append(k - 1)  # a name over the post's date stamp ("hoang.long.it" / "14/10/2024 22:05 · #2")
    return sorted(set(found))


def _continues_block(paragraphs: list[Paragraph], k: int) -> bool:
    """Does paragraph k stand on the line right after paragraph k - 1 (no blank line between)?"""
    before = paragraphs[k - 1] if k else None
    return before is not None and paragraphs[k].line == before.line + before.text.count("\n") + 1


def _is_poster_name(text: str) -> bool:
    """A few words and no sentence: a name or a handle."""
    words = text.split()
    return 0 < len(words) <= _POSTER_WORDS and not _SENTENCE_MARK.search(text) and not is_button_bar(text)


# A quote's header in a forum: "tuan.kiet_bd viết:", "Minh Anh wrote:", "Quote from hoa_sg:".
_QUOTE_HEADER = regex.compile(r"^(?:\S+(?:\s\S+){0,3}\s(?:viết|wrote|said|nói)|(?:quote|trích dẫn)\b.*)\s*:$",
                              regex.IGNORECASE)
# A label is a line this short.
_LABEL_WORDS = 12


def is_label_line(text: str) -> bool:
    """Does the line only announce what follows: a translation ("Translation of minh.tri.q7's
    post:", "Bản dịch máy:") or a quote ("tuan.kiet_bd viết:")? Such a line is no paragraph of
    either language's text and has no translation of its own."""
    line = text.strip()
    if not line.endswith(":") or "\n" in line or len(line.split()) > _LABEL_WORDS:
        return False
    return bool(TRANSLATION_MARKER.match(line) or _QUOTE_HEADER.match(line))


# After "Translated by" or a translation label's colon: a name of one to six capitalised words.
_CREDITED_NAME = regex.compile(r"^\s*\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,5}\s*$")
_CREDIT_SPLIT = regex.compile(r":|\bby\b|\bbởi\b", regex.IGNORECASE)


def is_translation_credit(text: str) -> bool:
    """Does the line credit a translator by name and say no more ("Bản dịch tiếng Việt (một
    phần): Đỗ Hải Yến", "Translated by Phan Thị Ngọc Hà")? Such a line translates nothing; its
    name and its word for translating would pair it with the post's thanks to the translator."""
    line = text.strip()
    if "\n" in line or not TRANSLATION_MARKER.match(line):
        return False
    found = _CREDIT_SPLIT.search(line)
    if found is None or _CREDITED_NAME.match(line[found.end():]) is None:
        return False
    # After a colon, a family name must lead: "Translation: Happy New Year" is a translation.
    return found.group().lower() != ":" or line[found.end():].split()[0].lower() in VIETNAMESE_SURNAMES


def quoted_paragraphs(paragraphs: list[Paragraph]) -> list[int]:
    """Positions of the paragraphs that follow a quote's header ("tuan.kiet_bd viết:") in its
    block of lines: the quote, and the reply after it, whose end a text copy does not show.
    Only where such a paragraph repeats an earlier one word for word does it matter: there it is
    the copy, and the earlier one the post that a translation renders (see align.copies)."""
    found = []
    quoting = False
    for k, p in enumerate(paragraphs):
        if not _continues_block(paragraphs, k):
            quoting = False  # a blank line ends the block, and the quote with it
        if _QUOTE_HEADER.match(p.text.strip()):
            quoting = True
        elif quoting:
            found.append(k)
    return found


# A file is a chat export when at least this many of its lines (and most of those with a chat
# header) open with a sender's header.
_CHAT_MESSAGES = 3


def chat_notices(paragraphs: list[Paragraph]) -> list[int]:
    """Positions of a chat export's notices: lines with the export's date header but no sender
    ("[13/06/2024, 07:20] Lan Chi đã thêm Peter Walsh vào nhóm"). The app writes them in its own
    language, nobody translates them, and the names they hold would pair them with the messages
    of the members they name. Only in a file whose lines mostly name their senders: elsewhere a
    line opening with a date and a time may be a diary's entry."""
    senders = [chat_sender(p.text) for p in paragraphs]
    notices = [k for k, s in enumerate(senders) if s is False]
    named = sum(1 for s in senders if s)
    return notices if named >= _CHAT_MESSAGES and named > len(notices) else []


def mark_thread_lines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Mark (in place) what a thread's lines are beyond their words, and return the paragraphs:
    labels, translators' credits, poster names and a chat app's notices are furniture (``chrome``, besides what the page marked), the lines
    after a quote's header are ``quoted``, and every paragraph gets the ``section`` it stands in."""
    for p in paragraphs:
        p.chrome = p.chrome or is_label_line(p.text) or is_translation_credit(p.text)
    for k in [*poster_lines(paragraphs), *chat_notices(paragraphs)]:
        paragraphs[k].chrome = True
    for k in quoted_paragraphs(paragraphs):
        paragraphs[k].quoted = True
    return number_sections(paragraphs)


def number_sections(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Number the stretches between lines of page furniture (in place), and return the
    paragraphs. In a thread each post stands between its poster's name, date stamp or bar of
    buttons and the next post's: a paragraph translated as two keeps both in one post, so a
    merge never reaches across furniture into the next post (an update and the congratulation
    after it, which repeats its numbers)."""
    section = 0
    for k, p in enumerate(paragraphs):
        if p.chrome and (k == 0 or not paragraphs[k - 1].chrome):
            section += 1
        p.section = section
    return paragraphs
