"""pyttsx3's platform voices (SAPI5 on Windows, NSSpeechSynthesizer on macOS).

Those drivers can only speak aloud or into a file, so each piece of text is
synthesized into a temporary file and decoded back to Narrator's format with
miniaudio (which also reads the AIFF that macOS writes whatever the suffix,
and resamples). pyttsx3's ``runAndWait`` can return before the file is
complete (its issues #149 and #259), so the file is waited for until its size
settles. These drivers give no word timings with files: words are placed in
proportion to their position in the text, which is close enough to follow.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import miniaudio

from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.engines.base import (
    AudioSink,
    EngineError,
    EngineUnavailable,
    Voice,
    WordMark,
    WordSink,
    split_for_engine,
    unknown_voice,
)
from narrator.speech.engines.espeak import load_bindings
from narrator.speech.settings import VoiceSettings

SETTLE_SECONDS = 0.1
SECONDS_PER_CHARACTER = 0.2
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")


class DriverEngine:
    """pyttsx3's default driver for this platform, one temporary file per piece."""

    sample_rate = SAMPLE_RATE

    def __init__(self, driver: str | None = None) -> None:
        if sys.platform.startswith("linux"):
            load_bindings()  # pyttsx3's driver there is espeak: use the wheel's
        import pyttsx3

        try:
            self._engine = pyttsx3.init(driver)
        except Exception as error:  # pyttsx3 raises anything its platform raises
            raise EngineUnavailable(f"pyttsx3 could not start: {error}") from error
        self._files = tempfile.TemporaryDirectory(prefix="narrator-")  # removed at exit

    def voices(self) -> list[Voice]:
        return [
            Voice(id=str(v.id), name=str(v.name), languages=tuple(map(str, v.languages or ())))
            for v in self._engine.getProperty("voices")
        ]

    def _configure(self, settings: VoiceSettings) -> None:
        engine = self._engine
        settings = settings.clamped()
        if settings.voice:
            try:
                engine.setProperty("voice", settings.voice)
            except (ValueError, KeyError) as error:
                raise unknown_voice(settings.voice) from error
        engine.setProperty("rate", settings.rate)
        engine.setProperty("volume", settings.volume)
        try:
            engine.setProperty("pitch", settings.pitch)
        except (KeyError, ValueError, AttributeError):
            return  # SAPI5 and NSSpeechSynthesizer have no pitch to set

    def synthesize(
        self, text: str, settings: VoiceSettings, audio: AudioSink, word: WordSink
    ) -> int:
        self._configure(settings)
        samples = 0
        for offset, piece in split_for_engine(text):
            pcm = self._piece_audio(piece)
            count = len(pcm) // SAMPLE_BYTES
            for match in _WORD.finditer(piece):
                sample = samples + count * match.start() // max(len(piece), 1)
                word(WordMark(sample, offset + match.start(), len(match.group())))
            audio(pcm)
            samples += count
        return samples

    def _piece_audio(self, piece: str) -> bytes:
        path = Path(self._files.name) / "piece.wav"
        path.unlink(missing_ok=True)
        self._engine.save_to_file(piece, str(path))
        self._engine.runAndWait()
        _wait_until_written(path, SECONDS_PER_CHARACTER * len(piece) + 5)
        try:
            decoded = miniaudio.decode_file(
                str(path), miniaudio.SampleFormat.SIGNED16, 1, SAMPLE_RATE
            )
        except miniaudio.DecodeError as error:
            raise EngineError(f"the voice wrote audio Narrator cannot read: {error}") from error
        return decoded.samples.tobytes()


def _wait_until_written(path: Path, timeout: float) -> None:
    """Return once ``path`` exists and its size has not changed for a moment."""
    deadline = time.monotonic() + timeout
    size = -1
    while time.monotonic() < deadline:
        current = path.stat().st_size if path.exists() else -1
        if current > 0 and current == size:
            return
        size = current
        time.sleep(SETTLE_SECONDS)
    raise EngineError("the voice did not finish writing its audio")
