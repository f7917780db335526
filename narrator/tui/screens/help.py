"""Help: every key of the reader as a list, one key per item, said item by item.

The items are the reader's commands (``narrator.reading.commands``, shared with
the plain reader, which also binds its keys from them, so help can never
disagree with what the keys do), then the keys of the lists and pop-ups. It is
the same spoken list as the glossary's: arrows move and say each item, a
letter jumps to the next key starting with it, Escape (or Enter) closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from narrator.reading.commands import Command, help_lines
from narrator.tui.screens.choose import ChooseScreen

# The keys that work inside the contents, the lists and the pop-ups.
ELSEWHERE = (
    "enter, in the contents: go to that section",
    "up and down arrows, in a list: move and say each item",
    "a letter, in a list: jump to the next item starting with it",
    "enter, in a list: choose the item",
    "escape, in a list or a pop-up: stop speaking and go back",
    "delete, in the bookmarks list: remove the bookmark",
    "enter or d, in the definition pop-up: close it",
)


class HelpScreen(ChooseScreen):
    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__(
            "Help",
            [*help_lines(commands), *ELSEWHERE],
            empty="",
            nouns=("key", "keys"),
        )
