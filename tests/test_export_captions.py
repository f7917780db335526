"""Captions of exported audio, built from timings made here (no synthesis): the cue
text a reader gets, and WebVTT's rules for word timestamps."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.errors import NarratorError
from narrator.speech import export_folder
from narrator.speech.captions import caption_file, clock
from narrator.speech.engines.base import WordMark
from narrator.speech.export_folder import ExportFolder
from narrator.speech.export_formats import Captions
from narrator.speech.export_runs import Timed
from narrator.speech.utterance import Place, Role, Utterance

RATE = 22050


def timed(spoken: str, start: float, end: float, words: list[tuple[float, int]]) -> Timed:
    utterance = Utterance(spoken, spoken, Place("s", 0, 0, 0), Role.PARAGRAPH)
    marks = tuple(WordMark(round(at * RATE), offset, 1) for at, offset in words)
    return Timed(utterance, round(start * RATE), round(end * RATE), marks)


def test_clock_values_are_milliseconds_in_both_styles() -> None:
    assert clock(RATE * 3725 + RATE // 2) == "01:02:05.500"
    assert clock(RATE * 61, ",") == "00:01:01,000"


def test_webvtt_words_keep_order_inside_the_cue_and_text_is_escaped() -> None:
    first = timed("Take 5 mg <daily> & rest --> then", 0.0, 2.0, [(0.0, 0), (0.5, 5), (0.4, 7)])
    second = timed("Second.", 2.0, 2.0, [])  # no sound: no cue
    third = timed("Last words here.", 2.0, 3.0, [(0.2, 5), (1.5, 11)])  # past the end: untagged
    text = caption_file(Captions.VTT, [(0, first), (0, second), (RATE, third)], words=True)
    assert text == (
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:02.000\n"
        "Take <00:00:00.500>5 mg &lt;daily&gt; &amp; rest --&gt; then\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\n"
        "Last <00:00:03.200>words here.\n"
    )


def test_subrip_cues_are_numbered_and_plain() -> None:
    cue = timed("One\n\ntwo --> three.", 0.25, 1.0, [])
    assert caption_file(Captions.SRT, [(0, cue)], words=False) == (
        "1\n00:00:00,250 --> 00:00:01,000\nOne two \u2192 three.\n"
    )


def test_a_folder_that_cannot_be_written_in_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(**_: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_folder.tempfile, "mkdtemp", refuse)
    with pytest.raises(NarratorError) as raised:
        ExportFolder(tmp_path / "new", "small", ["a.wav"], force=False)
    assert str(raised.value) == f"{tmp_path / 'new'}: cannot write in the folder: Permission denied"
    assert not (tmp_path / "new").exists()  # the folder it made is gone again
