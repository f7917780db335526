"""Control characters shown, never obeyed: the one way Narrator makes them visible.

Text from an article, a file name or an error message may hold an escape
character; a terminal would obey it (recolour, rewrite the screen). Every
place that shows such text to a person — the screen, the plain reader's
printed lines, a converted article — swaps each control character for its
Unicode "control picture" (ESC is ␛), one character for one, so offsets into
the text stay valid; C1 controls, which have no pictures, become U+FFFD.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline: an article may hold none."""

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES.update({0x7F: "\u2421"})
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_ON_ONE_LINE = {**_PICTURES, 0x09: " ", 0x0A: " ", 0x0D: " "}
_KEEPING_LINES = {**_PICTURES, 0x09: "\t", 0x0A: "\n"}
_ONE_LINE_TABLE = str.maketrans(_ON_ONE_LINE)
_LINES_TABLE = str.maketrans(_KEEPING_LINES)


def visible(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with each control character replaced by one printable character; tabs
    and line breaks become spaces, unless ``keep_lines`` keeps tabs and newlines."""
    return text.translate(_LINES_TABLE if keep_lines else _ONE_LINE_TABLE)
