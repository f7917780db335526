"""How every ``narrator`` command ends, as its exit status; shared by every layer
that runs a command, so a script can tell the outcomes apart."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    # the command could not do what was asked (a broken article, speech that failed),
    # said in one line
    FAILED = 1
    USAGE = 2  # wrong arguments (argparse's own status)
    CRASHED = 70  # an internal error, logged in the crash log (sysexits' EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C or a terminating signal (128 + SIGINT)
