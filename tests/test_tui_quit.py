"""Leaving the reader: Ctrl+C and Ctrl+Q quit like q (Ctrl+C, as everywhere in
Narrator, with the interrupted status 130), and outputs that cannot be written are
refused before the screen opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tui_session import REFERENCE, open_reader


@pytest.mark.parametrize(("key", "status"), [("ctrl+c", 130), ("ctrl+q", 0)])
async def test_ctrl_c_and_ctrl_q_quit_keeping_the_place(
    tmp_path: Path, key: str, status: int
) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("h", "down")
        await session.heard("Navigating the complexities")
        await session.press(key)
        await session.until(lambda: not session.app.is_running)
        assert not session.app._notifications
    assert session.app.return_code == status
    async with open_reader(tmp_path) as session:
        assert session.reader.cursor.current.text.startswith("Navigating the complexities")


def narrator(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrator", str(REFERENCE), "--no-audio", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("option", ["--speech-log", "--audio-out"])
@pytest.mark.parametrize(
    ("target", "problem"),
    [("missing/out.file", "no folder"), ("a-file/out.file", "no folder"), (".", "it is a folder")],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_1(
    tmp_path: Path, option: str, target: str, problem: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = narrator(option, str(tmp_path / target), tmp_path=tmp_path)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"narrator: {tmp_path / target}")
    assert f"cannot write: {problem}" in line
    assert not (tmp_path / "xdg-state" / "narrator" / "crash.log").exists()
