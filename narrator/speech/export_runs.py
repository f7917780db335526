"""The article voiced for export: runs of sentences, each in a fresh process, on every core.

espeak-ng carries state from one text to the next that no call resets (the same
text comes out a few samples longer or shorter each time), so the audio of an
utterance depends on what the same process said before it. Each run of
sentences is therefore synthesized in a process of its own, and the runs are
cut from the text alone (never from the number of workers): one worker or
many, the same article always gives the same samples. A long section is cut
into several runs, so the cores finish together instead of waiting for the
longest section. (Processes are forked where that is safe, so "fresh" holds
while the exporting process never synthesizes itself, as ``narrator export``
does not: it asks a synthesizer process for the voices.)

The processes ignore Ctrl-C; Narrator ends them itself. A crash in the engine
ends one process, never Narrator.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import TypeVar

from narrator.errors import NarratorError
from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.engines import make_engine, preload_engine
from narrator.speech.engines.base import Engine, WordMark
from narrator.speech.forked import safe_to_fork
from narrator.speech.settings import VoiceSettings
from narrator.speech.utterance import Utterance

# About 80 seconds of speech: long enough that starting a process is a small part
# of its work, short enough that the last run to finish keeps no core waiting long.
RUN_CHARS = 1400

Progress = Callable[[int, int], None]
Job = TypeVar("Job")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Run:
    """Utterances ``first`` onwards of track ``track``, said by one process."""

    track: int
    first: int
    texts: tuple[str, ...]

    @property
    def size(self) -> int:
        return sum(len(text) for text in self.texts)


@dataclass(frozen=True)
class Said:
    """One utterance as synthesized: its length in samples and its words
    (their ``sample`` counted from the utterance's start)."""

    samples: int
    words: tuple[WordMark, ...]


@dataclass(frozen=True)
class RunAudio:
    run: Run
    pcm: bytes
    said: tuple[Said, ...]


@dataclass(frozen=True)
class Timed:
    """An utterance placed in its track's audio: samples ``start`` to ``end``."""

    utterance: Utterance
    start: int
    end: int
    words: tuple[WordMark, ...]


@dataclass(frozen=True)
class Voiced:
    """A track's audio, 16-bit mono PCM in the pieces its runs made (a file per
    section is written piece by piece: joining them would copy it all once more
    in the process that every run reports to), and where each utterance lies in it."""

    parts: tuple[bytes, ...]
    timed: tuple[Timed, ...]

    @property
    def pcm(self) -> bytes:
        return b"".join(self.parts)

    @property
    def samples(self) -> int:
        return sum(len(part) for part in self.parts) // SAMPLE_BYTES

    @property
    def seconds(self) -> float:
        return self.samples / SAMPLE_RATE


def runs(track: int, texts: Sequence[str], limit: int = RUN_CHARS) -> list[Run]:
    """``texts`` cut into runs of whole utterances of about equal length, none much
    over ``limit`` characters (a single longer utterance is a run of its own)."""
    total = sum(len(text) for text in texts)
    if not texts:
        return []
    count = max(1, math.ceil(total / limit))
    target = total / count
    found: list[Run] = []
    first, size = 0, 0
    for index, text in enumerate(texts):
        size += len(text)
        last = index == len(texts) - 1
        if last or (size >= target and len(found) < count - 1):
            found.append(Run(track, first, tuple(texts[first : index + 1])))
            first, size = index + 1, 0
    return found


def say_run(run: Run, voice: VoiceSettings, engine: Engine) -> RunAudio:
    """Synthesize ``run`` utterance by utterance."""
    pcm = bytearray()
    said = []
    for text in run.texts:
        before = len(pcm)
        words: list[WordMark] = []
        engine.synthesize(text, voice, pcm.extend, words.append)
        said.append(Said((len(pcm) - before) // SAMPLE_BYTES, tuple(words)))
    return RunAudio(run, bytes(pcm), tuple(said))


def say_one(run: Run, voice: VoiceSettings) -> RunAudio:
    """A run's own process: a fresh engine says it."""
    return say_run(run, voice, make_engine())


def _in_child(task: Callable[[Job], Result], job: Job, result: Connection) -> None:
    """A job's process: Ctrl-C is the parent's to handle; the outcome goes back
    as ``(True, result)`` or ``(False, one-line message)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        result.send((True, task(job)))
    except Exception as error:  # the parent reports it as one line
        result.send((False, str(error) or type(error).__name__))


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C for the duration (a process starting inherits the held signal and
    ignores it before letting it through); it is delivered once the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def in_processes(
    task: Callable[[Job], Result],
    jobs: Sequence[Job],
    arrived: Callable[[Result], None],
    workers: int | None = None,
    progress: Progress = lambda done, total: None,
) -> None:
    """``task(job)`` for every job, each in a fresh process, ``workers`` at a time
    (default: every core), in the order given (put the longest first, so the cores
    finish together); ``arrived(result)`` and ``progress(done, total)`` as each comes
    back, so the caller uses it while the others run (and keeps only what it needs).
    On Ctrl-C or a failure the running processes are ended, then it goes on up.
    (``task`` and the jobs must pickle where processes are spawned.)"""
    context = process_context()
    limit = max(1, workers or os.cpu_count() or 1)
    waiting = list(jobs)
    running: dict[Connection, BaseProcess] = {}
    done = 0
    progress(0, len(jobs))
    try:
        while waiting or running:
            while waiting and len(running) < limit:
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(
                    target=_in_child, args=(task, waiting.pop(0), sender), daemon=True
                )
                with interrupts_held():
                    process.start()
                sender.close()
                running[receiver] = process
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                arrived(_outcome(running.pop(ready), ready))
                done += 1
                progress(done, len(jobs))
    except BaseException:
        for receiver, process in running.items():
            process.terminate()
            process.join()
            receiver.close()
        raise


def _outcome(process: BaseProcess, receiver: Connection) -> Result:
    """What a job's process sent back; nothing at all means it crashed (the engine).
    It is read before the process is joined: a large result fills the pipe, and
    the process cannot end until it is read."""
    try:
        worked, outcome = receiver.recv()
    except EOFError:  # it died without a word
        worked, outcome = False, None
    finally:
        receiver.close()
    process.join()
    if worked:
        return outcome  # type: ignore[no-any-return]
    raise NarratorError(outcome or "the speech engine crashed while exporting")


def process_context() -> BaseContext:
    """Fork where it is safe (Linux, no other thread to copy mid-lock, no speech engine
    started in this process): it starts in milliseconds where spawning re-imports
    Narrator in every process (~0.5 s)."""
    return get_context("fork" if safe_to_fork() else "spawn")


def voiced_track(utterances: Sequence[Utterance], parts: Sequence[RunAudio]) -> Voiced:
    """A track's runs joined in order, with every utterance's place in its audio."""
    timed, sample = [], 0
    ordered = sorted(parts, key=lambda audio: audio.run.first)
    for part in ordered:
        for offset, one in enumerate(part.said):
            utterance = utterances[part.run.first + offset]
            timed.append(Timed(utterance, sample, sample + one.samples, one.words))
            sample += one.samples
    return Voiced(tuple(part.pcm for part in ordered), tuple(timed))


def voice_tracks(
    tracks: Sequence[Sequence[Utterance]],
    voice: VoiceSettings,
    progress: Progress = lambda done, total: None,
    workers: int | None = None,
    ready: Callable[[int, Voiced], None] = lambda number, voiced: None,
) -> list[Voiced]:
    """Every track (its utterances) voiced, its runs synthesized in fresh processes,
    the longest first; ``ready(number, voiced)`` as soon as a track's last run is in,
    so its file can be written while the cores finish the others."""
    work = [
        run for number, said in enumerate(tracks) for run in runs(number, [u.spoken for u in said])
    ]
    waiting = Counter(run.track for run in work)
    parts: dict[int, list[RunAudio]] = {number: [] for number in range(len(tracks))}
    voiced: dict[int, Voiced] = {}

    def arrived(audio: RunAudio) -> None:
        number = audio.run.track
        parts[number].append(audio)
        if len(parts[number]) == waiting[number]:
            voiced[number] = voiced_track(tracks[number], parts.pop(number))
            ready(number, voiced[number])

    for number in range(len(tracks)):
        if not waiting[number]:  # nothing to say: no process
            voiced[number] = voiced_track(tracks[number], ())
            ready(number, voiced[number])
    if process_context().get_start_method() == "fork":
        preload_engine()
    longest_first = sorted(work, key=lambda run: -run.size)
    in_processes(partial(say_one, voice=voice), longest_first, arrived, workers, progress)
    return [voiced[number] for number in range(len(tracks))]
