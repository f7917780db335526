"""A spoken list to choose from: glossary terms, bookmarks, articles in a library.

Opening it says its title and how many choices there are; moving through it
says each choice; typing a letter jumps to the next choice starting with it
(as in a screen reader's lists); Enter chooses and Escape goes back, so it
works by ear alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from narrator.tui.literal import literal
from narrator.tui.messages import Say


class ChooseScreen(ModalScreen[int | None]):
    """Dismisses with the index of the chosen item, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back"),
        Binding("enter", "choose", "Choose", show=True, priority=True),
    ]

    def __init__(
        self,
        title: str,
        choices: Sequence[str],
        *,
        empty: str,
        lead: str = "",
        nouns: tuple[str, str] = ("item", "items"),
    ) -> None:
        """``lead`` is said first (what just happened, e.g. why the list is back);
        ``nouns`` name one choice and several ("entry", "entries")."""
        super().__init__()
        self.lead = lead
        self.nouns = nouns
        self.title_text = title
        self.choices = tuple(choices)
        self.empty = empty
        self._introduced = False

    def compose(self) -> ComposeResult:
        with Vertical(id="choose"):
            yield Label(literal(self.title_text), id="choose-title")
            if self.choices:
                yield OptionList(*(Option(literal(c)) for c in self.choices), id="choices")
            else:
                yield Label(literal(self.empty), id="choose-empty")

    def on_mount(self) -> None:
        if not self.choices:
            self.post_message(Say(f"{self.lead} {self.title_text}. {self.empty}".strip()))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say the item; the first time, after the list's title and size."""
        number = event.option_index
        item = f"{self.choices[number]}, {number + 1} of {len(self.choices)}"
        if not self._introduced:
            self._introduced = True
            count = len(self.choices)
            size = f"{count} {self.nouns[0] if count == 1 else self.nouns[1]}"
            item = f"{self.lead} {self.title_text}, {size}. {item}".strip()
        self.post_message(Say(item))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_choose(self) -> None:
        if not self.choices:
            self.dismiss(None)
            return
        highlighted = self.query_one(OptionList).highlighted
        self.dismiss(highlighted)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def on_key(self, event: Key) -> None:
        letter = event.character
        if not self.choices or letter is None or not letter.isalnum():
            return
        options = self.query_one(OptionList)
        here = options.highlighted if options.highlighted is not None else -1
        count = len(self.choices)
        for step in range(1, count + 1):
            number = (here + step) % count
            if self.choices[number].lower().startswith(letter.lower()):
                event.stop()
                options.highlighted = number
                return
