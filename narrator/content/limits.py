"""Bounds an article must stay within, and the characters it may not hold.

They are shared by the loader, the importers and the JSON Schema test so
that every tool draws the line in the same place.
"""

from __future__ import annotations

MAX_BYTES = 16 * 1024 * 1024
"""An article is prose: even a book-length one is a few megabytes. Anything
larger is not an article, and refusing it early keeps memory bounded."""

MAX_SECTION_DEPTH = 32
"""Headings go six deep on the web; 32 leaves room while keeping every
recursive walk over sections far from Python's recursion limit."""

CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def describe_character(character: str) -> str:
    """``U+001B (ESC)``: how a problem message names an invisible character."""
    code = ord(character)
    name = CONTROL_NAMES.get(code)
    return f"U+{code:04X}" + (f" ({name})" if name else "")
