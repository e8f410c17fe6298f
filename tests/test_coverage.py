"""`align coverage`: planted faults are found with the right reason and line; exit codes for CI."""

import json

import pytest
from typer.testing import CliRunner

from aligner import align_file, align_text
from aligner.cli import app
from aligner.coverage import check_alignment, is_boilerplate
from conftest import SAMPLES, SAMPLE_CASES, case_doc, gold_links, shared_case

runner = CliRunner()
FAULTS = SAMPLES / "qa-faults" / "post.txt"
CLEAN = SAMPLES / "qa-clean" / "post.txt"


def report_of(path, **kwargs):
    return check_alignment(align_file(path), str(path), **kwargs)


def test_clean_post_reports_nothing():
    report = report_of(CLEAN)
    assert report.untranslated == [] and report.unmatched_target == [] and report.doubtful == []
    assert report.coverage == 1.0


def findings(report) -> dict[int, str]:
    return {(d.src + d.tgt)[0].line: "; ".join(d.reasons) for d in report.doubtful}


def test_dropped_paragraph_is_untranslated_with_its_line():
    report = report_of(FAULTS)
    assert 15 in [p.line for p in report.untranslated]
    assert report.untranslated[0].text.startswith("When the bridge opened")


def test_missing_year_is_found():
    assert "number 2009 in the en is missing from the vi" in findings(report_of(FAULTS))[9]


def test_truncated_translation_is_found():
    assert "shorter" in findings(report_of(FAULTS))[11]


def test_english_pasted_into_the_vietnamese_half_is_found():
    assert "a copy of line 17, not a translation" in findings(report_of(FAULTS))[33]


def test_paragraph_translated_two_ways_is_found():
    assert "translated differently" in findings(report_of(FAULTS))[21]


def test_missing_name_is_found():
    text = ("Mr. Tan met Mrs. Lan at the station.\nÔng Tan gặp bà Lan ở nhà ga.\n"
            "Then Mrs. Lan wrote a letter to Mr. Tan about the meeting.\nSau đó bà viết một lá thư cho ông Tan về cuộc gặp.\n")
    report = check_alignment(align_text(text))
    assert any("name Lan is missing from the vi" in r for d in report.doubtful for r in d.reasons)


@pytest.mark.parametrize("text", ["Posted by Minh at 9:12 PM", "Labels: family, letters, Saigon",
                                  "Home | Recipes | About me", "Subscribe to: Post Comments (Atom)",
                                  "Newer post: Banh mi rolls for beginners »",
                                  "Contact: team@example.org, web: https://example.org/about",
                                  "By Lâm Khánh Vy · Photos by Daniel Roche",
                                  "Saigon, alley by alley · Sài Gòn, từng con hẻm"])
def test_blog_boilerplate_is_set_apart(text):
    assert is_boilerplate(text)


def test_content_is_not_boilerplate():
    assert not is_boilerplate("The History Program welcomes reuse of these materials for research and teaching.")
    assert not is_boilerplate("Q: Where can I park?")
    assert not is_boilerplate("We ate at the stall by the gate · the one with the blue awning and the long queue.")


@pytest.mark.parametrize("case", SAMPLE_CASES, ids=lambda p: p.name)
def test_untranslated_lists_follow_the_alignment_and_the_gold(case):
    atoms, links, untranslated = gold_links(case)
    report = report_of(case_doc(case))
    listed = {p.text for p in report.untranslated}
    # What the gold calls untranslated content, less what coverage sets apart as boilerplate
    # (short headings and captions, bylines: see is_boilerplate) ...
    wanted = {atoms[i] for i in untranslated if not is_boilerplate(atoms[i])}
    # ... and what may be listed: an English line the gold links to nothing (some golds leave
    # lines such as "Translation of X's post:" out of "untranslated" as boilerplate of their own).
    linked = {s for s, _ in links}
    languages = json.loads((case / "gold.json").read_text(encoding="utf-8"))["atoms"]
    unlinked_english = {atoms[i] for i, (lang, _) in enumerate(languages) if lang == "en" and i not in linked}
    # Known misses (see docs/quality.md): library-alternating's reader comment is paired with
    # another one; in a forum, a closing update is paired with the reply that congratulates it;
    # in the newsletter, an English source title is paired with another source's Vietnamese one;
    # in the group chat, a thank-you and a question are paired with another member's answer.
    missed = {"library-alternating": 1, "forum-replies-numbers": 1,
              "wrapped-newsletter-partial": 1, "chat-log-unaccented-translations": 2}.get(case.name, 0)
    assert len(wanted - listed) <= missed
    # Known misses: a verse line moved within its stanza and a line of a one-to-two split
    # (verse-and-lists-uneven), one line of a block pair (mixed-layout-sources), a translated
    # forum line typed without accents (forum-visa-thread), free verse lines the lexicon knows no
    # word of (song-chorus-repeated), a folk verse line rendered as two English lines whose
    # second one stays alone (folk-verse-alternating-uneven), a short follow-up question
    # (interview-halves-partial), left unpaired.
    allowed = {"verse-and-lists-uneven": 2, "mixed-layout-sources": 1, "forum-visa-thread": 1,
               "song-chorus-repeated": 1, "folk-verse-alternating-uneven": 1,
               "interview-halves-partial": 1}.get(case.name, 0)
    assert len(listed - unlinked_english) <= allowed


def test_seed_untranslated_list_is_the_archive_metadata():
    report = report_of(shared_case("seed") / "post.txt")
    assert [p.text[:20] for p in report.untranslated] == [
        "RGANI, f. 52, op. 1,", "The History and Publ", "To enquire about thi"]


def test_min_coverage_exit_codes_on_both_sides():
    assert runner.invoke(app, ["coverage", str(FAULTS), "--min-coverage", "0.7"]).exit_code == 0
    failed = runner.invoke(app, ["coverage", str(FAULTS), "--min-coverage", "0.75"])
    assert failed.exit_code == 1
    assert "FAIL: coverage 72.9% is below 75.0%" in failed.stdout
    assert runner.invoke(app, ["coverage", str(CLEAN), "--min-coverage", "1"]).exit_code == 0


def test_fail_on_doubtful_exit_codes():
    assert runner.invoke(app, ["coverage", str(FAULTS), "--fail-on", "doubtful"]).exit_code == 1
    assert runner.invoke(app, ["coverage", str(CLEAN), "--fail-on", "doubtful"]).exit_code == 0


def test_json_has_stable_fields_and_the_verdict():
    result = runner.invoke(app, ["coverage", str(FAULTS), "-f", "json", "--min-coverage", "0.9"])
    data = json.loads(result.stdout)
    assert set(data) == {"files", "total", "verdict"}
    entry = data["files"][0]
    assert set(entry) == {"file", "src_lang", "tgt_lang", "missing", "totals", "untranslated", "unmatched_target",
                          "doubtful", "boilerplate", "verdict"}
    assert entry["missing"] is None
    assert [p["line"] for p in entry["untranslated"]] == [15, 17, 33]
    assert entry["doubtful"][0] == {"src_lines": [9], "tgt_lines": [27],
                                    "reasons": ["number 2009 in the en is missing from the vi"],
                                    "src": entry["doubtful"][0]["src"], "tgt": entry["doubtful"][0]["tgt"]}
    assert data["verdict"] == {"passed": False, "min_coverage": 0.9, "fail_on": []}
    assert result.exit_code == 1


def test_several_files_give_one_row_each_and_the_worst_status():
    result = runner.invoke(app, ["coverage", str(CLEAN), str(FAULTS), "--min-coverage", "0.9"])
    assert result.exit_code == 1
    assert "total" in result.stdout and result.stdout.count("PASS") == 1
    both_good = runner.invoke(app, ["coverage", str(CLEAN), str(CLEAN), "--min-coverage", "0.9"])
    assert both_good.exit_code == 0


def test_unreadable_file_among_several_exits_2(tmp_path):
    result = runner.invoke(app, ["coverage", str(CLEAN), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_ignore_sets_paragraphs_aside():
    plain = report_of(FAULTS)
    ignored = report_of(FAULTS, ignore=["^When the bridge"])
    assert len(ignored.untranslated) == len(plain.untranslated) - 1
    assert [p.line for p in ignored.ignored] == [15]


def test_bad_ignore_pattern_is_a_usage_error():
    result = runner.invoke(app, ["coverage", str(CLEAN), "--ignore", "(unclosed"])
    assert result.exit_code == 2
    assert "not a valid regular expression" in result.stderr


@pytest.mark.parametrize("name", ["seed", "dev-alternating", "dev-halves", "dev-vi-first", "dev-wrapped"])
def test_shared_cases_untranslated_lists_match_the_gold(name):
    case = shared_case(name)
    atoms, _, untranslated = gold_links(case)
    report = report_of(case / "post.txt")
    assert sorted(p.text for p in report.untranslated) == sorted(atoms[i] for i in untranslated)
