"""The help screen: every key of the reader, shown and spoken from one list.

The rows come from the reader's own bindings, so help can never disagree with
what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

_SPOKEN_KEYS = {
    "space": "space",
    "escape": "escape",
    "down": "down arrow",
    "up": "up arrow",
    "right": "right arrow",
    "left": "left arrow",
    "plus": "plus",
    "minus": "minus",
    "slash": "slash",
    "question_mark": "question mark",
}
_SHOWN_KEYS = {
    "space": "space",
    "escape": "esc",
    "down": "↓",
    "up": "↑",
    "right": "→",
    "left": "←",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "question_mark": "?",
}


def _spoken_key(key: str) -> str:
    if len(key) == 1 and key.isupper():
        return f"capital {key}"
    return _SPOKEN_KEYS.get(key, key)


def help_rows(bindings: Iterable[Binding]) -> list[tuple[str, str, str]]:
    """(keys as shown, keys as spoken, what they do), one row per distinct help text."""
    rows: dict[str, tuple[list[str], list[str]]] = {}
    for binding in bindings:
        text = binding.tooltip or binding.description
        shown, spoken = rows.setdefault(text, ([], []))
        shown.append(_SHOWN_KEYS.get(binding.key, binding.key))
        spoken.append(_spoken_key(binding.key))
    return [(" ".join(shown), " or ".join(spoken), text) for text, (shown, spoken) in rows.items()]


def spoken_help(bindings: Iterable[Binding]) -> str:
    rows = help_rows(bindings)
    keys = " ".join(f"{spoken}: {text}." for _, spoken, text in rows)
    return f"Keys. {keys} Escape closes help."


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.rows = help_rows(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("Keys (Escape closes)", id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "does")
        for shown, _, text in self.rows:
            table.add_row(Text(shown), Text(text))
        table.focus()
