"""Turns text into 16-bit mono PCM and word timings, through pyttsx3's espeak driver.

pyttsx3's own ``say``/``save_to_file`` path collects a whole utterance in a
buffer that grows quadratically, returns before long texts are done and has
crashed this process on a whole article. Narrator keeps pyttsx3's bindings but
installs its own synthesis callback: each ~50 ms buffer is handed on as soon
as espeak makes it (so playback can start before the sentence is finished) and
espeak's word events arrive with their sample offsets (so the screen can follow
the word being heard). Text is handed to espeak in bounded pieces.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from narrator.content.errors import NarratorError
from narrator.speech.espeak import EngineUnavailable, load_bindings
from narrator.speech.settings import MAX_RATE, MIN_RATE, VoiceSettings

MAX_PIECE_CHARS = 800
BUFFER_MSEC = 50
DEFAULT_VOICE = "en"
ENGINE_VARIABLE = "NARRATOR_ENGINE"
_CLAUSE_END = re.compile(r"[.!?;:,)\]]\s+")
_SPACE = re.compile(r"\s+")


class EngineError(NarratorError):
    """One utterance could not be synthesized; the message is one line for the user."""


def unknown_voice(name: str | None) -> EngineError:
    return EngineError(f"unknown voice {name!r} (see: narrator voices)")


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class WordMark:
    """A word of the spoken text, and the sample at which the voice starts saying it."""

    sample: int
    start: int
    length: int


AudioSink = Callable[[bytes], None]
WordSink = Callable[[WordMark], None]


def _ignore(_: object) -> None:
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


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class EspeakEngine:
    """espeak-ng in this process; ``narrator.speech.worker`` keeps it out of the UI's."""

    def __init__(self) -> None:
        self._espeak: ModuleType = load_bindings()
        rate = self._espeak.Initialize(self._espeak.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MSEC)
        if rate <= 0:
            raise EngineUnavailable("espeak-ng could not start (its data folder was not found)")
        self.sample_rate: int = rate
        self._audio: AudioSink = _ignore
        self._word: WordSink = _ignore
        self._piece_offset = 0
        self._sample_base = 0
        self._samples = 0
        self._last_word_sample = 0
        self._failure: BaseException | None = None
        self._callback = self._espeak.t_espeak_callback(self._on_synth)
        self._espeak.cSetSynthCallback(self._callback)

    def voices(self) -> list[Voice]:
        found = []
        for voice in self._espeak.ListVoices(None):
            language = (voice.languages or b"")[1:].decode("utf-8", "replace")
            found.append(
                Voice(
                    id=voice.identifier.decode("utf-8", "replace"),
                    name=voice.name.decode("utf-8", "replace"),
                    languages=(language,) if language else (),
                )
            )
        return found

    def _configure(self, settings: VoiceSettings) -> None:
        espeak = self._espeak
        name = (settings.voice or DEFAULT_VOICE).encode("utf-8")
        if espeak.SetVoiceByName(name) != espeak.EE_OK:
            raise unknown_voice(settings.voice)
        espeak.SetParameter(espeak.RATE, int(_clamp(settings.rate, MIN_RATE, MAX_RATE)), 0)
        espeak.SetParameter(espeak.PITCH, int(_clamp(settings.pitch, 0, 100)), 0)
        espeak.SetParameter(espeak.VOLUME, int(_clamp(settings.volume, 0.0, 2.0) * 100), 0)

    def synthesize(
        self, text: str, settings: VoiceSettings, audio: AudioSink, word: WordSink = _ignore
    ) -> int:
        """Speak ``text`` into ``audio`` buffer by buffer; return the number of samples."""
        self._configure(settings)
        self._audio, self._word = audio, word
        self._samples = 0
        self._last_word_sample = 0
        try:
            for offset, piece in split_for_engine(text):
                self._piece_offset, self._sample_base = offset, self._samples
                flags = self._espeak.CHARS_UTF8 | self._espeak.ENDPAUSE
                status = self._espeak.Synth(piece.encode("utf-8"), flags=flags)
                if self._failure is not None:
                    failure, self._failure = self._failure, None
                    raise failure
                if status != self._espeak.EE_OK:
                    raise EngineError(f"espeak-ng refused the text (status {status})")
        finally:
            self._audio, self._word = _ignore, _ignore
        return self._samples

    def _on_synth(self, wav: ctypes.Array, count: int, events: ctypes.Array) -> int:
        """espeak's callback. ctypes can only print what a callback raises (even
        Ctrl-C), so it is kept, synthesis is stopped (a non-zero return), and
        ``synthesize`` raises it once espeak has returned."""
        try:
            self._take(wav, count, events)
        except BaseException as error:
            self._failure = error
            return 1
        return 0

    def _take(self, wav: ctypes.Array, count: int, events: ctypes.Array) -> None:
        index = 0
        while events[index].type != self._espeak.EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == self._espeak.EVENT_WORD:
                # espeak sometimes times a short word ("a") after the next one
                self._last_word_sample = max(
                    self._last_word_sample, self._sample_base + event.sample
                )
                self._word(
                    WordMark(
                        sample=self._last_word_sample,
                        start=self._piece_offset + event.text_position - 1,
                        length=event.length,
                    )
                )
            index += 1
        if count > 0 and wav:
            self._samples += count
            self._audio(ctypes.string_at(wav, count * 2))


class Engine(Protocol):
    sample_rate: int

    def voices(self) -> list[Voice]: ...

    def synthesize(
        self, text: str, settings: VoiceSettings, audio: AudioSink, word: WordSink
    ) -> int: ...


def make_engine() -> Engine:
    """espeak-ng with streamed audio and exact word timings on Linux; pyttsx3's own
    platform driver elsewhere, or wherever ``NARRATOR_ENGINE=pyttsx3`` asks for it."""
    choice = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if choice == "pyttsx3" or (not choice and not sys.platform.startswith("linux")):
        from narrator.speech.driver import DriverEngine

        return DriverEngine()
    return EspeakEngine()
