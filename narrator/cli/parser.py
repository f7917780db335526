"""The ``narrator`` command line: every subcommand's options, and ``narrator
[PATH]`` as short for ``narrator open [PATH]``. argparse lives here alone; the
layers below take values."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from narrator import __version__
from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.speech.export_formats import Captions, Format, named
from narrator.speech.settings import (
    MAX_RATE,
    MIN_RATE,
    FigureVerbosity,
    Punctuation,
)


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


def _format(text: str) -> Format:
    """``--format``: a known format, or the nearest one suggested."""
    try:
        return Format(named(text, Format))
    except NarratorError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _captions(text: str) -> Captions:
    try:
        return Captions(named(text, Captions, "captions"))
    except NarratorError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _workers(text: str) -> int:
    try:
        workers = int(text)
    except ValueError:
        workers = 0
    if workers < 1:
        raise argparse.ArgumentTypeError(f"the number of processes is 1 or more, not {text!r}")
    return workers


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


class CommandLineParser(argparse.ArgumentParser):
    """argparse quotes what was typed ("unrecognized arguments: ..."), and a typed or
    pasted argument can hold an escape code: the complaint shows it, never obeys it."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


class _NarratorParser(CommandLineParser):
    """``narrator`` itself. Most people never type ``open``, so its usage and help show
    the reader's own options; they are formatted only when shown (it took 6 ms of every
    start)."""

    def __init__(self) -> None:
        super().__init__(
            prog="narrator",
            description="Listen to articles in a terminal, steering with the keyboard alone.",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def format_usage(self) -> str:
        self._describe_the_reader()
        return super().format_usage()

    def format_help(self) -> str:
        self._describe_the_reader()
        return super().format_help()

    def _describe_the_reader(self) -> None:
        if self.usage is not None:
            return
        reader = argparse.ArgumentParser(prog="narrator", add_help=False)
        _reader_options(reader)
        usage = reader.format_usage()
        options = reader.format_help().removeprefix(usage).strip()
        self.usage = (
            f"{usage.removeprefix('usage: ').strip()}\n       narrator COMMAND ... "
            "(narrator COMMAND --help for its options)"
        )
        self.epilog = (
            "With no COMMAND, narrator opens PATH in the reader "
            f"(the same as narrator open PATH):\n\n{options}"
        )


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _outline_options(outline: argparse.ArgumentParser) -> None:
    outline.add_argument("path", type=Path)
    outline.add_argument("--json", action="store_true", help="the whole parsed article as JSON")


def _import_options(import_: argparse.ArgumentParser) -> None:
    import_.add_argument("files", nargs="+", type=Path, metavar="FILE")
    import_.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="the file, or the folder for several"
    )


def _add_options(add: argparse.ArgumentParser) -> None:
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")


def _library_options(library: argparse.ArgumentParser) -> None:
    library.add_argument("--by-title", action="store_true", help="sort by title")
    library.add_argument("--json", action="store_true", help="the list as JSON")


def _search_options(search: argparse.ArgumentParser) -> None:
    search.add_argument("words", nargs="+", metavar="WORDS")
    search.add_argument("--json", action="store_true", help="the results as JSON")


def _script_options(script: argparse.ArgumentParser) -> None:
    script.add_argument("path", type=Path)
    script.add_argument("--section", metavar="ID")
    script.add_argument(
        "--explain",
        action="store_true",
        help="under each utterance, what was said otherwise than written, its class and rule",
    )
    _verbosity_options(script)
    script.add_argument(
        "--lexicon",
        type=Path,
        metavar="FILE.yaml",
        help="your pronunciations (`word: respelling` lines), winning over the article's",
    )


def _read_options(read: argparse.ArgumentParser) -> None:
    read.add_argument("path", type=Path)
    read.add_argument("--section", metavar="ID")
    _voice_options(read)
    _verbosity_options(read)
    _speech_output_options(read)


def _say_options(say: argparse.ArgumentParser) -> None:
    say.add_argument("text", nargs="+")
    _voice_options(say)
    _verbosity_options(say)
    _speech_output_options(say)


def _no_options(parser: argparse.ArgumentParser) -> None:
    """``voices`` takes none."""


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("path", type=Path)
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument(
        "--format",
        type=_format,
        default=Format.WAV,
        metavar="|".join(f.value for f in Format),
        help="a file per section (wav, flac), an EPUB 3 with text and audio in sync, "
        "an M4B audiobook or an MP3 with chapters (default: wav)",
    )
    export.add_argument(
        "--captions",
        type=_captions,
        metavar="|".join(c.value for c in Captions),
        help="WebVTT or SubRip captions beside each audio file, a cue per utterance",
    )
    export.add_argument(
        "--words", action="store_true", help="time every word in the WebVTT captions"
    )
    export.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="synthesize in N processes at a time (default: one per core)",
    )
    export.add_argument(
        "--force", action="store_true", help="replace files in DIR that are not this export's"
    )
    export.add_argument(
        "--speech-log",
        type=Path,
        metavar="FILE",
        help="write each utterance and word as a JSON line at its time in the audio",
    )
    _voice_options(export)
    _verbosity_options(export)


Options = Callable[[argparse.ArgumentParser], None]

SUBCOMMANDS: dict[str, tuple[str, Options]] = {
    "open": ("open an article or a folder of articles (default)", _reader_options),
    "check": ("validate article files; print file:line:column", _check_options),
    "outline": ("print the section tree", _outline_options),
    "import": (
        "convert web pages, EPUB, Word, Markdown or plain-text pages to YAML",
        _import_options,
    ),
    "add": ("import files (or copy articles) into your library", _add_options),
    "library": ("list your library, most recently read first", _library_options),
    "search": ("find words in every article of your library", _search_options),
    "script": ("print what would be spoken, with its place", _script_options),
    "read": ("read aloud from the start or a section", _read_options),
    "say": ("speak a line of text", _say_options),
    "voices": ("list the installed voices", _no_options),
    "export": (
        "write audio files, an audiobook or an EPUB talking book, and captions",
        _export_options,
    ),
}
"""Each subcommand, in the order help lists them: what it does, and its options."""


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """What ``argv`` asks for. Only the subcommand typed is built: building them all
    took some 8 ms of each start."""
    args = normalise(argv)
    command = args[0] if args and not args[0].startswith("-") else None  # --help: all
    return build_parser(command).parse_args(args)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The subcommand ``command``, or every one if None (for the help that lists them)."""
    parser = _NarratorParser()
    parser.add_argument("--version", action="version", version=f"narrator {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", prog="narrator", parser_class=CommandLineParser
    )
    for name, (summary, options) in SUBCOMMANDS.items():
        if command is None or command == name:
            options(commands.add_parser(name, help=summary))
    return parser


def normalise(argv: Sequence[str]) -> list[str]:
    """``narrator [PATH]`` is short for ``narrator open [PATH]``."""
    args = list(argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in args[:1]):
        return args
    return ["open", *args]
