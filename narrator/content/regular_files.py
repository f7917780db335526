"""Reading a file Narrator was pointed at, refusing anything that is not a regular file.

A named pipe opened for reading waits for a writer that may never come, a
device such as /dev/urandom never ends, and a socket cannot be opened at all;
an article, settings, lexicon or reading-state path that is one of them must
be a one-line refusal, never a hang. The path is looked at before it is opened
(opening some devices has effects of its own), then opened without blocking
and looked at again, so swapping the file in between changes nothing.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class NotRegularFile(OSError):
    """``path`` names something other than a file of bytes on disk."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})")
        self.kind = kind


def kind_of(mode: int) -> str | None:
    """What a path with this ``st_mode`` is, in words, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


class TooLarge(ValueError):
    """The file holds more than the caller takes; ``size`` is how much (in bytes)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"the file is {size} bytes")
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; NotRegularFile for anything else,
    TooLarge (before reading) past ``limit`` bytes, OSError as usual."""
    refused = kind_of(os.stat(path).st_mode)
    if refused:
        raise NotRegularFile(refused)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        refused = kind_of(status.st_mode)
        if refused:
            raise NotRegularFile(refused)
        if status.st_size > limit:
            raise TooLarge(status.st_size)
        data = file.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise TooLarge(len(data))
    return data
