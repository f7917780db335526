"""Article text reaches the screen as text, never as markup or terminal commands.

An article may contain ``[bold]``, ``[link=…]`` or a raw escape character; Rich
markup would swallow the first two and the terminal would obey the third. Text
built here is a ``rich.text.Text`` (never parsed as markup), and every control
character is made visible (``narrator.controls``).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from narrator.controls import visible


def literal(text: str, style: Style | str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly as written."""
    return Text(visible(text), style=style, end="")
