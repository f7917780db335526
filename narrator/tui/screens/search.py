"""The search box: type, Enter to find; n / N then move between the matches.

The same box asks for a bookmark's name (``what`` names what is typed).
Typing is echoed as a screen reader echoes it: each character as it is typed,
each one deleted by Backspace, and the query from last time as the box opens.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from narrator.speech.message import typed_character
from narrator.tui.messages import Say, Silence


class SearchScreen(ModalScreen[str | None]):
    """Dismisses with the text typed, or None when abandoned."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(
        self, previous: str = "", *, what: str = "Search", asks: str = "the words to find"
    ) -> None:
        """``what`` is the box's name ("Bookmark name"), ``asks`` what to type."""
        super().__init__()
        self.previous = previous
        self.what = what
        self.asks = asks
        self._typed = previous

    def compose(self) -> ComposeResult:
        with Vertical(id="search"):
            yield Label(f"{self.what}:", id="search-label")
            yield Input(value=self.previous, placeholder=self.asks, id="search-input")

    def on_mount(self) -> None:
        if self.previous:
            self.post_message(Say(f"{self.what}, {self.previous}. Type to change it, then Enter."))
        else:
            self.post_message(Say(f"{self.what}. Type {self.asks}, then Enter."))

    def on_input_changed(self, event: Input.Changed) -> None:
        before, self._typed = self._typed, event.value
        if event.value.startswith(before) and len(event.value) == len(before) + 1:
            self.post_message(Say(typed_character(event.value[-1])))
        elif before.startswith(event.value) and len(before) == len(event.value) + 1:
            self.post_message(Say(f"{typed_character(before[-1])} deleted"))
        elif event.value != before:
            self.post_message(Say(event.value or "Empty"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_dismiss_none(self) -> None:
        self.post_message(Silence())
        self.dismiss(None)
