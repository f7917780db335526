"""Sound cues: short tones made in code, played in the same stream as the voice.

Emacspeak's auditory icons and NVDA's earcons let a listener hear structure
without words: a rising pair for a list, a chord for a table, a heading's tone
higher the more important it is. The tones are synthesised here (no sound
files to ship or lose), as 16-bit mono PCM at the speaker's sample rate, so
the speaker queues a cue like an utterance, the recording has it, and the
speech log times it with the sample it is heard at.
"""

from __future__ import annotations

import array
import math
from dataclasses import dataclass
from enum import Enum
from functools import cache

_AMPLITUDE = 0.3 * 32767  # well below the voice, which peaks near full scale
_FADE_SECONDS = 0.005  # a clickless start and end


class Cue(Enum):
    """What a tone marks; the value is how the speech log names it."""

    HEADING = "heading"
    LIST = "list"
    TABLE = "table"
    FIGURE = "figure"
    CALLOUT = "callout"
    TERM = "term"
    BOOKMARK = "bookmark"
    SECTION_END = "section end"
    ARTICLE_END = "article end"
    BOUNDARY = "boundary"
    ERROR = "error"


@dataclass(frozen=True)
class Tone:
    """A cue as heard: ``level`` is a heading's (1 to 6), else 0."""

    cue: Cue
    level: int = 0

    @property
    def name(self) -> str:
        return f"{self.cue.value} {self.level}" if self.level else self.cue.value


# Each cue's notes (hertz, seconds), played one after the other.
_NOTES: dict[Cue, tuple[tuple[float, float], ...]] = {
    Cue.LIST: ((660.0, 0.04), (880.0, 0.04)),
    Cue.TABLE: ((523.0, 0.035), (659.0, 0.035), (784.0, 0.035)),
    Cue.FIGURE: ((1047.0, 0.06),),
    Cue.CALLOUT: ((784.0, 0.05), (587.0, 0.05)),
    Cue.TERM: ((1568.0, 0.03),),
    Cue.BOOKMARK: ((1175.0, 0.04), (1175.0, 0.04)),
    Cue.SECTION_END: ((440.0, 0.06), (330.0, 0.06)),
    Cue.ARTICLE_END: ((523.0, 0.08), (392.0, 0.08), (262.0, 0.12)),
    Cue.BOUNDARY: ((220.0, 0.08),),
    Cue.ERROR: ((185.0, 0.06), (175.0, 0.06)),
}
_HEADING_SECONDS = 0.07


def notes(tone: Tone) -> tuple[tuple[float, float], ...]:
    """The notes of ``tone``: a heading is one note, an octave and a half higher at
    level 1 than at level 6."""
    if tone.cue is Cue.HEADING:
        level = min(max(tone.level, 1), 6)
        return ((1200.0 / 2 ** ((level - 1) / 4), _HEADING_SECONDS),)
    return _NOTES[tone.cue]


@cache
def tone_pcm(tone: Tone, sample_rate: int) -> bytes:
    """The tone as 16-bit mono samples (the machine's byte order, as the voice's are)."""
    samples = array.array("h")
    fade = int(_FADE_SECONDS * sample_rate)
    for frequency, seconds in notes(tone):
        count = int(seconds * sample_rate)
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade)
            value = _AMPLITUDE * envelope * math.sin(2 * math.pi * frequency * n / sample_rate)
            samples.append(round(value))
    return samples.tobytes()
