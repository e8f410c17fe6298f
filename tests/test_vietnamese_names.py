"""People's names in either language: a name one side holds and the other never does is a miss."""

from aligner.align.items import document_items
from aligner.align.lexicon import lexicon_for
from aligner.features import vietnamese_names
from aligner.models import Paragraph


def test_a_name_led_by_a_family_name_is_found_with_or_without_accents():
    assert vietnamese_names("Photo: Nguyễn Văn Tâm") == {"nguyenvantam"}
    assert vietnamese_names("By Tran Quoc Bao | Thanh Hoa, March 6") == {"tranquocbao"}
    assert vietnamese_names("Ảnh: Lê Minh Khoa, tháng Ba") == {"leminhkhoa"}


def test_offices_headings_in_capitals_places_and_foreign_names_are_not_asked_about():
    assert vietnamese_names("Ho nop ho so len Phòng Quản lý Xuất nhập cảnh") == frozenset()
    assert vietnamese_names("MÙA HỒNG Ở ĐÀ LẠT") == frozenset()
    assert vietnamese_names("We reached Đồng Văn at dusk") == frozenset()
    assert vietnamese_names("Photo credit: Tom Ashby") == frozenset()
    assert vietnamese_names("Lê") == frozenset()  # a family name alone is no full name


def _paragraphs(texts: list[str], lang: str, start: int) -> list[Paragraph]:
    return [Paragraph(start + k, text, lang) for k, text in enumerate(texts)]


def test_a_name_only_one_side_holds_is_an_item_no_pair_can_match():
    """Two credits for two photographers: each name is an item of its own paragraph, found in no
    paragraph of the other side, so pairing the credits costs a miss on both sides; a name both
    sides hold is matched as before."""
    src = _paragraphs(["Photo: Nguyễn Văn Tâm", "Trần Thu Hà cooked for us."], "en", 0)
    tgt = _paragraphs(["Ảnh: Lê Minh Khoa", "Trần Thu Hà nấu cho chúng tôi."], "vi", 2)
    src_items, tgt_items, _ = document_items(src, tgt, True, lexicon_for(True, ()))
    assert "@nguyenvantam" in src_items[0] and "@leminhkhoa" in tgt_items[0]
    assert "@tranthuha" in src_items[1] and "@tranthuha" in tgt_items[1]
    assert not any(key.startswith("@") for key in document_items(
        _paragraphs(["Photo credit: Tom Ashby"], "en", 0), tgt[:1], True, lexicon_for(True, ()))[0][0])
