"""The help screen: every key of the reader, shown and spoken from one table.

The rows are the reader's commands (``narrator.reading.commands``, shared with
the plain reader) plus the few keys only the full-screen reader has, and the
reader binds its keys from the same rows, so help can never disagree with what
the keys do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from narrator.reading.commands import Command


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "close"),
        Binding("question_mark", "dismiss", "close", show=False),
        Binding("q", "dismiss", "close", show=False),
    ]

    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__()
        self.commands = tuple(commands)

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("Keys (Escape closes)", id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("key", "does")
        for command in self.commands:
            table.add_row(Text(command.label), Text(command.description))
        table.focus()
