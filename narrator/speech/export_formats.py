"""What ``narrator export`` can write, and what each format needs installed.

The formats that carry a whole article in one package (EPUB, M4B, MP3) need
encoders that a plain install leaves out; they come with the ``books`` extra,
and asking for one without it is refused before any work, naming the extra.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from narrator.errors import NarratorError
from narrator.nearest import nearest

BOOKS_EXTRA = "pip install 'narrator[books]'"


class Format(str, Enum):
    WAV = "wav"
    FLAC = "flac"
    EPUB = "epub"
    M4B = "m4b"
    MP3 = "mp3"

    @property
    def per_section(self) -> bool:
        """One audio file per section (and a playlist), rather than one file for all."""
        return self in (Format.WAV, Format.FLAC)

    @property
    def modules(self) -> tuple[tuple[str, str], ...]:
        """The modules this format is written with, and how to install them."""
        return _NEEDS[self]


class Captions(str, Enum):
    VTT = "vtt"
    SRT = "srt"


@dataclass(frozen=True)
class ExportOptions:
    """What to write: the format, captions beside it (``words``: timed word by word),
    whether the user's own files may be replaced, and where the speech log goes."""

    audio_format: Format = Format.WAV
    captions: Captions | None = None
    words: bool = False
    force: bool = False
    speech_log: Path | None = None


_NEEDS: dict[Format, tuple[tuple[str, str], ...]] = {
    Format.WAV: (),
    Format.FLAC: (("soundfile", "pip install soundfile"),),
    Format.EPUB: (("av", BOOKS_EXTRA), ("lxml", BOOKS_EXTRA)),
    Format.M4B: (("av", BOOKS_EXTRA),),
    Format.MP3: (("lameenc", BOOKS_EXTRA), ("mutagen", BOOKS_EXTRA)),
}


def named(
    text: str, choices: type[Format] | type[Captions], kind: str = "format"
) -> Format | Captions:
    """The format (or captions, ``kind``) called ``text``; an unknown name is refused
    with the nearest one."""
    values = [choice.value for choice in choices]
    wanted = text.strip().lower().lstrip(".")
    if wanted in values:
        return choices(wanted)
    guess = nearest(wanted, values, cutoff=0.4)
    hint = f"did you mean {guess}? " if guess else ""
    raise NarratorError(f"unknown {kind} {text!r} ({hint}choose from {', '.join(values)})")


def check_format(audio_format: Format, captions: Captions | None, words: bool) -> None:
    """Refuse before any work what cannot be written here, or makes no sense together."""
    for module, install in audio_format.modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise NarratorError(
                f"--format {audio_format.value} needs the {module} package: {install}"
            ) from None
    if captions is not None and audio_format is Format.EPUB:
        raise NarratorError(
            "an EPUB carries its own text in sync with the audio; "
            "--captions goes with wav, flac, m4b or mp3"
        )
    if words and captions is not Captions.VTT:
        raise NarratorError("--words times each word in WebVTT captions: add --captions vtt")
