"""The speech subcommands of ``narrator``: ``script``, ``say``, ``voices`` and ``export``.

Each takes plain values and returns the process exit code; errors are raised
as ``NarratorError`` and turned into one line by ``narrator.cli``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from narrator.speech.engines.base import Voice
    from narrator.speech.lexicon import Lexicon
    from narrator.speech.utterance import Utterance

from narrator.controls import visible
from narrator.exit_codes import ExitCode
from narrator.speech.export_formats import ExportOptions
from narrator.speech.output import SpeechOutput
from narrator.speech.settings import Footnotes, Verbosity, VoiceSettings

DEFAULT_VOICE = VoiceSettings()
DEFAULT_VERBOSITY = Verbosity()

POLL_SECONDS = 0.02


def listener_lexicon(path: Path | None) -> Lexicon | None:
    """The listener's own lexicon at ``path`` (found by ``narrator.cli``: the config
    folder is the reading layer's to know); a broken one is one line on stderr and
    the command goes on without it."""
    from narrator.speech.lexicon import load_listener_lexicon

    if path is None:
        return None
    lexicon, notice = load_listener_lexicon(path)
    if notice:
        print(f"narrator: {notice}", file=sys.stderr, flush=True)
    return lexicon


def script(
    path: Path,
    *,
    section: str | None = None,
    lexicon_file: Path | None = None,
    user_lexicon: Path | None = None,
    verbosity: Verbosity = DEFAULT_VERBOSITY,
    explain: bool = False,
) -> ExitCode:
    """Print the spoken script: one utterance per line, ``PLACE<TAB>SPOKEN``.

    PLACE is ``section/block.item.sentence`` (see ``narrator.speech.script``
    for the numbering: -1 as block is a heading, -1 as item the announcement
    that opens a list, table, references or glossary). It is what a listener
    checks when something sounds wrong, so it shows exactly what the voice
    is handed (at ``verbosity``). ``section`` limits it to that section and
    its subsections; ``lexicon_file`` (``--lexicon``) applies those pronunciations
    instead of ``user_lexicon``; ``explain`` (``--explain``) adds, under each
    utterance, the pieces said otherwise than written, with their class and rule.
    """
    from narrator.content.errors import unknown_section
    from narrator.content.loader import load_article
    from narrator.speech.lexicon import Lexicon, load_lexicon
    from narrator.speech.script import build_script

    if lexicon_file is not None:
        lexicon = load_lexicon(lexicon_file)
    else:
        lexicon = listener_lexicon(user_lexicon)
    article = load_article(path)
    built = build_script(article, verbosity=verbosity, lexicon=lexicon)
    if section is None:
        utterances = built.utterances
    elif built.section(section) is None:
        known = [span.id for span in built.sections]
        raise unknown_section(article.id, section, known)
    else:
        utterances = built.section_utterances(section)
    if explain:
        from narrator.speech.frontend.explain import explanation

        lexicon = Lexicon(article.pronunciations).merged(lexicon)
    for utterance in utterances:
        place = utterance.place
        assert place is not None
        print(f"{place.section}/{place.block}.{place.item}.{place.sentence}\t{utterance.spoken}")
        if explain:
            for line in explanation(
                utterance.text,
                lexicon=lexicon,
                punctuation=verbosity.punctuation,
                language=article.language,
                footnotes=verbosity.footnotes is Footnotes.SAY,
            ):
                print(f"    {line}")
    return ExitCode.OK


def say(
    text: str,
    *,
    user_lexicon: Path | None = None,
    voice: VoiceSettings = DEFAULT_VOICE,
    verbosity: Verbosity = DEFAULT_VERBOSITY,
    output: SpeechOutput = SpeechOutput(),  # noqa: B008 - frozen, so sharing is safe
    asked_voice: str | None = None,
    notices: bool = True,
) -> ExitCode:
    """Speak ``text``, sentence by sentence, in ``voice`` and at ``verbosity`` (the
    listener's, found by ``narrator.cli``); ``asked_voice`` (``--voice``) must be
    installed. ``notices`` False keeps the speaker's notices off stderr (an error
    already printed in one line is being said).

    When speech fails, the sentences that were not heard are printed on stdout,
    one a line, after the notice on stderr (the text is never lost), and the
    exit code is 1.
    """
    from narrator.speech.lexicon import EMPTY
    from narrator.speech.sentences import sentences
    from narrator.speech.spoken import spoken_form
    from narrator.speech.utterance import Role, Utterance

    lexicon = listener_lexicon(user_lexicon) or EMPTY
    utterances = [
        Utterance(
            sentence,
            spoken_form(sentence, lexicon=lexicon, punctuation=verbosity.punctuation),
            None,
            Role.ANNOUNCEMENT,
        )
        for sentence in sentences(text)
    ]
    unheard = speak_and_wait(utterances, output, voice, asked_voice, notices=notices)
    for utterance in unheard:
        print(utterance.text)
    return ExitCode.FAILED if unheard else ExitCode.OK


def speak_and_wait(
    utterances: Sequence[Utterance],
    output: SpeechOutput,
    voice: VoiceSettings,
    asked_voice: str | None,
    *,
    notices: bool = True,
) -> list[Utterance]:
    """Speak ``utterances`` in ``voice`` with the command's output options; return those
    not heard to the end because speech failed (none when it worked). A ``--voice``
    that is not installed is an error before any sound.

    Notices and errors go to stderr as the speaker reports them, so a user
    without sound still learns why nothing is heard.
    """
    from narrator.speech.events import NOTICES, SpeechEvent, SpeechEventKind
    from narrator.speech.speaker import Speaker
    from narrator.speech.voices import require_installed

    errors: list[str] = []
    heard: set[int] = set()

    def on_event(event: SpeechEvent) -> None:
        if event.kind in NOTICES and notices:
            print(f"narrator: {event.message}", file=sys.stderr, flush=True)
        if event.kind is SpeechEventKind.ERROR:
            errors.append(event.message)
        if event.kind is SpeechEventKind.FINISHED:
            heard.add(id(event.utterance))

    with Speaker(
        voice,
        on_event=on_event,
        audio_out=output.audio_out,
        speech_log=output.speech_log,
        null_audio=output.null_audio,
    ) as speaker:
        if asked_voice is not None:
            require_installed(asked_voice, speaker.voices())
        speaker.speak(utterances)
        while speaker.speaking:
            time.sleep(POLL_SECONDS)
    return [u for u in utterances if id(u) not in heard] if errors else []


def installed_voices() -> list[Voice]:
    """Asked of a synthesizer process, so the engine never loads in the command's own."""
    from narrator.speech.worker import SynthesisWorker

    worker = SynthesisWorker()
    try:
        return worker.voices()
    finally:
        worker.close()


def voices() -> ExitCode:
    """Print the installed voices as a table: the id to pass on, its name, its languages."""
    found = installed_voices()
    _print_table(
        [("ID", "NAME", "LANGUAGES")]
        + [(v.id, v.name, ", ".join(v.languages)) for v in found if not v.variant]
    )
    variants = [(v.id, v.name, v.gender) for v in found if v.variant]
    if variants:
        print("\nVariants: add one to a voice's id, as in gmw/en+f3")
        _print_table([("VARIANT", "NAME", "GENDER"), *variants])
    return ExitCode.OK


def _print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    for first, second, third in rows:
        print(f"{first.ljust(widths[0])}  {second.ljust(widths[1])}  {third}".rstrip())


def export(
    path: Path,
    out: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    user_lexicon: Path | None = None,
    voice: VoiceSettings = DEFAULT_VOICE,
    verbosity: Verbosity = DEFAULT_VERBOSITY,
    asked_voice: str | None = None,
    workers: int | None = None,
) -> ExitCode:
    """Write the article into ``out`` as ``options`` ask (``narrator.speech.export``),
    in ``voice`` and at ``verbosity``; with no voice chosen, one for the article's
    language. ``workers`` processes synthesize at a time (default: every core).
    Ctrl-C leaves ``out`` as it was, says so in one line, and exits 130."""
    from dataclasses import replace

    from narrator.content.loader import load_article
    from narrator.errors import NarratorError
    from narrator.speech.export import export_script, timestamp
    from narrator.speech.export_formats import Format, check_format
    from narrator.speech.script import build_script
    from narrator.speech.voices import require_installed, voice_for_language

    check_format(options.audio_format, options.captions, options.words)
    if out.suffix.lower().lstrip(".") in {f.value for f in Format} and not out.is_dir():
        raise NarratorError(
            f"--out is the folder to write into, not a file: {out} "
            f"(try --out {out.with_suffix('')})"
        )
    article = load_article(path)
    installed = installed_voices()
    if asked_voice is not None:
        require_installed(asked_voice, installed)
    script = build_script(article, verbosity=verbosity, lexicon=listener_lexicon(user_lexicon))
    voice = replace(voice, voice=voice.voice or voice_for_language(installed, article.language))
    progress = _progress_bar if sys.stderr.isatty() else _no_progress
    try:
        exported = export_script(
            script,
            out,
            options,
            article=article,
            voice=voice,
            progress=progress,
            workers=workers,
        )
    except KeyboardInterrupt:
        end_of_bar = "\n" if progress is _progress_bar else ""
        untouched = f"{out} is as it was" if out.exists() else f"{out} was not created"
        print(f"{end_of_bar}narrator: export interrupted; {visible(untouched)}", file=sys.stderr)
        return ExitCode.INTERRUPTED
    total = sum(item.seconds for item in exported)
    what = (
        f"{len(exported)} sections"
        if options.audio_format.per_section
        else f"{options.audio_format.value.upper()} of {len(exported)} sections"
    )
    print(visible(f"Wrote {what} ({timestamp(total)}) to {out}"), file=sys.stdout)
    return ExitCode.OK


def _progress_bar(done: int, total: int) -> None:
    """Redraw one line on the terminal; a screen reader reads the count at the end."""
    width = 30
    filled = width * done // max(total, 1)
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done == total else ""
    print(f"\rExporting [{bar}] {done} of {total} steps", end=end, file=sys.stderr, flush=True)


def _no_progress(done: int, total: int) -> None:
    """Progress is for people watching a terminal; logs and pipes get only the result."""
