"""The one kind of error a user is shown: a line that names the place, never a traceback.

Every layer raises it (an article that cannot be read, a voice that is not
installed, a file that cannot be written), so it lives below them all. Its
message often quotes what a file held or was called, and a terminal would obey
an escape code in it (set the title, write the clipboard), so the message is
made visible here, where it is formed, and no caller has to remember.
"""

from __future__ import annotations

from narrator.controls import visible


class NarratorError(Exception):
    """A problem to report to the user in one line, never as a traceback."""

    def __init__(self, message: str = "") -> None:
        super().__init__(visible(message))
