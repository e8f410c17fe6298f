"""Numbers as a translation writes them: in digits with any separators, or as words.

Shared by the evidence (features.py reads month names as numbers) and the coverage check (a
number missing from a translation may stand there as a word: "three" for "3", "tháng 10" for
"October").
"""

from __future__ import annotations

import re

import regex

from .text import NUMBER, without_urls

_DIGITS = regex.compile(r"\d+")

_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
             "sixteen seventeen eighteen nineteen").split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_VI_UNITS = "không một hai ba bốn năm sáu bảy tám chín".split()


# English month names, in order: "tháng 10" is "October".
MONTHS = "january february march april may june july august september october november december".split()


def _english_numeral(n: int) -> set[str]:
    """English words for 0–99 (and month names for 1–12: "tháng 10" is "October")."""
    months = {MONTHS[n - 1]} if 1 <= n <= 12 else set()
    if n < 20:
        return {_EN_UNITS[n]} | months
    tens, unit = divmod(n, 10)
    if not unit:
        return {_EN_TENS[tens]}
    return {f"{_EN_TENS[tens]}-{_EN_UNITS[unit]}", f"{_EN_TENS[tens]} {_EN_UNITS[unit]}"}


def _vietnamese_numeral(n: int) -> set[str]:
    """Vietnamese words for 0–99, with the spoken variants of 1, 4 and 5 after a ten ("hai mươi mốt")."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return {_VI_UNITS[unit]}
    head = "mười" if tens == 1 else f"{_VI_UNITS[tens]} mươi"
    if unit == 0:
        return {head}
    units = {_VI_UNITS[unit]}
    if unit == 5:
        units.add("lăm")
    if unit == 1 and tens > 1:
        units.add("mốt")
    if unit == 4 and tens > 1:
        units.add("tư")
    return {f"{head} {u}" for u in units}


def numbers_in(text: str) -> list[tuple[str, list[str]]]:
    """Numbers of two digits or more, each as (digits, digit groups): "8.30" → ("830", ["8", "30"])."""
    found = []
    for match in NUMBER.finditer(without_urls(text)):
        groups = _DIGITS.findall(match.group())
        joined = "".join(groups)
        if len(joined) >= 2:
            found.append((joined, groups))
    return found


def number_present(number: tuple[str, list[str]], other: str, other_is_english: bool) -> bool:
    """Is the number in the other text, as digits (any separators), by its groups, or as a word?"""
    joined, groups = number
    other_numbers = numbers_in(other) + [(g, [g]) for g in _DIGITS.findall(other)]
    digits = {n for n, _ in other_numbers}
    if joined in digits or all(g in digits for g in groups):
        return True
    value = int(joined) if len(joined) <= 2 else None
    if value is None:
        return False
    lowered = other.lower()
    numerals = _english_numeral(value) if other_is_english else _vietnamese_numeral(value)
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lowered) for w in numerals)
