"""Keeps tracebacks out of the terminal and in a file a developer can ask for."""

from __future__ import annotations

import io
import threading
import traceback
from pathlib import Path

from narrator.controls import visible


def record(error: BaseException) -> Path:
    """Append the traceback of ``error`` to the crash log and return the log's path."""
    return _append("".join(traceback.format_exception(error)))


def _append(text: str) -> Path:
    # Imported only when there is a crash to write: every start sets the hooks up
    # before the synthesizer is spawned, and platformdirs would cost it 10 ms.
    from platformdirs import user_state_path

    log = user_state_path("narrator") / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError:
        return Path("(crash log could not be written)")
    return log


class CrashStream(io.TextIOBase):
    """Where a full-screen app's error report goes instead of the terminal.

    Textual prints the traceback of an unhandled error to its ``error_console``
    as it shuts down; pointed at this stream, it lands in the crash log, and
    ``line()`` is the one line the listener is told.
    """

    def __init__(self) -> None:
        self._text: list[str] = []
        self.log: Path | None = None

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._text.append(text)
        self.log = _append(text)
        return len(text)

    def line(self) -> str | None:
        """``narrator: internal error: …`` after a crash was written, else None.

        The last line of a traceback is the error itself ("ValueError: boom"),
        which is what says most in one line.
        """
        if self.log is None:
            return None
        lines = [line.strip() for line in "".join(self._text).splitlines() if line.strip()]
        error = lines[-1].partition(": ")[2] if lines else ""
        said = f": {visible(error)}" if error else ""
        return f"narrator: internal error{said} (details in {self.log})"


def record_thread_errors() -> None:
    """Send errors raised in background threads to the crash log.

    Python's default prints them on stderr, which would scribble over the
    full-screen app; speech and the UI carry on either way.
    """

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            record(args.exc_value)

    threading.excepthook = hook
