"""A child process forked from this one, with pipes for its input and output.

The synthesizer used to start as a fresh interpreter, and its start-up (Python
itself, its imports, the engine) cost some 60 ms of processor time in the
very milliseconds the reader was loading the article and the text front end
to say the title: on a machine of two shared cores, the title came 40–60 ms
later for it. A child forked before anything else has loaded already has
Python and Narrator's first modules, and only starts its engine.

Forking is safe only while this process runs one thread (a lock another
thread holds would stay locked in the child forever), has not run a speech
engine (its state would be inherited), and only where the platform's
libraries allow it (not macOS, whose speech framework does not); elsewhere
``fork_child`` gives ``None`` and the caller starts a fresh interpreter
instead. ``safe_to_fork`` is that rule, for the export's processes too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import BinaryIO

from narrator.speech.engines import started_in_this_process

ChildMain = Callable[[BinaryIO, BinaryIO], int]
_WAIT_STEP = 0.005


class ForkedChild:
    """What ``subprocess.Popen`` offers of a child, for a forked one: its pid, the pipe
    to its input, the pipe from its output, ``poll``, ``wait`` and ``kill``."""

    def __init__(self, pid: int, stdin: BinaryIO, stdout: BinaryIO) -> None:
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                done, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped already
                done, status = self.pid, 0
            if done:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"forked child {self.pid}", timeout or 0)
            time.sleep(_WAIT_STEP)
        return code

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


def safe_to_fork() -> bool:
    """Linux, one thread, and no speech engine started in this process."""
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not started_in_this_process()
    )


def fork_child(child_main: ChildMain) -> ForkedChild | None:
    """Fork a child that runs ``child_main(requests, replies)`` and exits with what it
    returns (its standard streams go to /dev/null); ``None`` where forking is not safe."""
    if not safe_to_fork():
        return None
    to_child, from_parent = os.pipe()
    to_parent, from_child = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # buffered text would be written twice
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    pid = os.fork()
    if pid == 0:
        _run_child(child_main, to_child, from_child, (from_parent, to_parent))
    os.close(to_child)
    os.close(from_child)
    return ForkedChild(pid, os.fdopen(from_parent, "wb"), os.fdopen(to_parent, "rb"))


def _run_child(
    child_main: ChildMain, requests: int, replies: int, parents: tuple[int, ...]
) -> None:
    """In the child: only its own pipes stay open; it never returns to the parent's code."""
    code = 1
    try:
        for descriptor in parents:
            os.close(descriptor)
        devnull = os.open(os.devnull, os.O_RDWR)
        for standard in (0, 1, 2):
            os.dup2(devnull, standard)
        keep = sorted({requests, replies})
        os.closerange(3, keep[0])
        os.closerange(keep[0] + 1, keep[-1])
        os.closerange(keep[-1] + 1, os.sysconf("SC_OPEN_MAX"))
        code = child_main(os.fdopen(requests, "rb"), os.fdopen(replies, "wb"))
    finally:
        os._exit(code)
