"""What the speaker reports as it is heard: the events the readers, say-all and the
speech log follow.

They live apart from the speaker so that whatever only reads events (the speech
log, say-all, a fake speaker in the tests) needs nothing of the audio machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from narrator.controls import visible
from narrator.speech.utterance import Utterance


class SpeechEventKind(Enum):
    """The value is the word the speech log writes."""

    STARTED = "started"
    WORD = "word"
    FINISHED = "finished"
    INTERRUPTED = "interrupted"
    ERROR = "error"
    NOTICE = "notice"


# The events that carry a line for the listener (``message``).
NOTICES = frozenset({SpeechEventKind.NOTICE, SpeechEventKind.ERROR})


@dataclass(frozen=True)
class SpeechEvent:
    kind: SpeechEventKind
    utterance: Utterance | None
    time: float
    start: int = 0
    length: int = 0
    message: str = ""
    voice: str = ""  # STARTED: the voice saying it ("" for the engine's default)

    def __post_init__(self) -> None:
        """A notice or error may name a file (the speech log, the audio file)."""
        if self.message:
            object.__setattr__(self, "message", visible(self.message))
