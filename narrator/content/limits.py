"""Bounds an article must stay within, and the characters it may not hold.

They are shared by the loader, the importers and the JSON Schema test so
that every tool draws the line in the same place.
"""

from __future__ import annotations

MAX_BYTES = 1024 * 1024
"""As much as Narrator reads quickly whatever the article's shape: at 1 MB,
even a file of tiny sections (the costliest shape: every node is parsed,
built, scripted and placed) is checked in about a second and heard in a few
on a busy 2-core machine; at 2 MB it was not (``scripts/bench.py`` has a row
per shape). At 16 MB such a file took 7-23 s and over a gigabyte to check.
A novel is about half a megabyte."""

MAX_SECTION_DEPTH = 32
"""Headings go six deep on the web; 32 leaves room while keeping every
recursive walk over sections far from Python's recursion limit."""

CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def describe_character(character: str) -> str:
    """``U+001B (ESC)``: how a problem message names an invisible character."""
    code = ord(character)
    name = CONTROL_NAMES.get(code)
    return f"U+{code:04X}" + (f" ({name})" if name else "")
