"""The speech log: one JSON line per speech event, as it is heard.

It is the captions of a user who cannot hear the voice, and the evidence a
test reads to know what was said and when. Each line is flushed at once so a
reader following the file (``tail -f``) sees it in time.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict
from pathlib import Path

from narrator.speech.events import SpeechEvent, SpeechEventKind


def event_record(event: SpeechEvent, origin: float) -> dict[str, object]:
    """The JSON form of ``event``; ``time`` in seconds since ``origin``."""
    utterance = event.utterance
    cue = utterance is not None and utterance.tone is not None
    return {
        "time": round(event.time - origin, 4),
        # a sound cue starting to be heard is a "cue" event, named by its text
        "event": "cue" if cue and event.kind is SpeechEventKind.STARTED else event.kind.value,
        "role": utterance.role.value if utterance else None,
        "text": utterance.text if utterance else "",
        "spoken": utterance.spoken if utterance else "",
        "place": asdict(utterance.place) if utterance and utterance.place else None,
        "start": event.start,
        "length": event.length,
        "message": event.message,
        "voice": event.voice,
    }


class SpeechLog:
    """A log that cannot be written (a full disk, ``/dev/full``) stops, and says so
    once; speech goes on without it."""

    def __init__(self, path: Path, origin: float) -> None:
        self._path = path
        self._stream = path.open("w", encoding="utf-8")
        self._origin = origin
        self._broken = False

    def write(self, event: SpeechEvent) -> str | None:
        """Log ``event``; one line saying why not, the first time the log cannot be
        written (after that, nothing is written and None is returned)."""
        if self._broken:
            return None
        record = event_record(event, self._origin)
        try:
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._stream.flush()
        except OSError as error:
            self._broken = True
            reason = error.strerror or str(error)
            return f"The speech log {self._path} cannot be written ({reason}); speech goes on"
        return None

    def close(self) -> None:
        with contextlib.suppress(OSError):  # what could not be written was said
            self._stream.close()
