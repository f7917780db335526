"""How the voice sounds and how much it says; changeable between any two utterances."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import TypeVar

MIN_RATE = 80
MAX_RATE = 1000
MAX_PITCH = 100
MAX_VOLUME = 1.0


class Punctuation(str, Enum):
    NONE = "none"
    SOME = "some"
    ALL = "all"


class FigureVerbosity(str, Enum):
    FULL = "full"
    BRIEF = "brief"
    OFF = "off"


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None
    rate: int = 180
    pitch: int = 50
    volume: float = 1.0

    def clamped(self) -> VoiceSettings:
        """These settings within what every engine speaks intelligibly: the rate in
        words per minute, the pitch 0 to 100, the volume 0 to 1 (full)."""
        return replace(
            self,
            rate=_within(int(self.rate), MIN_RATE, MAX_RATE),
            pitch=_within(int(self.pitch), 0, MAX_PITCH),
            volume=_within(float(self.volume), 0.0, MAX_VOLUME),
        )


N = TypeVar("N", int, float)


def _within(value: N, low: N, high: N) -> N:
    return max(low, min(high, value))


class SoundCues(str, Enum):
    """Tones for structure: none, before the words that say it, or in their place
    ("List, 6 items" becomes a tone and "6 items")."""

    OFF = "off"
    WITH_SPEECH = "with speech"
    INSTEAD = "instead of words"


class Footnotes(str, Enum):
    """Footnote markers in the text ("40%[3]"): said as "note 3", or left unsaid."""

    SAY = "say"
    OFF = "off"


@dataclass(frozen=True)
class Announcements:
    """Which of the reader's own words are said; a listener who knows the article can
    turn each off. Field names are the keys of the saved settings."""

    section_numbers: bool = True  # "Section 2 of 6" before a heading
    prefixes: bool = True  # "Image:" before a figure, "Quote:" before a callout
    positions: bool = True  # "Item 2 of 6", "Row 2 of 3" moving in a list or table
    title: bool = True  # the article's title as it opens
    heading_pitch: bool = False  # headings said higher, the higher their level (Emacspeak)


ANNOUNCEMENT_NAMES = {
    "section_numbers": "section numbers",
    "prefixes": "image and quote prefixes",
    "positions": "item and row positions",
    "title": "article title on opening",
    "heading_pitch": "headings in a higher voice",
}


@dataclass(frozen=True)
class Verbosity:
    punctuation: Punctuation = Punctuation.SOME
    figures: FigureVerbosity = FigureVerbosity.FULL
    footnotes: Footnotes = Footnotes.SAY
    announcements: Announcements = Announcements()
    cues: SoundCues = SoundCues.OFF


def verbosity_for_this_run(
    saved: Verbosity, *, punctuation: str | None, figures: str | None
) -> Verbosity:
    """The saved verbosity with the command line's ``--punctuation`` and ``--figures``
    over it (for this run only: they are not saved)."""
    if punctuation is not None:
        saved = replace(saved, punctuation=Punctuation(punctuation))
    if figures is not None:
        saved = replace(saved, figures=FigureVerbosity(figures))
    return saved
