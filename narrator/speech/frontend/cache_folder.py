"""What the front end keeps between runs, in the user's cache folder.

Everything kept there can be made again from the rules, so it is only ever a
shortcut: a file that is missing, not a regular file, too large or unreadable
reads as absent, and one that cannot be written costs only time.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from platformdirs import user_cache_path


def cache_path(*parts: str) -> Path:
    """Where ``parts`` is kept in Narrator's cache folder."""
    return user_cache_path("narrator").joinpath(*parts)


def read_kept(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, or ``None`` if it cannot serve as a cache file."""
    try:
        # O_NONBLOCK: a FIFO put in the cache's place must not hang the start-up.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
            return None
        chunks = []
        while chunk := os.read(descriptor, max_bytes + 1 - sum(map(len, chunks))):
            chunks.append(chunk)
        data = b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= max_bytes else None


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (another run may be reading it)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
