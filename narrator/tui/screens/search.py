"""The search box: type, Enter to find; n / N then move between the matches."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from narrator.tui.messages import Say, Silence


class SearchScreen(ModalScreen[str | None]):
    """Dismisses with the text typed, or None when abandoned."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, previous: str = "") -> None:
        super().__init__()
        self.previous = previous

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Label("Search for:", id="search-label")
            yield Input(value=self.previous, placeholder="words to find", id="search-input")

    def on_mount(self) -> None:
        self.post_message(Say("Search. Type the words to find, then Enter."))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_dismiss_none(self) -> None:
        self.post_message(Silence())
        self.dismiss(None)
