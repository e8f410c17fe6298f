"""Input formats other than plain text: HTML pages and Markdown, turned into plain text lines.

Both keep a map from each output line to the input line it came from, so line numbers in
the output point into the file the user gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import regex

from .errors import AlignerError

INPUT_FORMATS = ("auto", "text", "html", "markdown")

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "blockquote", "pre",
               "section", "article", "main", "dd", "dt", "figcaption", "caption", "ul", "ol", "table", "hr",
               "aside", "details", "summary", "address", "center", "header", "footer", "nav", "form", "fieldset",
               "legend", "figure", "dl"}
# Elements whose text a reader never sees. Page chrome (menus, sidebar, footer, forms) is seen,
# so it stays: the aligner tags it, pairs it only with furniture beside it, and ``--all`` shows it.
_DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "select", "iframe", "object",
                 "textarea"}
# Classes themes use to hide text from the eye (kept for screen readers only).
_HIDDEN_CLASSES = {"screen-reader-text", "sr-only", "visually-hidden", "hidden", "skip-link", "screen-reader-only"}
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.IGNORECASE | regex.DOTALL)
_HTML_BLOCKS = regex.compile(r"<(?:p|div|br|li|h[1-6]|td)\b[^>]*>", regex.IGNORECASE)


# A bar of three or more one-to-three-word pieces strung on middle dots: "Like · Reply · 14h",
# "Thích · Trả lời · 7 giờ", "Like · Comment · Share". A page's buttons, in a saved page or a
# thread copied as text.
_BAR_SEPARATOR = regex.compile(r"\s[·•]\s")
_BAR_PIECE = regex.compile(r"^\S+(?:\s\S+){0,2}$")


# A post's byline or filing line: "Posted by Lan Chi · Sunday, 9 March 2025", "Posted on March 3,
# 2024 by Linh Trần", "Posted in Mekong Delta", "Published on ...".
_POSTED_LINE = regex.compile(r"^(?:posted|published|written|filed)\s+(?:on|by|in|under)\b", regex.IGNORECASE)


def dotted_pieces(text: str) -> list[str]:
    """The pieces of a line strung on middle dots or bullets ("Like · Reply · 14h")."""
    return _BAR_SEPARATOR.split(text.strip())


def is_meta_bar(text: str) -> bool:
    """Is the line a bar of buttons and counts, a post's byline or its date stamp (page
    furniture, whatever the file's format)?"""
    return bool(_POSTED_LINE.match(text.strip())) or is_button_bar(text) or is_date_stamp(text)


# A date: 14/10/2024, 2024-10-14, 14.10.24, "10 tháng 11", "March 3", "3 March".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = regex.compile(rf"^(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}|{_MONTH}\s+\d{{1,2}}|"
                      rf"\d{{1,2}}\s+{_MONTH})", regex.IGNORECASE)
# What may stand beside it in a post's stamp: a year, a time, "at"/"lúc", the post's number.
_STAMP_REST = regex.compile(r"^(?:[\s,·•|]|\d{4}\b|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|at\b|lúc\b|#\d+)*$",
                            regex.IGNORECASE)
# ... of which a stamp holds at least one time or number.
_TIME_OR_NUMBER = regex.compile(r"\d{1,2}:\d{2}|#\d+")


def is_date_stamp(text: str) -> bool:
    """Is the line a post's date with its time or number and nothing more ("14/10/2024 21:37 ·
    #1", "12/03/2025, 21:40 #2", "March 3, 2024 at 9:15 pm")? A date alone ("November 18, 1958")
    may be a letter's, which its translation renders."""
    line = text.strip()
    found = _DATE.match(line)
    rest = line[found.end():] if found else ""
    return found is not None and _STAMP_REST.match(rest) is not None and _TIME_OR_NUMBER.search(rest) is not None


def is_button_bar(text: str) -> bool:
    """Is the line a bar of buttons and counts ("Like · Reply · 14h")?"""
    pieces = dotted_pieces(text)
    return len(pieces) >= 3 and all(_BAR_PIECE.match(piece) for piece in pieces)


def looks_like_html(text: str) -> bool:
    """An HTML document by its start, or text dense with block tags."""
    if _HTML_START.match(text[:2000]):
        return True
    lines = max(1, text.count("\n"))
    return len(_HTML_BLOCKS.findall(text[:200_000])) >= max(3, lines // 4)


# Page furniture: menus and forms anywhere; a header or footer outside the article (the site's
# masthead and colophon, not the entry's title or a comment's byline).
_CHROME_TAGS = {"nav", "form"}
_FRAMED_CHROME_TAGS = {"header", "footer"}
_CONTENT_TAGS = {"article", "main", "section"}
_STRUCTURE_TAGS = _CHROME_TAGS | _FRAMED_CHROME_TAGS | _CONTENT_TAGS | {"aside"}


class _BlockText(HTMLParser):
    """Collects the text of block elements; each block (or <br>) ends a line. Each line knows
    whether it is page furniture (see _CHROME_TAGS)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str, bool, int]] = []
        self.heading_lines: set[int] = set()  # numbers (in self.lines) of the lines inside h1-h6
        self._headings = 0  # depth of open heading elements
        self._start_heading = False
        self._parts: list[str] = []
        self._start_line = 0
        self._start_chrome = False
        self._structure: list[tuple[str, bool]] = []  # open structural tags, and whether each is chrome
        self._comments: list[list] = []  # open reader comments: [tag, number, depth of that tag]
        self._comment_count = 0
        self._start_comment = 0
        self._unseen: list[str] = []  # tags open inside an element whose text is not seen
        self._links = 0  # depth of open <a> elements
        self._lists: list[int] = []  # open <ul>/<ol>, by number
        self._list_count = 0
        self._start_list = 0
        self._words_outside_links = False
        self.line_lists: list[tuple[int, bool]] = []  # per line: its list (0: none), and whether it is all link

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            if self._start_heading:
                self.heading_lines.add(len(self.lines))
            self.lines.append((self._start_line, text, self._start_chrome, self._start_comment))
            self.line_lists.append((self._start_list, not self._words_outside_links))
        self._parts = []
        self._words_outside_links = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID_TAGS:
            self.handle_startendtag(tag, attrs)
            return
        if self._unseen or tag in _DROPPED_TAGS or _is_hidden(attrs):
            self._unseen.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _STRUCTURE_TAGS:
            self._structure.append((tag, self._opens_chrome(tag)))
        if _is_comment(attrs):  # a reply nested in a comment (Blogger's <li class="comment">) is its own
            self._comment_count += 1
            self._comments.append([tag, self._comment_count, 1])
        elif self._comments and self._comments[-1][0] == tag:
            self._comments[-1][2] += 1
        if tag == "a":
            self._links += 1
        elif tag in _HEADING_TAGS:
            self._headings += 1
        elif tag in ("ul", "ol"):
            self._list_count += 1
            self._lists.append(self._list_count)

    def _opens_chrome(self, tag: str) -> bool:
        """Is the text inside a newly opened ``tag`` page furniture?"""
        if tag in _CHROME_TAGS or (self._structure and self._structure[-1][1]):
            return True
        return tag in _FRAMED_CHROME_TAGS and not any(open_tag in _CONTENT_TAGS for open_tag, _ in self._structure)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self._unseen and (tag == "br" or tag in _BLOCK_TAGS):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._unseen:
            if tag in self._unseen:  # close up to the matching tag (HTML tolerates unclosed ones)
                del self._unseen[len(self._unseen) - 1 - self._unseen[::-1].index(tag):]
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if self._comments and self._comments[-1][0] == tag:
            self._comments[-1][2] -= 1
            if not self._comments[-1][2]:
                self._comments.pop()
        if tag == "a" and self._links:
            self._links -= 1
        elif tag in _HEADING_TAGS and self._headings:
            self._headings -= 1
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        open_tags = [open_tag for open_tag, _ in self._structure]
        if tag in open_tags:
            del self._structure[len(open_tags) - 1 - open_tags[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if self._unseen:
            return
        if not self._parts or not "".join(self._parts).strip():
            self._start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._start_chrome = bool(self._structure) and self._structure[-1][1]
            self._start_comment = self._comments[-1][1] if self._comments else 0
            self._start_list = self._lists[-1] if self._lists else 0
            self._start_heading = self._headings > 0
        if not self._links and _LETTER.search(data):
            self._words_outside_links = True
        self._parts.append(data)

    def link_lists(self) -> frozenset[int]:
        """The lines of lists whose every item is a link and no more (a count aside): the
        labels, archives and recent posts of a sidebar, a menu written without <nav>. They are
        page furniture: "food & drink (17)" and "món ăn (6)" are two labels, not a translation."""
        items: dict[int, list[int]] = {}
        for k, (number, _) in enumerate(self.line_lists):
            if number:
                items.setdefault(number, []).append(k)
        return frozenset(k for lines in items.values() if len(lines) >= 2 and all(self.line_lists[j][1] for j in lines)
                         for k in lines)

    def close(self) -> None:
        super().close()
        self._flush()


_LETTER = regex.compile(r"\p{L}")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_COMMENT_ID = regex.compile(r"^(?:div-)?comment-\d+$")


def _is_comment(attrs: list[tuple[str, str | None]]) -> bool:
    """Does an element hold one reader comment (WordPress and Blogger mark it so)?"""
    for name, value in attrs:
        if name == "class" and value and "comment" in value.split():
            return True
        if name == "id" and value and _COMMENT_ID.match(value):
            return True
    return False


def _is_hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Is an element hidden from the eye (``hidden``, ``aria-hidden``, a hiding class or style)?"""
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if name == "class" and value and not _HIDDEN_CLASSES.isdisjoint(value.split()):
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


@dataclass
class PageText:
    """A page as plain lines: the text, the source line of each line, the (0-based) lines that
    are page furniture (menus, forms, the site's header and footer), and the reader comment
    each line belongs to (0: none), since a comment is translated only inside itself; and the
    (0-based) lines that are headings (h1-h6, Markdown's #), whose translation is a heading too."""

    text: str
    lines: list[int]
    chrome: frozenset[int] = frozenset()
    comments: list[int] | None = None
    headings: frozenset[int] = frozenset()


def html_to_lines(html: str) -> PageText:
    """The text of the page's blocks, one per line (see PageText)."""
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    chrome = frozenset(k for k, (_, _, chrome, _) in enumerate(parser.lines) if chrome) | parser.link_lists()
    return PageText("\n".join(text for _, text, _, _ in parser.lines), [line for line, _, _, _ in parser.lines],
                    chrome, [comment for _, _, _, comment in parser.lines], frozenset(parser.heading_lines))


_MD_FENCE = regex.compile(r"^\s*(```|~~~)")
_MD_RULE = regex.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_MD_REFERENCE = regex.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_MD_LINE_PREFIX = regex.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|(?:[-*+]|\d{1,9}[.)])\s+)+")
_MD_IMAGE = regex.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = regex.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK = regex.compile(r"<((?:https?://|mailto:)[^>]+)>")
_MD_EMPHASIS = regex.compile(r"(\*{1,3}|_{1,3}|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = regex.compile(r"`+([^`]+)`+")
_MD_TRAILING_HASHES = regex.compile(r"\s+#+\s*$")


_MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")


def markdown_to_lines(markdown: str) -> tuple[str, list[int], frozenset[int]]:
    """Markdown with its markup removed line by line (headings, lists, emphasis, link targets),
    the source line of each line, and the (0-based) lines that were headings."""
    out: list[str] = []
    headings: set[int] = set()
    in_fence = False
    for line in markdown.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_RULE.match(line) or _MD_REFERENCE.match(line):
            out.append("")
            continue
        if _MD_HEADING.match(line):
            headings.add(len(out))
        line = _MD_LINE_PREFIX.sub("", line)
        line = _MD_TRAILING_HASHES.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_AUTOLINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        for _ in range(3):
            line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out), list(range(1, len(out) + 1)), frozenset(headings)


def to_plain(text: str, input_format: str) -> tuple[PageText, str]:
    """Plain text for the pipeline (with, for HTML, where each line comes from: see PageText;
    ``lines`` empty when they are the input's own) and the format that was used."""
    if input_format not in INPUT_FORMATS:
        raise AlignerError(f"--input must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    if input_format == "auto":
        input_format = "html" if looks_like_html(text) else "text"
    if input_format == "html":
        return html_to_lines(text), "html"
    if input_format == "markdown":
        plain, _, headings = markdown_to_lines(text)
        return PageText(plain, [], headings=headings), "markdown"
    return PageText(text, []), "text"
