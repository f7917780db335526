"""What each subcommand runs: the parsed options turned into the values its layer takes.

Each layer is imported only when its command is used, so ``narrator check``
never pays for loading Textual or the speech engine. Speech sits below reading,
so the listener's saved settings and lexicon are found here and handed down.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.speech.output import SpeechOutput

if TYPE_CHECKING:
    from narrator.reading.store import Settings
    from narrator.speech.worker import SynthesisWorker
    from narrator.tui.app import NarratorApp

ONE_ARTICLE_COMMANDS = ("outline", "script", "read", "export")
# The commands a listener uses to hear an article: what stops them is said too.
READING_COMMANDS = ("open", "read")

Handler = Callable[[argparse.Namespace], int]


def _output(args: argparse.Namespace) -> SpeechOutput:
    return SpeechOutput(args.audio_out, args.speech_log, args.no_audio)


def _check(args: argparse.Namespace) -> int:
    from narrator.content import commands

    return commands.check(args.paths)


def _outline(args: argparse.Namespace) -> int:
    from narrator.content import commands

    return commands.outline(args.path, as_json=args.json)


def _import(args: argparse.Namespace) -> int:
    from narrator.content import commands

    return commands.import_all(args.files, args.output)


def _add(args: argparse.Namespace) -> int:
    from narrator.reading import library_commands

    return library_commands.add(args.files)


def _library(args: argparse.Namespace) -> int:
    from narrator.reading import library_commands
    from narrator.reading.library_list import SortOrder

    order = SortOrder.TITLE if args.by_title else SortOrder.LAST_READ
    return library_commands.show(order, as_json=args.json)


def _search(args: argparse.Namespace) -> int:
    from narrator.reading import library_commands

    return library_commands.search(args.words, as_json=args.json)


def say_error(args: argparse.Namespace, message: str) -> None:
    """A reader that cannot start says why as well as printing it (in the speech log
    too): a listener may not be looking at the screen."""
    from narrator.speech import commands
    from narrator.speech.message import spoken_message

    if args.command not in READING_COMMANDS:
        return
    settings, lexicon = _listener(args, quiet=True, own_voice=False)
    try:
        commands.say(
            spoken_message(message),
            user_lexicon=lexicon,
            voice=settings.voice,
            verbosity=settings.verbosity,
            output=_output(args),
            notices=False,
        )
    except NarratorError:
        return  # the voice itself cannot start (an output file): the printed line stays


def _listener(
    args: argparse.Namespace, *, quiet: bool = False, own_voice: bool = True
) -> tuple[Settings, Path]:
    """The listener's saved settings with this run's options over them, and where their
    lexicon is; a settings file that cannot be used is one line on stderr (unless
    ``quiet``), and the defaults speak. ``own_voice`` False leaves out ``--voice``
    (the error being said may be that it is not installed)."""
    from narrator.reading.store import Store

    store = Store()
    loaded = store.settings()
    if loaded.notice and not quiet:
        print(f"narrator: {loaded.notice}", file=sys.stderr, flush=True)
    settings = loaded.value.for_this_run(
        rate=getattr(args, "rate", None),
        voice_id=getattr(args, "voice", None) if own_voice else None,
        punctuation=args.punctuation,
        figures=args.figures,
    )
    return settings, store.lexicon_path


def _script(args: argparse.Namespace) -> int:
    from narrator.speech import commands

    settings, lexicon = _listener(args)
    return commands.script(
        args.path,
        section=args.section,
        lexicon_file=args.lexicon,
        user_lexicon=lexicon,
        verbosity=settings.verbosity,
        explain=args.explain,
    )


def _say(args: argparse.Namespace) -> int:
    from narrator.speech import commands

    settings, lexicon = _listener(args)
    return commands.say(
        " ".join(args.text),
        user_lexicon=lexicon,
        voice=settings.voice,
        verbosity=settings.verbosity,
        output=_output(args),
        asked_voice=args.voice,
    )


def _export(args: argparse.Namespace) -> int:
    from narrator.speech import commands
    from narrator.speech.export_formats import ExportOptions

    settings, lexicon = _listener(args)
    options = ExportOptions(args.format, args.captions, args.words, args.force, args.speech_log)
    return commands.export(
        args.path,
        args.out,
        options,
        user_lexicon=lexicon,
        voice=settings.voice,
        verbosity=settings.verbosity,
        asked_voice=args.voice,
        workers=args.workers,
    )


def _voices(args: argparse.Namespace) -> int:
    from narrator.speech import commands

    return commands.voices()


def _read(args: argparse.Namespace) -> int:
    from narrator import plain

    return plain.read(
        args.path,
        section=args.section,
        rate=args.rate,
        voice_id=args.voice,
        punctuation=args.punctuation,
        figures=args.figures,
        output=_output(args),
    )


def _open(args: argparse.Namespace) -> int:
    if args.path is None:  # the article read last; on the very first run, the bundled one
        from narrator.reading.store import Store

        args.path = Store().last_read()
    if args.plain:
        from narrator import plain

        return plain.open_plain(
            args.path,
            section=args.section,
            punctuation=args.punctuation,
            figures=args.figures,
            output=_output(args),
        )
    # Python's cycle collector ran some 30 times (10 ms) before the title alone: it
    # waits until the screen is built, and what was built by then is never scanned
    # again, so a collection in the middle of reading no longer holds a key up.
    gc.disable()
    try:
        app = _full_screen(args)
        gc.freeze()
    finally:
        gc.enable()
    from narrator.tui import launch

    return launch.run(app)


def _full_screen(args: argparse.Namespace) -> NarratorApp:
    """The reader (or the library) on ``args.path``, its title already being said."""
    # The synthesizer starts before anything else is loaded, while this process still
    # has one thread (so that it is forked, not a second Python to start), and the
    # title is said before Textual is even imported: the first sound.
    worker = _synthesizer(args.path)
    output = _output(args)
    from narrator.speech.frontend.compiled_patterns import patterns_of_the_last_run

    try:
        # What these imports compile (YAML's patterns, the front end's) is kept for the
        # next start; so is Textual's, below (some 190 patterns, 30–40 ms).
        with patterns_of_the_last_run("reader"):
            from narrator.content.library import openable
            from narrator.reading.first_words import say_the_title
            from narrator.reading.store import Store

        path = openable(args.path)
        worker = worker or _synthesizer(path)  # a folder of one article is that article
        store = Store()
        first = None
        if worker is not None:
            first = say_the_title(
                path,
                output,
                store,
                punctuation=args.punctuation,
                figures=args.figures,
                worker=worker,
            )
    except BaseException:
        if worker is not None:
            worker.close()
        raise
    with patterns_of_the_last_run("screen"):
        from narrator.tui import launch

    try:
        app = launch.build_app(
            path,
            args.section,
            output,
            store,
            punctuation=args.punctuation,
            figures=args.figures,
            first=first,
        )
    except NarratorError:
        if first is not None:  # an unknown --section: the title's voice gives way
            first.speaker.close()
        raise
    return app


def _synthesizer(path: Path | None) -> SynthesisWorker | None:
    """The synthesizer, spawned now, if ``path`` is an article file (a folder opens the
    library, whose voice starts with it)."""
    if path is None or not path.is_file():
        return None
    from narrator.speech.worker import SynthesisWorker

    worker = SynthesisWorker()
    worker.spawn()
    return worker


HANDLERS: dict[str, Handler] = {
    "check": _check,
    "outline": _outline,
    "import": _import,
    "add": _add,
    "library": _library,
    "search": _search,
    "script": _script,
    "say": _say,
    "export": _export,
    "voices": _voices,
    "read": _read,
    "open": _open,
}


def handler(command: str) -> Handler:
    """The function that runs ``command``."""
    return HANDLERS[command]


def folder_for_one_article(args: argparse.Namespace) -> str | None:
    """The one-line complaint when a command that reads one article was given a folder."""
    if args.command not in ONE_ARTICLE_COMMANDS or not args.path.is_dir():
        return None
    return visible(
        f"{args.command} takes one article file; {args.path} is a folder "
        f"(try narrator check {args.path})"
    )
