"""Where the voice goes besides the sound card: the options every speaking command takes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from narrator.errors import NarratorError


@dataclass(frozen=True)
class SpeechOutput:
    """Where the voice goes besides the sound card (``--audio-out``, ``--speech-log``,
    ``--no-audio``)."""

    audio_out: Path | None = None
    speech_log: Path | None = None
    null_audio: bool = False

    def check_writable(self) -> None:
        """Both output files can be created or replaced; else the user's one-line error.

        Checked before anything is said or shown: the speaker would otherwise fail
        after the listener has already heard nothing.
        """
        for path in (self.audio_out, self.speech_log):
            if path is not None:
                _check_writable(path)


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"no folder {folder}"
    elif not os.access(folder, os.W_OK | os.X_OK) or (
        path.exists() and not os.access(path, os.W_OK)
    ):
        problem = "permission denied"
    else:
        return
    raise NarratorError(f"{path}: cannot write: {problem}")
