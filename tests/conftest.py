"""Every test runs with its own home: nothing a test does touches the real settings,
reading places, lexicon or crash log, and no real ones leak into a test."""

from __future__ import annotations

from pathlib import Path

import pytest

XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG folders in the test's own folder (subprocesses inherit them)."""
    for name in XDG_FOLDERS:
        folder = name.removeprefix("XDG_").removesuffix("_HOME").lower()
        monkeypatch.setenv(name, str(tmp_path / f"xdg-{folder}"))
