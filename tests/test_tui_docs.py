"""docs/keys.md (the README's key table) lists every key the reader answers to."""

from __future__ import annotations

from pathlib import Path

from narrator.tui.app import NarratorApp
from narrator.tui.screens.help import help_rows
from narrator.tui.screens.reader import ReaderScreen

KEYS_DOC = Path(__file__).resolve().parents[1] / "docs" / "keys.md"


def test_every_key_is_documented() -> None:
    documented = KEYS_DOC.read_text(encoding="utf-8")
    for shown, _, does in help_rows([*ReaderScreen.BINDINGS, *NarratorApp.BINDINGS]):
        cells = " ".join(f"`{key}`" for key in shown.split())
        assert f"| {cells} | {does} |" in documented
