"""Say-all: reading on from the cursor, with the cursor following the voice.

The cursor moves when an utterance is HEARD (the speaker's "started"
event), not when it is queued, so "where am I", a bookmark or quitting
always name the sentence the listener was actually hearing.

Threads: the speaker calls back from its own thread, but all of say-all's
state changes happen in ``handle``, which the owner calls on its own thread
(Textual: ``app.call_from_thread(say_all.handle, event)``; the plain reader
drains a queue). Nothing here takes a lock, so nothing here can deadlock
against the UI.

Each run speaks fresh copies of the script's utterances: the speaker hands
back the very objects it was given, so an event from a run that has since
been cut (a late "interrupted" after a restart) is recognised and ignored,
even when both runs read the same sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Protocol

from narrator.reading.cursor import Cursor, Move
from narrator.speech.utterance import Utterance


class SpeechEventLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def utterance(self) -> Utterance | None: ...


class SpeakerLike(Protocol):
    """What say-all needs of ``narrator.speech.speaker.Speaker``."""

    def speak(self, utterances: Sequence[Utterance]) -> None: ...
    def stop(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    @property
    def paused(self) -> bool: ...
    @property
    def speaking(self) -> bool: ...


class SayAll:
    def __init__(self, speaker: SpeakerLike, cursor: Cursor) -> None:
        self.speaker = speaker
        self.cursor = cursor
        self.active = False
        self._run: dict[int, int] = {}
        self._spoken: list[Utterance] = []

    @property
    def paused(self) -> bool:
        return self.active and self.speaker.paused

    def start(self, lead: Sequence[Utterance] = ()) -> None:
        """Read from the cursor to the end, after ``lead`` (an announcement)."""
        self._read(lead, self.cursor.index)

    def restart_from(self, move: Move) -> None:
        """Go on reading from where ``move`` landed, saying its landing speech first
        (a move that stayed says why, then reads the sentence it stayed on)."""
        self._read(move.speech, move.index + 1 if move.moved else move.index)

    def toggle(self) -> None:
        """Space: start reading, or pause, or resume."""
        if not self.active:
            self.start()
        elif self.speaker.paused:
            self.speaker.resume()
        else:
            self.speaker.pause()

    def stop(self) -> None:
        self.active = False
        self._forget()
        self.speaker.stop()

    def handle(self, event: SpeechEventLike) -> bool:
        """Apply one speech event; True when the cursor moved or say-all ended."""
        index = self._run.get(id(event.utterance)) if event.utterance is not None else None
        if index is None or not self.active:
            return False
        if event.kind == "started":
            if index >= 0:
                self.cursor.go_to(index)
            return index >= 0
        ended = event.kind == "finished" and event.utterance is self._spoken[-1]
        # After a failed utterance the speaker goes on with the next, unless
        # the engine could not start at all: then its queue is empty.
        failed = event.kind == "error" and not self.speaker.speaking
        if event.kind == "interrupted" or ended or failed:
            self.active = False
            self._forget()
            return True
        return False

    def _read(self, lead: Sequence[Utterance], first: int) -> None:
        lead_copies = [dataclasses.replace(u) for u in lead]
        rest = [dataclasses.replace(u) for u in self.cursor.utterances[first:]]
        self._spoken = lead_copies + rest
        self._run = {id(u): -1 for u in lead_copies}
        self._run.update({id(u): first + n for n, u in enumerate(rest)})
        self.active = bool(self._spoken)
        if self.active:
            self.speaker.speak(self._spoken)

    def _forget(self) -> None:
        self._run = {}
        self._spoken = []
