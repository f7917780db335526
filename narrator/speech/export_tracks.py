"""What an export is made of: a track per section, and each track as it was voiced.

Every writer (the files per section, the EPUB, the audiobooks, the captions)
takes these, so they live apart from the export that drives the writers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narrator.speech.export_formats import Format
from narrator.speech.export_runs import Voiced
from narrator.speech.script import Script, ScriptSection
from narrator.speech.utterance import Utterance


@dataclass(frozen=True)
class Track:
    """One section's audio: what it says and the file it goes to (for the formats
    with a file per section)."""

    number: int
    section: ScriptSection
    utterances: tuple[Utterance, ...]
    path: Path

    @property
    def title(self) -> str:
        return self.section.title


@dataclass(frozen=True)
class Exported:
    track: Track
    voiced: Voiced

    @property
    def seconds(self) -> float:
        return self.voiced.seconds


def tracks(script: Script, folder: Path, audio_format: Format = Format.WAV) -> list[Track]:
    """A track per section in reading order, with the utterances that are its own.

    A section's subsections get tracks of their own, so its track holds only
    the utterances placed in it.
    """
    found = []
    for number, section in enumerate(script.sections, start=1):
        own = tuple(
            u
            for u in script.utterances[section.start : section.end]
            if u.place is not None and u.place.section == section.id
        )
        name = f"{number:02d}-{section.id}.{audio_format.value}"
        found.append(Track(number, section, own, folder / name))
    return found
