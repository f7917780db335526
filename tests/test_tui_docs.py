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


def test_escape_is_taken_as_quickly_as_the_plain_reader_takes_it() -> None:
    """Textual waits ``ESCDELAY`` ms before an escape byte is the Escape key (100 by
    default): the reader makes it as short as the plain reader's wait."""
    import os
    import subprocess
    import sys

    from narrator.reading.commands import ESCAPE_WAIT_SECONDS

    environment = {name: value for name, value in os.environ.items() if name != "ESCDELAY"}
    probe = "import narrator.tui.app, textual.constants as c; print(c.ESCAPE_DELAY)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True
    )
    assert float(result.stdout) == ESCAPE_WAIT_SECONDS


def test_the_terminal_input_loop_wakes_as_often_as_the_escape_wait() -> None:
    """Textual's input loop only times out a lone escape byte when its selector
    wakes; the reader's selector never sleeps longer than the escape wait."""
    import os
    import selectors
    import time

    from narrator.reading.commands import ESCAPE_WAIT_SECONDS
    from narrator.tui.driver import PromptSelector, reader_driver

    read, write = os.pipe()
    selector = PromptSelector()
    try:
        selector.register(read, selectors.EVENT_READ)
        start = time.perf_counter()
        assert selector.select(0.5) == []
        assert time.perf_counter() - start < 0.1
        os.write(write, b"\x1b")
        assert [mask for _, mask in selector.select(0.5)] == [selectors.EVENT_READ]
    finally:
        selector.close()
        os.close(read)
        os.close(write)
    driver = reader_driver()
    assert driver is not None and driver.__name__ == "LinuxDriver"
    assert ESCAPE_WAIT_SECONDS <= 0.03
