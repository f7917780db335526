"""Keeps tracebacks out of the terminal and in a file a developer can ask for."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from platformdirs import user_state_path


def record(error: BaseException) -> Path:
    """Append the traceback of ``error`` to the crash log and return the log's path."""
    log = user_state_path("narrator") / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as stream:
            stream.write("".join(traceback.format_exception(error)))
    except OSError:
        return Path("(crash log could not be written)")
    return log


def record_thread_errors() -> None:
    """Send errors raised in background threads to the crash log.

    Python's default prints them on stderr, which would scribble over the
    full-screen app; speech and the UI carry on either way.
    """

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            record(args.exc_value)

    threading.excepthook = hook
