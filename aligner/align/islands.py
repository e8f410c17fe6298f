"""Islands: a pair that is the only link between two runs which both keep unpaired paragraphs.

A translated stretch renders a run of the other language, or a run renders it whole; the
paragraphs of a translation lie together. A pair that links two runs where nothing else is
linked, while both runs keep paragraphs alone, has no such support from the layout. In a forum
it is typically a reply in the next post that repeats the names and numbers of the post it
answers ("I flew to Vientiane and came back through Nội Bài" and "Qua Vientiane o 1-2 dem roi
bay ve Noi Bai la ok"): the anchors match, the words do not. Such a pair is kept only where its
words, its anchors aside, speak for a translation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .confidence import Bead
from .document import Document


def _runs_keeping_alone(beads: Sequence[Bead], document: Document) -> tuple[set[int], set[int]]:
    """The source runs and the target runs that hold a paragraph no bead holds."""
    paired_src = {i for s, _, _ in beads for i in s}
    paired_tgt = {j for _, t, _ in beads for j in t}
    return ({document.runs_src[i] for i in range(len(document.src)) if i not in paired_src},
            {document.runs_tgt[j] for j in range(len(document.tgt)) if j not in paired_tgt})


def islands(beads: Sequence[Bead], document: Document) -> list[int]:
    """The numbers of the one-to-one beads that are islands (see the module's docstring)."""
    links = Counter((document.runs_src[s[0]], document.runs_tgt[t[0]]) for s, t, _ in beads)
    alone_src, alone_tgt = _runs_keeping_alone(beads, document)
    found = []
    for k, (s, t, _) in enumerate(beads):
        runs = (document.runs_src[s[0]], document.runs_tgt[t[0]])
        if len(s) == len(t) == 1 and links[runs] == 1 and runs[0] in alone_src and runs[1] in alone_tgt:
            found.append(k)
    return found


def without_word_poor_islands(beads: list[Bead], own: list[float], document: Document,
                              word_evidence: Callable[[list[Bead]], list[float]]) -> tuple[list[Bead], list[float]]:
    """The beads and their own gains less the islands whose words, anchors aside, say they are
    no translation (``word_evidence``: the content of beads from their soft items only)."""
    found = islands(beads, document)
    poor = {k for k, value in zip(found, word_evidence([beads[k] for k in found])) if value < 0}
    kept = [k for k in range(len(beads)) if k not in poor]
    return [beads[k] for k in kept], [own[k] for k in kept]
