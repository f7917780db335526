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
from narrator.errors import NarratorError
from narrator.speech.settings import (
    MAX_RATE,
    MIN_RATE,
    FigureVerbosity,
    Punctuation,
)

if TYPE_CHECKING:
    from narrator.reading.store import Store

SUBCOMMANDS = ("check", "outline", "import", "script", "read", "say", "voices", "export", "open")
ONE_ARTICLE_COMMANDS = ("outline", "script", "read", "export")
USAGE_ERROR = 2


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


def _verbosity_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--punctuation",
        choices=[level.value for level in Punctuation],
        help="how much punctuation is spoken (this run only; default: your saved setting)",
    )
    parser.add_argument(
        "--figures",
        choices=[level.value for level in FigureVerbosity],
        help="figure descriptions in full, their first sentence, or none "
        "(this run only; default: your saved setting)",
    )


def _reader_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, metavar="PATH", help="article or folder (default: bundled)"
    )
    parser.add_argument("--plain", action="store_true", help="one printed line per utterance")
    parser.add_argument("--section", metavar="ID", help="start at this section")
    _verbosity_options(parser)
    _speech_output_options(parser)


def _reader_help() -> tuple[str, str]:
    """The usage line and the options of ``narrator [PATH]``, for the top-level help:
    most people never type ``open``, so ``narrator --help`` must show them."""
    reader = argparse.ArgumentParser(prog="narrator", add_help=False)
    _reader_options(reader)
    usage = reader.format_usage()
    options = reader.format_help().removeprefix(usage).strip()
    return usage.removeprefix("usage: ").strip(), options


def build_parser() -> argparse.ArgumentParser:
    reader_usage, reader_options = _reader_help()
    parser = argparse.ArgumentParser(
        prog="narrator",
        usage=f"{reader_usage}\n       narrator COMMAND ... "
        "(narrator COMMAND --help for its options)",
        description="Listen to articles in a terminal, steering with the keyboard alone.",
        epilog="With no COMMAND, narrator opens PATH in the reader "
        f"(the same as narrator open PATH):\n\n{reader_options}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"narrator {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open an article or a folder of articles (default)")
    _reader_options(open_)

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
    _verbosity_options(script)
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
    _verbosity_options(read)
    _speech_output_options(read)

    say = commands.add_parser("say", help="speak a line of text")
    say.add_argument("text", nargs="+")
    _voice_options(say)
    _verbosity_options(say)
    _speech_output_options(say)

    commands.add_parser("voices", help="list the installed voices")

    export = commands.add_parser("export", help="write one audio file per section")
    export.add_argument("path", type=Path)
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--format", choices=("wav", "flac"), default="wav")
    _voice_options(export)
    _verbosity_options(export)
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
        return partial(_with_listener_settings, run, store)
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
    readers do, with ``--rate``, ``--voice``, ``--punctuation`` and ``--figures``
    over them (``script`` has no voice); a settings file that cannot be used is
    one line on stderr, and the defaults speak."""
    loaded = store.settings()
    if loaded.notice:
        print(f"narrator: {loaded.notice}", file=sys.stderr, flush=True)
    settings = loaded.value.for_this_run(
        rate=getattr(args, "rate", None),
        voice_id=getattr(args, "voice", None),
        punctuation=args.punctuation,
        figures=args.figures,
    )
    if args.command == "script":
        return run(args, verbosity=settings.verbosity)
    return run(args, voice=settings.voice, verbosity=settings.verbosity)


def _folder_for_one_article(args: argparse.Namespace) -> str | None:
    """The one-line complaint when a command that reads one article was given a folder."""
    if args.command not in ONE_ARTICLE_COMMANDS or not args.path.is_dir():
        return None
    return (
        f"{args.command} takes one article file; {args.path} is a folder "
        f"(try narrator check {args.path})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    from narrator.crash import record, record_thread_errors

    record_thread_errors()
    parser = build_parser()
    args = parser.parse_args(_normalise(sys.argv[1:] if argv is None else argv))
    folder = _folder_for_one_article(args)
    if folder:
        print(f"narrator: {folder}", file=sys.stderr)
        return USAGE_ERROR
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
