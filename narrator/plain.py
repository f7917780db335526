"""Reading without the full-screen UI: ``narrator read`` and ``narrator open --plain``.

One printed line per utterance, printed when it is HEARD, so a braille
display or a screen reader that follows the terminal keeps pace with the
voice. Keys are single presses read in cbreak mode; the terminal is
restored however the reader ends. With no terminal on stdin there are no
keys and the article is read straight through.

Everything here runs on the main thread: the speaker's events arrive on a
queue and are applied between key presses, so say-all and the cursor
change in one place only.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import queue
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TextIO, TypeVar

from narrator.content.library import articles_in, openable
from narrator.content.loader import load_article
from narrator.content.model import GlossaryEntry
from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.exit_codes import ExitCode
from narrator.reading.commands import BY_KEY, COMMANDS, ESCAPE_WAIT_SECONDS, IN_TABLE, Action
from narrator.reading.cursor import Cursor
from narrator.reading.library_commands import summary
from narrator.reading.library_list import default_index, library_list
from narrator.reading.session import ReadingSession, Speech, SpeechMaker
from narrator.reading.store import ArticleState, Loaded, Settings, Store
from narrator.speech.events import SpeechEvent
from narrator.speech.output import SpeechOutput
from narrator.speech.settings import Verbosity, VoiceSettings
from narrator.speech.speaker import Speaker
from narrator.speech.utterance import Place, Utterance
from narrator.speech.voices import require_installed

POLL_SECONDS = 0.03
IDLE_SECONDS = 0.5

_SEQUENCES = {
    "\x1b[1;7A": "ctrl+alt+up",
    "\x1b[1;7B": "ctrl+alt+down",
    "\x1b[1;7C": "ctrl+alt+right",
    "\x1b[1;7D": "ctrl+alt+left",
    "\x1b[1;5C": "ctrl+right",
    "\x1b[1;5D": "ctrl+left",
    "\x1b[1;5H": "ctrl+home",
    "\x1b[1;5F": "ctrl+end",
    "\x1b[7^": "ctrl+home",
    "\x1b[8^": "ctrl+end",
    "\x1b[H": "home",
    "\x1b[F": "end",
    "\x1b[1~": "home",
    "\x1b[4~": "end",
    "\x1b[7~": "home",
    "\x1b[8~": "end",
    "\x1bOH": "home",
    "\x1bOF": "end",
    "\x1bOP": "f1",
    "\x1b[11~": "f1",
    "\x1b[[A": "f1",
    "\x1b[A": "up",
    "\x1b[B": "down",
    "\x1b[C": "right",
    "\x1b[D": "left",
    "\x1bOA": "up",
    "\x1bOB": "down",
    "\x1bOC": "right",
    "\x1bOD": "left",
}
_NAMED = {
    " ": "space",
    "\x1b": "escape",
    "+": "plus",
    "-": "minus",
    "?": "question_mark",
    "/": "slash",
    "\r": "enter",
    "\n": "enter",
    "\x0f": "ctrl+o",
    "\x7f": "backspace",
    "\x08": "backspace",
    "!": "exclamation_mark",
    "@": "at",
    "#": "number_sign",
    "$": "dollar_sign",
    "%": "percent_sign",
    "^": "circumflex_accent",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "{": "left_curly_bracket",
    "<": "less_than_sign",
    ">": "greater_than_sign",
    "(": "left_parenthesis",
    ")": "right_parenthesis",
}
_LONGEST = max(map(len, _SEQUENCES))
READ_KEYS = {
    "space": Action.SAY_ALL,
    "right": Action.NEXT_SENTENCE,
    "left": Action.PREVIOUS_SENTENCE,
}
PLAIN_COMMANDS = tuple(command for command in COMMANDS if command.plain)
READ_STOP_KEYS = {"escape", "q"}
T = TypeVar("T")


def one_line(text: str) -> str:
    """``text`` on one printed line, control characters shown instead of obeyed."""
    return " ".join(visible(text).split())


def print_notice(message: str, err: TextIO) -> None:
    """A one-line notice, on stderr so the text lines on stdout stay the article's."""
    print(f"narrator: {one_line(message)}", file=err, flush=True)


# ------------------------------------------------------------------- keys


def _terminal_outputs() -> tuple[int, ...]:
    """stdout and stderr where they are a terminal; asked up front, because a
    terminal that has hung up no longer says it is one."""
    return tuple(fd for fd in (1, 2) if os.isatty(fd))


def _silence(outputs: tuple[int, ...]) -> None:
    """Print into /dev/null from now on: every write to a hung-up terminal fails
    (EIO), and the reader must still close its speaker and save the place."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in outputs:
            os.dup2(devnull, fd)
    finally:
        os.close(devnull)


class Keys:
    """Single key presses from a terminal, named as ``narrator.reading.commands`` names them.

    The terminal may hang up at any moment (ssh drops, tmux kills the session):
    reading it then ends like ``q``, and restoring its mode is skipped.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._pending = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._outputs = _terminal_outputs() if os.isatty(fd) else ()

    @contextlib.contextmanager
    def cbreak(self) -> Iterator[Keys]:
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            tty.setcbreak(self.fd)
            yield self
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)

    @contextlib.contextmanager
    def cooked(self) -> Iterator[None]:
        """Line editing back on for a moment (typing a search)."""
        import termios

        raw = termios.tcgetattr(self.fd)
        cooked = list(raw)
        cooked[3] |= termios.ICANON | termios.ECHO
        termios.tcsetattr(self.fd, termios.TCSADRAIN, cooked)
        try:
            yield
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, raw)

    def _ready(self, timeout: float) -> bool:
        return bool(select.select([self.fd], [], [], timeout)[0])

    def _fill(self, timeout: float) -> bool:
        if not self._ready(timeout):
            return False
        try:
            data = os.read(self.fd, 64)
        except OSError:
            data = b""
        if not data:
            _silence(self._outputs)
            raise EOFError
        self._pending += self._decoder.decode(data)
        return True

    def read(self, timeout: float) -> str | None:
        """The next key, or None if none came within ``timeout`` seconds.

        A lone escape is the escape key only if nothing follows it quickly:
        the arrows arrive as escape sequences.
        """
        if not self._pending:
            self._fill(timeout)
        if not self._pending:
            return None
        if self._pending.startswith("\x1b"):
            while len(self._pending) < _LONGEST and self._fill(ESCAPE_WAIT_SECONDS):
                if self._pending in _SEQUENCES:
                    break
            for sequence, name in _SEQUENCES.items():
                if self._pending.startswith(sequence):
                    self._pending = self._pending[len(sequence) :]
                    return name
            if self._pending[1:2] in ("[", "O"):
                self._pending = self._drop_sequence(self._pending)
                return None
        key, self._pending = self._pending[0], self._pending[1:]
        return _NAMED.get(key, key)

    @staticmethod
    def _drop_sequence(pending: str) -> str:
        """Skip an escape sequence for a key the reader does not use (F2, Insert, …)."""
        for end in range(2, len(pending)):
            if pending[end].isalpha() or pending[end] == "~":
                return pending[end + 1 :]
        return ""


# ----------------------------------------------------------------- reader


class PlainView:
    """What the session reports, as printed lines: each utterance when it is heard
    (stdout), each notice once (stderr)."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self._last_notice = ""
        self._printed: set[int] = set()

    def show_heard(self, utterance: Utterance, line: str) -> None:
        """A sound cue is heard, not printed (the words beside it say the same)."""
        if id(utterance) not in self._printed and utterance.tone is None:
            print(one_line(line), file=self.out, flush=True)

    def printed(self, utterances: Sequence[Utterance]) -> None:
        """Print ``utterances`` now, not when heard: a list the listener chooses from
        while it is still being said."""
        self._printed = {id(utterance) for utterance in utterances}
        for utterance in utterances:
            print(one_line(utterance.text), file=self.out, flush=True)

    def show_notice(self, notice: str) -> None:
        if notice and notice != self._last_notice:
            self._last_notice = notice
            print_notice(notice, self.err)

    def show_place(self) -> None:
        """The line for a place is printed when it is heard."""

    def show_state(self) -> None:
        """Nothing to redraw."""

    def show_word(self, utterance: Utterance, start: int, length: int) -> None:
        """Lines are printed whole."""

    def show_script(self) -> None:
        """The new wording is printed as it is heard."""

    def show_settings(self, settings: Settings) -> None:
        """Saved by the session; nothing to show."""

    def show_definition(self, entry: GlossaryEntry) -> None:
        """The definition is printed as it is heard."""


class PlainReader:
    """A reading session driven by keys from a terminal (or by none), printing what
    is heard. Speech events arrive on a queue and are applied between key presses."""

    def __init__(
        self,
        make_session: Callable[[Speech, PlainView], ReadingSession],
        make_speech: SpeechMaker,
        view: PlainView,
    ) -> None:
        self.events: queue.SimpleQueue[SpeechEvent] = queue.SimpleQueue()
        self.speaker = make_speech(self.events.put)
        self.session = make_session(self.speaker, view)
        self.view = view
        self._idle_since: float | None = None
        self.next_article: tuple[Path, Place | None] | None = None
        """What the listener chose in the library (ctrl+o): the reader closes for it."""

    def close(self) -> None:
        self.speaker.close()
        self.pump()

    def pump(self, timeout: float = 0.0) -> None:
        """Apply the speech events that have arrived (waiting up to ``timeout`` for one)."""
        self.session.tick(time.monotonic())
        try:
            event = self.events.get(timeout=timeout) if timeout else self.events.get_nowait()
        except queue.Empty:
            return
        while True:
            self.session.hear(event)
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return

    def finished(self) -> bool:
        """Say-all has read to the end, or the voice has gone quiet (it failed)."""
        say_all = self.session.say_all
        if not say_all.active:
            return not self.speaker.speaking
        if self.speaker.speaking or self.speaker.paused or say_all.as_text is not None:
            self._idle_since = None
            return False
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        return now - self._idle_since > IDLE_SECONDS

    def read_through(self) -> None:
        """No keys: read to the end."""
        self.session.start_reading()
        while not self.finished():
            self.pump(POLL_SECONDS)

    def read_with_keys(self, keys: Keys) -> None:
        """``narrator read`` with a terminal: say all, with space and the arrows."""
        self.session.start_reading()
        while not self.finished():
            key = _next_key(keys)
            self.pump()
            if key in READ_STOP_KEYS:
                self.session.quit()
                return
            action = READ_KEYS.get(key or "")
            if action is not None:
                self.session.run(action)

    def steer(self, keys: Keys) -> None:
        """``narrator open --plain``: every key the session has, until q."""
        while True:
            key = _next_key(keys)
            self.pump()
            if key is not None and not self.press(key, keys):
                return

    def press(self, key: str, keys: Keys) -> bool:
        """Do what ``key`` asks (asking the listener on ``keys`` for a search or a
        choice); False when the reader is to close."""
        command = BY_KEY.get(key)
        in_table = (
            self.session.table is not None and command is not None and command.action in IN_TABLE
        )
        if command is None or not (command.plain or in_table):
            self.session.no_such_key(key)
            return True
        if self.session.describe(command.action):
            return True
        asks: dict[Action, Callable[[Keys], None]] = {
            Action.SEARCH: self._search,
            Action.GLOSSARY: self._choose_term,
            Action.BOOKMARKS: self._choose_bookmark,
            Action.ELEMENTS: self._choose_element,
            Action.HISTORY: self._print_history,
            Action.NAMED_BOOKMARK: self._name_bookmark,
            Action.ANNOUNCEMENTS: self._choose_announcements,
            Action.VOICES: self._choose_voice,
        }
        if command.action is Action.QUIT:
            return not self.session.quit()
        self.session.run(command.action)
        if command.action is Action.LIBRARY:
            self.next_article = self._choose_from_library(keys)
            return self.next_article is None or not self.session.quit()
        if command.action in asks:
            asks[command.action](keys)
        return True

    def _search(self, keys: Keys) -> None:
        self.session.search(_ask(keys, "Search: "))

    def _choose_term(self, keys: Keys) -> None:
        glossary = self.session.cursor.article.glossary
        number = self._choose(keys, "Glossary", [entry.term for entry in glossary])
        if number is not None:
            self.session.choose_term(number)

    def _choose_bookmark(self, keys: Keys) -> None:
        names = [bookmark.name for bookmark in self.session.bookmarks]
        number = self._choose(keys, "Bookmarks", names)
        if number is not None:
            self.session.go_to_bookmark(number)

    def _choose_from_library(self, keys: Keys) -> tuple[Path, Place | None] | None:
        """The library as a numbered list (each article with its details); a number
        opens that article, ``/`` and words search every article first."""
        store = Store()
        listed = library_list(store)
        rate = self.session.settings.voice.rate
        names = [item.said(rate) for item in listed]
        lines = [
            f"Library, {len(names)}: type a number, or a slash and words to search every "
            "article, then Enter.",
            *(f"{number}. {name}" for number, name in enumerate(names, start=1)),
        ]
        self._print_and_say(lines)
        answer = (_ask(keys, "Number or /words: ") or "").strip()
        if answer.startswith("/"):
            return self._search_library(keys, answer[1:], [item.entry.path for item in listed])
        number = self._number(answer, len(names))
        return None if number is None else (listed[number].entry.path, None)

    def _search_library(
        self, keys: Keys, words: str, paths: Sequence[Path]
    ) -> tuple[Path, Place | None] | None:
        found = default_index().search(words, paths)
        if not found.matches:
            self.session.say(summary(found))
            self.view.printed(self.session.cursor.announcer.sentences(summary(found)))
            return None
        hits = found.hits
        lines = [
            f"{summary(found)} Type a number, then Enter.",
            *(
                f"{number}. {hit.entry.title}: {' '.join(hit.text.split())}"
                for number, hit in enumerate(hits, start=1)
            ),
        ]
        self._print_and_say(lines)
        number = self._number((_ask(keys, "Number: ") or "").strip(), len(hits))
        return None if number is None else (hits[number].entry.path, hits[number].place)

    def _print_and_say(self, lines: Sequence[str]) -> None:
        said = [self.session.cursor.announcer.say(line) for line in lines]
        self.view.printed(said)
        self.session.speak(said)

    def _number(self, answer: str, count: int) -> int | None:
        """The 0-based choice typed as a 1-based number; anything else is said and None."""
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer) - 1
        self.session.say(f"No number {answer}" if answer else "Nothing chosen")
        return None

    def _choose_element(self, keys: Keys) -> None:
        labels = [label for label, _ in self.session.elements()]
        number = self._choose(keys, "Elements", labels)
        if number is not None:
            self.session.go_to_element(number)

    def _print_history(self, keys: Keys) -> None:
        """The speech history, newest first, printed to copy from; a number goes there."""
        heard = self.session.history.utterances[::-1]
        number = self._choose(keys, "Speech history", [u.text for u in heard])
        if number is not None:
            self.session.go_to_heard(heard[number])

    def _name_bookmark(self, keys: Keys) -> None:
        self.session.say("Bookmark name, then Enter")
        name = _ask(keys, "Bookmark name: ")
        if name is None or not name.strip():
            self.session.say("No bookmark added")
            return
        self.session.add_bookmark(name)

    def _choose_announcements(self, keys: Keys) -> None:
        number = self._choose(keys, "Announcements", self.session.announcement_choices())
        if number is not None:
            self.session.toggle_announcement(number)

    def _choose_voice(self, keys: Keys) -> None:
        voices, _ = self.session.voice_choices()
        number = self._choose(keys, "Voices", [voice.name for voice in voices])
        if number is not None:
            self.session.choose_voice(voices[number])

    def _choose(self, keys: Keys, title: str, names: Sequence[str]) -> int | None:
        """A numbered list, printed and said; the listener types a number (nothing goes back)."""
        session = self.session
        if not names:
            session.say(f"No {title.lower()} yet")
            return None
        lines = [
            f"{title}, {len(names)}: type a number, then Enter.",
            *(f"{number}. {name}" for number, name in enumerate(names, start=1)),
        ]
        self._print_and_say(lines)
        return self._number((_ask(keys, "Number: ") or "").strip(), len(names))


def _next_key(keys: Keys) -> str | None:
    """The next key within a poll; a terminal that hung up is q."""
    try:
        return keys.read(POLL_SECONDS)
    except EOFError:
        return "q"


def _ask(keys: Keys, prompt: str) -> str | None:
    """A line typed with echo and editing on; None when the input ends."""
    with keys.cooked():
        try:
            return input(prompt)
        except EOFError:
            return None


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _ended_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so the terminal and the place are restored.

    SIGHUP means the terminal is gone: what is printed while unwinding goes
    nowhere, and a second hang-up is ignored from then on (tmux sends one and
    then closes the terminal, which sends another) so that it cannot cut short
    saving the place.
    """
    outputs = _terminal_outputs()
    hang_up = getattr(signal, "SIGHUP", None)
    hung_up = False

    def interrupt(number: int, frame: FrameType | None) -> None:
        nonlocal hung_up
        if number == hang_up:
            hung_up = True
            signal.signal(number, signal.SIG_IGN)
            _silence(outputs)
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in _SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            if not (hung_up and number == hang_up):
                signal.signal(number, handler)


def _keys() -> Keys | None:
    """Keys from stdin if it is a terminal (a POSIX one: cbreak mode is termios)."""
    interactive = os.name == "posix" and sys.stdin is not None and sys.stdin.isatty()
    return Keys(sys.stdin.fileno()) if interactive else None


def _noticed(loaded: Loaded[T], err: TextIO) -> T:
    """The loaded value; a file that could not be used is one line on ``err`` first."""
    if loaded.notice:
        print_notice(loaded.notice, err)
    return loaded.value


# ------------------------------------------------------------ narrator read


def _session_maker(
    cursor: Cursor,
    settings: Settings,
    store: Store | None,
    path: Path | None,
    state: ArticleState,
    remake: Callable[[Verbosity], Cursor] | None,
) -> Callable[[Speech, PlainView], ReadingSession]:
    def make(speech: Speech, view: PlainView) -> ReadingSession:
        return ReadingSession(
            cursor,
            speech,
            view,
            settings=settings,
            store=store,
            path=path,
            state=state,
            commands=PLAIN_COMMANDS,
            remake=remake,
        )

    return make


def _speech(output: SpeechOutput, voice: VoiceSettings, language: str) -> SpeechMaker:
    """The real speaker, in ``voice``, for an article in ``language``, with the
    command's output options."""

    def make(hear: Callable[[SpeechEvent], None]) -> Speaker:
        return Speaker(
            voice,
            on_event=hear,
            language=language,
            audio_out=output.audio_out,
            speech_log=output.speech_log,
            null_audio=output.null_audio,
        )

    return make


def read(
    path: Path,
    *,
    section: str | None = None,
    rate: int | None = None,
    voice_id: str | None = None,
    punctuation: str | None = None,
    figures: str | None = None,
    output: SpeechOutput = SpeechOutput(),  # noqa: B008 - frozen, so sharing is safe
) -> ExitCode:
    """Read aloud from the start (or ``section``) to the end, printing each utterance,
    in the saved voice and verbosity with this run's options over them."""
    article = load_article(openable(path))
    store = Store()
    settings = _noticed(store.settings(), sys.stderr).for_this_run(
        rate=rate, voice_id=voice_id, punctuation=punctuation, figures=figures
    )
    lexicon = _noticed(store.lexicon(), sys.stderr)
    cursor = Cursor.for_article(article, settings.verbosity, lexicon)
    if section:
        cursor.go_to_section(section)
    keys = _keys()
    make = _session_maker(cursor, settings, None, None, ArticleState(), None)
    reader = PlainReader(
        make, _speech(output, settings.voice, article.language), PlainView(sys.stdout, sys.stderr)
    )
    try:
        if voice_id is not None:
            require_installed(voice_id, reader.speaker.voices())
        with _ended_by_signals():
            if keys is None:
                reader.read_through()
            else:
                with keys.cbreak():
                    reader.read_with_keys(keys)
    finally:
        reader.close()
    return ExitCode.OK


# ------------------------------------------------------ narrator open --plain


def _choose(paths: list[Path], keys: Keys | None) -> Path:
    """Which article of a folder (of several) to open: the listener's choice."""
    names = ", ".join(p.name for p in paths)
    if keys is None:
        raise NarratorError(f"several articles here ({names}); name the one to open")
    for number, path in enumerate(paths, start=1):
        print(f"{number}. {one_line(path.stem)}", flush=True)
    try:
        answer = input("Article number: ").strip()
    except EOFError:
        answer = ""
    if not answer.isdigit() or not 1 <= int(answer) <= len(paths):
        raise NarratorError(f"no article number {answer!r}; choose 1 to {len(paths)}")
    return paths[int(answer) - 1]


def open_plain(
    path: Path | None,
    *,
    section: str | None = None,
    punctuation: str | None = None,
    figures: str | None = None,
    output: SpeechOutput = SpeechOutput(),  # noqa: B008 - frozen, so sharing is safe
) -> ExitCode:
    """Open an article (or choose one of a folder's) in the plain reader, where the
    listener left it; an article chosen in the library (ctrl+o) opens next."""
    keys = _keys()
    path = openable(path)
    if path.is_dir():
        path = _choose(articles_in(path), keys)
    place: Place | None = None
    while True:
        chosen = _read_plain(path, keys, section, place, punctuation, figures, output)
        if chosen is None:
            return ExitCode.OK
        (path, place), section = chosen, None


def _read_plain(
    path: Path,
    keys: Keys | None,
    section: str | None,
    place: Place | None,
    punctuation: str | None,
    figures: str | None,
    output: SpeechOutput,
) -> tuple[Path, Place | None] | None:
    """One article in the plain reader, at ``section``, ``place`` or where the listener
    left it; what they chose in the library, if they left for it."""
    article = load_article(path)
    store = Store()
    settings = _noticed(store.settings(), sys.stderr).for_this_run(
        punctuation=punctuation, figures=figures
    )
    lexicon = _noticed(store.lexicon(), sys.stderr)
    cursor = Cursor.for_article(article, settings.verbosity, lexicon)
    state = _noticed(store.article(article.id, path), sys.stderr)
    if section:
        cursor.go_to_section(section)
    elif place is not None:
        cursor.go_to_place(place)
    elif state.progress is not None:
        cursor.go_to_place(state.progress)
    remake = partial(Cursor.for_article, article, lexicon=lexicon)
    make = _session_maker(cursor, settings, store, path, state, remake)
    reader = PlainReader(
        make, _speech(output, settings.voice, article.language), PlainView(sys.stdout, sys.stderr)
    )
    session = reader.session
    try:
        with _ended_by_signals():
            if keys is None:
                reader.read_through()
            else:
                with keys.cbreak():
                    resumed = state.progress is not None and not section and place is None
                    session.open(resumed=resumed)
                    reader.steer(keys)
    finally:
        reader.close()
        session.write_state()
    return reader.next_article
