"""A speaker with its own clock, so the reading tests can listen without real speech.

Nothing is synthesized: an utterance takes ``SECONDS_PER_WORD`` a word and
starts ``LATENCY`` after it is asked for, as with the real speaker. Time moves
only when the test says so (``advance``, ``until_heard``, ``until_silent``),
and the events due by then are delivered in order, through the same callback
the real speaker calls, so a test can press a key at exactly the moment a
listener would: during an announcement, while the landing sentence is being
heard, or after it has finished.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from narrator.speech.engines.base import Voice
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.settings import VoiceSettings
from narrator.speech.utterance import Utterance

SECONDS_PER_WORD = 0.3
LATENCY = 0.02
VOICES = [
    Voice("gmw/en", "English (Great Britain)", ("en-gb", "en")),
    Voice("gmw/en-US", "English (America)", ("en-us", "en")),
]


@dataclass(frozen=True)
class Said:
    """An utterance that started to be heard, and when (on the fake clock)."""

    time: float
    utterance: Utterance

    @property
    def text(self) -> str:
        return self.utterance.text


class FakeSpeaker:
    def __init__(self, on_event: Callable[[SpeechEvent], None] | None = None) -> None:
        self.on_event = on_event
        self.now = 0.0
        self.said: list[Said] = []
        self.voice = VoiceSettings()
        self.language: str | None = None
        self._queue: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._ends = 0.0
        self._starts: float | None = None
        self._paused_left: float | None = None

    # ------------------------------------------------------ the speaker's side

    @property
    def paused(self) -> bool:
        return self._paused_left is not None

    @property
    def speaking(self) -> bool:
        return self._current is not None or bool(self._queue)

    def speak(self, utterances: Sequence[Utterance], *_: object) -> None:
        self._cut()
        self._paused_left = None
        self._queue.extend(utterances)
        self._starts = self.now + LATENCY

    def enqueue(self, utterances: Sequence[Utterance], *_: object) -> None:
        if not self.speaking:
            self._starts = self.now + LATENCY
        self._queue.extend(utterances)

    def stop(self) -> None:
        self._cut()
        self._paused_left = None

    def pause(self) -> None:
        if self._paused_left is None:
            self._paused_left = max(0.0, self._ends - self.now) if self._current else 0.0

    def resume(self) -> None:
        if self._paused_left is not None:
            self._ends = self.now + self._paused_left
            self._paused_left = None

    def configure(self, voice: VoiceSettings) -> None:
        self.voice = voice

    def voices(self) -> list[Voice]:
        return list(VOICES)

    def read_in(self, language: str | None) -> None:
        self.language = language

    def close(self) -> None:
        self._cut()

    # --------------------------------------------------------- the test's side

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass, delivering every event due by then."""
        target = self.now + seconds
        while True:
            due = self._next_due()
            if due is None or due > target:
                break
            self.now = max(self.now, due)
            self._step()
        self.now = target

    def until_heard(self, wanted: Callable[[Utterance], bool], limit: float = 120.0) -> Said:
        """Let time pass until an utterance ``wanted`` accepts starts to be heard."""
        seen = len(self.said)
        deadline = self.now + limit
        while self.now < deadline:
            for said in self.said[seen:]:
                if wanted(said.utterance):
                    return said
            due = self._next_due()
            if due is None:
                break
            self.advance(max(0.0, due - self.now))
        heard = [said.text for said in self.said[seen:]]
        raise AssertionError(f"never heard what was wanted; heard {heard}")

    def until_silent(self, limit: float = 600.0) -> None:
        deadline = self.now + limit
        while self.speaking and self.now < deadline:
            due = self._next_due()
            if due is None:
                break
            self.advance(max(0.0, due - self.now))
        assert not self.speaking, "still speaking"

    def texts(self, since: int = 0) -> list[str]:
        return [said.text for said in self.said[since:]]

    # ----------------------------------------------------------------- inside

    def _next_due(self) -> float | None:
        if self.paused:
            return None
        if self._current is not None:
            return self._ends
        if self._queue:
            return self._starts if self._starts is not None else self.now
        return None

    def _step(self) -> None:
        if self._current is not None:
            finished, self._current = self._current, None
            self._emit(SpeechEventKind.FINISHED, finished)
            self._starts = self.now
            return
        utterance = self._queue.popleft()
        self._current = utterance
        words = max(1, len(utterance.spoken.split()))
        self._ends = self.now + words * SECONDS_PER_WORD
        self.said.append(Said(self.now, utterance))
        self._emit(SpeechEventKind.STARTED, utterance)

    def _cut(self) -> None:
        self._queue.clear()
        if self._current is not None:
            cut, self._current = self._current, None
            self._emit(SpeechEventKind.INTERRUPTED, cut)

    def _emit(self, kind: SpeechEventKind, utterance: Utterance) -> None:
        if self.on_event is not None:
            self.on_event(SpeechEvent(kind, utterance, self.now))
