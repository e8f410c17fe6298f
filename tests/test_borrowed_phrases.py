"""Vietnamese phrases an English text keeps as they are are anchors, like names (features.py)."""

from aligner import align_text
from aligner.features import borrowed_phrases, phrase_prefixes, phrases_among


def test_runs_of_vietnamese_syllables_in_english_are_borrowed_phrases():
    text = "A month after the birth comes lễ đầy tháng, and the baby's grandmother cooks xôi gấc for it."
    assert borrowed_phrases(text) == [["ledaythang"], ["xoigac"]]


def test_english_words_and_punctuation_end_a_phrase():
    assert borrowed_phrases("We ordered bánh xèo at Bà Dưỡng, then chè.") == [["banhxeo"], ["baduong"]]
    assert borrowed_phrases("The river was calm, and so was I.") == []  # no Vietnamese mark


def test_the_vietnamese_side_finds_the_phrase_with_or_without_marks():
    wanted = frozenset({"ledaythang"})
    prefixes = phrase_prefixes(wanted)
    assert phrases_among("Cả nhà làm lễ đầy tháng cho bé".lower().split(), wanted, prefixes) == [["ledaythang"]]
    assert phrases_among("ca nha lam le day thang cho be".split(), wanted, prefixes) == [["ledaythang"]]
    assert phrases_among("lễ cưới đầy đủ".split(), wanted, prefixes) == []


def test_a_short_label_pairs_with_its_translation_through_the_phrase_it_keeps():
    en = ["The first month: lễ đầy tháng",
          "Thirty days after the birth, the family holds lễ đầy tháng. Seven plates of sticky rice and "
          "sweet soup are laid out for the twelve midwife goddesses, and the baby is passed from arm to arm.",
          "The first birthday: thôi nôi",
          "At one year comes thôi nôi. A tray of small objects is set in front of the child: a pen, a comb, "
          "a pair of scissors, a coin; whatever the child grabs first is said to show its future trade."]
    vi = ["Lễ đầy tháng",
          "Ba mươi ngày sau khi sinh, gia đình làm lễ đầy tháng. Bảy đĩa xôi chè được bày ra để cúng mười hai "
          "bà mụ, và em bé được bế chuyền tay nhau.",
          "Thôi nôi",
          "Tròn một năm là lễ thôi nôi. Người ta đặt trước mặt bé một mâm đồ vật nhỏ: cây bút, cái lược, cái kéo, "
          "đồng xu; bé chộp lấy thứ gì trước tiên thì người ta bảo đó là nghề sau này của bé."]
    text = "\n".join(line for pair in zip(en, vi) for line in pair)
    pairs = [(u.src_text, u.tgt_text) for u in align_text(text).pairs]
    assert pairs == list(zip(en, vi))
