"""The language codes --src and --tgt accept, their names, and what the aligner knows of a pair.

Why a check at all: a code the tagger never produces (``zz``, ``eng``) would quietly give zero
pairs, and a pair other than English–Vietnamese is aligned without the lexicon, by names,
numbers and length only; the user should hear both before reading the result.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .errors import AlignerError

# The one pair the lexicon (data/lexicon-en-vi.tsv) covers, in either direction.
LEXICON_PAIR = frozenset({"en", "vi"})


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """ISO 639-1 code → English name, from data/iso-639-1.tsv."""
    data = resources.files("aligner").joinpath("data/iso-639-1.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#"))
    return {code: name for code, name in rows}


def language_name(code: str) -> str:
    """The English name of a language code, for messages ("vi" → "Vietnamese"); the code if unknown."""
    return _names().get(code, code)


def check_pair(src: str, tgt: str) -> str | None:
    """Refuse codes that are not ISO 639-1 and a pair of one language (AlignerError, exit 2);
    return a note for a pair the lexicon does not cover, None for English–Vietnamese."""
    for option, code in (("--src", src), ("--tgt", tgt)):
        if code not in _names():
            raise AlignerError(f"{option} {code!r} is not a language code: use an ISO 639-1 code such as en, vi, "
                               f"fr, de, zh (two lowercase letters)")
    if src == tgt:
        raise AlignerError(f"--src and --tgt are both {src!r}: give two languages")
    if {src, tgt} == LEXICON_PAIR:
        return None
    return (f"the lexicon knows English–Vietnamese only; {language_name(src)}–{language_name(tgt)} pairs are "
            f"found by names, numbers and length alone")
