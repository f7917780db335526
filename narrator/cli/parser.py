"""The ``narrator`` command line: every subcommand's options, and ``narrator
[PATH]`` as short for ``narrator open [PATH]``. argparse lives here alone; the
layers below take values."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
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

SUBCOMMANDS = (
    "check",
    "outline",
    "import",
    "add",
    "library",
    "search",
    "script",
    "read",
    "say",
    "voices",
    "export",
    "open",
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


def _reader_help() -> tuple[str, str]:
    """The usage line and the options of ``narrator [PATH]``, for the top-level help:
    most people never type ``open``, so ``narrator --help`` must show them."""
    reader = argparse.ArgumentParser(prog="narrator", add_help=False)
    _reader_options(reader)
    usage = reader.format_usage()
    options = reader.format_help().removeprefix(usage).strip()
    return usage.removeprefix("usage: ").strip(), options


class CommandLineParser(argparse.ArgumentParser):
    """argparse quotes what was typed ("unrecognized arguments: ..."), and a typed or
    pasted argument can hold an escape code: the complaint shows it, never obeys it."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


def build_parser() -> argparse.ArgumentParser:
    reader_usage, reader_options = _reader_help()
    parser = CommandLineParser(
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

    import_ = commands.add_parser(
        "import", help="convert web pages, EPUB, Word, Markdown or plain-text pages to YAML"
    )
    import_.add_argument("files", nargs="+", type=Path, metavar="FILE")
    import_.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="the file, or the folder for several"
    )

    add = commands.add_parser("add", help="import files (or copy articles) into your library")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")

    library = commands.add_parser("library", help="list your library, most recently read first")
    library.add_argument("--by-title", action="store_true", help="sort by title")
    library.add_argument("--json", action="store_true", help="the list as JSON")

    search = commands.add_parser("search", help="find words in every article of your library")
    search.add_argument("words", nargs="+", metavar="WORDS")
    search.add_argument("--json", action="store_true", help="the results as JSON")

    script = commands.add_parser("script", help="print what would be spoken, with its place")
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

    export = commands.add_parser(
        "export", help="write audio files, an audiobook or an EPUB talking book, and captions"
    )
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
    return parser


def normalise(argv: Sequence[str]) -> list[str]:
    """``narrator [PATH]`` is short for ``narrator open [PATH]``."""
    args = list(argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in args[:1]):
        return args
    return ["open", *args]
