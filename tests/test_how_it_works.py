"""docs/how-it-works.md points to the modules in the order data passes through them, and to all of them."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "how-it-works.md"
PACKAGE = ROOT / "aligner"
SKIP = {"__init__.py", "__main__.py"}


def _named_modules(text: str) -> list[str]:
    return re.findall(r"`(?:aligner/(?:align/)?)?([a-z_]+\.py)`", text)


def test_every_module_of_the_package_is_described():
    named = set(_named_modules(DOC.read_text(encoding="utf-8")))
    modules = {p.name for p in PACKAGE.glob("*.py")} | {p.name for p in (PACKAGE / "align").glob("*.py")}
    assert sorted(modules - SKIP - named) == []


def test_every_named_module_exists():
    modules = {p.name for p in PACKAGE.rglob("*.py")}
    assert sorted(set(_named_modules(DOC.read_text(encoding="utf-8"))) - modules) == []


def test_stages_come_in_the_order_data_flows():
    text = DOC.read_text(encoding="utf-8")
    stages = ["`aligner/reader.py`", "`aligner/segment.py`", "`aligner/langid.py`", "`aligner/align/`",
              "`export.py`"]
    positions = [text.index(stage) for stage in stages]
    assert positions == sorted(positions)
