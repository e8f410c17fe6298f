"""Stage 3: language tags, including the short lines langdetect gets wrong."""

import pytest

from aligner.langid import classify, tag_paragraphs
from aligner.models import Paragraph


@pytest.mark.parametrize("text", ["Type", "No comments:", "Author(s):", "Source", "Post a Comment",
                                  "Tuesday, December 10, 2024", "Associated Places",
                                  "The crowd applauded for nearly a minute.", "Photos by Tran Minh Duc.",
                                  "Interview with Le Van Tam"])
def test_short_english_lines_are_english(text):
    assert classify(text) == "en"


@pytest.mark.parametrize("text", ["Tác giả:", "Có mặt:", "Đám đông vỗ tay suốt gần một phút.",
                                  "ĐẾM CHIM BỜ BIỂN XUÂN THỦY", "Chuyện Nhà Tôi", "Bố.", "Cam on ban da chia se bai viet nay nhe",
                                  "Toi yeu Ha Noi lam", "LẮP ĐẶT"])
def test_vietnamese_is_vietnamese_with_or_without_accents(text):
    assert classify(text) == "vi"


@pytest.mark.parametrize("text", ["https://example.org/a/b?c=1", "2024-10-23", "300898", "• Hồ, Chí Minh", "Hà Nội",
                                  "Nguyễn Thị Lan", "----------", "20241211 CDTL Chuyen Di Ruoc Giac Ho Chi Minh"])
def test_urls_numbers_symbols_and_bare_names_are_und(text):
    assert classify(text) == "und"


@pytest.mark.parametrize("text", ["Vegetables: stir-fried mixed vegetables", "Simmer the broth, then skim the froth.",
                                  "Reboot the router and update its firmware."])
def test_english_of_words_the_lexicon_lacks_is_not_another_language(text):
    """Everyday words outside the lexicon are still English words: langdetect, asked about a
    short line of words the tagger did not know, calls the first of these Norwegian."""
    assert classify(text) == "en"


def test_the_taggers_english_words_are_none_a_vietnamese_syllable_could_be():
    """A word of the list that unaccented Vietnamese could spell ("ban", "bun", "chi") would no
    longer count for Vietnamese in text typed without accents."""
    from aligner.text import is_vi_syllable, tagger_english_words

    words = tagger_english_words()
    assert len(words) > 1000
    assert not [w for w in words if is_vi_syllable(w)]
    assert classify("minh nghi ban nen mua xe so, chay ben hon nhieu") == "vi"


def test_another_language_gets_its_own_code():
    assert classify("Nous avons visité le musée avec nos enfants pendant les vacances d'été.") == "fr"


def test_neighbours_settle_an_unknown_word():
    paragraphs = [Paragraph(0, "Share this:", 1), Paragraph(1, "zorblax", 2), Paragraph(2, "Post a Comment", 3)]
    assert [p.lang for p in tag_paragraphs(paragraphs)] == ["en", "en", "en"]


def test_a_file_is_tagged_as_its_text_is():
    from aligner import detect_file, detect_text
    from conftest import SAMPLES, case_doc

    path = case_doc(SAMPLES / "html-post")
    by_file, _ = detect_file(path)
    by_text, _ = detect_text(path.read_text(encoding="utf-8"), input_format="html")
    assert [(p.text, p.lang, p.line) for p in by_file] == [(p.text, p.lang, p.line) for p in by_text]
    assert {p.lang for p in by_file} >= {"en", "vi"}


@pytest.mark.parametrize("text", ["Part 3. Bánh xèo: the crispy one", "Translated by Phan Thị Ngọc Hà",
                                  "The Emperor's Table: Huế Cuisine in Seven Dishes",
                                  "A bowl of bún bò with giò heo at a morning stall in An Cựu market.",
                                  "Photo: Nguyễn Văn Tâm", "Posted by Minh Khuê at 8:40 PM"])
def test_english_dense_with_vietnamese_names_stays_english(text):
    assert classify(text) == "en"


@pytest.mark.parametrize("text", ["em cam on ca nha nhieu!", "budget tam 8-10tr/thang, thue it nhat 6 thang",
                                  "em da hen xem 2 can o an thuong chieu thu 7 nay", "Chia sẻ: Facebook · Zalo · Email",
                                  "Phần 3. Bánh xèo: món giòn rụm", "Thơ:"])
def test_vietnamese_with_english_words_or_unaccented_stays_vietnamese(text):
    assert classify(text) == "vi"


@pytest.mark.parametrize("text", ["hoa_nguyen_sg", "minh.tri.q7", "tuan-anh.88"])
def test_handles_belong_to_no_language(text):
    assert classify(text) == "und"


def _tags(*texts: str) -> list[str]:
    return [p.lang for p in tag_paragraphs([Paragraph(k, t, k + 1) for k, t in enumerate(texts)])]


def test_a_short_contested_line_takes_its_neighbours_language():
    assert classify("My rooftop kit:").startswith("?")  # "kit" has a syllable's shape
    assert _tags("I keep a few tools upstairs.", "My rooftop kit:", "cotton gloves with rubber palms") == ["en"] * 3


def test_words_borrowed_by_english_sentences_do_not_make_a_heading_vietnamese():
    heading = "Part 2. Bánh bèo, bánh nậm, bánh lọc: steamed"
    assert classify(heading) == "vi"  # alone, the dish names outweigh one English word
    tags = _tags("We ate bánh bèo, bánh nậm and bánh lọc at a stall near the market with our friends.",
                 heading, "Phần 2. Bánh bèo, bánh nậm, bánh lọc: bộ ba món hấp")
    assert tags == ["en", "en", "vi"]


def test_unaccented_syllables_of_a_borrowed_dish_name_do_not_make_a_caption_vietnamese():
    """"giò heo" needs no marks, yet is as borrowed as "bún bò" when English sentences use it."""
    caption = "Bún bò giò heo at Quán Mụ Rơi, 35,000 đồng for a big bowl."
    assert classify(caption) != "en"  # alone, the dish and the price outweigh "at", "for a big"
    tags = _tags("We ate bún bò giò heo twice in one day, once at dawn and once after midnight, and I would again.",
                 caption, "Bún bò giò heo ở Quán Mụ Rơi, 35.000 đồng một tô.")
    assert tags == ["en", "en", "vi"]


def test_a_line_made_only_of_borrowed_words_is_judged_by_them():
    """English sentences around borrow "lễ đầy tháng"; a heading of those words alone is still
    Vietnamese (the translation of an English heading placed between English paragraphs)."""
    tags = _tags("The first month: lễ đầy tháng", "Lễ đầy tháng",
                 "Thirty days after the birth, the family holds lễ đầy tháng for the baby and the midwife goddesses.")
    assert tags == ["en", "vi", "en"]


def test_a_word_the_document_writes_only_in_english_makes_a_heading_english():
    """"Day" could be an unaccented "dạy" or "dây"; alone, a heading of it and a place name leans
    Vietnamese. A post that writes "day" in its English sentences and never in its Vietnamese
    ones shows that "Day 2. Cần Thơ" is its English heading."""
    heading = "Day 2. Cần Thơ"
    assert classify(heading) == "vi"
    english = "We left before sunrise and spent the whole day on the river with a boatman from the village."
    vietnamese = "Chúng tôi đi từ trước lúc mặt trời mọc và ở trên sông cả ngày với một người lái đò trong làng."
    assert _tags(english, vietnamese, heading, "Ngày 2. Cần Thơ") == ["en", "vi", "en", "vi"]


def test_a_word_the_vietnamese_lines_also_use_says_nothing():
    """Text typed without accents writes "day" (dạy, teach) in its Vietnamese lines too: there
    the word is no sign of English."""
    english = "My son goes to a school near the market every day of the week."
    vietnamese = "con minh di hoc o truong gan cho, co giao day rat hay nha"
    assert _tags(english, vietnamese, "Day 2. Cần Thơ")[2] == "vi"


def test_a_word_no_vietnamese_syllable_is_spelt_like_speaks_for_english():
    """"rooftop" is in no word list here, but Vietnamese has no syllable "rooftop": with "My"
    it outweighs "kit", which could be an unaccented "kít"."""
    assert classify("My rooftop kit:") in ("en", "?en")
    assert _tags("Bài thơ thứ hai cũ hơn.", "My rooftop kit:", "- cotton gloves with rubber palms") == ["vi", "en", "en"]


def test_a_place_word_before_a_name_is_part_of_the_name():
    """"chợ Đồng Xuân" reads the same in English: the heading's one English word decides."""
    assert classify("Stop 2: chợ Đồng Xuân") == "en"
    assert classify("Chợ Đồng Xuân") == "vi"
    assert classify("Sáng nay tôi đi chợ Đồng Xuân mua vải.") == "vi"


_OTHER_LANGUAGES = ["Der Hafen wurde im Jahr 1954 von der Stadtverwaltung erneuert und erweitert.",
                    "La bibliothèque est ouverte tous les jours sauf le lundi, de sept heures à neuf heures.",
                    "El mercado abre a las seis de la mañana y cierra al mediodía los domingos.",
                    "Thư viện mở cửa từ 7 giờ sáng đến 9 giờ tối mỗi ngày trừ thứ Hai.",
                    "The library is open from 7 a.m. to 9 p.m. every day except Monday.",
                    "Библиотека открыта каждый день, кроме понедельника.", "東京の図書館は月曜日休館です。", "12 34"]


@pytest.mark.parametrize("text", _OTHER_LANGUAGES)
def test_the_profiles_read_on_demand_answer_as_langdetect_does(text):
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    from aligner.detector import detect_langs as on_demand

    DetectorFactory.seed = 0

    def answer(detect):
        try:
            return [(found.lang, found.prob) for found in detect(text)]
        except LangDetectException as exc:
            return str(exc)

    assert answer(on_demand) == answer(detect_langs)


def test_texts_that_differ_only_in_digits_are_tagged_alike():
    texts = ["Part 3. Bánh bèo, bánh nậm, bánh lọc: the steamed trio", "Bếp Ba Chị Em, kiệt 21 Kim Long, open "
             "from 7 p.m. to 11 p.m., closed on Tuesdays.", "Der Hafen wurde im Jahr 1954 erneuert und erweitert."]
    for text in texts:
        other = text.translate(str.maketrans("0123456789", "9876543210"))
        assert classify(other) == classify(text)
        first, second = _tags(text, other)
        assert first == second


@pytest.mark.parametrize(("text", "tag"), [("I. TẠM NGƯNG CẤP NƯỚC", "vi"), ("I. WATER SHUT-OFF", "en"),
                                           ("IV. Giới thiệu", "vi"), ("I think so.", "en")])
def test_a_leading_list_number_is_no_word(text, tag):
    """"I." numbering a section is not the pronoun: it must not make a Vietnamese heading English."""
    assert classify(text) == tag


def test_abbreviations_and_hashtags_say_nothing_of_the_language():
    """"TM." (on behalf of) heads a Vietnamese signature; a line of hashtags is of no language."""
    assert classify("TM. BAN QUẢN LÝ") == "vi"
    assert classify("#SongXanhResidence #ThongBao #BQL") == "und"
    assert classify("NASA launched it") == "en"


def test_a_heading_in_capitals_reads_the_documents_english_words():
    """In capitals every word looks like a name, so all are judged as words; "DAY" and "TRIP"
    could be unaccented syllables, but this post writes them only in English."""
    english = "We spent a whole day on the trip, and the day after we rested."
    vietnamese = "Chúng tôi đi cả một ngày, và hôm sau thì nghỉ ngơi."
    assert _tags(english, vietnamese, "DAY 3 – HỘI AN DAY TRIP", "NGÀY 3 – MỘT NGÀY Ở HỘI AN")[2:] == ["en", "vi"]


@pytest.mark.parametrize("text", ["Am          G           Am", "F   G   C", "F#m7 Bb/D | E"])
def test_chord_symbols_are_no_language(text):
    """Chords written above a song's line are music: an English "Am" among them is no word."""
    assert classify(text) == "und"


@pytest.mark.parametrize("text", ["Phần 2: Sài Gòn, 1955", "Chương 3: Hà Nội"])
def test_a_label_of_vietnamese_words_before_a_name_is_vietnamese(text):
    """"Phần 2:" is a heading's label in Vietnamese: the line translates "Part 2: Sài Gòn, 1955"
    and is no bare name, though all its words are capitalised."""
    assert classify(text) == "vi"


@pytest.mark.parametrize("text", ["Hà Nội: 1955", "Nguyễn Văn Lộc: 1921"])
def test_a_name_before_a_colon_is_still_a_bare_name(text):
    assert classify(text) == "und"
