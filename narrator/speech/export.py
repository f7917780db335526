"""Writes an article as audio files: one per section, a playlist and a chapter list.

Sections are synthesized in processes, as many at a time as there are cores,
largest first so the cores finish together; each process writes its own file,
so only its duration travels back. A crash in the engine ends one process,
never Narrator. Every section gets a fresh process because espeak-ng carries
state from one text to the next that no call resets (the same text comes out
a few samples longer or shorter each time): in a fresh process the same
article always gives the same files. (Processes are forked where that is safe,
so "fresh" holds while the exporting process never synthesizes itself, as
``narrator export`` does not: it asks a synthesizer process for the voices.)
The processes ignore Ctrl-C; Narrator stops them itself and removes the files
this run wrote, so an interrupted export leaves no half-written section behind.

The folder gets ``NN-section-id.wav`` (or ``.flac``) in reading order,
``playlist.m3u`` (extended M3U: the article's title, then each section's title
and duration) and ``chapters.txt``: one line per section,
``H:MM:SS.mmm<TAB>title``, the time at which it starts when the files are
played one after the other.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from narrator.errors import NarratorError
from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.engines import make_engine
from narrator.speech.engines.base import Engine, WordMark
from narrator.speech.script import Script
from narrator.speech.settings import VoiceSettings

FORMATS = ("wav", "flac")
PLAYLIST = "playlist.m3u"
CHAPTERS = "chapters.txt"


@dataclass(frozen=True)
class Track:
    """One section's audio file: what it says and where it goes."""

    number: int
    section: str
    title: str
    texts: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class Exported:
    track: Track
    seconds: float


Progress = Callable[[int, int], None]


def tracks(script: Script, folder: Path, audio_format: str) -> list[Track]:
    """A track per section in reading order, with the utterances that are its own.

    A section's subsections get tracks of their own, so its track holds only
    the utterances placed in it.
    """
    found = []
    for number, section in enumerate(script.sections, start=1):
        own = script.utterances[section.start : section.end]
        texts = tuple(
            u.spoken for u in own if u.place is not None and u.place.section == section.id
        )
        name = f"{number:02d}-{section.id}.{audio_format}"
        found.append(Track(number, section.id, section.title, texts, folder / name))
    return found


def check_format(audio_format: str) -> None:
    """Refuse before any work a format that cannot be written here."""
    if audio_format not in FORMATS:
        raise NarratorError(f"unknown audio format {audio_format!r} (choose wav or flac)")
    if audio_format == "flac":
        try:
            import soundfile  # noqa: F401
        except ImportError:
            raise NarratorError(
                "--format flac needs the soundfile package: pip install soundfile"
            ) from None


def render(track: Track, voice: VoiceSettings, engine: Engine) -> Exported:
    """Synthesize ``track`` utterance by utterance and write its file."""
    pcm = bytearray()
    for text in track.texts:
        engine.synthesize(text, voice, pcm.extend, _no_words)
    try:
        write_audio(track.path, bytes(pcm))
    except OSError as error:
        raise NarratorError(f"{track.path}: cannot write: {error.strerror or error}") from None
    return Exported(track, len(pcm) / SAMPLE_BYTES / SAMPLE_RATE)


def _no_words(_: WordMark) -> None:
    """Audio files carry no word timings."""


def write_audio(path: Path, pcm: bytes) -> None:
    """16-bit mono PCM to a WAV or FLAC file, chosen by the suffix."""
    if path.suffix == ".flac":
        import soundfile

        with soundfile.SoundFile(
            path, "w", SAMPLE_RATE, 1, format="FLAC", subtype="PCM_16"
        ) as file:
            file.buffer_write(pcm, dtype="int16")
        return
    with path.open("wb") as stream, wave.open(stream, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(SAMPLE_BYTES)
        file.setframerate(SAMPLE_RATE)
        file.writeframes(pcm)


def _render_in_child(track: Track, voice: VoiceSettings, result: Connection) -> None:
    """A section's process: Ctrl-C is the parent's to handle; the outcome goes back
    as an ``Exported`` or a one-line message."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        result.send(render(track, voice, make_engine()))
    except Exception as error:  # the parent reports it as one line
        result.send(str(error) or type(error).__name__)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C while a process starts: it inherits the held signal and ignores it
    before letting it through, and the parent gets it once the process is started."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def render_all(
    work: Sequence[Track], voice: VoiceSettings, progress: Progress, workers: int | None = None
) -> list[Exported]:
    """Render every track, a fresh process each, on every core; ``progress(done, total)``
    after each. On Ctrl-C or a failure the running processes are ended and the files
    this run started are removed (never anything else in the folder), then it goes on up."""
    context = _process_context()
    limit = workers or os.cpu_count() or 1
    waiting = sorted(work, key=lambda t: -sum(len(text) for text in t.texts))
    running: dict[object, tuple[BaseProcess, Connection]] = {}
    started: list[Track] = []
    done: list[Exported] = []
    progress(0, len(work))
    try:
        while waiting or running:
            while waiting and len(running) < limit:
                started.append(waiting.pop(0))
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(
                    target=_render_in_child, args=(started[-1], voice, sender), daemon=True
                )
                with _interrupts_held():
                    process.start()
                sender.close()
                running[process.sentinel] = (process, receiver)
            for sentinel in wait(list(running)):
                process, receiver = running.pop(sentinel)
                done.append(_outcome(process, receiver))
                progress(len(done), len(work))
    except BaseException:
        for process, receiver in running.values():
            process.terminate()
            process.join()
            receiver.close()
        for track in started:
            track.path.unlink(missing_ok=True)
        raise
    return sorted(done, key=lambda e: e.track.number)


def _outcome(process: BaseProcess, receiver: Connection) -> Exported:
    """What a finished section process sent back; nothing at all means the engine crashed."""
    process.join()
    try:
        outcome = receiver.recv() if receiver.poll() else None
    except EOFError:  # it died without a word
        outcome = None
    finally:
        receiver.close()
    if isinstance(outcome, Exported):
        return outcome
    raise NarratorError(outcome or "the speech engine crashed while exporting")


def _process_context() -> BaseContext:
    """Fork where it is safe (Linux, no other thread to copy mid-lock): it starts in
    milliseconds where spawning re-imports Narrator in every process (~0.5 s)."""
    safe_to_fork = sys.platform.startswith("linux") and threading.active_count() == 1
    return get_context("fork" if safe_to_fork else "spawn")


def timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{rest:06.3f}"


def write_playlist(folder: Path, exported: Sequence[Exported], title: str = "") -> None:
    lines = ["#EXTM3U"] + ([f"#PLAYLIST:{' '.join(title.split())}"] if title.strip() else [])
    for item in exported:
        lines += [f"#EXTINF:{round(item.seconds)},{item.track.title}", item.track.path.name]
    (folder / PLAYLIST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_chapters(folder: Path, exported: Sequence[Exported]) -> None:
    lines, start = [], 0.0
    for item in exported:
        lines.append(f"{timestamp(start)}\t{item.track.title}")
        start += item.seconds
    (folder / CHAPTERS).write_text("\n".join(lines) + "\n", encoding="utf-8")


def export_script(
    script: Script,
    folder: Path,
    audio_format: str = "wav",
    voice: VoiceSettings = VoiceSettings(),  # noqa: B008 - frozen, so sharing is safe
    progress: Progress = lambda done, total: None,
    workers: int | None = None,
    title: str = "",
) -> list[Exported]:
    """Write the script's sections, playlist (named ``title``) and chapters into ``folder``."""
    check_format(audio_format)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NarratorError(f"{folder}: cannot create the folder: {error.strerror}") from None
    exported = render_all(tracks(script, folder, audio_format), voice, progress, workers)
    write_playlist(folder, exported, title)
    write_chapters(folder, exported)
    return exported
