"""A spoken list to choose from: glossary terms, bookmarks, articles in a library.

Opening it says its title and how many choices there are; moving through it
says each choice; typing a letter jumps to the next choice starting with it
(as in a screen reader's lists, q excepted); Enter chooses, Escape or q goes
back, and Delete removes a choice where a list allows it (bookmarks), so it
works by ear alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from narrator.tui.literal import literal
from narrator.tui.messages import Say, Silence
from narrator.tui.terminal_cursor import put_terminal_cursor

MARKER = "\u25b6 "
UNMARKED = "  "


def _one_line(choice: str, *, marked: bool = False) -> Text:
    """A choice on exactly one line (cut with an ellipsis), so the terminal cursor
    can sit on the line of the highlighted one; the highlighted one is marked by a
    glyph and reverse video, not by colour alone."""
    text = literal(f"{MARKER if marked else UNMARKED}{choice}", "reverse bold" if marked else "")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class ChooseScreen(ModalScreen[int | None]):
    """Dismisses with the index of the chosen item, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "Back"),
        Binding("q", "dismiss_none", "Back", show=False),
        Binding("enter", "choose", "Choose", show=True, priority=True),
        Binding("delete", "delete", "Delete", show=False),
    ]

    def __init__(
        self,
        title: str,
        choices: Sequence[str],
        *,
        empty: str,
        lead: str = "",
        nouns: tuple[str, str] = ("item", "items"),
        start: int = 0,
        delete: Callable[[int], str] | None = None,
        escape_leaves: bool = True,
    ) -> None:
        """``lead`` is said first (what just happened, e.g. why the list is back);
        ``nouns`` name one choice and several ("entry", "entries"); ``start`` is the
        choice highlighted first; ``delete``, if given, lets the Delete key remove
        the highlighted choice (it is told which, and returns what to say). Escape
        stops the voice and goes back, unless ``escape_leaves`` is False (the
        library, which is the first screen: there Escape says where the listener
        is, and only q leaves)."""
        super().__init__()
        self.start = start
        self.delete = delete
        self.escape_leaves = escape_leaves
        self._said_first = ""
        self._said_number: int | None = None
        self._marked: int | None = None
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
                yield OptionList(*(Option(_one_line(c)) for c in self.choices), id="choices")
            else:
                yield Label(literal(self.empty), id="choose-empty")

    def on_mount(self) -> None:
        if not self.choices:
            self.post_message(Say(f"{self.lead} {self.title_text}. {self.empty}".strip()))
        else:
            options = self.query_one(OptionList)
            first = min(self.start, len(self.choices) - 1)
            options.highlighted = first
            self._mark(first)
            self._say_choice(first)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = event.option_index
        self._mark(number)
        # Said already as the list opened, or a highlight since moved on from.
        if number != self._said_number and number == self.query_one(OptionList).highlighted:
            self._say_choice(number)

    def _say_choice(self, number: int) -> None:
        """Say the item; the first time, after the list's title and size."""
        self._said_number = number
        item = self._choice_said(number)
        if not self._introduced:
            self._introduced = True
            item = f"{self.lead} {self.title_text}, {self._how_many()}. {item}".strip()
        said_first, self._said_first = self._said_first, ""
        self.post_message(Say(f"{said_first} {item}".strip()))

    def action_delete(self) -> None:
        """Remove the highlighted choice: say so, then the choice now highlighted."""
        options = self.query_one(OptionList) if self.choices else None
        if self.delete is None or options is None or options.highlighted is None:
            return
        number = options.highlighted
        said = f"{self.delete(number)}."
        self.choices = self.choices[:number] + self.choices[number + 1 :]
        self._marked = None
        options.remove_option_at_index(number)
        if not self.choices:
            options.display = False
            self.query_one("#choose").mount(Label(literal(self.empty), id="choose-empty"))
            self.post_message(Say(f"{said} {self.empty}"))
            return
        self._said_first = said
        self._said_number = None
        options.highlighted = None
        options.highlighted = min(number, len(self.choices) - 1)

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

    def action_escape(self) -> None:
        if self.escape_leaves:
            self.post_message(Silence())
            self.dismiss(None)
            return
        options = self.query_one(OptionList) if self.choices else None
        here = options.highlighted if options is not None else None
        item = f" {self._choice_said(here)}." if here is not None else ""
        self.post_message(Say(f"{self.title_text}, {self._how_many()}.{item} q quits."))

    def _mark(self, number: int) -> None:
        """Mark the highlighted choice, and put the terminal cursor on its line."""
        options = self.query_one(OptionList)
        if self._marked is not None and self._marked < len(self.choices):
            unmarked = _one_line(self.choices[self._marked])
            options.replace_option_prompt_at_index(self._marked, unmarked)
        self._marked = number
        options.replace_option_prompt_at_index(number, _one_line(self.choices[number], marked=True))
        put_terminal_cursor(options, number)  # one line per choice

    def _choice_said(self, number: int) -> str:
        return f"{self.choices[number]}, {number + 1} of {len(self.choices)}"

    def _how_many(self) -> str:
        count = len(self.choices)
        return f"{count} {self.nouns[0] if count == 1 else self.nouns[1]}"

    def on_key(self, event: Key) -> None:
        letter = event.character
        if not self.choices or letter is None or not letter.isalnum() or letter == "q":
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
