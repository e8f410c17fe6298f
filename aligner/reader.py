"""Stage 1: read bytes, decode them, and normalise the text every later stage relies on."""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from pathlib import Path

import regex

from .errors import AlignerError

# Characters that carry no text: zero-width spaces and joiners, word joiner, stray BOMs.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Unicode spaces other than the ASCII space and tab become a plain space.
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Line and paragraph separators, vertical tab and form feed end a line (and CR LF, CR).
_LINE_BREAKS = "\r\u2028\u2029\x0b\x0c\x85"
# Other control characters (C0 and C1, bar tab and newline) are dropped.
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
# All of them in one pass of the standard library's re (three times faster than regex here).
_SPECIAL = re.compile(f"\r\n|[{_LINE_BREAKS}{_ZERO_WIDTH}{_SPACES}{_CONTROLS}]")
_SPACE = re.compile(f"[{_SPACES}]")
_WHITESPACE_RUN = regex.compile(r"\s+")
# What text never holds: NUL and other C0 controls bar tab and line ends, unassigned and private code points.
_NOT_TEXT = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f\p{Cn}\p{Co}]")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalize_text(text: str) -> str:
    """Return text in the one shape later stages expect.

    NFC (macOS sends Vietnamese decomposed), LF line ends, plain spaces, no
    zero-width or control characters. Line structure is kept so line numbers stay true.

    >>> normalize_text("Ho\\u0302\\u0300\\r\\nx\\u00a0y")
    'Hồ\\nx y'
    """
    text = _SPECIAL.sub(_replacement, text)  # one pass: these characters are rare
    return unicodedata.normalize("NFC", text)


def _replacement(match: re.Match) -> str:
    found = match.group()
    if found == "\r\n" or found in _LINE_BREAKS:
        return "\n"
    return " " if _SPACE.fullmatch(found) else ""  # zero-width and control characters go


def collapse_whitespace(text: str) -> str:
    """Collapse whitespace runs to one space: the form paragraphs take in the output.

    Most lines hold single spaces only; they are only stripped (the regex costs more than
    the test that spares it)."""
    stripped = text.strip()
    if "  " not in stripped and stripped.isprintable():  # no whitespace but single spaces
        return stripped
    return _WHITESPACE_RUN.sub(" ", text).strip()


def decode_bytes(data: bytes, encoding: str | None = None, source: str = "input") -> str:
    """Decode input bytes; a BOM wins, then ``encoding``, then strict UTF-8.

    Raises AlignerError with the byte offset and a hint when the bytes are not text.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise AlignerError(f"unknown encoding {encoding!r}; try utf-8, utf-16, cp1258 or cp1252") from None
    for bom, name in _BOMS:
        if data.startswith(bom) and not encoding:
            try:
                return data.decode(name)
            except UnicodeDecodeError as exc:
                raise AlignerError(f"{source}: starts with a {name} byte-order mark but is not valid {name} "
                                   f"(byte {exc.start})") from None
    if not encoding and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise AlignerError(f"{source}: looks like a binary file (it contains NUL bytes), not text; if it is "
                           f"UTF-16 without a byte-order mark, name it with --encoding utf-16-le (or utf-16-be)")
    name = encoding or "utf-8"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        if encoding:
            raise AlignerError(f"{source}: not valid {encoding} at byte {exc.start}") from None
        raise AlignerError(
            f"{source}: not valid UTF-8 at byte {exc.start}; if it is in a legacy code page, "
            f"name it with --encoding (for example --encoding cp1258 for Vietnamese Windows, "
            f"--encoding cp1252 for Western European)"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes that have no byte-order mark (Windows tools write them), or None.

    In UTF-16 most characters of a Latin-script post (ASCII, and the spaces and punctuation
    between Vietnamese letters) have a NUL byte, always on the same side: the odd bytes when
    little-endian, the even ones when big-endian. A binary file seldom shows that pattern, and
    one that does is caught by the decoded text's control or unassigned characters.
    """
    if len(data) % 2:
        return None
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    if nul_odd >= len(data) // 8 and nul_even * 4 <= nul_odd:
        codec = "utf-16-le"
    elif nul_even >= len(data) // 8 and nul_odd * 4 <= nul_even:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if _NOT_TEXT.search(text) else text


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a file (or standard input for ``-``) and return its normalised text."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        return normalize_text(decode_bytes(data, encoding, "standard input"))
    file = Path(name)
    if not file.exists():
        raise AlignerError(f"{name}: no such file")
    if file.is_dir():
        raise AlignerError(f"{name}: is a directory, not a file")
    try:
        data = file.read_bytes()
    except PermissionError:
        raise AlignerError(f"{name}: permission denied") from None
    except OSError as exc:
        raise AlignerError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    return normalize_text(decode_bytes(data, encoding, name))
