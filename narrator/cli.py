"""The ``narrator`` command.

Subcommands import their layer lazily so that ``narrator check`` never pays
for loading Textual or the speech engine. Every failure reaches the user as
one line on stderr; tracebacks go to a log file in the state folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from narrator import __version__
from narrator.content.errors import NarratorError
from narrator.speech.settings import MAX_RATE, MIN_RATE

if TYPE_CHECKING:
    from narrator.reading.store import Store

SUBCOMMANDS = ("check", "outline", "import", "script", "read", "say", "voices", "export", "open")


def _speech_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audio-out",
        type=Path,
        metavar="FILE.wav",
        help="record exactly the samples that are played, as they are played",
    )
    parser.add_argument(
        "--speech-log",
        type=Path,
        metavar="FILE",
        help="write one JSON line per speech event (captions, and evidence for tests)",
    )
    parser.add_argument(
        "--no-audio",
        action="store_true",
        help="play into miniaudio's null device (real time, no sound card needed)",
    )


def _rate(text: str) -> int:
    """``--rate``: whole words per minute, within what the synthesizer speaks intelligibly."""
    try:
        rate = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"the rate is words per minute, a whole number, not {text!r}"
        ) from None
    if not MIN_RATE <= rate <= MAX_RATE:
        raise argparse.ArgumentTypeError(
            f"{rate} words per minute is out of range: choose {MIN_RATE} to {MAX_RATE}"
        )
    return rate


def _voice_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rate",
        type=_rate,
        metavar="WPM",
        help=f"words per minute, {MIN_RATE} to {MAX_RATE} (this run only; default: saved rate)",
    )
    parser.add_argument(
        "--voice",
        metavar="ID",
        help="a voice id from `narrator voices` (this run only; default: your saved voice)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="narrator",
        description="Listen to articles in a terminal, steering with the keyboard alone.",
    )
    parser.add_argument("--version", action="version", version=f"narrator {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open an article or a folder of articles (default)")
    open_.add_argument("path", nargs="?", type=Path, help="article or folder (default: bundled)")
    open_.add_argument("--plain", action="store_true", help="one printed line per utterance")
    open_.add_argument("--section", metavar="ID", help="start at this section")
    _speech_output_options(open_)

    check = commands.add_parser("check", help="validate article files; print file:line:column")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    outline = commands.add_parser("outline", help="print the section tree")
    outline.add_argument("path", type=Path)
    outline.add_argument("--json", action="store_true", help="the whole parsed article as JSON")

    import_ = commands.add_parser("import", help="convert Markdown or a plain-text page to YAML")
    import_.add_argument("file", type=Path)
    import_.add_argument("-o", "--output", type=Path, metavar="OUT.yaml")

    script = commands.add_parser("script", help="print what would be spoken, with its place")
    script.add_argument("path", type=Path)
    script.add_argument("--section", metavar="ID")
    script.add_argument(
        "--lexicon",
        type=Path,
        metavar="FILE.yaml",
        help="your pronunciations (`word: respelling` lines), winning over the article's",
    )

    read = commands.add_parser("read", help="read aloud from the start or a section")
    read.add_argument("path", type=Path)
    read.add_argument("--section", metavar="ID")
    _voice_options(read)
    _speech_output_options(read)

    say = commands.add_parser("say", help="speak a line of text")
    say.add_argument("text", nargs="+")
    _voice_options(say)
    _speech_output_options(say)

    commands.add_parser("voices", help="list the installed voices")

    export = commands.add_parser("export", help="write one audio file per section")
    export.add_argument("path", type=Path)
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--format", choices=("wav", "flac"), default="wav")
    _voice_options(export)
    return parser


def _normalise(argv: Sequence[str]) -> list[str]:
    """``narrator [PATH]`` is short for ``narrator open [PATH]``."""
    args = list(argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in args[:1]):
        return args
    return ["open", *args]


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``command``; imported only when it is used."""
    if command in ("check", "outline", "import"):
        from narrator.content import commands as content_commands

        return getattr(content_commands, command.replace("import", "import_"))
    if command in ("script", "say", "export"):
        from narrator.reading.store import Store
        from narrator.speech import commands as speech_commands

        # speech sits below reading, so the listener's lexicon and settings are found here
        # and handed down
        store = Store()
        run = partial(getattr(speech_commands, command), user_lexicon=store.lexicon_path)
        return run if command == "script" else partial(_with_listener_settings, run, store)
    if command == "voices":
        from narrator.speech import commands as speech_commands

        return speech_commands.voices
    if command == "read":
        from narrator import plain

        return plain.read
    from narrator.tui import launch

    return launch.open_


def _with_listener_settings(run: Callable[..., int], store: Store, args: argparse.Namespace) -> int:
    """Run a speech command in the listener's saved voice and verbosity, as the
    readers do, with ``--rate`` and ``--voice`` over them; a settings file that
    cannot be used is one line on stderr, and the defaults speak."""
    from narrator.reading.voice_choice import for_this_run

    loaded = store.settings()
    if loaded.notice:
        print(f"narrator: {loaded.notice}", file=sys.stderr, flush=True)
    settings = loaded.value
    voice = for_this_run(settings.voice, rate=args.rate, voice_id=args.voice)
    return run(args, voice=voice, verbosity=settings.verbosity)


def main(argv: Sequence[str] | None = None) -> int:
    from narrator.crash import record, record_thread_errors

    record_thread_errors()
    parser = build_parser()
    args = parser.parse_args(_normalise(sys.argv[1:] if argv is None else argv))
    try:
        return _handler(args.command)(args)
    except NarratorError as error:
        print(f"narrator: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the user must never see a traceback
        log = record(error)
        print(f"narrator: internal error: {error} (details in {log})", file=sys.stderr)
        return 70
