"""``narrator say`` and ``narrator voices`` from the command line, with real synthesis."""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest


def narrator(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_say_speaks_each_sentence_and_records_it(tmp_path: Path) -> None:
    log, recording = tmp_path / "log.jsonl", tmp_path / "out.wav"
    result = narrator(
        "say", "Take 1 mg.", "Then rest 3-4 days.", "--no-audio",
        "--speech-log", str(log), "--audio-out", str(recording),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    events = [json.loads(line) for line in log.read_text().splitlines()]
    finished = [e["text"] for e in events if e["event"] == "finished"]
    assert finished == ["Take 1 mg.", "Then rest 3-4 days."]
    assert "three to four" in events[-1]["spoken"]
    with wave.open(str(recording)) as played:
        seconds = played.getnframes() / played.getframerate()
    assert abs(seconds - (events[-1]["time"] - events[0]["time"])) < 0.1


def test_say_without_an_engine_is_one_line_then_the_text_and_fails(tmp_path: Path) -> None:
    result = narrator(
        "say", "Hello there.", "Second one.", "--no-audio",
        env={"NARRATOR_ESPEAK": str(tmp_path / "x.so")},
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("narrator: Speech is unavailable: espeak-ng")
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == ["Hello there.", "Second one."]


def test_a_recording_into_a_missing_folder_is_exactly_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.wav"
    result = narrator("say", "Hello.", "--no-audio", "--audio-out", str(target))
    assert result.returncode == 1
    assert result.stderr == f"narrator: {target}: cannot write: No such file or directory\n"


def test_voices_are_listed_as_a_table() -> None:
    result = narrator("voices")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["ID", "NAME", "LANGUAGES"]
    assert any(row.split()[0] == "gmw/en-US" and row.endswith("en-us") for row in rows)


def test_voices_without_an_engine_is_one_line(tmp_path: Path) -> None:
    result = narrator("voices", env={"NARRATOR_ESPEAK": str(tmp_path / "x.so")})
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "espeak-ng could not be loaded" in result.stderr


def test_an_unwritable_speech_log_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "log.jsonl"
    result = narrator("say", "Hello.", "--no-audio", "--speech-log", str(target))
    assert result.returncode == 1
    assert result.stderr == f"narrator: {target}: cannot write: No such file or directory\n"


@pytest.mark.skipif(
    ctypes.util.find_library("espeak-ng") is not None, reason="this machine has espeak-ng"
)
def test_asking_for_a_missing_system_espeak_says_how_to_go_back() -> None:
    result = narrator("say", "Hello.", "--no-audio", env={"NARRATOR_ESPEAK": "system"})
    assert result.returncode == 1
    assert "no system espeak-ng was found" in result.stderr
    assert len(result.stderr.splitlines()) == 1
