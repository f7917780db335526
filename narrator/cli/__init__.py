"""The ``narrator`` command: parse, run the subcommand, and end with a named exit code.

Every failure reaches the user as one line on stderr; tracebacks go to the
crash log in the state folder, never to the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from narrator.cli import run
from narrator.cli.parser import parse
from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.exit_codes import ExitCode


def main(argv: Sequence[str] | None = None) -> int:
    from narrator.crash import record, record_thread_errors

    record_thread_errors()
    args = parse(sys.argv[1:] if argv is None else argv)
    folder = run.folder_for_one_article(args)
    if folder:
        print(f"narrator: {folder}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        return run.handler(args.command)(args)
    except NarratorError as error:
        print(f"narrator: {error}", file=sys.stderr, flush=True)
        run.say_error(args, str(error))
        return ExitCode.FAILED
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as error:  # the user must never see a traceback
        log = record(error)
        line = f"internal error: {error} (details in {log})"
        print(f"narrator: {visible(line)}", file=sys.stderr)
        return ExitCode.CRASHED
