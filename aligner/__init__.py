"""aligner: say which Vietnamese paragraph of a bilingual post translates which English one."""

from .api import align_file, align_text, detect_text
from .errors import AlignerError
from .models import AlignedUnit, Alignment, Paragraph, Summary

__all__ = ["align_text", "align_file", "detect_text", "AlignerError", "Alignment", "AlignedUnit", "Paragraph",
           "Summary"]
__version__ = "0.1.0"
