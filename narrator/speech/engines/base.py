"""What every speech engine is: the protocol, its voices and word timings, its errors.

An engine turns text into 16-bit mono PCM and word timings
(``narrator.speech.engines.espeak`` on Linux, ``narrator.speech.engines.pyttsx3``
elsewhere); the worker process runs one, never the UI's process.

Text is handed to an engine in bounded pieces (``split_for_engine``), cut where
a reader would pause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from narrator.errors import NarratorError
from narrator.speech.settings import VoiceSettings

MAX_PIECE_CHARS = 800
_CLAUSE_END = re.compile(r"[.!?;:,)\]]\s+")
_SPACE = re.compile(r"\s+")


class EngineError(NarratorError):
    """One utterance could not be synthesized; the message is one line for the user."""


class SynthesisStopped(Exception):
    """Raised by a sink to end synthesis at once: what is being made is no longer wanted."""


class EngineUnavailable(NarratorError):
    """The speech engine cannot be loaded; Narrator still works as text."""


def unknown_voice(name: str | None) -> EngineError:
    return EngineError(f"unknown voice {name!r} (see: narrator voices)")


@dataclass(frozen=True)
class Voice:
    """``variant``: an espeak-ng voice variant ("f3", "Alicia"), said by any voice as
    ``VOICE+VARIANT``; ``gender`` is "female", "male" or unknown ("")."""

    id: str
    name: str
    languages: tuple[str, ...]
    variant: bool = False
    gender: str = ""


@dataclass(frozen=True)
class WordMark:
    """A word of the spoken text, and the sample at which the voice starts saying it."""

    sample: int
    start: int
    length: int


AudioSink = Callable[[bytes], None]
WordSink = Callable[[WordMark], None]


def ignore(_: object) -> None:
    """A sink that drops what it is given (between synthesis calls)."""


def split_for_engine(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, each with its offset.

    Cuts fall after clause punctuation when there is some, else at a space,
    so the voice pauses where a reader would.
    """
    pieces: list[tuple[int, str]] = []
    offset = 0
    while len(text) - offset > limit:
        window = text[offset : offset + limit]
        cut = _last_break(window)
        pieces.append((offset, window[:cut]))
        offset += cut
    if offset < len(text) or not pieces:
        pieces.append((offset, text[offset:]))
    return pieces


def _last_break(window: str) -> int:
    """Where to cut ``window``: the last clause end, else the last space, in its last 3/4."""
    for pattern in (_CLAUSE_END, _SPACE):
        ends = [match.end() for match in pattern.finditer(window)]
        if ends and ends[-1] > len(window) // 4:
            return ends[-1]
    return len(window)


class Engine(Protocol):
    sample_rate: int

    def voices(self) -> list[Voice]: ...

    def synthesize(
        self, text: str, settings: VoiceSettings, audio: AudioSink, word: WordSink
    ) -> int: ...
