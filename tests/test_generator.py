"""benchmarks/generate.py: its gold is exact, and the aligner does on generated posts what it does on samples."""

import sys

import pytest

from aligner import align_text
from aligner.align import DEFAULT_SETTINGS, Settings
from conftest import ROOT, link_f1, predicted_links

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import STRUCTURES, generate  # noqa: E402


def gold_records(gold: dict) -> list[dict]:
    """The gold as aligner records: a perfect prediction."""
    atoms = gold["atoms"]
    linked = {i for ss, tt in gold["links"] for i in ss + tt}
    beads = [(min(ss + tt), ss, tt) for ss, tt in gold["links"]]
    beads += [(i, [i], []) for i in range(len(atoms)) if i not in linked]
    return [{"src": "\n".join(atoms[i][1] for i in ss), "tgt": "\n".join(atoms[j][1] for j in tt)}
            for _, ss, tt in sorted(beads)]  # document order, as the aligner writes them


@pytest.mark.parametrize("structure", ("mixed",) + STRUCTURES)
def test_gold_scores_one_against_itself_and_matches_the_text(structure):
    text, gold = generate(400, structure, seed=7)
    assert [t for t in text.split("\n") if t] == [t for _, t in gold["atoms"]]
    atoms = [t for _, t in gold["atoms"]]
    wanted = {(s, t) for ss, tt in gold["links"] for s in ss for t in tt}
    free: dict[str, list[int]] = {}
    for i, t in enumerate(atoms):
        free.setdefault(t, []).append(i)
    found = set()
    for record in gold_records(gold):
        src = [free[p].pop(0) for p in record["src"].split("\n") if p]
        tgt = [free[p].pop(0) for p in record["tgt"].split("\n") if p]
        found.update((s, t) for s in src for t in tgt)
    assert found == wanted
    assert all(not ids for ids in free.values())


def test_generation_is_deterministic_and_seeded():
    assert generate(300, seed=1) == generate(300, seed=1)
    assert generate(300, seed=1)[0] != generate(300, seed=2)[0]


def test_numbers_are_redrawn_the_same_way_on_both_sides():
    import re

    _, gold = generate(600, "pairs", seed=3)
    atoms = gold["atoms"]
    same = 0
    for ss, tt in gold["links"]:
        src_numbers = set(re.findall(r"\d{4}", " ".join(atoms[i][1] for i in ss)))
        tgt_numbers = set(re.findall(r"\d{4}", " ".join(atoms[j][1] for j in tt)))
        same += bool(src_numbers) and src_numbers == tgt_numbers
    assert same >= 10


def test_aligner_on_a_generated_post_is_close_to_its_gold():
    text, gold = generate(1500, seed=11)
    result = align_text(text)
    atoms = [t for _, t in gold["atoms"]]
    predicted, _ = predicted_links(result, atoms)
    wanted = {(s, t) for ss, tt in gold["links"] for s in ss for t in tt}
    assert link_f1(predicted, wanted) >= 0.95


def _generated_f1(text: str, gold: dict, settings: Settings = DEFAULT_SETTINGS) -> float:
    atoms = [t for _, t in gold["atoms"]]
    predicted, _ = predicted_links(align_text(text, settings=settings), atoms)
    return link_f1(predicted, {(s, t) for ss, tt in gold["links"] for s in ss for t in tt})


def test_book_length_posts_learn_from_stretches_as_well_as_from_the_whole():
    """Above 2 × windows × rows source paragraphs the first pass aligns stretches only; shrunk
    so a 2,000-paragraph post takes that path, it must do as well as the full first pass."""
    from aligner.align.coarse import coarse_corridor, is_book_length, sampled_first_pass
    from aligner.align.pipeline import build_scorer
    from aligner.api import detect_text

    text, gold = generate(2000, seed=5)
    whole = _generated_f1(text, gold)
    stretches = Settings(sample_windows=4, sample_rows=80)
    paragraphs, _ = detect_text(text)
    scorer = build_scorer([p for p in paragraphs if p.lang == "en"], [p for p in paragraphs if p.lang == "vi"],
                          True, True, (), stretches)
    assert scorer.vectorised and is_book_length(scorer)
    assert not is_book_length(build_scorer(scorer.document.src, scorer.document.tgt, True, True, (), Settings()))
    beads = sampled_first_pass(scorer, coarse_corridor(scorer, stretches.full_table_limit))
    assert 4 * 80 * 0.5 < len(beads) < 4 * 80 * 1.2  # the stretches' beads only
    sampled = _generated_f1(text, gold, stretches)
    assert whole >= 0.95
    assert sampled >= whole - 0.01
