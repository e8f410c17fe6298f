"""Stage 1: decoding and normalisation."""

import codecs
import unicodedata

import pytest

from aligner.errors import AlignerError
from aligner.reader import decode_bytes, normalize_text, read_source

VIETNAMESE = "Hồ Chí Minh đã đến Hà Nội."


def test_utf8_with_and_without_bom_decode_the_same():
    data = VIETNAMESE.encode("utf-8")
    assert decode_bytes(data) == decode_bytes(codecs.BOM_UTF8 + data) == VIETNAMESE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_recognised(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + VIETNAMESE.encode(codec)) == VIETNAMESE


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 stores vowels with their hats precomposed and the tone as a separate mark."""
    out = b""
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        tones = "".join(c for c in decomposed if c in TONES)
        out += (base + tones).encode("cp1258")
    return out


@pytest.mark.parametrize("text, encoding, data", [
    ("Tiếng Việt của Hồ Chí Minh", "cp1258", encode_cp1258("Tiếng Việt của Hồ Chí Minh")),
    ("café crème brûlée", "cp1252", "café crème brûlée".encode("cp1252")),
])
def test_legacy_code_pages_work_when_named(text, encoding, data):
    assert normalize_text(decode_bytes(data, encoding)) == text


def test_invalid_utf8_names_the_byte_offset_and_the_option():
    with pytest.raises(AlignerError) as caught:
        decode_bytes(b"good text \xff\xfe more")
    assert "byte 10" in caught.value.message
    assert "--encoding" in caught.value.message


def test_nul_bytes_mean_binary():
    with pytest.raises(AlignerError, match="binary"):
        decode_bytes(b"\x7fELF\x00\x00\x01")


def test_unknown_encoding_is_a_clear_error():
    with pytest.raises(AlignerError, match="unknown encoding"):
        decode_bytes(b"abc", "no-such-codec")


def test_normalisation_composes_and_cleans():
    decomposed = "Ho\u0302\u0300 Chi\u0301"  # "Hồ Chí" as typed on macOS
    raw = f"{decomposed}\r\nnext\u00a0line\u200b\rlast\x07"
    assert normalize_text(raw) == "Hồ Chí\nnext line\nlast"


def test_missing_file_and_directory_are_errors(tmp_path):
    with pytest.raises(AlignerError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(AlignerError, match="directory"):
        read_source(tmp_path)


def test_a_chat_apps_notices_are_furniture_in_a_chat_export_only():
    """"Lan Chi đã thêm Peter vào nhóm" is the app's, in its own language, and names a member:
    no message to pair. A diary's line that opens with a date and a time is no such notice."""
    from aligner.api import detect_text
    from aligner.text import chat_sender

    assert chat_sender("[13/06/2024, 07:20] Lan Chi đã thêm Peter vào nhóm") is False
    assert chat_sender("[13/06/2024, 07:24] Peter: Hi everyone, thanks for adding me!") is True
    assert chat_sender("Hi everyone") is None
    chat = "\n".join(["[13/06/2024, 07:20] Lan Chi đã thêm Peter vào nhóm",
                      "[13/06/2024, 07:24] Peter: Hi everyone, thanks for adding me!",
                      "[13/06/2024, 07:30] Lan Chi: Chào anh Peter, chào mừng anh vào nhóm nhé",
                      "[13/06/2024, 07:31] Lan Chi: Hi Peter, welcome to the group",
                      "[13/06/2024, 07:35] Peter: Thank you!"])
    found, _ = detect_text(chat, paragraphs="lines")
    assert [p.chrome for p in found] == [True, False, False, False, False]
    diary = "\n\n".join(["12/03/2025 09:15 We left the hotel before the rain and took the first ferry.",
                          "12/03/2025 09:15 Chúng tôi rời khách sạn trước cơn mưa và đi chuyến phà đầu tiên."])
    found, _ = detect_text(diary)
    assert not any(p.chrome for p in found)


def test_a_chat_exports_header_is_no_part_of_the_message():
    from aligner.text import message_body

    assert message_body("[13/06/2024, 06:52] BQL Sen Vàng - chị Hạnh: THONG BAO: cup nuoc") == "THONG BAO: cup nuoc"
    assert message_body("13/06/2024, 06:52 - minh.khoa.q7: ok nha") == "ok nha"
    assert message_body("[13/06/2024, 07:20] Lan Chi đã thêm Peter vào nhóm") == "Lan Chi đã thêm Peter vào nhóm"
    assert message_body("The river rose in 1957: a flood") == "The river rose in 1957: a flood"
