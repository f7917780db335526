"""Writes an article as audio: a file per section, an audiobook, a talking book, captions.

Every format comes from one voicing of the article (``export_runs``): the
audio of each section and the sample at which each utterance and word starts
in it. So the EPUB's overlays, the chapters of the M4B and MP3, the captions
and ``chapters.txt`` all agree with what is heard, to the sample.

- ``wav``/``flac``: ``NN-section-id.wav`` per section in reading order (a
  section's subsections get files of their own), ``playlist.m3u`` (extended
  M3U: the article's title, then each section's title and duration);
- ``epub``: ``article-id.epub``, EPUB 3 with Media Overlays (``epub``);
- ``m4b``: ``article-id.m4b``, one AAC file with a chapter per section;
- ``mp3``: ``article-id.mp3``, one file with ID3 chapters (CHAP and CTOC).

Every format also gets ``chapters.txt``: one line per section,
``H:MM:SS.mmm<TAB>title``, the time at which it starts when the audio is
played from the beginning. ``--captions`` adds a WebVTT or SubRip file beside
each audio file. The same article and settings always give the same bytes.
"""

from __future__ import annotations

import json
import wave
from collections.abc import Sequence
from pathlib import Path

from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.captions import caption_file
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.export_folder import ExportFolder
from narrator.speech.export_formats import Captions, ExportOptions, Format, check_format
from narrator.speech.export_runs import Progress, Timed, Voiced, voice_tracks
from narrator.speech.export_tracks import Exported, Track, tracks
from narrator.speech.script import Script
from narrator.speech.settings import VoiceSettings
from narrator.speech.speechlog import event_record

PLAYLIST = "playlist.m3u"
CHAPTERS = "chapters.txt"


def book_name(article: Article, audio_format: Format) -> str:
    return f"{article.id}.{audio_format.value}"


def caption_name(audio_name: str, captions: Captions) -> str:
    """The captions of ``audio_name`` beside it: ``01-intro.wav`` has ``01-intro.vtt``."""
    return f"{Path(audio_name).stem}.{captions.value}"


def planned_names(
    article: Article, plan: Sequence[Track], options: ExportOptions
) -> tuple[list[str], list[str]]:
    """The audio files this export writes, and every file it writes (the audio first)."""
    if options.audio_format.per_section:
        audio = [track.path.name for track in plan]
        extra = [PLAYLIST, CHAPTERS]
    else:
        audio = [book_name(article, options.audio_format)]
        extra = [CHAPTERS]
    if options.captions is not None:
        extra = [caption_name(name, options.captions) for name in audio] + extra
    return audio, audio + extra


def write_audio(path: Path, parts: Sequence[bytes]) -> None:
    """16-bit mono PCM, in ``parts``, to a WAV or FLAC file, chosen by the suffix."""
    if path.suffix == ".flac":
        import soundfile

        with soundfile.SoundFile(
            path, "w", SAMPLE_RATE, 1, format="FLAC", subtype="PCM_16"
        ) as file:
            for pcm in parts:
                file.buffer_write(pcm, dtype="int16")
        return
    with path.open("wb") as stream, wave.open(stream, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(SAMPLE_BYTES)
        file.setframerate(SAMPLE_RATE)
        for pcm in parts:
            file.writeframesraw(pcm)


def timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{rest:06.3f}"


def playlist_text(exported: Sequence[Exported], title: str = "") -> str:
    lines = ["#EXTM3U"] + ([f"#PLAYLIST:{' '.join(title.split())}"] if title.strip() else [])
    for item in exported:
        lines += [f"#EXTINF:{round(item.seconds)},{item.track.title}", item.track.path.name]
    return "\n".join(lines) + "\n"


def chapter_starts(exported: Sequence[Exported]) -> list[int]:
    """The sample at which each track starts when they are played one after the other."""
    starts, sample = [], 0
    for item in exported:
        starts.append(sample)
        sample += item.voiced.samples
    return starts


def chapters_text(exported: Sequence[Exported]) -> str:
    starts = chapter_starts(exported)
    lines = [
        f"{timestamp(start / SAMPLE_RATE)}\t{item.track.title}"
        for start, item in zip(starts, exported, strict=True)
    ]
    return "\n".join(lines) + "\n"


def speech_log_text(exported: Sequence[Exported]) -> str:
    """The export as the speech log records a reading (``narrator.speech.speechlog``):
    each utterance started, its words and finished, at its time in the audio played
    from the beginning."""
    lines = []
    for start, item in zip(chapter_starts(exported), exported, strict=True):
        for timed in item.voiced.timed:
            at = start + timed.start
            events = [SpeechEvent(SpeechEventKind.STARTED, timed.utterance, at / SAMPLE_RATE)]
            events += [
                SpeechEvent(
                    SpeechEventKind.WORD,
                    timed.utterance,
                    (at + word.sample) / SAMPLE_RATE,
                    word.start,
                    word.length,
                )
                for word in timed.words
            ]
            end = (start + timed.end) / SAMPLE_RATE
            events.append(SpeechEvent(SpeechEventKind.FINISHED, timed.utterance, end))
            lines += [json.dumps(event_record(e, 0.0), ensure_ascii=False) for e in events]
    return "".join(line + "\n" for line in lines)


def _placed(exported: Sequence[Exported], whole: bool) -> list[list[tuple[int, Timed]]]:
    """The utterances of each audio file with their track's start in it: one file
    per track, or (``whole``) one file for them all."""
    if not whole:
        return [[(0, timed) for timed in item.voiced.timed] for item in exported]
    starts = chapter_starts(exported)
    return [
        [
            (start, timed)
            for start, item in zip(starts, exported, strict=True)
            for timed in item.voiced.timed
        ]
    ]


class _Steps:
    """Progress over the whole export: the runs synthesized, then each file encoded
    (a bar that stopped at its end while a book is encoded would say nothing)."""

    def __init__(self, progress: Progress, encodings: int) -> None:
        self._progress = progress
        self._encodings = encodings
        self._runs = 0
        self._encoded = 0

    def synthesized(self, done: int, total: int) -> None:
        self._runs = total
        self._progress(done, total + self._encodings)

    def encoded(self, _: object = None) -> None:
        self._encoded += 1
        self._progress(self._runs + self._encoded, self._runs + self._encodings)


def _encodings(plan: Sequence[Track], audio_format: Format) -> int:
    """How many files are encoded once the voice is done: one per top-level section
    for an EPUB, the one file of an audiobook, none for files per section."""
    if audio_format is Format.EPUB:
        return sum(1 for track in plan if track.section.parent is None)
    return 0 if audio_format.per_section else 1


def _write_books(
    article: Article,
    script: Script,
    exported: Sequence[Exported],
    folder: ExportFolder,
    options: ExportOptions,
    steps: _Steps,
    workers: int | None,
) -> None:
    """What is written once every track is voiced: the playlist of the files per
    section (written as each was ready), or the one file of a book format."""
    audio_format = options.audio_format
    if audio_format.per_section:
        folder.path(PLAYLIST).write_text(playlist_text(exported, article.title), "utf-8")
        return
    path = folder.path(book_name(article, audio_format))
    if audio_format is Format.EPUB:
        from narrator.speech.epub import write_epub

        write_epub(path, article, script, exported, steps.encoded, workers)
        return
    if audio_format is Format.M4B:
        from narrator.speech.audiobook import write_m4b

        write_m4b(path, article, exported)
    else:
        from narrator.speech.audiobook import write_mp3

        write_mp3(path, article, exported)
    steps.encoded()


def export_script(
    script: Script,
    folder: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    article: Article,
    voice: VoiceSettings = VoiceSettings(),  # noqa: B008 - frozen, so sharing is safe
    progress: Progress = lambda done, total: None,
    workers: int | None = None,
) -> list[Exported]:
    """Write ``script`` (of ``article``) into ``folder`` as ``options`` ask, synthesized
    by ``workers`` processes at a time (default: every core); ``progress(done, total)``
    counts the runs of sentences synthesized and then the files encoded. All or
    nothing: on a failure or Ctrl-C the folder is left as it was."""
    check_format(options.audio_format, options.captions, options.words)
    plan = tracks(script, folder, options.audio_format)
    audio_names, names = planned_names(article, plan, options)
    target = ExportFolder(folder, article.id, names, options.force)
    try:

        def ready(number: int, voiced: Voiced) -> None:
            if options.audio_format.per_section:
                write_audio(target.path(plan[number].path.name), voiced.parts)

        steps = _Steps(progress, _encodings(plan, options.audio_format))
        said = [track.utterances for track in plan]
        voiced = voice_tracks(said, voice, steps.synthesized, workers, ready)
        exported = [Exported(t, v) for t, v in zip(plan, voiced, strict=True)]
        _write_books(article, script, exported, target, options, steps, workers)
        if options.captions is not None:
            whole = not options.audio_format.per_section
            for name, placed in zip(audio_names, _placed(exported, whole), strict=True):
                text = caption_file(options.captions, placed, options.words)
                target.path(caption_name(name, options.captions)).write_text(text, "utf-8")
        target.path(CHAPTERS).write_text(chapters_text(exported), "utf-8")
        target.commit()
    except OSError as error:
        target.discard()
        raise NarratorError(f"{folder}: cannot write: {error.strerror or error}") from None
    except BaseException:
        target.discard()
        raise
    if options.speech_log is not None:
        _write_speech_log(options.speech_log, exported)
    return exported


def _write_speech_log(path: Path, exported: Sequence[Exported]) -> None:
    try:
        path.write_text(speech_log_text(exported), encoding="utf-8")
    except OSError as error:
        raise NarratorError(f"{path}: cannot write the speech log: {error.strerror}") from None
