"""What the voice says, and where in the article it comes from.

An ``Utterance`` is the unit of everything above ``speech``: the script is a
sequence of them, the queue plays them, the cursor moves over them and the
speech log records them. Keeping the written and the spoken text side by side
lets the screen show what the page says while the voice says it aloud.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Role(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CALLOUT = "callout"
    LIST_ITEM = "list-item"
    TABLE_CAPTION = "table-caption"
    TABLE_ROW = "table-row"
    FIGURE = "figure"
    REFERENCE = "reference"
    GLOSSARY_ENTRY = "glossary-entry"
    ANNOUNCEMENT = "announcement"


@dataclass(frozen=True, slots=True)
class Place:
    """A position in an article, stable across runs (bookmarks store it).

    ``block`` is the index of the block in the section's reading order
    (-1 for the section's heading); ``item`` the list item, table row,
    reference or glossary entry inside it (0 for a paragraph); ``sentence``
    the sentence inside that.
    """

    section: str
    block: int = -1
    item: int = 0
    sentence: int = 0


class _Deferred:
    """A spoken form made once, when first asked for, and shared by the copies of an
    utterance (say-all speaks copies of the script's)."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], str]) -> None:
        self._make: Callable[[], str] | None = make
        self._made = ""

    def __call__(self) -> str:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made


_MADE = (str, _Deferred)


class Utterance:
    """One thing said: the words as written, how the voice says them, and where from.

    The spoken form may be given as a function that makes it, called when it is
    first asked for (then kept): an article of a hundred thousand sentences is
    scripted at once, and each sentence's spoken form is made only when it is
    about to be heard or shown. Utterances are values: immutable, equal when
    their four parts are.
    """

    __slots__ = ("_spoken", "place", "role", "text")

    text: str
    place: Place | None
    role: Role

    _spoken: str | _Deferred

    def __init__(
        self, text: str, spoken: str | Callable[[], str], place: Place | None, role: Role
    ) -> None:
        assign = object.__setattr__
        assign(self, "text", text)
        assign(self, "_spoken", spoken if isinstance(spoken, _MADE) else _Deferred(spoken))
        assign(self, "place", place)
        assign(self, "role", role)

    @property
    def spoken(self) -> str:
        said = self._spoken
        if not isinstance(said, str):
            said = said()
            object.__setattr__(self, "_spoken", said)
        return said

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"an Utterance cannot change ({name})")

    def _parts(self) -> tuple[str, str, Place | None, Role]:
        return (self.text, self.spoken, self.place, self.role)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Utterance):
            return NotImplemented
        return self._parts() == other._parts()

    def __hash__(self) -> int:
        """Without the spoken form, so that indexing a script makes none of them."""
        return hash((self.text, self.place, self.role))

    def __repr__(self) -> str:
        text, spoken, place, role = self._parts()
        return f"Utterance(text={text!r}, spoken={spoken!r}, place={place!r}, role={role!r})"

    def __copy__(self) -> Utterance:
        """Another utterance of the same words (the speaker tells copies apart by
        identity); the spoken form is not made to copy it."""
        return Utterance(self.text, self._spoken, self.place, self.role)

    def __reduce__(self) -> tuple[type[Utterance], tuple[str, str, Place | None, Role]]:
        return (Utterance, self._parts())
