"""--dict FILE: a user's domain words join the built-in lexicon and change the alignment."""

import json
import unicodedata

import pytest
from typer.testing import CliRunner

from aligner import align_text
from aligner.align import lexicon_for
from aligner.cli import app
from aligner.dictionary import parse_dictionary, read_dictionaries
from aligner.errors import AlignerError
from aligner.text import lexicon_en_vi

runner = CliRunner()

# Three English paragraphs, two translated: only the crafts' words tell which two.
EN = ["Pottery: glaze the clay, then fire it in the kiln.",
      "Weaving: dye the silk in indigo, then set the loom.",
      "Gardening: graft the vine, then mulch the trellis."]
VI = ["Dệt: nhuộm lụa bằng chàm, rồi mắc khung cửi.",
      "Làm vườn: ghép nho, rồi phủ gốc giàn."]
POST = "\n".join(EN + VI) + "\n"
WORDS = [("pottery", "gốm"), ("glaze", "men"), ("clay", "đất sét"), ("kiln", "lò nung"), ("weaving", "dệt"),
         ("dye", "nhuộm"), ("silk", "lụa"), ("indigo", "chàm"), ("loom", "khung cửi"), ("gardening", "làm vườn"),
         ("graft", "ghép"), ("vine", "nho"), ("mulch", "phủ gốc"), ("trellis", "giàn")]
TSV = "# crafts, written for this test\n\n" + "".join(f"{en}\t{vi}\n" for en, vi in WORDS)
HUNALIGN = "".join(f"{vi} @ {en}\n" for en, vi in WORDS)
RIGHT = [(EN[1], VI[0]), (EN[2], VI[1])]


def _pairs(result) -> list[tuple[str, str]]:
    return [(r["src"], r["tgt"]) for r in map(json.loads, result.stdout.splitlines()) if r["src"] and r["tgt"]]


@pytest.fixture
def post(tmp_path):
    path = tmp_path / "crafts.txt"
    path.write_text(POST, encoding="utf-8")
    return path


def test_the_test_words_are_not_in_the_built_in_lexicon():
    lexicon = lexicon_en_vi()
    renderings = {r for found in lexicon.values() for r in found}
    assert not [en for en, _ in WORDS if en in lexicon]
    assert not [vi for _, vi in WORDS if vi in renderings]


def test_without_the_dictionary_a_pair_is_missed(post):
    result = runner.invoke(app, [str(post), "-f", "jsonl"])
    assert result.exit_code == 0
    assert _pairs(result) != RIGHT
    assert (EN[1], VI[0]) not in _pairs(result)


@pytest.mark.parametrize("text", [TSV, HUNALIGN], ids=["tsv", "hunalign"])
def test_the_dictionary_makes_the_alignment_right(post, tmp_path, text):
    dictionary = tmp_path / "crafts.dict"
    dictionary.write_text(text, encoding="utf-8")
    result = runner.invoke(app, [str(post), "-f", "jsonl", "--all", "--dict", str(dictionary)])
    assert result.exit_code == 0, result.stderr
    assert _pairs(result) == RIGHT
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"src": EN[0], "tgt": ""}.items() <= records[0].items()  # untranslated, not paired


def test_several_dictionaries_add_up(post, tmp_path):
    first, second = tmp_path / "a.tsv", tmp_path / "b.txt"
    first.write_text("".join(f"{en}\t{vi}\n" for en, vi in WORDS[:7]), encoding="utf-8")
    second.write_text("".join(f"{vi} @ {en}\n" for en, vi in WORDS[7:]), encoding="utf-8")
    assert len(read_dictionaries([first, second])) == len(WORDS)
    result = runner.invoke(app, [str(post), "-f", "jsonl", "--dict", str(first), "--dict", str(second)])
    assert _pairs(result) == RIGHT


def test_coverage_uses_the_dictionary(post, tmp_path):
    dictionary = tmp_path / "crafts.tsv"
    dictionary.write_text(TSV, encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["coverage", str(post), "-f", "json"]).stdout)
    helped = json.loads(runner.invoke(app, ["coverage", str(post), "-f", "json", "--dict", str(dictionary)]).stdout)
    assert plain["total"]["src_paragraphs_translated"] == 1
    assert helped["total"]["src_paragraphs_translated"] == 2


def test_the_library_takes_the_dictionary_as_a_setting():
    dictionary = tuple(sorted(set(parse_dictionary(TSV))))
    assert [(u.src_text, u.tgt_text) for u in align_text(POST, dictionary=dictionary).pairs] == RIGHT
    sentences = align_text(POST, level="sentence", dictionary=dictionary)
    assert [(u.src_text, u.tgt_text) for u in sentences.pairs] == RIGHT
    # The built-in lexicon is left as it was, and a merged one is made once per dictionary.
    assert "kiln" not in lexicon_for(True).forward
    assert lexicon_for(True, dictionary) is lexicon_for(True, dictionary)
    assert lexicon_for(True, dictionary).forward["kiln"] == {"lò nung"}
    assert align_text(POST).pairs != align_text(POST, dictionary=dictionary).pairs


def test_lines_are_normalised_like_the_built_in_lexicon():
    decomposed = unicodedata.normalize("NFD", "Vắc-Xin")
    text = f"Vaccine\t{decomposed}|thuốc chủng\n  # a comment\n\nTrẻ Em @ CHILDREN\nblood test\tXét  nghiệm máu\n"
    assert sorted(parse_dictionary(text)) == [("blood test", "xét nghiệm máu"), ("child", "trẻ em"),
                                             ("vaccine", "thuốc chủng"), ("vaccine", "vắc xin")]
    assert all(unicodedata.is_normalized("NFC", vi) for _, vi in parse_dictionary(text))


@pytest.mark.parametrize("text, line, why", [
    ("kiln\tlò nung\nkiln lò nung\n", 2, "not a dictionary line"),
    ("kiln\tlò\tnung\n", 1, "3 tab-separated fields"),
    ("# ok\nlò @ nung @ kiln\n", 2, "more than one ' @ '"),
    ("kiln\t\n", 1, "no Vietnamese word"),
    ("lò nung @ 1962\n", 1, "no English word"),
])
def test_a_malformed_line_is_one_error_with_file_and_line(post, tmp_path, text, line, why):
    dictionary = tmp_path / "bad.tsv"
    dictionary.write_text(text, encoding="utf-8")
    for command in ([str(post)], ["coverage", str(post)]):
        result = runner.invoke(app, [*command, "--dict", str(dictionary)])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"align: error: --dict {dictionary}:{line}: {why}")
        assert result.stdout == ""


def test_a_missing_or_unreadable_dictionary_is_an_error(post, tmp_path):
    for path, why in ((tmp_path / "none.tsv", "no such file"), (tmp_path, "is a directory, not a file")):
        result = runner.invoke(app, [str(post), "--dict", str(path)])
        assert result.exit_code == 2
        assert result.stderr == f"align: error: --dict {path}: {why}\n"
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\x00\x01\x02kiln")
    with pytest.raises(AlignerError, match="binary"):
        read_dictionaries([binary])
