"""--src/--tgt: unknown codes are usage errors, other pairs are aligned with a note; UTF-16 with no BOM."""

import pytest
from typer.testing import CliRunner

from aligner import align_text
from aligner.cli import app
from aligner.errors import AlignerError
from aligner.languages import check_pair, language_name
from aligner.reader import decode_bytes
from conftest import SAMPLES, run_align

runner = CliRunner()
POST = SAMPLES / "library-alternating" / "post.txt"
PAIR = "The river rose by 2 metres on 6 August.\r\nNước sông dâng cao 2 mét vào ngày 6 tháng 8.\r\n"


@pytest.mark.parametrize("args", [["--tgt", "zz"], ["--src", "eng"], ["--src", "EN"], ["--src", "vi", "--tgt", "vi"]])
@pytest.mark.parametrize("command", [[], ["coverage"]])
def test_an_unknown_code_or_one_language_twice_is_a_usage_error(command, args):
    result = run_align(*command, str(POST), *args)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("align: error: --")
    assert "Traceback" not in err and result.stdout == b""


def test_another_pair_says_the_lexicon_is_english_vietnamese_only():
    result = runner.invoke(app, [str(POST), "--src", "fr", "--tgt", "de", "-f", "tsv"])
    assert result.exit_code == 0
    assert ("align: note: the lexicon knows English–Vietnamese only; French–German pairs are found by names, "
            "numbers and length alone") in result.stderr


@pytest.mark.parametrize("src, tgt", [("en", "vi"), ("vi", "en")])
def test_english_vietnamese_either_way_has_no_note(src, tgt):
    result = runner.invoke(app, [str(POST), "--src", src, "--tgt", tgt, "-f", "tsv"])
    assert result.exit_code == 0 and "lexicon" not in result.stderr


def test_the_library_refuses_an_unknown_code_too():
    with pytest.raises(AlignerError, match="not a language code"):
        align_text(PAIR, tgt_lang="zz")
    assert check_pair("en", "vi") is None and language_name("vi") == "Vietnamese"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, codec):
    path = tmp_path / "post.txt"
    path.write_bytes(PAIR.encode(codec))
    result = run_align(str(path), "-f", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == ("The river rose by 2 metres on 6 August.\t"
                                             "Nước sông dâng cao 2 mét vào ngày 6 tháng 8.\n")


@pytest.mark.parametrize("data", [b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", b"\x00\x01\x02\x03" * 50,
                                  "caf\u00e9\x01\x02".encode("utf-16-le")])
def test_binary_bytes_are_not_taken_for_utf16_and_the_error_names_the_option(data):
    with pytest.raises(AlignerError) as caught:
        decode_bytes(data)
    assert "binary" in caught.value.message and "--encoding utf-16-le" in caught.value.message
