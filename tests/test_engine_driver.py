"""pyttsx3's own driver path (SAPI5/NSSS elsewhere), exercised here through its espeak driver."""

from __future__ import annotations

import array
from pathlib import Path

import pytest

from narrator.speech.engines.base import EngineError, WordMark
from narrator.speech.engines.pyttsx3 import _wait_until_written
from narrator.speech.settings import VoiceSettings
from narrator.speech.worker import SynthesisWorker

TEXT = "Hello there, this sentence goes through pyttsx3 and a file."


@pytest.fixture
def worker(monkeypatch: pytest.MonkeyPatch) -> SynthesisWorker:
    monkeypatch.setenv("NARRATOR_ENGINE", "pyttsx3")
    return SynthesisWorker()


def synthesize(worker: SynthesisWorker, rate: int) -> tuple[array.array, list[WordMark]]:
    pcm = bytearray()
    words: list[WordMark] = []
    worker.synthesize(TEXT, VoiceSettings(rate=rate), pcm.extend, words.append)
    return array.array("h", bytes(pcm)), words


def test_the_driver_gives_audio_and_words_in_order(worker: SynthesisWorker) -> None:
    """(Rate is not checked: pyttsx3's espeak driver applies it asynchronously, racing
    the synthesis; SAPI5 and NSSS set it synchronously.)"""
    try:
        samples, words = synthesize(worker, 200)
    finally:
        worker.close()
    assert 1.5 < len(samples) / 22050 < 8
    assert max(samples) > 1000
    assert [TEXT[w.start : w.start + w.length] for w in words][:2] == ["Hello", "there"]
    assert [w.sample for w in words] == sorted(w.sample for w in words)
    assert words[-1].sample < len(samples)


def test_a_file_that_never_appears_is_an_engine_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="did not finish"):
        _wait_until_written(tmp_path / "never.wav", 0.3)
