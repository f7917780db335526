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

from narrator.speech.tones import Tone


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
    CUE = "cue"


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
    their parts are. ``tone``: a sound cue, played instead of speech
    (``Role.CUE``); ``pitch``: how much higher (or lower) than the voice's pitch it
    is said (headings, when the listener has them told apart by pitch).
    """

    __slots__ = ("_spoken", "pitch", "place", "role", "text", "tone")

    text: str
    place: Place | None
    role: Role
    tone: Tone | None
    pitch: int
    _spoken: str | _Deferred

    def __init__(
        self,
        text: str,
        spoken: str | Callable[[], str],
        place: Place | None,
        role: Role,
        *,
        tone: Tone | None = None,
        pitch: int = 0,
    ) -> None:
        assign = object.__setattr__
        assign(self, "text", text)
        assign(self, "_spoken", spoken if isinstance(spoken, _MADE) else _Deferred(spoken))
        assign(self, "place", place)
        assign(self, "role", role)
        assign(self, "tone", tone)
        assign(self, "pitch", pitch)

    @property
    def spoken(self) -> str:
        said = self._spoken
        if not isinstance(said, str):
            said = said()
            object.__setattr__(self, "_spoken", said)
        return said

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"an Utterance cannot change ({name})")

    def _parts(self) -> tuple[str, str, Place | None, Role, Tone | None, int]:
        return (self.text, self.spoken, self.place, self.role, self.tone, self.pitch)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Utterance):
            return NotImplemented
        return self._parts() == other._parts()

    def __hash__(self) -> int:
        """Without the spoken form, so that indexing a script makes none of them."""
        return hash((self.text, self.place, self.role))

    def __repr__(self) -> str:
        text, spoken, place, role, tone, pitch = self._parts()
        extra = (f", tone={tone!r}" if tone else "") + (f", pitch={pitch}" if pitch else "")
        return f"Utterance(text={text!r}, spoken={spoken!r}, place={place!r}, role={role!r}{extra})"

    def __copy__(self) -> Utterance:
        """Another utterance of the same words (the speaker tells copies apart by
        identity); the spoken form is not made to copy it."""
        return self.varied()

    def __reduce__(self) -> tuple[Callable[..., Utterance], tuple[object, ...]]:
        return (_rebuilt, self._parts())

    def varied(self, *, spoken: str | None = None, pitch: int | None = None) -> Utterance:
        """A new utterance of the same words, said as ``spoken`` or at ``pitch``."""
        return Utterance(
            self.text,
            self._spoken if spoken is None else spoken,
            self.place,
            self.role,
            tone=self.tone,
            pitch=self.pitch if pitch is None else pitch,
        )


def _rebuilt(
    text: str, spoken: str, place: Place | None, role: Role, tone: Tone | None, pitch: int
) -> Utterance:
    """An utterance from its parts, as pickling sends it to another process."""
    return Utterance(text, spoken, place, role, tone=tone, pitch=pitch)


def cue_utterance(tone: Tone) -> Utterance:
    """A sound cue to queue among utterances; its text names it (the speech log's)."""
    return Utterance(tone.name, "", None, Role.CUE, tone=tone)
