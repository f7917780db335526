"""High contrast is a setting like the voice: chosen once, kept until changed."""

from __future__ import annotations

import json
from pathlib import Path

from tui_session import open_reader

from narrator.reading.store import Settings, Store
from narrator.tui.app import HIGH_CONTRAST, STANDARD_THEME


async def test_high_contrast_survives_quitting_and_reopening(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("c")
        await session.heard("High contrast on")
        await session.press("q")
    async with open_reader(tmp_path) as session:
        assert session.app.theme == HIGH_CONTRAST.name
        await session.press("c")
        await session.heard("High contrast off")
        await session.press("q")
    async with open_reader(tmp_path) as session:
        assert session.app.theme == STANDARD_THEME


def test_settings_written_before_high_contrast_existed_still_load(tmp_path: Path) -> None:
    store = Store(tmp_path / "config", tmp_path / "state")
    store.settings_path.parent.mkdir(parents=True)
    old = {"version": 1, "voice": {"rate": 220}, "verbosity": {"punctuation": "all"}}
    store.settings_path.write_text(json.dumps(old), encoding="utf-8")
    loaded = store.settings()
    assert loaded.notice is None
    assert loaded.value.high_contrast is False
    assert loaded.value.voice.rate == 220


def test_high_contrast_is_saved_and_loaded_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "config", tmp_path / "state")
    assert store.save_settings(Settings(high_contrast=True)) is None
    assert json.loads(store.settings_path.read_text(encoding="utf-8"))["high_contrast"] is True
    assert store.settings().value == Settings(high_contrast=True)


def test_a_high_contrast_that_is_not_yes_or_no_sets_the_file_aside(tmp_path: Path) -> None:
    store = Store(tmp_path / "config", tmp_path / "state")
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_text('{"high_contrast": "yes"}', encoding="utf-8")
    loaded = store.settings()
    assert loaded.value == Settings()
    assert loaded.notice is not None and "could not be read" in loaded.notice
