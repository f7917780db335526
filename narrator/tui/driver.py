"""The terminal driver: Textual's own, with Escape taken as quickly as any key.

After an escape byte Textual waits ``ESCDELAY`` for the rest of an arrow's
sequence, but its input loop only looks at the time when the terminal sends
something or every 0.1 s, so a lone Escape (the key that stops the voice)
took about 100 ms against some 20 ms for every other key. The loop's selector
is made to wake as often as the wait (``ESCAPE_WAIT_SECONDS``), which costs a
few wake-ups a second and nothing else.
"""

from __future__ import annotations

import selectors
import sys
from types import SimpleNamespace

from textual.driver import Driver

from narrator.reading.commands import ESCAPE_WAIT_SECONDS


class PromptSelector(selectors.SelectSelector):
    """A selector whose waits never outlast the escape wait."""

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        wait = ESCAPE_WAIT_SECONDS if timeout is None else min(timeout, ESCAPE_WAIT_SECONDS)
        return super().select(wait)


def reader_driver() -> type[Driver] | None:
    """The driver for the reader on this platform (None: Textual's choice)."""
    if sys.platform == "win32":
        return None
    from textual.drivers import linux_driver

    # Textual's input loop makes its selector from the module it imported; only
    # that loop sees the prompt one.
    linux_driver.selectors = SimpleNamespace(  # type: ignore[assignment]
        SelectSelector=PromptSelector, EVENT_READ=selectors.EVENT_READ
    )
    return linux_driver.LinuxDriver
