"""The definition pop-up: the term and what it means, shown while it is spoken."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from narrator.tui.literal import literal
from narrator.tui.messages import Silence
from narrator.tui.terminal_cursor import put_terminal_cursor


class DefinitionScreen(ModalScreen[None]):
    """Any of Escape, Enter or d closes it (Escape stops the voice too); the reader's
    place is unchanged."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "silence", "Close"),
        Binding("enter", "dismiss", "Close", show=False),
        Binding("d", "dismiss", "Close", show=False),
    ]

    def __init__(self, term: str, definition: str) -> None:
        super().__init__()
        self.term = term
        self.definition = definition

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="definition"):
            yield Label(literal(self.term, "bold underline"), id="definition-term")
            yield Static(literal(self.definition), id="definition-text")
            yield Label("Escape closes.", id="definition-hint")

    def on_mount(self) -> None:
        put_terminal_cursor(self.query_one("#definition-term", Label), 0)

    def action_silence(self) -> None:
        self.post_message(Silence())
        self.dismiss()
