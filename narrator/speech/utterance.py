"""What the voice says, and where in the article it comes from.

An ``Utterance`` is the unit of everything above ``speech``: the script is a
sequence of them, the queue plays them, the cursor moves over them and the
speech log records them. Keeping the written and the spoken text side by side
lets the screen show what the page says while the voice says it aloud.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Utterance:
    """``tone``: a sound cue, played instead of speech (``Role.CUE``); ``pitch``: how
    much higher (or lower) than the voice's pitch it is said (headings, when the
    listener has them told apart by pitch)."""

    text: str
    spoken: str
    place: Place | None
    role: Role
    tone: Tone | None = None
    pitch: int = 0


def cue_utterance(tone: Tone) -> Utterance:
    """A sound cue to queue among utterances; its text names it (the speech log's)."""
    return Utterance(tone.name, "", None, Role.CUE, tone=tone)
