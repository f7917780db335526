"""Every command the reader offers has a key bound to an action (README documents them)."""

from __future__ import annotations

from textual.binding import Binding

from narrator.tui.screens.reader import READER_COMMANDS, ReaderScreen


def test_every_command_has_a_key_and_an_action() -> None:
    bindings = [b for b in ReaderScreen.BINDINGS if isinstance(b, Binding)]
    assert len(bindings) == len(ReaderScreen.BINDINGS)
    bound = {binding.key: binding.action for binding in bindings}
    assert set(bound) == {command.key for command in READER_COMMANDS}
    for action in bound.values():
        assert hasattr(ReaderScreen, "action_" + action.split("(")[0])
