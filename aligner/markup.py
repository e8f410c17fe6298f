"""Input formats other than plain text: HTML pages and Markdown, turned into plain text lines.

Both keep a map from each output line to the input line it came from, so line numbers in
the output point into the file the user gave.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from .errors import AlignerError

INPUT_FORMATS = ("auto", "text", "html", "markdown")

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "blockquote", "pre",
               "section", "article", "main", "dd", "dt", "figcaption", "caption", "ul", "ol", "table", "hr",
               "aside", "details", "summary", "address", "center"}
_DROPPED_TAGS = {"script", "style", "nav", "header", "footer", "form", "noscript", "template", "svg", "head",
                 "button", "select", "iframe", "object"}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.IGNORECASE | regex.DOTALL)
_HTML_BLOCKS = regex.compile(r"<(?:p|div|br|li|h[1-6]|td)\b[^>]*>", regex.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML document by its start, or text dense with block tags."""
    if _HTML_START.match(text[:2000]):
        return True
    lines = max(1, text.count("\n"))
    return len(_HTML_BLOCKS.findall(text[:200_000])) >= max(3, lines // 4)


class _BlockText(HTMLParser):
    """Collects the text of block elements; each block (or <br>) ends a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._parts: list[str] = []
        self._start_line = 0
        self._dropped_depth = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.lines.append((self._start_line, text))
        self._parts = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _DROPPED_TAGS:
            if tag not in _VOID_TAGS:
                self._dropped_depth += 1
            return
        if tag == "br" or tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped_depth = max(0, self._dropped_depth - 1)
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._dropped_depth:
            return
        if not self._parts or not "".join(self._parts).strip():
            self._start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_lines(html: str) -> tuple[str, list[int]]:
    """Text of the page's blocks, one per line, and the source line of each."""
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    return "\n".join(text for _, text in parser.lines), [line for line, _ in parser.lines]


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


def markdown_to_lines(markdown: str) -> tuple[str, list[int]]:
    """Markdown with its markup removed line by line (headings, lists, emphasis, link targets)."""
    out: list[str] = []
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
        line = _MD_LINE_PREFIX.sub("", line)
        line = _MD_TRAILING_HASHES.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_AUTOLINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        for _ in range(3):
            line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out), list(range(1, len(out) + 1))


def to_plain(text: str, input_format: str) -> tuple[str, list[int] | None, str]:
    """Plain text for the pipeline, the source line of each of its lines (None: same lines),
    and the format that was used."""
    if input_format not in INPUT_FORMATS:
        raise AlignerError(f"--input must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    if input_format == "auto":
        input_format = "html" if looks_like_html(text) else "text"
    if input_format == "html":
        plain, lines = html_to_lines(text)
        return plain, lines, "html"
    if input_format == "markdown":
        plain, _ = markdown_to_lines(text)
        return plain, None, "markdown"
    return text, None, "text"
