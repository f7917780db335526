"""Writes an article as audio files: one per section, a playlist and a chapter list.

Sections are synthesized in a pool of processes, one per core, largest first
so the cores finish together; each process writes its own files, so only
durations travel back. A crash in the engine breaks the pool, never Narrator.

The folder gets ``NN-section-id.wav`` (or ``.flac``) in reading order,
``playlist.m3u`` (extended M3U, with each title and duration) and
``chapters.txt``: one line per section, ``H:MM:SS.mmm<TAB>title``, the time at
which it starts when the files are played one after the other.
"""

from __future__ import annotations

import os
import sys
import threading
import wave
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from narrator.content.errors import NarratorError
from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.engine import Engine, WordMark, make_engine
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


_engine: Engine | None = None


def render(track: Track, voice: VoiceSettings) -> Exported:
    """Synthesize ``track`` utterance by utterance and write its file (in a pool process)."""
    global _engine
    if _engine is None:
        _engine = make_engine()
    pcm = bytearray()
    for text in track.texts:
        _engine.synthesize(text, voice, pcm.extend, _no_words)
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


def render_all(
    work: Sequence[Track], voice: VoiceSettings, progress: Progress, workers: int | None = None
) -> list[Exported]:
    """Render every track on every core; ``progress(done, total)`` after each."""
    largest_first = sorted(work, key=lambda t: -sum(len(text) for text in t.texts))
    done: list[Exported] = []
    progress(0, len(work))
    with ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1, mp_context=_process_context()
    ) as pool:
        futures: list[Future[Exported]] = [pool.submit(render, t, voice) for t in largest_first]
        try:
            for future in as_completed(futures):
                done.append(future.result())
                progress(len(done), len(work))
        except BrokenProcessPool:
            raise NarratorError("the speech engine crashed while exporting") from None
    return sorted(done, key=lambda e: e.track.number)


def _process_context() -> BaseContext:
    """Fork where it is safe (Linux, no other thread to copy mid-lock): it starts in
    milliseconds where spawning re-imports Narrator in every process (~0.5 s)."""
    safe_to_fork = sys.platform.startswith("linux") and threading.active_count() == 1
    return get_context("fork" if safe_to_fork else "spawn")


def timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{rest:06.3f}"


def write_playlist(folder: Path, exported: Sequence[Exported]) -> None:
    lines = ["#EXTM3U"]
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
) -> list[Exported]:
    """Write the script's sections, playlist and chapters into ``folder``."""
    check_format(audio_format)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NarratorError(f"{folder}: cannot create the folder: {error.strerror}") from None
    exported = render_all(tracks(script, folder, audio_format), voice, progress, workers)
    write_playlist(folder, exported)
    write_chapters(folder, exported)
    return exported
