"""Captions of an exported audio file: WebVTT or SubRip, one cue per utterance.

A listener who reads instead of hearing gets what the voice says, when it says
it: each cue is an utterance's spoken text, from the sample it starts at to
the one the next begins at, so cues follow each other with no gap and no
overlap. With ``words`` each word of a WebVTT cue gets a timestamp tag at the
sample the voice starts saying it, as karaoke-style players highlight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from narrator.speech.audio import SAMPLE_RATE
from narrator.speech.export_formats import Captions
from narrator.speech.export_runs import Timed

# SubRip has no escapes: a "-->" in a cue's text would read as its timing line.
ARROW = "\u2192"


@dataclass(frozen=True)
class Cue:
    start: int  # samples from the start of the file
    end: int
    timed: Timed


def cues(placed: Sequence[tuple[int, Timed]]) -> list[Cue]:
    """A cue per utterance that has sound; ``placed`` pairs each with the sample its
    track starts at in the file."""
    return [
        Cue(offset + timed.start, offset + timed.end, timed)
        for offset, timed in placed
        if timed.end > timed.start
    ]


def clock(samples: int, separator: str = ".") -> str:
    """``HH:MM:SS.mmm`` (SubRip: a comma before the milliseconds)."""
    millis = round(samples * 1000 / SAMPLE_RATE)
    seconds, millis = divmod(millis, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    """A cue's text may not hold a blank line: it would end the cue."""
    return " ".join(text.split())


def _timed_words(cue: Cue) -> str:
    """The cue's spoken text with a timestamp tag before every word but the first,
    each later than the one before and inside the cue, as WebVTT requires."""
    spoken = cue.timed.utterance.spoken
    pieces, at, last = [], 0, cue.start
    for mark in cue.timed.words:
        when = cue.start + mark.sample
        if mark.start <= at or mark.start >= len(spoken) or not last < when < cue.end:
            continue
        pieces += [escape(spoken[at : mark.start]), f"<{clock(when)}>"]
        at, last = mark.start, when
    pieces.append(escape(spoken[at:]))
    return _one_line("".join(pieces))


def webvtt(found: Sequence[Cue], words: bool = False) -> str:
    blocks = ["WEBVTT"]
    for number, cue in enumerate(found, start=1):
        text = _timed_words(cue) if words else escape(_one_line(cue.timed.utterance.spoken))
        blocks.append(f"{number}\n{clock(cue.start)} --> {clock(cue.end)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def subrip(found: Sequence[Cue]) -> str:
    blocks = [
        f"{number}\n{clock(cue.start, ',')} --> {clock(cue.end, ',')}\n"
        f"{_one_line(cue.timed.utterance.spoken).replace('-->', ARROW)}"
        for number, cue in enumerate(found, start=1)
    ]
    return "\n\n".join(blocks) + "\n"


def caption_file(kind: Captions, placed: Sequence[tuple[int, Timed]], words: bool) -> str:
    """The text of a caption file of ``kind`` for the utterances ``placed`` in one file."""
    found = cues(placed)
    return webvtt(found, words) if kind is Captions.VTT else subrip(found)
