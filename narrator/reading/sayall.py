"""Say-all, and reading what a move lands on, with the cursor following the voice.

The cursor moves when an utterance is HEARD (the speaker's "started"
event), not when it is queued, so "where am I", a bookmark or quitting
always name the sentence the listener was actually hearing. A move's
landing (a whole paragraph for the paragraph keys) is read the same way,
stopping at its end; say-all reads on to the end of the article.

When the voice cannot start at all (no speech engine), reading goes on as
text: the cursor steps through the utterances at the pace the voice would
have read them (words at the listener's rate), so the highlighted line, a
braille display or the plain reader's printed lines keep moving, and
pause, stop and every key still work.

Threads: the speaker calls back from its own thread, but all of say-all's
state changes happen in ``handle`` and ``tick``, which the owner calls on
its own thread (Textual: ``app.call_from_thread(say_all.handle, event)``
and a ``set_interval`` timer calling ``tick``; the plain reader drains a
queue and ticks in the same loop). Nothing here takes a lock, so nothing
here can deadlock against the UI.

Each run speaks fresh copies of the script's utterances: the speaker hands
back the very objects it was given, so an event from a run that has since
been cut (a late "interrupted" after a restart) is recognised and ignored,
even when both runs read the same sentence.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Protocol

from narrator.reading.cursor import END, Cursor, Move
from narrator.speech.events import SpeechEventKind
from narrator.speech.settings import VoiceSettings
from narrator.speech.utterance import Utterance

SECONDS_PER_MINUTE = 60.0


class SpeechEventLike(Protocol):
    @property
    def kind(self) -> SpeechEventKind: ...
    @property
    def utterance(self) -> Utterance | None: ...
    @property
    def time(self) -> float: ...


class SpeakerLike(Protocol):
    """What say-all needs of ``narrator.speech.speaker.Speaker``."""

    def speak(self, utterances: Sequence[Utterance]) -> None: ...
    def enqueue(self, utterances: Sequence[Utterance]) -> None: ...
    def stop(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    @property
    def paused(self) -> bool: ...
    @property
    def speaking(self) -> bool: ...


class SayAll:
    """``active`` while reading on to the end; ``rate`` gives the words per minute
    that pace reading as text."""

    def __init__(
        self,
        speaker: SpeakerLike,
        cursor: Cursor,
        rate: Callable[[], int] = lambda: VoiceSettings().rate,
        cues: Callable[[Utterance, int], list[Utterance]] = lambda utterance, index: [utterance],
    ) -> None:
        """``cues`` gives an utterance (the script's ``index``, or -1) with the sound
        cues that go with it (``narrator.reading.cues.Cues.around``)."""
        self.speaker = speaker
        self.cursor = cursor
        self.rate = rate
        self.cues = cues
        self.active = False
        self.skim = False  # read on through headings and each block's first sentence only
        self._run: dict[int, int] = {}
        self._spoken: list[Utterance] = []
        self._heard: int | None = None
        self._as_text: int | None = None
        self._due = 0.0
        self._ticked = 0.0

    @property
    def paused(self) -> bool:
        return self.active and self.speaker.paused

    @property
    def as_text(self) -> Utterance | None:
        """The utterance being read as text (the voice could not start), if any."""
        return self._spoken[self._as_text] if self._as_text is not None else None

    def start(self, lead: Sequence[Utterance] = ()) -> None:
        """Read from the cursor to the end, after ``lead`` (an announcement); from the
        next sentence if the one at the cursor was just heard to its end."""
        first = self.cursor.index
        if self._heard == first and first + 1 < len(self.cursor.utterances):
            first += 1
        self._read([*lead, self.cursor.utterances[first]], first, first + 1, to_the_end=True)

    def restart_from(self, move: Move) -> None:
        """Go on reading from where ``move`` landed, saying its landing speech first
        (a move that stayed says why, then reads the sentence it stayed on)."""
        self._read(move.speech, move.index, move.end, to_the_end=True)

    def follow(self, move: Move, lead: Sequence[Utterance] = (), *, after: bool = False) -> None:
        """Say ``move``'s landing (after ``lead``) and stop at its end, the cursor
        following the voice through it; say-all, if on, ends. ``after``: once the
        voice has said what it is saying (the title, said before the screen was
        built), instead of cutting it."""
        self._read([*lead, *move.speech], move.index, move.end, to_the_end=False, after=after)

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
        """Apply one speech event; True when the cursor moved or the reading ended."""
        index = self._run.get(id(event.utterance)) if event.utterance is not None else None
        if index is None:
            return False
        if event.kind is SpeechEventKind.STARTED:
            if index >= 0:
                self.cursor.follow(index)
            return index >= 0
        ended = event.kind is SpeechEventKind.FINISHED and event.utterance is self._spoken[-1]
        # After a failed utterance the speaker goes on with the next, unless
        # the engine could not start at all: then its queue is empty.
        if event.kind is SpeechEventKind.ERROR and not self.speaker.speaking:
            return self._read_as_text(event.utterance, event.time)
        if event.kind is SpeechEventKind.INTERRUPTED or ended:
            self._end(heard=self._last_heard() if ended else None)
            return True
        return False

    def tick(self, now: float) -> bool:
        """Reading as text, move on when the voice would have finished the utterance
        (``now`` is ``time.monotonic()``); True when the cursor moved or the reading
        ended. Paused, the time stands still."""
        if self._as_text is None:
            return False
        elapsed, self._ticked = now - self._ticked, now
        if self.speaker.paused:
            self._due += elapsed
            return False
        if now < self._due:
            return False
        if self._as_text + 1 >= len(self._spoken):
            self._end(heard=self._last_heard())
            return True
        self._show_as_text(self._as_text + 1, now)
        return True

    def _last_heard(self) -> int | None:
        """The last of the script's utterances in this run (the run may end in words
        of the reader's own, such as "End of article")."""
        indexes = [self._run[id(u)] for u in self._spoken if self._run[id(u)] >= 0]
        return indexes[-1] if indexes else None

    def _read_as_text(self, utterance: Utterance, at: float) -> bool:
        position = next(n for n, u in enumerate(self._spoken) if u is utterance)
        self._ticked = at
        self._show_as_text(position, at)
        return True

    def _show_as_text(self, position: int, now: float) -> None:
        self._as_text = position
        utterance = self._spoken[position]
        index = self._run[id(utterance)]
        if index >= 0:
            self.cursor.follow(index)
        words = max(1, len(utterance.spoken.split()))
        self._due = now + words * SECONDS_PER_MINUTE / max(1, self.rate())

    def _read(
        self,
        speech: Sequence[Utterance],
        first: int,
        end: int,
        *,
        to_the_end: bool,
        after: bool = False,
    ) -> None:
        """Speak ``speech``, whose last items are the script's ``utterances[first:end]``
        (the rest announcements), then, ``to_the_end``, the script after ``end``."""
        utterances = self.cursor.utterances
        landing = min(max(0, end - first), len(speech))
        lead = len(speech) - landing
        later: Sequence[int] = range(end, len(utterances)) if to_the_end else range(0)
        if self.skim:
            later = [index for index in later if _skimmed(utterances, index)]
        said = [
            *((utterance, -1) for utterance in speech[:lead]),
            *((utterance, first + n) for n, utterance in enumerate(speech[lead:])),
            *((utterances[index], index) for index in later),
            # reading to the end says so, as a screen reader does at the end of a document
            *([(self.cursor.announcer.say(END), -1)] if to_the_end else []),
        ]
        self._forget()
        for utterance, index in said:
            for heard in self.cues(utterance, index):
                own = copy.copy(heard)  # the speaker tells utterances apart by identity
                self._spoken.append(own)
                self._run[id(own)] = index if heard.tone is None else -1
        self.active = to_the_end and bool(self._spoken)
        if self._spoken:
            (self.speaker.enqueue if after else self.speaker.speak)(self._spoken)

    def _end(self, heard: int | None) -> None:
        self.active = False
        self._forget()
        self._heard = heard if heard is not None and heard >= 0 else None

    def _forget(self) -> None:
        self._run = {}
        self._spoken = []
        self._heard = None
        self._as_text = None


def _skimmed(utterances: Sequence[Utterance], index: int) -> bool:
    """Skimming reads a heading and the first utterance of each block (a list's or a
    table's opening, a paragraph's first sentence), as a reader's eye skims a page."""
    place = utterances[index].place
    if place is None:
        return False
    if place.block < 0:
        return True
    before = utterances[index - 1].place if index > 0 else None
    return before is None or (before.section, before.block) != (place.section, place.block)
