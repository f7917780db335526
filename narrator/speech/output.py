"""Where the voice goes besides the sound card: the options every speaking command takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpeechOutput:
    """Where the voice goes besides the sound card (``--audio-out``, ``--speech-log``,
    ``--no-audio``)."""

    audio_out: Path | None = None
    speech_log: Path | None = None
    null_audio: bool = False
