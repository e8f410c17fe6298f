"""Formats in and out, each read back with a real parser."""

import json
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from aligner import align_file, align_text
from aligner.cli import app
from aligner.export import WRITERS, moses_files
from aligner.models import Paragraph
from aligner.markup import html_to_lines, looks_like_html, markdown_to_lines
from aligner.align.document import document_of
from aligner.align.furniture import anchored_pairs, block_pairs, same_numbers
from aligner.align.sentences import split_sentences
from conftest import SAMPLES

runner = CliRunner()

TRICKY = (
    'Tabs\tand "quotes", <tags> & ampersands | pipes \\ backslash in 1957.\n'
    '“Tab\tvà dấu ngoặc kép”, <thẻ> & dấu và | ống \\ gạch chéo năm 1957.\n'
    "The second paragraph is long. It was translated in 1962 by two students from Hue.\n"
    "Đoạn thứ hai rất dài.\n"
    "Nó được hai sinh viên từ Huế dịch vào năm 1962.\n"
)


@pytest.fixture(scope="module")
def tricky():
    return align_text(TRICKY)


def test_tricky_sample_aligns_as_expected(tricky):
    assert len(tricky.pairs) == 2
    assert tricky.pairs[1].tgt_text.count("\n") == 1


def test_tmx_reads_back_with_translate_toolkit(tricky):
    tmx = pytest.importorskip("translate.storage.tmx", reason="translate-toolkit is a test dependency")
    text = WRITERS["tmx"](tricky, False)
    store = tmx.tmxfile.parsestring(text.encode("utf-8"))
    assert [(u.source, u.target) for u in store.units] == [(u.src_text, u.tgt_text) for u in tricky.pairs]
    assert 'srclang="en"' in text and 'creationtool="aligner"' in text and 'segtype="paragraph"' in text
    assert '<tuv xml:lang="vi">' in text


def test_tmx_drops_characters_xml_forbids_and_says_so(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text("The river rose \ufffe in 1957.\nNước sông dâng \ufffe năm 1957.\n", encoding="utf-8")
    result = runner.invoke(app, [str(path), "-f", "tmx"])
    assert "\ufffe" not in result.stdout
    assert "dropped 2 characters" in result.stderr
    tmx = pytest.importorskip("translate.storage.tmx", reason="translate-toolkit is a test dependency")
    assert len(tmx.tmxfile.parsestring(result.stdout.encode("utf-8")).units) == 1


def test_moses_files_are_line_aligned(tricky, tmp_path):
    src, tgt = moses_files(tricky)
    assert src.count("\n") == tgt.count("\n") == len(tricky.pairs)
    assert "Đoạn thứ hai rất dài. Nó được hai sinh viên" in tgt
    post = tmp_path / "post.txt"
    post.write_text(TRICKY, encoding="utf-8")
    result = runner.invoke(app, [str(post), "-f", "moses", "-o", str(tmp_path / "corpus")])
    assert result.exit_code == 0
    assert (tmp_path / "corpus.en").read_text(encoding="utf-8") == src
    assert (tmp_path / "corpus.vi").read_text(encoding="utf-8") == tgt


def test_moses_needs_an_output_name(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text(TRICKY, encoding="utf-8")
    result = runner.invoke(app, [str(post), "-f", "moses"])
    assert result.exit_code == 2 and "-o BASE" in result.stderr


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.tags = [], []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_markdown_table_renders_with_every_cell_intact(tricky):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(WRITERS["md"](tricky, False))
    cells = _Cells()
    cells.feed(rendered)
    body = [row for row in cells.rows if len(row) == 4][1:]
    assert [(r[0], r[1]) for r in body] == [(u.src_text, u.tgt_text.replace("\n", "")) for u in tricky.pairs]


def test_html_report_is_self_contained_and_escaped(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("Beware <script>alert('x')</script> & friends in 1957.\n"
                    "Cẩn thận <script>alert('x')</script> & bạn bè năm 1957.\n"
                    "An untranslated English paragraph that nobody rendered into Vietnamese at all.\n",
                    encoding="utf-8")
    page = runner.invoke(app, [str(post), "-f", "html"]).stdout
    parser = _Cells()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not any("src" in attrs for _, attrs in parser.tags)
    ids = {attrs["id"] for _, attrs in parser.tags if "id" in attrs}
    links = [attrs["href"] for _, attrs in parser.tags if "href" in attrs]
    assert all(link.startswith("#") and link[1:] in ids for link in links), links  # in-page anchors only
    texts = [cell for row in parser.rows for cell in row]
    assert any("Beware <script>alert('x')</script> & friends in 1957." in t for t in texts)
    assert 'class="untranslated"' in page and "coverage" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
def test_html_report_in_a_real_browser(tmp_path):
    report = tmp_path / "report.html"
    result = runner.invoke(app, [str(SAMPLES / "qa-faults" / "post.txt"), "-f", "html", "-o", str(report)])
    assert result.exit_code == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1200,1600"]
    dom = subprocess.run([_chromium(), *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert dom.count('<tr class="doubtful">') == 4
    assert dom.count('<tr class="untranslated">') == 2
    assert "number 2009 in the en is missing from the vi" in dom
    shot = tmp_path / "shot.png"
    subprocess.run([_chromium(), *flags, f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120)
    assert shot.stat().st_size > 20_000


def test_sentences_keep_abbreviations_whole():
    assert split_sentences("Cde. N.S. Khrushchev met Dr. Lan in TP. Huế on 3 July. They talked about e.g. rice.") == [
        "Cde. N.S. Khrushchev met Dr. Lan in TP. Huế on 3 July.", "They talked about e.g. rice."]


def test_sentence_level_gives_sentence_pairs_and_loses_nothing():
    text = ("The river rose in 1957. Three villages were flooded. Volunteers came from Hue.\n"
            "Nước sông dâng cao năm 1957. Ba ngôi làng bị ngập. Các tình nguyện viên đến từ Huế.\n")
    result = align_text(text, level="sentence")
    assert [(u.src_text, u.tgt_text) for u in result.pairs] == [
        ("The river rose in 1957.", "Nước sông dâng cao năm 1957."),
        ("Three villages were flooded.", "Ba ngôi làng bị ngập."),
        ("Volunteers came from Hue.", "Các tình nguyện viên đến từ Huế.")]
    assert result.level == "sentence"
    assert sorted(p.text for u in result.units for p in u.src + u.tgt) == sorted(p.text for p in result.paragraphs)
    tsv = runner.invoke(app, ["-", "-f", "tsv", "--level", "sentence"], input=text).stdout
    assert tsv.count("\n") == 3


def test_html_input_aligns_like_the_plain_text_post():
    html_result = align_file(SAMPLES / "html-post" / "post.html")
    text_result = align_file(SAMPLES / "memoir-mixed-order" / "post.txt")
    assert [(u.src_text, u.tgt_text) for u in html_result.pairs] == \
        [(u.src_text, u.tgt_text) for u in text_result.pairs]
    texts = [p.text for p in html_result.paragraphs]
    assert "My Grandfather's Bicycle" in texts
    assert not any("readerCount" in t or "Write a comment" in t for t in texts)  # script and a textarea's text
    chrome = {p.text for p in html_result.paragraphs if p.chrome}
    assert {"September", "Powered by a blog engine · Feed"} <= chrome  # page furniture is kept, marked...
    assert not chrome & {p.text for u in html_result.pairs for p in u.src + u.tgt}  # ...and never paired


def test_html_line_numbers_point_into_the_page():
    import html

    page = (SAMPLES / "html-post" / "post.html").read_text(encoding="utf-8").split("\n")
    for p in align_file(SAMPLES / "html-post" / "post.html").paragraphs:
        assert p.text[:12] in " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page[p.line - 1])).split())


def test_html_is_detected_by_content():
    assert looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert not looks_like_html("An ordinary post that mentions <b> once.\nAnd a second line.\n")
    page = html_to_lines("<p>One &amp; two<br>three</p>\n<div>four</div>")
    assert page.text.split("\n") == ["One & two", "three", "four"] and page.lines == [1, 1, 2] and not page.chrome


def test_page_furniture_is_kept_and_marked_hidden_text_dropped():
    page = ("<header class=site><p>My Blog</p><nav><a>Home</a> | <a>About</a></nav></header>"
            "<a class='skip-link screen-reader-text'>Skip to content</a>"
            "<article><header><h1>The title</h1></header><p>Body</p>"
            "<footer class=meta>Posted in Notes</footer></article>"
            "<form><label>Name</label> <textarea>typed</textarea> <button>Send</button></form>"
            "<aside><p>About me</p></aside><footer>Powered by a blog</footer>")
    found = html_to_lines(page)
    lines, chrome = found.text.split("\n"), found.chrome
    assert lines == ["My Blog", "Home | About", "The title", "Body", "Posted in Notes", "Name Send", "About me",
                     "Powered by a blog"]
    assert {lines[k] for k in chrome} == {"My Blog", "Home | About", "Name Send", "Powered by a blog"}


def test_a_reader_comment_pairs_only_inside_itself():
    question = "Cho mình hỏi, thư viện có mở cửa vào ngày Chủ nhật không, và trẻ em có được vào phòng đọc không?"
    answer = "Yes, the library opens on Sunday, and children may use the reading room with a parent."
    own = ("<p>Thanks for the post: the reading room on the second floor is quiet.</p>"
           "<p>Cảm ơn bài viết: phòng đọc trên tầng hai rất yên tĩnh.</p>")
    page = (f"<ol><li id='comment-1' class='comment'><div><div>{own}</div></div></li>"
            f"<li id='comment-2' class='comment'><p>{question}</p></li>"
            f"<li id='comment-3' class='comment'><p>{answer}</p></li></ol>")
    result = align_text(page, input_format="html")
    assert [p.comment for p in result.paragraphs] == [1, 1, 2, 3]
    assert [(u.src_text[:6], u.tgt_text[:6]) for u in result.pairs] == [("Thanks", "Cảm ơn")]


def test_a_reply_nested_inside_a_comment_is_a_comment_of_its_own():
    """Blogger nests a threaded reply's <li class="comment"> inside the comment it answers: the
    answer is not the question's translation."""
    question = "Cho mình hỏi, thư viện có mở cửa vào ngày Chủ nhật không, và trẻ em có được vào phòng đọc không?"
    answer = "Yes, the library opens on Sunday, and children may use the reading room with a parent."
    page = (f"<ol><li class='comment' id='c101'><p>{question}</p><div class='comment-replies'><ol>"
            f"<li class='comment' id='c102'><p>{answer}</p><ul><li>Reply</li></ul></li></ol></div>"
            f"<span>Delete</span></li></ol>")
    result = align_text(page, input_format="html")
    assert [p.comment for p in result.paragraphs] == [1, 2, 2, 1]
    assert result.pairs == []


def test_a_comment_announced_as_a_translation_pairs_with_the_comment_before_it():
    """A moderator posts "Bản dịch: ..." as a comment of its own: it translates the comment
    before it. An answer that announces nothing stays apart from the question it answers."""
    question = "Is the market still open over Tết? We will be in Saigon for the whole holiday with my parents."
    translation = ("Bản dịch: Chợ có còn mở trong dịp Tết không? Chúng tôi sẽ ở Sài Gòn suốt kỳ nghỉ "
                   "cùng bố mẹ tôi.")
    answer = "Dạ chợ nghỉ từ 28 Tết đến mùng 4, bạn ghé sau mùng 5 nhé."
    page = (f"<ol><li class='comment'><p>Jenna</p><p>{question}</p></li>"
            f"<li class='comment'><p>Ban biên tập</p><p>{translation}</p></li>"
            f"<li class='comment'><p>{answer}</p></li></ol>")
    result = align_text(page, input_format="html")
    assert [p.comment for p in result.paragraphs] == [1, 1, 1, 1, 3]
    assert [(u.src_text[:6], u.tgt_text[:8]) for u in result.pairs] == [("Is the", "Bản dịch")]


def test_page_furniture_pairs_only_with_furniture_beside_it():
    """A newsletter form's blurb and its translation pair; a menu's "About" beside "Tiếng Việt"
    does not, and furniture never pairs with the article."""
    blurb = "One email a week with our new stories, in English and Vietnamese. No spam, ever."
    translation = "Mỗi tuần một email với những bài mới của chúng tôi, bằng tiếng Anh và tiếng Việt. Không spam."
    article = ("<article><p>The night market opens at six, when the first stalls light their lamps.</p>"
               "<p>Chợ đêm mở lúc sáu giờ, khi những sạp đầu tiên thắp đèn.</p></article>")
    page = (f"<nav><ul><li>Home</li><li>About</li><li lang='vi'>Tiếng Việt</li></ul></nav>{article}"
            f"<form><h3>The Sunday letter</h3><p>{blurb}</p><p>{translation}</p><label>Name</label></form>")
    result = align_text(page, input_format="html")
    pairs = [(u.src_text[:8], u.tgt_text[:8], all(p.chrome for p in u.src + u.tgt)) for u in result.pairs]
    assert pairs == [("The nigh", "Chợ đêm ", False), ("One emai", "Mỗi tuần", True)]


def test_a_share_bar_in_every_section_pairs_with_the_bar_beside_it_when_one_section_lacks_it():
    """Each section ends with a share bar and its translation, but the second section's
    Vietnamese bar is missing: every other Vietnamese bar still pairs with the English bar
    right before it, and the second section's English bar stays alone."""
    sections = [("The ferry leaves at six in the morning.", "Chuyến phà rời bến lúc sáu giờ sáng."),
                ("Tickets are sold on board, in cash only.", "Vé được bán trên phà, chỉ nhận tiền mặt."),
                ("Bring a hat: the deck has no roof.", "Hãy mang theo mũ: boong phà không có mái che."),
                ("The last boat back is at five.", "Chuyến cuối quay về lúc năm giờ chiều.")]
    lines = []
    for k, (english, vietnamese) in enumerate(sections):
        lines += [english, vietnamese, "Share: Facebook · Zalo · Email"]
        if k != 1:
            lines.append("Chia sẻ: Facebook · Zalo · Email")
    result = align_text("\n\n".join(lines) + "\n")
    bars = [(u.src[0].index, u.tgt[0].index, u.score) for u in result.pairs if u.src[0].chrome]
    assert [(s, t) for s, t, _ in bars] == [(2, 3), (9, 10), (13, 14)]
    assert all(score >= 0.5 for _, _, score in bars)
    lone = [u for u in result.units if u.src and not u.tgt and u.src[0].chrome]
    assert [u.src[0].index for u in lone] == [6]


def test_a_bar_of_buttons_is_page_furniture_in_a_text_post_too():
    """A thread copied as text keeps its "Like · Reply · 3h" bars: furniture, never paired with
    a post (nor with the other interface language's bar far away)."""
    text = ("I am looking for a small house near the market, with good wifi.\n"
            "Mình đang tìm một căn nhà nhỏ gần chợ, có wifi tốt.\n"
            "Like · Comment · Share\n"
            "Thanks, I will send you some photos tonight.\n"
            "Like · Reply · 3h\n"
            "Cảm ơn bạn, tối nay mình sẽ gửi vài tấm hình.\n"
            "23 bình luận\n"
            "Thích · Trả lời · 2 giờ\n")
    result = align_text(text)
    assert [p.text for p in result.paragraphs if p.chrome] == ["Like · Comment · Share", "Like · Reply · 3h",
                                                                "Thích · Trả lời · 2 giờ"]
    assert [(u.src_text[:6], u.tgt_text[:6]) for u in result.pairs] == [("I am l", "Mình đ"), ("Thanks", "Cảm ơn")]


def test_a_posters_name_line_opening_a_comment_is_page_furniture():
    """In a thread copied as text each comment is a block: the poster's name, the text, a bar
    of buttons. A name made of Vietnamese words ("Minh Tâm Nhà Đất", a broker's page) is no
    paragraph: it must not join the comment's text as a two-line translation of the English
    that quotes it. A block without a bar keeps its short first line (a heading)."""
    text = ("Minh Tâm Nhà Đất\n"
            "Cho thuê nhà 3 phòng ngủ gần chợ, giá 6 triệu một tháng, cọc hai tháng.\n"
            "Thích · Trả lời · 5 giờ\n\n"
            "tom.k.expat\n"
            "(EN) Minh Tâm Nhà Đất: a house with 3 bedrooms near the market, 6 million a month, two months' deposit.\n"
            "Like · Reply · 4h\n\n"
            "Giá thuê nhà\n"
            "Rent prices\n")
    result = align_text(text)
    assert [p.text for p in result.paragraphs if p.chrome] == [
        "Minh Tâm Nhà Đất", "Thích · Trả lời · 5 giờ", "tom.k.expat", "Like · Reply · 4h"]
    assert [(u.src_text[:6], u.tgt_text[:6]) for u in result.pairs] == [("(EN) M", "Cho th"), ("Rent p", "Giá th")]


@pytest.mark.parametrize("line", ["Translation of duc.thang_hp's post:", "Bản dịch bài của owen_tayho:",
                                  "tuan.kiet_bd viết:", "Minh Anh wrote:", "Quote from hoa_sg:"])
def test_a_line_announcing_a_translation_or_a_quote_is_page_furniture(line):
    """A label says who wrote what follows; it is no paragraph and has no translation. Two of
    them must not pair with each other as the only lines left between two translated posts."""
    from aligner.comment_threads import is_label_line

    assert is_label_line(line)
    text = ("Máy mình nóng quá, chơi game 15 phút là tắt nguồn.\n\n"
            f"{line}\n\n"
            "My laptop gets far too hot; after 15 minutes of gaming it shuts down.\n")
    result = align_text(text)
    assert [p.text for p in result.paragraphs if p.chrome] == [line]
    assert [(u.src_text[:6], u.tgt_text[:6]) for u in result.pairs] == [("My lap", "Máy mì")]


@pytest.mark.parametrize("line", ["Translation: the house is small.", "Bản dịch máy: nhà nhỏ", "He wrote: come soon:"])
def test_a_sentence_that_opens_with_a_label_word_is_content(line):
    from aligner.comment_threads import is_label_line

    assert not is_label_line(line)


@pytest.mark.parametrize("line, credit", [("Bản dịch tiếng Việt (một phần): Đỗ Hải Yến", True),
                                          ("Translated by Phan Thị Ngọc Hà", True),
                                          ("Translation: Happy New Year", False), ("Dịch: Chào Lan", False),
                                          ("Bản dịch: Bài viết hay quá.", False)])
def test_a_translators_credit_is_furniture_and_no_translation_of_the_thanks(line, credit):
    """A credit names the translator and says no more; the post's thanks to the translator name
    her too and speak of translating, but the credit renders none of it. A translated comment
    that opens with a label is content."""
    from aligner.comment_threads import is_translation_credit

    assert is_translation_credit(line) == credit
    if credit:
        text = ("Ba ngày trên cung đường Hà Giang\n\nThree days on the Hà Giang loop\n\n"
                "We left at seven in a fog so thick that the first hairpin came out of nowhere.\n\n"
                "Thanks to Đỗ Hải Yến and Phan Thị Ngọc Hà for translating parts of this post into Vietnamese.\n\n"
                f"{line}\n")
        result = align_text(text)
        assert [p.text for p in result.paragraphs if p.chrome] == [line]
        assert [u.src_text[:6] for u in result.pairs] == ["Three "]


def test_a_quote_after_its_header_is_marked_until_the_block_ends():
    from aligner.api import detect_text

    text = ("tuan.kiet_bd viết:\nCon vu router thi ban vao trang quan ly.\nok da fix duoc roi bac oi.\n\n"
            "Cam on ban nhieu.\n")
    paragraphs, _ = detect_text(text)
    assert [p.text[:8] for p in paragraphs if p.quoted] == ["Con vu r", "ok da fi"]


@pytest.mark.parametrize("line, stamp", [("14/10/2024 21:37 · #1", True), ("12/03/2025, 21:40 #2", True),
                                         ("March 3, 2024 at 9:15 pm", True), ("10 tháng 11 lúc 16:45", True),
                                         ("November 18, 1958", False), ("2024-10-23", False),
                                         ("14/10/2024 21:37 máy bị tắt", False)])
def test_a_posts_date_stamp_is_told_from_a_letters_date(line, stamp):
    """A forum post's stamp has its time or number; a date alone heads a letter, and its
    translation renders it ("Ngày 18 tháng 11 năm 1958")."""
    from aligner.markup import is_date_stamp

    assert is_date_stamp(line) is stamp


def test_a_merge_never_reaches_into_the_next_post_of_a_thread():
    """A member's update, the next member's congratulation that repeats its numbers, and a
    translation of the update: each post's name and date stamp are furniture, so the two
    Vietnamese posts stand in different sections and may not form one side of a bead."""
    from aligner.align.document import document_of
    from aligner.api import detect_text

    text = ("duc.thang_hp\n14/10/2024 21:37 · #11\n"
            "Cap nhat cho ai can: sang nay mang may ra tiem, ve sinh va thay keo het 350k, gio con 76-80 do.\n\n"
            "hoang.long.it\n14/10/2024 21:50 · #12\n"
            "Chúc mừng bạn. 76–80°C khi chơi game là mức ổn rồi, 350k là hợp lý.\n"
            "Nhớ vệ sinh lại máy mỗi năm một lần nhé.\n\n"
            "neil_hoian\n15/10/2024 08:05 · #13\n"
            "Update for anyone who needs it: cleaning and new thermal paste came to 350k, now 76-80°C.\n")
    paragraphs, _ = detect_text(text, paragraphs="lines")
    assert [p.text for p in paragraphs if p.chrome][:4] == ["duc.thang_hp", "14/10/2024 21:37 · #11", "hoang.long.it",
                                                            "14/10/2024 21:50 · #12"]
    document = document_of([p for p in paragraphs if p.lang == "en"], [p for p in paragraphs if p.lang == "vi"])
    assert [document.mergeable_tgt(j) for j in range(1, len(document.tgt))] == [False, True]


@pytest.mark.parametrize("line", ["Posted by Lan Chi · Sunday, 9 March 2025", "Posted on March 3, 2024 by Linh Trần",
                                  "Posted in Mekong Delta", "Published on 2 May 2025"])
def test_a_posts_byline_is_page_furniture(line):
    """A byline shares "by" (của) and "post" (bài) with any Vietnamese title: it is the post's
    furniture, and the title pairs with its own translation."""
    text = f"Mother's Loom: a new song in the old style\n\nKhung cửi của mẹ: một bài hát mới theo lối xưa\n\n{line}\n"
    result = align_text(text)
    assert [p.text for p in result.paragraphs if p.chrome] == [line]
    assert [(u.src_text[:6], u.tgt_text[:6]) for u in result.pairs] == [("Mother", "Khung ")]


def test_a_list_of_nothing_but_links_is_page_furniture():
    """A sidebar's labels with their counts are links to other pages, not text to translate;
    a list whose items say something besides their links is content."""
    labels = ("<aside><h2>Labels</h2><ul><li><a href='/l/food'>food &amp; drink</a> <span>(17)</span></li>"
              "<li><a href='/l/mon-an'>món ăn</a> <span>(6)</span></li></ul></aside>")
    packing = ("<ul><li>a warm jacket for the <a href='/pass'>Mã Pí Lèng pass</a></li>"
               "<li>áo khoác ấm cho <a href='/pass'>đèo Mã Pí Lèng</a></li></ul>")
    found = html_to_lines(labels + packing)
    lines = found.text.split("\n")
    assert {lines[k] for k in found.chrome} == {"food & drink (17)", "món ăn (6)"}
    assert "Labels" in lines and "a warm jacket for the Mã Pí Lèng pass" in lines


def test_markdown_markup_is_removed_and_lines_kept():
    text, _, headings = markdown_to_lines("# Title\n\n**Bold** and _it_ with [a link](https://x.org) and `code`.\n"
                                "- item one\n> quoted\n\n[ref]: https://x.org\n")
    assert text.split("\n") == ["Title", "", "Bold and it with a link and code.", "item one", "quoted", "", "", ""]
    assert headings == {0}
    result = runner.invoke(app, ["detect", "-", "--input", "markdown", "-f", "jsonl"],
                           input="## Tiêu đề bài viết\n\n*The* river rose in **1957**.\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["line"]) for r in records] == [("Tiêu đề bài viết", 1), ("The river rose in 1957.", 3)]


def test_furniture_right_after_both_sides_of_one_content_pair_is_asked():
    """A bar right after a pair's English and a bar right after its Vietnamese are a candidate
    pair; a bar after another pair's Vietnamese is not."""
    # Content pairs by page index: English 0 with Vietnamese 3, English 5 with Vietnamese 8.
    bars = [Paragraph(1, "Share", 2, "en"), Paragraph(4, "Chia sẻ", 5, "vi"), Paragraph(6, "Share", 7, "en"),
            Paragraph(9, "Chia sẻ", 10, "vi")]
    document = document_of([p for p in bars if p.lang == "en"], [p for p in bars if p.lang == "vi"])
    assert anchored_pairs(document, [([0], [3]), ([5], [8])]) == [(0, 0), (1, 1)]
    assert anchored_pairs(document, [([0], [8])]) == [(0, 1)]


def test_furniture_pairs_keep_the_same_numbers():
    """Two labels of a sidebar side by side count their own posts: no pair; a share bar and its
    translation hold no number, or the same ones."""
    src = [Paragraph(0, "desserts (6)", 1, "en"), Paragraph(2, "Share: Facebook · Zalo", 3, "en")]
    tgt = [Paragraph(1, "món chay (4)", 2, "vi"), Paragraph(3, "Chia sẻ: Facebook · Zalo", 4, "vi")]
    assert same_numbers(document_of(src, tgt), [(0, 0), (1, 1), (1, 0)]) == [(1, 1)]


def test_a_freely_translated_heading_pairs_with_the_heading_of_the_other_language():
    """Markdown, Vietnamese first in blocks: "What I learned" shares no word the lexicon knows
    with "Những điều rút ra", but both are headings, and a translation keeps a heading a heading."""
    text = """## Chuẩn bị địa điểm

Chúng mình thuê một quán cà phê gần biển, có máy chiếu và ba mươi cái ghế.

Chủ quán cho mượn miễn phí nếu mỗi người gọi một ly nước.

## Preparing the venue

We rented a coffee shop near the beach, with a projector and thirty chairs.

The owner lent it for free as long as everyone ordered a drink.

## Những điều rút ra

Lần sau chúng mình sẽ mở đăng ký sớm hơn hai tuần.

Và nhất định phải có thêm ổ cắm điện cho máy tính.

## What I learned

Next time we will open registration two weeks earlier.

And we definitely need more power sockets for laptops.
"""
    result = align_text(text, input_format="markdown")
    assert [p.heading for p in result.paragraphs].count(True) == 4
    assert ("What I learned", "Những điều rút ra") in [(u.src_text, u.tgt_text) for u in result.pairs]


def test_html_headings_are_marked_on_their_lines():
    page = html_to_lines("<h1>The <em>river</em> rose</h1><p>It rose by 2 metres.</p><h3>Sông dâng</h3>")
    assert page.text.split("\n") == ["The river rose", "It rose by 2 metres.", "Sông dâng"]
    assert page.headings == {0, 2}


def test_two_blocks_of_furniture_one_after_the_other_are_weighed_item_by_item():
    """An English menu followed by its Vietnamese menu: every item of one with every item of the
    other is asked; a form's label beside a single radio button is no such pair of lists."""
    menu = [Paragraph(0, "Home", 1, "en"), Paragraph(1, "Shop", 2, "en"), Paragraph(2, "Trang chủ", 3, "vi"),
            Paragraph(3, "Cửa hàng", 4, "vi")]
    document = document_of([p for p in menu if p.lang == "en"], [p for p in menu if p.lang == "vi"])
    assert sorted(block_pairs(document)) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    form = [Paragraph(0, "Preferred language", 1, "en"), Paragraph(1, "English", 2, "en"),
            Paragraph(2, "Tiếng Việt", 3, "vi")]
    assert block_pairs(document_of(form[:2], form[2:])) == []
