"""Audio output: the null-device fallback, a quiet stderr, and the WAV recording."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from narrator.speech import audio
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.speaker import NO_DEVICE_NOTICE, Speaker


def test_stderr_silenced_swallows_what_c_code_writes(capfd: pytest.CaptureFixture[str]) -> None:
    with audio.stderr_silenced():
        os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"


def test_without_a_sound_card_nothing_reaches_the_terminal() -> None:
    """In a fresh process (ALSA prints on first use): open, play, close."""
    code = (
        "from narrator.speech.audio import OutputDevice\n"
        "device = OutputDevice()\n"
        "def silence():\n"
        "    frames = yield b''\n"
        "    while True:\n"
        "        frames = yield bytes(2 * frames)\n"
        "device.start(silence())\n"
        "device.close()\n"
        "print('silent' if device.silent else 'sound')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.strip() in ("silent", "sound")


def test_no_device_falls_back_to_null_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_open = audio._open_device
    monkeypatch.setattr(audio, "_open_device", lambda b: real_open(b) if b else None)
    events: list[SpeechEvent] = []
    with Speaker(on_event=events.append) as speaker:
        assert speaker._device.silent
    notices = [e for e in events if e.kind is SpeechEventKind.NOTICE]
    assert [e.message for e in notices] == [NO_DEVICE_NOTICE]


def test_forced_null_audio_plays_without_a_notice() -> None:
    events: list[SpeechEvent] = []
    with Speaker(on_event=events.append, null_audio=True) as speaker:
        assert speaker._device.silent
    assert events == []


def test_the_recorder_writes_a_playable_wav(tmp_path: Path) -> None:
    recorder = audio.WavRecorder(tmp_path / "out.wav")
    recorder.record(b"\x01\x00" * 2205)
    recorder.record(b"\x02\x00" * 2205)
    recorder.close()
    with wave.open(str(tmp_path / "out.wav")) as recording:
        assert recording.getframerate() == audio.SAMPLE_RATE
        assert recording.getnchannels() == 1 and recording.getsampwidth() == 2
        assert recording.readframes(4410) == b"\x01\x00" * 2205 + b"\x02\x00" * 2205


_DEFERRED = """
import sys
from narrator.speech import audio
loaded_early = "http.client" in sys.modules
import urllib.request
from urllib import request
print(loaded_early, audio.miniaudio.urllib.request.Request("http://radio").full_url,
      request is urllib.request, "http.client" in sys.modules)
"""


def test_what_only_internet_radio_needs_is_loaded_when_first_used() -> None:
    """miniaudio's ``urllib.request`` (http, ssl) is not loaded before the first word,
    and is the real module wherever it is used."""
    result = subprocess.run(
        [sys.executable, "-c", _DEFERRED], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "http://radio", "True", "True"]
