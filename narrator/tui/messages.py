"""Messages screens post to the app, which owns the voice."""

from __future__ import annotations

from textual.message import Message


class Say(Message):
    """Speak ``text`` now, cutting what is being said (a notice, a list item, help)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Silence(Message):
    """Stop speaking now: Escape in a pop-up or a list stops the voice as it closes."""
