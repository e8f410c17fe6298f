"""aligner: say which Vietnamese paragraph of a bilingual post translates which English one.

The names below load on first use, so that `align --help` does not pay for the pipeline.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "align_text": "api", "align_file": "api", "detect_text": "api", "detect_file": "api",
    "AlignerError": "errors", "read_dictionaries": "dictionary",
    "Alignment": "models", "AlignedUnit": "models", "Paragraph": "models", "Summary": "models",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'aligner' has no attribute {name!r}")
