"""The HTML report: coverage bar by threshold, words in the right number, filters and "next
problem" links that work without any script, a language on every cell, and, in a real headless
Chromium at 1280 and 400 pixels wide, no sideways scrolling and filters that hide rows."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aligner import align_text
from aligner.report_html import html_report
from conftest import ROOT, SAMPLES, run_align

FAULTS = SAMPLES / "qa-faults" / "post.txt"
PROBE = (ROOT / "tests" / "browser" / "probe.js").read_text(encoding="utf-8")
PROBLEM_KINDS = {"doubtful", "untranslated", "unmatched"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def _page(*args: str) -> str:
    result = run_align(str(FAULTS), "-f", "html", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


def test_the_coverage_bar_is_judged_by_the_threshold_or_neutral():
    assert 'class="bar neutral"' in _page()
    failing = _page("--min-coverage", "0.9")
    assert 'class="bar fail"' in failing and "below the 90% threshold" in failing
    passing = _page("--min-coverage", "0.5")
    assert 'class="bar pass"' in passing and "at or above the 50% threshold" in passing


def test_counts_agree_with_their_nouns():
    one = html_report(align_text("The cat sleeps on the warm mat.\n\nCon mèo ngủ trên tấm thảm ấm.\n"))
    assert "<div>1 pair</div>" in one
    assert "<div>7 pairs</div>" in _page()


def test_every_cell_says_its_language():
    tags = _tags(_page())
    cells = [attrs for tag, attrs in tags if tag == "td"]
    assert cells and all(attrs.get("lang") for attrs in cells)
    assert {attrs["lang"] for attrs in cells} == {"en", "vi"}
    paragraphs = [attrs for tag, attrs in tags if tag == "div" and "lang" in attrs]
    assert {"en", "vi"} <= {attrs["lang"] for attrs in paragraphs}


def test_filters_and_next_problem_links_need_no_script():
    page = _page()
    tags = _tags(page)
    assert "script" not in {tag for tag, _ in tags}
    radios = [attrs["id"] for tag, attrs in tags if tag == "input" and attrs.get("type") == "radio"]
    assert radios == ["show-all", "show-problems", "show-untranslated", "show-doubtful"]
    assert {attrs["for"] for tag, attrs in tags if tag == "label"} == set(radios)
    anchors = [attrs["id"] for tag, attrs in tags if attrs.get("id", "").startswith("problem-")]
    rows = [attrs["class"] for tag, attrs in tags if tag == "tr" and attrs.get("class")]
    assert len(anchors) == sum(kind in PROBLEM_KINDS for kind in rows) == 6
    links = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert links == ["#problem-1"] + [f"#problem-{n}" for n in range(2, 7)] + ["#top"]


def test_the_page_escapes_text_and_loads_nothing():
    page = html_report(align_text('A "quoted" <b>bold</b> claim & more, in 1957.\n\n'
                                  'Một tuyên bố "trích dẫn" <b>đậm</b> & nhiều hơn, năm 1957.\n'))
    assert "<b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert not any("src" in attrs for _, attrs in _tags(page))
    assert "default-src 'none'" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
needs_chromium = pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed: .ci/run installs "
                                    "Debian's chromium when it runs as root with the archive reachable")


def _in_chromium(folder: Path, *args: str) -> str:
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tempfile.mkdtemp(dir=folder)}"]
    return subprocess.run([_chromium(), *flags, *args], capture_output=True, text=True, timeout=120).stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    report = folder / "report.html"
    assert run_align(str(FAULTS), "-f", "html", "-o", str(report)).returncode == 0
    return report


def _probed(report: Path, width: int) -> dict:
    """The report shown in a frame ``width`` pixels wide (a window cannot be made narrower than
    500 pixels), with the probe clicking each filter; what it saw."""
    page = report.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page)  # let the probe run
    probed = report.with_name(f"probed-{width}.html")
    probed.write_text(page.replace("</body>", f"<script>{PROBE}</script></body>"), encoding="utf-8")
    harness = report.with_name(f"harness-{width}.html")
    harness.write_text('<!DOCTYPE html><html><body style="margin:0"><pre id="seen"></pre><script>'
                       'addEventListener("message", function (e) { document.getElementById("seen").textContent '
                       f'= e.data; }});</script><iframe src="{probed.name}" style="width:{width}px;height:900px;'
                       'border:0"></iframe></body></html>', encoding="utf-8")
    dom = _in_chromium(report.parent, f"--window-size={width + 40},1000", "--virtual-time-budget=5000",
                       "--dump-dom", harness.as_uri())
    seen = re.search(r'<pre id="seen">(.*?)</pre>', dom, re.S)
    assert seen and seen.group(1), dom[:500]
    return json.loads(seen.group(1).replace("&quot;", '"'))


@needs_chromium
@pytest.mark.parametrize("width", [1280, 400])
def test_in_a_real_browser_nothing_scrolls_sideways_and_filters_hide_rows(report, width):
    seen = _probed(report, width)
    assert seen["width"] <= width
    every = seen["all"]["rows"]
    assert len(every) == 13
    assert seen["problems"]["rows"] == [kind for kind in every if kind in PROBLEM_KINDS]
    assert seen["untranslated"]["rows"] == ["untranslated"] * 2
    assert seen["doubtful"]["rows"] == ["doubtful"] * 4
    for key in ("all", "problems", "untranslated", "doubtful"):
        assert seen[key]["overflow"] == 0, (key, seen[key])


@needs_chromium
@pytest.mark.parametrize("width", [1280, 400])
def test_a_screenshot_at_each_width(report, width):
    shot = report.with_name(f"shot-{width}.png")
    _in_chromium(report.parent, f"--window-size={width},900", f"--screenshot={shot}", report.as_uri())
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (width, 900)
