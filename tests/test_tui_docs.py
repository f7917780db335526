"""docs/keys.md (the README's key table) lists every key the reader answers to."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from narrator.tui.screens.reader import READER_COMMANDS, ReaderScreen

KEYS_DOC = Path(__file__).resolve().parents[1] / "docs" / "keys.md"


def test_every_key_is_documented() -> None:
    documented = KEYS_DOC.read_text(encoding="utf-8")
    for command in READER_COMMANDS:
        assert f"| `{command.label}` | {command.description} |" in documented


def test_every_command_has_a_key_and_an_action() -> None:
    bindings = [b for b in ReaderScreen.BINDINGS if isinstance(b, Binding)]
    assert len(bindings) == len(ReaderScreen.BINDINGS)
    bound = {binding.key: binding.action for binding in bindings}
    assert set(bound) == {command.key for command in READER_COMMANDS}
    for action in bound.values():
        assert hasattr(ReaderScreen, "action_" + action.split("(")[0])
