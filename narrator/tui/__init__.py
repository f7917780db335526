"""The full-screen reader (Textual).

Textual waits ``ESCDELAY`` milliseconds (100 by default) after an escape byte
before taking it for the Escape key, which made Escape, the key that stops the
voice, the slowest key of all; it waits as long as the plain reader does,
unless the listener set ``ESCDELAY`` themselves. This must happen before
Textual is imported.
"""

from __future__ import annotations

import os

from narrator.reading.commands import ESCAPE_WAIT_SECONDS

os.environ.setdefault("ESCDELAY", str(round(ESCAPE_WAIT_SECONDS * 1000)))
