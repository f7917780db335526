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
import sys
import threading
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
    """A track's audio, 16-bit mono PCM, and where each of its utterances lies in it."""

    pcm: bytes
    timed: tuple[Timed, ...]

    @property
    def samples(self) -> int:
        return len(self.pcm) // SAMPLE_BYTES

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
    workers: int | None = None,
    progress: Progress = lambda done, total: None,
) -> list[Result]:
    """``task(job)`` for every job, each in a fresh process, ``workers`` at a time
    (default: every core), in the order given (put the longest first, so the cores
    finish together); ``progress(done, total)`` after each. The results come back in
    the jobs' order. On Ctrl-C or a failure the running processes are ended, then it
    goes on up. (``task`` and the jobs must pickle where processes are spawned.)"""
    context = process_context()
    limit = max(1, workers or os.cpu_count() or 1)
    waiting = list(enumerate(jobs))
    running: dict[Connection, tuple[int, BaseProcess]] = {}
    done: dict[int, Result] = {}
    progress(0, len(jobs))
    try:
        while waiting or running:
            while waiting and len(running) < limit:
                number, job = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_in_child, args=(task, job, sender), daemon=True)
                with interrupts_held():
                    process.start()
                sender.close()
                running[receiver] = (number, process)
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                number, process = running.pop(ready)
                done[number] = _outcome(process, ready)
                progress(len(done), len(jobs))
    except BaseException:
        for receiver, (_, process) in running.items():
            process.terminate()
            process.join()
            receiver.close()
        raise
    return [done[number] for number in range(len(jobs))]


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


def say_all_runs(
    work: Sequence[Run], voice: VoiceSettings, progress: Progress, workers: int | None = None
) -> list[RunAudio]:
    """Synthesize every run in a fresh process, the longest first."""
    if process_context().get_start_method() == "fork":
        preload_engine()
    longest_first = sorted(work, key=lambda run: -run.size)
    return in_processes(partial(say_one, voice=voice), longest_first, workers, progress)


def process_context() -> BaseContext:
    """Fork where it is safe (Linux, no other thread to copy mid-lock): it starts in
    milliseconds where spawning re-imports Narrator in every process (~0.5 s)."""
    safe_to_fork = sys.platform.startswith("linux") and threading.active_count() == 1
    return get_context("fork" if safe_to_fork else "spawn")


def voiced_tracks(
    utterances: Sequence[Sequence[Utterance]], heard: Sequence[RunAudio]
) -> list[Voiced]:
    """Each track's runs joined in order, with every utterance's place in its audio."""
    by_track: dict[int, list[RunAudio]] = {}
    for audio in heard:
        by_track.setdefault(audio.run.track, []).append(audio)
    voiced = []
    for number, said in enumerate(utterances):
        parts = sorted(by_track.get(number, []), key=lambda audio: audio.run.first)
        timed, sample = [], 0
        for part in parts:
            for offset, one in enumerate(part.said):
                utterance = said[part.run.first + offset]
                timed.append(Timed(utterance, sample, sample + one.samples, one.words))
                sample += one.samples
        voiced.append(Voiced(b"".join(part.pcm for part in parts), tuple(timed)))
    return voiced
