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
from narrator.errors import NarratorError
from narrator.speech import export
from narrator.speech.engines.base import Engine
from narrator.speech.export import check_format, export_script, timestamp
from narrator.speech.script import Script, build_script

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


@pytest.fixture(scope="module")
def script() -> Script:
    return build_script(load_article(REFERENCE))


def seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def test_every_section_gets_a_file_and_the_chapters_add_up(script: Script, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    exported = export_script(script, tmp_path / "out", progress=lambda d, t: calls.append((d, t)))
    folder = tmp_path / "out"
    names = [item.track.path.name for item in exported]
    assert (
        names[0] == "01-fundamentals.wav"
        and names[-1] == f"{len(script.sections):02d}-glossary.wav"
    )
    assert len(names) == len(script.sections)
    durations = [seconds(folder / name) for name in names]
    assert all(d > 1.0 for d in durations)
    assert calls[0] == (0, len(names)) and calls[-1] == (len(names), len(names))
    playlist = (folder / "playlist.m3u").read_text().splitlines()
    assert playlist[0] == "#EXTM3U" and playlist[2::2] == names
    assert playlist[1] == f"#EXTINF:{round(durations[0])},Fundamentals"
    chapters = [line.split("\t") for line in (folder / "chapters.txt").read_text().splitlines()]
    assert [title for _, title in chapters] == [s.title for s in script.sections]
    assert chapters[0][0] == "0:00:00.000"
    assert chapters[-1][0] == timestamp(sum(durations[:-1]))


def test_timestamps_read_as_hours_minutes_seconds() -> None:
    assert timestamp(3725.5) == "1:02:05.500"


def test_flac_holds_the_same_audio_as_wav(script: Script, tmp_path: Path) -> None:
    soundfile = pytest.importorskip("soundfile")
    small = Script(script.utterances, script.sections[:1])
    wav = export_script(small, tmp_path / "wav", "wav", workers=1)
    flac = export_script(small, tmp_path / "flac", "flac", workers=1)
    with soundfile.SoundFile(flac[0].track.path) as file:
        assert file.format == "FLAC" and file.samplerate == 22050
        assert abs(file.frames / 22050 - wav[0].seconds) < 0.05


def test_flac_without_soundfile_is_refused_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "soundfile", None)
    with pytest.raises(NarratorError, match="pip install soundfile"):
        check_format("flac")


def test_an_unwritable_folder_is_one_line(script: Script, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(NarratorError, match="cannot create the folder"):
        export_script(script, tmp_path / "file" / "out")


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
    small = build_script(load_article(article))
    first, second = tmp_path / "first", tmp_path / "second"
    export_script(small, first, workers=1)
    export_script(small, second, workers=2)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert len(names) == 4
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_reference_article_exports_identically_twice(script: Script, tmp_path: Path) -> None:
    first = export_script(script, tmp_path / "first")
    second = export_script(script, tmp_path / "second")
    assert [e.seconds for e in first] == [e.seconds for e in second]
    for one, other in zip(first, second, strict=True):
        assert one.track.path.read_bytes() == other.track.path.read_bytes(), one.track.path.name


def test_ctrl_c_stops_the_export_in_one_line_and_removes_only_its_files(tmp_path: Path) -> None:
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
    time.sleep(1.0)  # past start-up, into the synthesis
    os.killpg(export.pid, signal.SIGINT)
    out, err = export.communicate(timeout=60)
    assert export.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err == f"narrator: export interrupted; removed the files it had written in {folder}\n"
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
    monkeypatch.setattr(export, "make_engine", engine)
    monkeypatch.setattr(export, "_process_context", lambda: get_context("fork"))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("the listener's own file")
    article = tmp_path / "small.yaml"
    article.write_text(SMALL)
    with pytest.raises(NarratorError) as raised:
        export_script(build_script(load_article(article)), folder, workers=2)
    assert str(raised.value) == message
    assert [path.name for path in folder.iterdir()] == ["mine.txt"]
