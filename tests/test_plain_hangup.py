"""The plain reader whose terminal goes away (ssh drops, tmux kills the session).

The reader runs in a pseudo-terminal that is its controlling terminal, with
stdin, stdout and stderr all on it, as in a real session. When the terminal
hangs up it must end quietly, keep the place and write nothing to the crash log.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ARTICLE = """\
id: tiny
title: Tiny
sections:
  - id: one
    title: One
    blocks:
      - paragraph: "Estrogen levels matter. They change."
  - id: two
    title: Two
    blocks:
      - paragraph: "Bones too. They change as well, and slowly, over many years."
"""


def _take_terminal() -> None:
    """In the child, after ``setsid``: the pseudo-terminal on stdin becomes its
    controlling terminal, so the kernel sends it SIGHUP when the terminal hangs up."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """A ``narrator`` command alone in a pseudo-terminal."""

    def __init__(self, home: Path, *command: str) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "narrator", *command, "tiny.yaml", "--no-audio"],
            cwd=home,
            env=dict(
                os.environ,
                XDG_CONFIG_HOME=str(home / "config"),
                XDG_STATE_HOME=str(home / "state"),
            ),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.shown = b""

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.shown:
            assert time.monotonic() < deadline, f"never showed {text!r}: {self.shown!r}"
            if select.select([self.master], [], [], 0.05)[0]:
                self.shown += os.read(self.master, 4096)

    def press(self, key: bytes) -> None:
        os.write(self.master, key)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "config" / "narrator").mkdir(parents=True)
    (tmp_path / "config" / "narrator" / "settings.json").write_text('{"voice": {"rate": 300}}')
    (tmp_path / "tiny.yaml").write_text(ARTICLE)
    return tmp_path


@pytest.mark.parametrize("how", ["terminal closed", "SIGHUP"])
def test_a_hung_up_terminal_ends_reading_quietly_and_keeps_the_place(home: Path, how: str) -> None:
    session = Session(home, "--plain")
    session.wait_for("Section 1 of 2: One.")
    session.press(b"h")
    session.wait_for("Section 2 of 2: Two.")
    session.press(b" ")
    session.wait_for("Bones too.")
    if how == "SIGHUP":
        session.process.send_signal(signal.SIGHUP)
        time.sleep(0.2)
    os.close(session.master)
    code = session.process.wait(timeout=30)
    state = home / "state" / "narrator"
    crash_log = state / "crash.log"
    assert not crash_log.exists(), crash_log.read_text()
    assert code in (0, 128 + signal.SIGHUP, 130), code
    saved = next((state / "articles").glob("tiny-*.json"))
    assert json.loads(saved.read_text())["progress"]["section"] == "two"


def test_read_whose_terminal_hangs_up_ends_quietly(home: Path) -> None:
    session = Session(home, "read")
    session.wait_for("Estrogen levels matter.")
    os.close(session.master)
    code = session.process.wait(timeout=30)
    crash_log = home / "state" / "narrator" / "crash.log"
    assert not crash_log.exists(), crash_log.read_text()
    assert code in (0, 128 + signal.SIGHUP, 130), code
