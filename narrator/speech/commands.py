"""The speech subcommands of ``narrator``: ``script``, ``say``, ``voices`` and ``export``.

Each takes the parsed arguments and returns the process exit code; errors are
raised as ``NarratorError`` and turned into one line by ``narrator.cli``.
"""

from __future__ import annotations
