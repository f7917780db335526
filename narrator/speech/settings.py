"""How the voice sounds and how much it says; changeable between any two utterances."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MIN_RATE = 80
MAX_RATE = 500


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


@dataclass(frozen=True)
class Verbosity:
    punctuation: Punctuation = Punctuation.SOME
    figures: FigureVerbosity = FigureVerbosity.FULL
