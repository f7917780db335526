"""``narrator export``: audio per section, playlist and chapters, with real synthesis."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path

import pytest

from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.speech import export_runs
from narrator.speech.engines.base import Engine
from narrator.speech.export import export_script, timestamp
from narrator.speech.export_formats import ExportOptions, Format, check_format
from narrator.speech.export_tracks import Exported
from narrator.speech.script import Script, build_script

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(REFERENCE)


@pytest.fixture(scope="module")
def script(article: Article) -> Script:
    return build_script(article)


def exported_wav(
    script: Script, folder: Path, article: Article, **options: object
) -> list[Exported]:
    return export_script(script, folder, article=article, **options)  # type: ignore[arg-type]


def seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def test_every_section_gets_a_file_and_the_chapters_add_up(
    script: Script, article: Article, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []
    progress = lambda d, t: calls.append((d, t))  # noqa: E731
    exported = exported_wav(script, tmp_path / "out", article, progress=progress)
    folder = tmp_path / "out"
    names = [item.track.path.name for item in exported]
    assert (
        names[0] == "01-fundamentals.wav"
        and names[-1] == f"{len(script.sections):02d}-glossary.wav"
    )
    assert len(names) == len(script.sections)
    durations = [seconds(folder / name) for name in names]
    assert all(d > 1.0 for d in durations)
    runs = calls[0][1]  # the long sections are cut into runs of sentences
    assert calls[0] == (0, runs) and calls[-1] == (runs, runs) and runs > len(names)
    playlist = (folder / "playlist.m3u").read_text().splitlines()
    assert playlist[:2] == ["#EXTM3U", f"#PLAYLIST:{article.title}"]
    assert playlist[3::2] == names
    assert playlist[2] == f"#EXTINF:{round(durations[0])},Fundamentals"
    chapters = [line.split("\t") for line in (folder / "chapters.txt").read_text().splitlines()]
    assert [title for _, title in chapters] == [s.title for s in script.sections]
    assert chapters[0][0] == "0:00:00.000"
    assert chapters[-1][0] == timestamp(sum(durations[:-1]))


def test_timestamps_read_as_hours_minutes_seconds() -> None:
    assert timestamp(3725.5) == "1:02:05.500"


def test_flac_holds_the_same_audio_as_wav(script: Script, article: Article, tmp_path: Path) -> None:
    soundfile = pytest.importorskip("soundfile")
    small = Script(script.utterances, script.sections[:1])
    wav = exported_wav(small, tmp_path / "wav", article, workers=1)
    flac_format = ExportOptions(Format.FLAC)
    flac = exported_wav(small, tmp_path / "flac", article, options=flac_format, workers=1)
    with soundfile.SoundFile(flac[0].track.path) as file:
        assert file.format == "FLAC" and file.samplerate == 22050
        assert abs(file.frames / 22050 - wav[0].seconds) < 0.05


def test_flac_without_soundfile_is_refused_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "soundfile", None)
    with pytest.raises(NarratorError, match="pip install soundfile"):
        check_format(Format.FLAC, None, False)


def test_an_unwritable_folder_is_one_line(script: Script, article: Article, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(NarratorError, match="cannot create the folder"):
        exported_wav(script, tmp_path / "file" / "out", article)


def test_the_command_prints_a_summary_and_no_progress_when_piped(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "narrator", "export", str(REFERENCE), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.fullmatch(r"Wrote \d+ sections \(0:\d\d:\d\d\.\d{3}\) to .*\n", result.stdout)
    playlist = (tmp_path / "playlist.m3u").read_text().splitlines()
    assert playlist[:2] == ["#EXTM3U", f"#PLAYLIST:{load_article(REFERENCE).title}"]


SMALL = """\
id: small
title: Small
sections:
  - id: one
    title: One
    blocks:
      - paragraph: "Have you ever felt a subtle shift in your well-being? Estrogen matters."
      - list: ["A first item.", "A second item."]
  - id: two
    title: Two
    blocks:
      - paragraph: "Take 1 mg twice a week, then rest 3-4 days."
"""


def test_the_same_article_gives_byte_identical_files(tmp_path: Path) -> None:
    """espeak-ng carries state between texts; a process per section keeps it out."""
    article = tmp_path / "small.yaml"
    article.write_text(SMALL)
    loaded = load_article(article)
    small = build_script(loaded)
    first, second = tmp_path / "first", tmp_path / "second"
    exported_wav(small, first, loaded, workers=1)
    exported_wav(small, second, loaded, workers=2)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert len(names) == 5  # two sections, the playlist, the chapters, the export's record
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_reference_article_exports_identically_with_one_process_or_two(
    script: Script, article: Article, tmp_path: Path
) -> None:
    """Its long sections are cut into runs of sentences, the same whatever the workers."""
    first = exported_wav(script, tmp_path / "first", article, workers=1)
    second = exported_wav(script, tmp_path / "second", article, workers=2)
    assert [e.seconds for e in first] == [e.seconds for e in second]
    for one, other in zip(first, second, strict=True):
        assert one.track.path.read_bytes() == other.track.path.read_bytes(), one.track.path.name


def test_ctrl_c_stops_the_export_in_one_line_and_leaves_the_folder_as_it_was(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("the listener's own file")
    export = subprocess.Popen(
        [sys.executable, "-m", "narrator", "export", str(REFERENCE), "--out", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches the whole group, the section processes too
    )
    deadline = time.monotonic() + 60  # past start-up, into the synthesis
    while not list(folder.glob(".narrator-export-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    os.killpg(export.pid, signal.SIGINT)
    out, err = export.communicate(timeout=60)
    assert export.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err == f"narrator: export interrupted; {folder} is as it was\n"
    assert out == ""
    assert [path.name for path in folder.iterdir()] == ["mine.txt"]


def _crashing_engine() -> Engine:
    os.kill(os.getpid(), signal.SIGSEGV)
    raise AssertionError("unreachable: the process is gone")


def _refusing_engine() -> Engine:
    raise NarratorError("unknown voice 'xx' (see: narrator voices)")


@pytest.mark.parametrize(
    ("engine", "message"),
    [
        (_crashing_engine, "the speech engine crashed while exporting"),
        (_refusing_engine, "unknown voice 'xx' (see: narrator voices)"),
    ],
)
def test_a_failing_engine_is_one_line_and_leaves_no_section_behind(
    engine: Callable[[], Engine], message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(export_runs, "make_engine", engine)
    monkeypatch.setattr(export_runs, "process_context", lambda: get_context("fork"))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("the listener's own file")
    article = tmp_path / "small.yaml"
    article.write_text(SMALL)
    loaded = load_article(article)
    with pytest.raises(NarratorError) as raised:
        exported_wav(build_script(loaded), folder, loaded, workers=2)
    assert str(raised.value) == message
    assert [path.name for path in folder.iterdir()] == ["mine.txt"]


def test_no_process_is_forked_from_one_whose_engine_has_started() -> None:
    """A fork would inherit espeak-ng's state, pointing into memory Python has reused:
    the export's processes crashed ("Invalid instruction for phoneme") when a test
    before had started the engine in the same process."""
    from narrator.speech.engines.espeak import EspeakEngine, started_in_this_process
    from narrator.speech.export_runs import process_context

    EspeakEngine()
    assert started_in_this_process()
    assert process_context().get_start_method() == "spawn"
