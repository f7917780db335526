"""Article text reaches the screen as text, never as markup or terminal commands.

An article may contain ``[bold]``, ``[link=…]`` or a raw escape character; Rich
markup would swallow the first two and the terminal would obey the third. Text
built here is a ``rich.text.Text`` (never parsed as markup), and every control
character is swapped for its visible Unicode "control picture", one character
for one, so offsets into the article text stay valid on screen.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES.update({0x7F: "\u2421", 0x09: " ", 0x0A: " ", 0x0D: " "})
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE = str.maketrans(_PICTURES)


def visible(text: str) -> str:
    """``text`` with each control character replaced by one printable character."""
    return text.translate(_TABLE)


def literal(text: str, style: Style | str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly as written."""
    return Text(visible(text), style=style, end="")
