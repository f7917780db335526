"""The speech queue: what is heard, in which order, and what cuts what.

Three threads and a child process keep the caller (the UI thread) from ever
waiting on the voice:

- the synthesis thread hands utterances to the worker process, a few ahead of
  the one playing, and appends their audio as it streams in;
- miniaudio's audio thread pulls ~10 ms periods from ``_play``: it starts an
  utterance as soon as its first buffer exists, so a long section starts as
  fast as a short one, and every cut, pause or stop takes effect at the next
  period;
- the event thread delivers each event when its sample is heard, writes the
  speech log and calls ``on_event``.

These threads wait on the child, the device and each other while the UI thread
draws, and Python hands its interpreter to a waiting thread only every 5 ms by
default: several hand-overs stood between a key and its first sample. A voice
shortens that to ``HANDOVER_SECONDS`` for its process.

Priorities follow speech-dispatcher: IMPORTANT is never cut and never
dropped; TEXT cuts TEXT and NOTIFICATION; NOTIFICATION never cuts and is
dropped when anything else is speaking.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from queue import SimpleQueue
from typing import TypeVar

from narrator.errors import NarratorError
from narrator.speech.audio import (
    SAMPLE_BYTES,
    SAMPLE_RATE,
    AudioGenerator,
    OutputDevice,
    WavRecorder,
)
from narrator.speech.engines.base import EngineError, Voice, WordMark
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.settings import VoiceSettings
from narrator.speech.speechlog import SpeechLog
from narrator.speech.tones import tone_pcm
from narrator.speech.utterance import Utterance
from narrator.speech.voices import voice_for_language
from narrator.speech.worker import SynthesisWorker, WorkerFailed

LOOKAHEAD = 3
HANDOVER_SECONDS = 0.001
QUIT_WAIT = 0.2
"""How long closing waits for the utterance being made before ending the engine."""
NO_DEVICE_NOTICE = "No sound device: playing silently"


class Priority(IntEnum):
    IMPORTANT = 0
    TEXT = 1
    NOTIFICATION = 2


class _Rendition:
    """One utterance on its way to the speakers: its audio so far, and how much was heard."""

    def __init__(self, utterance: Utterance, priority: Priority) -> None:
        self.utterance = utterance
        self.priority = priority
        self.pcm = bytearray()
        self.words: list[WordMark] = []
        self.claimed = False
        self.synthesized = False
        self.failure = ""
        self.played = 0
        self.next_word = 0
        self.started = False
        self.cut = False
        self.dropped = False  # no longer to be heard: what is being made of it is stopped
        self.voice = ""


EventHandler = Callable[[SpeechEvent], None]
Output = TypeVar("Output")


def _output(kind: Callable[..., Output], path: Path | None, *args: object) -> Output | None:
    """Open the speech log or the recording; a bad path is the user's one-line error."""
    if path is None:
        return None
    try:
        return kind(path, *args)
    except OSError as error:
        raise NarratorError(f"{path}: cannot write: {error.strerror or error}") from None


class Speaker:
    def __init__(
        self,
        voice: VoiceSettings = VoiceSettings(),  # noqa: B008 - frozen, so sharing is safe
        *,
        on_event: EventHandler | None = None,
        language: str | None = None,
        audio_out: Path | None = None,
        speech_log: Path | None = None,
        null_audio: bool = False,
        worker: SynthesisWorker | None = None,
    ) -> None:
        """``worker``: a synthesizer process already spawned (to save its start-up)."""
        sys.setswitchinterval(min(sys.getswitchinterval(), HANDOVER_SECONDS))
        self._voice = voice
        self._language = language
        self._installed: list[Voice] | None = None
        self._on_event = on_event
        self._origin = time.monotonic()
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._queue: deque[_Rendition] = deque()
        self._paused = False
        self._closed = False
        self._in_run = False  # an utterance has been heard and the queue is not yet empty
        self._events: SimpleQueue[SpeechEvent | None] = SimpleQueue()
        self._log = _output(SpeechLog, speech_log, self._origin)
        self._recorder = _output(WavRecorder, audio_out)
        self._worker = worker or SynthesisWorker()
        self._worker_lock = threading.Lock()
        self._synthesis = threading.Thread(
            target=self._synthesize_ahead, daemon=True, name="speech-synthesis"
        )
        self._delivery = threading.Thread(
            target=self._deliver_events, daemon=True, name="speech-events"
        )
        self._synthesis.start()
        self._delivery.start()
        self._device = OutputDevice(null_audio=null_audio)
        self._device.start(self._play())
        if self._device.silent and not null_audio:
            self._emit(SpeechEventKind.NOTICE, None, time.monotonic(), message=NO_DEVICE_NOTICE)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def speaking(self) -> bool:
        with self._lock:
            return any(not rendition.cut for rendition in self._queue)

    def speak(self, utterances: Sequence[Utterance], priority: Priority = Priority.TEXT) -> None:
        with self._work:
            if priority is Priority.NOTIFICATION and self._queue:
                return
            self._cut(keep_important=priority is Priority.TEXT)
            self._paused = False
            self._queue.extend(_Rendition(u, priority) for u in utterances)
            self._work.notify_all()

    def enqueue(self, utterances: Sequence[Utterance], priority: Priority = Priority.TEXT) -> None:
        with self._work:
            if priority is Priority.NOTIFICATION and self._queue:
                return
            self._queue.extend(_Rendition(u, priority) for u in utterances)
            self._work.notify_all()

    def stop(self) -> None:
        with self._work:
            self._cut(keep_important=False)
            self._paused = False
            self._work.notify_all()

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False

    def configure(self, voice: VoiceSettings) -> None:
        """Use ``voice`` from the next utterance on; audio made ahead with the old one is redone."""
        with self._work:
            self._voice = voice
            self._redo_unstarted()

    def read_in(self, language: str | None) -> None:
        """What follows is in ``language`` (BCP 47): while the listener has chosen no
        voice, an installed voice for that language says it (else the engine's default)."""
        with self._work:
            self._language = language
            self._redo_unstarted()

    def _redo_unstarted(self) -> None:
        """Audio made ahead with the old voice is made again (holding the lock)."""
        for index, rendition in enumerate(self._queue):
            if rendition.claimed and not rendition.started:
                rendition.dropped = True
                self._queue[index] = _Rendition(rendition.utterance, rendition.priority)
        self._work.notify_all()

    def voices(self) -> list[Voice]:
        with self._worker_lock:
            return list(self._installed_voices())

    def _installed_voices(self) -> list[Voice]:
        """Asked of the engine once (holding the worker lock): voices are not installed
        while Narrator runs."""
        if self._installed is None:
            self._installed = self._worker.voices()
        return self._installed

    def close(self) -> None:
        with self._work:
            if self._closed:
                return
            self._closed = True
            self._work.notify_all()
        self._device.close()
        with self._lock:
            current = self._queue[0] if self._queue else None
            if current is not None and current.started:
                self._emit(SpeechEventKind.INTERRUPTED, current.utterance, time.monotonic())
            for rendition in self._queue:
                rendition.dropped = True
            self._queue.clear()
        self._synthesis.join(QUIT_WAIT)
        if self._synthesis.is_alive():  # waiting on a hung engine: end it
            self._worker.interrupt()
            self._synthesis.join()
        self._worker.close()
        self._events.put(None)
        self._delivery.join()
        if self._recorder:
            self._recorder.close()
        if self._log:
            self._log.close()

    def __enter__(self) -> Speaker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _cut(self, *, keep_important: bool) -> None:
        """Flush the queue; what is playing is cut at the next period (holding the lock)."""
        current = self._queue[0] if self._queue else None
        survivors = deque(
            r for r in self._queue if keep_important and r.priority is Priority.IMPORTANT
        )
        for rendition in self._queue:
            rendition.dropped = rendition not in survivors
        if current is not None and current.started and current not in survivors:
            current.cut = True
            survivors.appendleft(current)
        self._queue = survivors

    def _emit(
        self,
        kind: SpeechEventKind,
        utterance: Utterance | None,
        when: float,
        *,
        start: int = 0,
        length: int = 0,
        message: str = "",
        voice: str = "",
    ) -> None:
        self._events.put(SpeechEvent(kind, utterance, when, start, length, message, voice))

    def _synthesize_ahead(self) -> None:
        if not self._start_worker():
            self._list_voices_if_needed()
        while True:
            with self._work:
                job = self._next_job()
                while not self._closed and job is None:
                    self._work.wait()
                    job = self._next_job()
                if self._closed or job is None:
                    return
                job.claimed = True
                settings, language = self._voice, self._language
            self._render(job, settings, language)

    def _list_voices_if_needed(self) -> None:
        """The voice for the text's language is one of the installed voices: the list is
        asked for now, while the first text is being prepared (a round trip of some
        10 ms that the title waited for)."""
        with self._lock:
            needed = not self._closed and self._voice.voice is None and bool(self._language)
        if needed:
            with self._worker_lock, contextlib.suppress(WorkerFailed):
                self._installed_voices()  # a failure recurs, and is told, with the text

    def _next_job(self) -> _Rendition | None:
        for index, rendition in enumerate(self._queue):
            if index > LOOKAHEAD:
                return None
            if not rendition.claimed:
                return rendition
        return None

    def _start_worker(self) -> str:
        """Start the worker if needed; return why it cannot start ("" when it runs)."""
        with self._worker_lock:
            try:
                self._worker.start()
            except WorkerFailed as error:
                why = str(error).rstrip(".!")
                return f"Speech is unavailable: {why}. Reading continues as text."
        return ""

    def _for_language(self, settings: VoiceSettings, language: str | None) -> VoiceSettings:
        """``settings`` with the voice for ``language`` if the listener chose none
        (holding the worker lock)."""
        if settings.voice is not None or not language:
            return settings
        chosen = voice_for_language(self._installed_voices(), language)
        return settings if chosen is None else replace(settings, voice=chosen)

    def _render(self, job: _Rendition, settings: VoiceSettings, language: str | None) -> None:
        def audio(pcm: bytes) -> None:
            with self._lock:
                job.pcm += pcm

        def word(mark: WordMark) -> None:
            with self._lock:
                job.words.append(mark)

        tone = job.utterance.tone
        if tone is not None:
            audio(tone_pcm(tone, SAMPLE_RATE))
            with self._work:
                job.synthesized = True
                self._work.notify_all()
            return
        if job.utterance.pitch:
            settings = replace(settings, pitch=settings.pitch + job.utterance.pitch).clamped()
        failure = self._start_worker()
        unavailable = bool(failure)
        if not unavailable:
            with self._worker_lock:
                failure = self._synthesize(job, settings, language, audio, word)
        with self._work:
            job.failure = failure
            job.synthesized = True
            if unavailable:
                self._drop_after(job)
            self._work.notify_all()

    def _synthesize(
        self,
        job: _Rendition,
        settings: VoiceSettings,
        language: str | None,
        audio: Callable[[bytes], None],
        word: Callable[[WordMark], None],
    ) -> str:
        """Make ``job``'s audio (holding the worker lock); return why it failed ("" when
        it did not). A worker that dies or is found stopped before the utterance is
        heard is replaced and the utterance made again, so the listener misses
        nothing; once it is being heard, the rest of it is lost and the next follows."""
        retried = False
        while True:
            try:
                settings = self._for_language(settings, language)
                job.voice = settings.voice or ""
                self._worker.synthesize(
                    job.utterance.spoken, settings, audio, word, wanted=lambda: not job.dropped
                )
                return ""
            except EngineError as error:
                return f"Speech error: {error}"
            except WorkerFailed as error:
                with self._lock:
                    again = not retried and not job.started and not self._closed
                    if again:
                        job.pcm.clear()
                        job.words.clear()
                if not again:
                    return f"Speech engine failure: {error}; it restarts with the next sentence."
                retried = True

    def _drop_after(self, job: _Rendition) -> None:
        """The engine cannot start: keep ``job`` (to report it) and drop what follows it."""
        if job in self._queue:
            while self._queue[-1] is not job:
                self._queue.pop()

    def _play(self) -> AudioGenerator:
        frames = yield b""
        while True:
            now = time.monotonic()
            with self._work:
                chunk, heard = self._fill(frames * SAMPLE_BYTES, now)
            if heard and self._recorder:
                self._recorder.record(chunk)
            frames = yield chunk

    def _fill(self, size: int, now: float) -> tuple[bytes, bool]:
        """The next ``size`` bytes to play, and whether they are recorded: an utterance's
        audio, or the silence while the next one of the same run is still being made
        (so the recording keeps the speech log's timing); not a pause, nor idle time."""
        out = bytearray()
        heard = False
        while len(out) < size and self._queue:
            current = self._queue[0]
            at = now + len(out) / SAMPLE_BYTES / SAMPLE_RATE
            if current.cut or (current.synthesized and current.played >= len(current.pcm)):
                self._finish(current, at)
                continue
            if self._paused:
                heard = heard or current.started
                break
            available = len(current.pcm) - current.played
            if available == 0:
                heard = heard or current.started
                break
            if not current.started:
                current.started = True
                self._in_run = True
                self._emit(SpeechEventKind.STARTED, current.utterance, at, voice=current.voice)
            take = min(available, size - len(out))
            self._emit_words(current, current.played + take, now, len(out))
            out += current.pcm[current.played : current.played + take]
            current.played += take
            heard = True
        if not self._queue:
            self._in_run = False
        waiting = self._in_run and bool(self._queue) and not self._paused
        out += bytes(size - len(out))
        return bytes(out), heard or waiting

    def _emit_words(self, current: _Rendition, until: int, now: float, position: int) -> None:
        """Emit the words that begin before byte ``until``, timed by where they fall."""
        while current.next_word < len(current.words):
            mark = current.words[current.next_word]
            offset = max(mark.sample * SAMPLE_BYTES, current.played)
            if offset >= until:
                return
            at = now + (position + offset - current.played) / SAMPLE_BYTES / SAMPLE_RATE
            self._emit(
                SpeechEventKind.WORD, current.utterance, at, start=mark.start, length=mark.length
            )
            current.next_word += 1

    def _finish(self, current: _Rendition, at: float) -> None:
        """Retire the utterance at the head of the queue with the event that ends it."""
        self._queue.popleft()
        self._work.notify_all()
        if current.failure:
            self._emit(SpeechEventKind.ERROR, current.utterance, at, message=current.failure)
        elif current.cut:
            self._emit(SpeechEventKind.INTERRUPTED, current.utterance, at)
        else:
            if not current.started:
                self._emit(SpeechEventKind.STARTED, current.utterance, at, voice=current.voice)
            self._emit(SpeechEventKind.FINISHED, current.utterance, at)

    def _deliver_events(self) -> None:
        while (event := self._events.get()) is not None:
            delay = event.time - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if self._log:
                problem = self._log.write(event)
                if problem:
                    self._deliver(
                        SpeechEvent(SpeechEventKind.NOTICE, None, event.time, message=problem)
                    )
            self._deliver(event)

    def _deliver(self, event: SpeechEvent) -> None:
        if not self._on_event:
            return
        try:
            self._on_event(event)
        except Exception:  # a broken listener must not silence the voice
            # report it the standard way (the application routes it to its crash
            # log) and carry on delivering
            threading.excepthook(
                threading.ExceptHookArgs((*sys.exc_info(), threading.current_thread()))
            )
