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

import argparse
import codecs
import contextlib
import dataclasses
import os
import queue
import select
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from types import FrameType
from typing import TextIO, TypeVar

from narrator.content.errors import NarratorError
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.reading.announce import Announcer
from narrator.reading.bookmarks import bookmark_here
from narrator.reading.commands import BY_KEY, help_lines
from narrator.reading.cursor import Cursor, Move
from narrator.reading.sayall import SayAll
from narrator.reading.store import ArticleState, Loaded, Settings, Store
from narrator.reading.voice_choice import VoiceChange, faster, next_voice, slower
from narrator.speech.events import NOTICES, SpeechEvent, SpeechEventKind
from narrator.speech.lexicon import Lexicon
from narrator.speech.script import build_script
from narrator.speech.speaker import Speaker
from narrator.speech.utterance import Utterance
from narrator.speech.voices import require_installed

POLL_SECONDS = 0.03
ESCAPE_SECONDS = 0.05
IDLE_SECONDS = 0.5
SAVE_SECONDS = 5.0
ARTICLE_SUFFIXES = (".yaml", ".yml")

_SEQUENCES = {
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
}
READ_KEYS = {"space": "say-all", "right": "next-sentence", "left": "previous-sentence"}
READ_STOP_KEYS = {"escape", "q"}
T = TypeVar("T")


def visible(text: str) -> str:
    """``text`` on one line, with control characters shown instead of obeyed: an
    article's escape codes are text, never terminal commands."""
    shown = []
    for char in " ".join(text.split()):
        code = ord(char)
        if code < 0x20:
            shown.append("^" + chr(code + 0x40))
        elif code == 0x7F or 0x80 <= code < 0xA0:
            shown.append(f"\\x{code:02x}")
        else:
            shown.append(char)
    return "".join(shown)


def print_notice(message: str, err: TextIO) -> None:
    """A one-line notice, on stderr so the text lines on stdout stay the article's."""
    print(f"narrator: {visible(message)}", file=err, flush=True)


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
            while len(self._pending) < 3 and self._fill(ESCAPE_SECONDS):
                pass
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
        """Skip an escape sequence for a key the reader does not use (F1, Home, …)."""
        for end in range(2, len(pending)):
            if pending[end].isalpha() or pending[end] == "~":
                return pending[end + 1 :]
        return ""


# ----------------------------------------------------------------- session


class Session:
    """One article being read aloud and printed, with its cursor, speaker and say-all."""

    def __init__(
        self,
        cursor: Cursor,
        settings: Settings,
        args: argparse.Namespace,
        *,
        out: TextIO,
        err: TextIO,
    ) -> None:
        self.cursor = cursor
        self.settings = settings
        self.out = out
        self.err = err
        self.events: queue.SimpleQueue[SpeechEvent] = queue.SimpleQueue()
        self.speaker = Speaker(
            settings.voice,
            on_event=self.events.put,
            language=cursor.article.language,
            audio_out=args.audio_out,
            speech_log=args.speech_log,
            null_audio=args.no_audio,
        )
        self.say_all = SayAll(self.speaker, self.cursor, rate=lambda: self.settings.voice.rate)
        self._last_notice = ""
        self._printed: Utterance | None = None
        self._idle_since: float | None = None

    def close(self) -> None:
        self.speaker.close()
        self.pump()

    def notice(self, message: str) -> None:
        if message and message != self._last_notice:
            self._last_notice = message
            print_notice(message, self.err)

    def pump(self, timeout: float = 0.0) -> None:
        """Apply the speech events that have arrived (waiting up to ``timeout`` for one);
        with no voice, print the next line when its time has come."""
        if self.say_all.tick(time.monotonic()) and self.say_all.as_text is not None:
            print(visible(self.say_all.as_text.text), file=self.out, flush=True)
        try:
            event = self.events.get(timeout=timeout) if timeout else self.events.get_nowait()
        except queue.Empty:
            return
        while True:
            self._apply(event)
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return

    def _apply(self, event: SpeechEvent) -> None:
        if event.kind in NOTICES:
            self.notice(event.message)
        printable = event.kind is SpeechEventKind.STARTED or (
            event.kind is SpeechEventKind.ERROR and event.utterance is not self._printed
        )
        if event.utterance is not None and printable:
            self._printed = event.utterance
            print(visible(event.utterance.text), file=self.out, flush=True)
        self.say_all.handle(event)

    def finished(self) -> bool:
        """Say-all has read to the end, or the voice has gone quiet (it failed)."""
        if not self.say_all.active:
            return not self.speaker.speaking
        if self.speaker.speaking or self.speaker.paused or self.say_all.as_text is not None:
            self._idle_since = None
            return False
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        return now - self._idle_since > IDLE_SECONDS

    def speak(self, utterances: Sequence[Utterance]) -> None:
        self.say_all.stop()
        self.speaker.speak(utterances)

    def say(self, *lines: str) -> None:
        self.speak([self.cursor.announcer.say(line) for line in lines])

    def moved(self, move: Move, said: str = "") -> None:
        """Say where a move landed (after ``said``, if given); if say-all was
        reading, read on from there."""
        if said:
            lead = self.cursor.announcer.say(said)
            speech = (lead, move.utterance)
            move = dataclasses.replace(move, announcement=said, speech=speech, end=move.index + 1)
        if self.say_all.active and not self.say_all.paused:
            self.say_all.restart_from(move)
        else:
            self.say_all.follow(move)


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


def make_cursor(article: Article, settings: Settings, lexicon: Lexicon | None = None) -> Cursor:
    """The article's script under the listener's verbosity and lexicon, at its start."""
    script = build_script(article, verbosity=settings.verbosity, lexicon=lexicon)
    announcer = Announcer.for_article(article, settings.verbosity, lexicon)
    return Cursor(article, script.utterances, announcer=announcer)


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


def read(args: argparse.Namespace) -> int:
    """Read aloud from the start (or ``--section``) to the end, printing each utterance."""
    article = load_article(args.path)
    store = Store()
    settings = _noticed(store.settings(), sys.stderr).for_this_run(
        rate=args.rate, voice_id=args.voice, punctuation=args.punctuation, figures=args.figures
    )
    cursor = make_cursor(article, settings, _noticed(store.lexicon(), sys.stderr))
    if args.section:
        cursor.go_to_section(args.section)
    keys = _keys()
    session = Session(cursor, settings, args, out=sys.stdout, err=sys.stderr)
    try:
        if args.voice is not None:
            require_installed(args.voice, session.speaker.voices())
        with _ended_by_signals():
            session.say_all.start()
            if keys is None:
                _read_through(session)
            else:
                with keys.cbreak():
                    _read_with_keys(session, keys)
    finally:
        session.close()
    return 0


def _read_through(session: Session) -> None:
    while not session.finished():
        session.pump(POLL_SECONDS)


def _read_with_keys(session: Session, keys: Keys) -> None:
    while not session.finished():
        try:
            key = keys.read(POLL_SECONDS)
        except EOFError:
            key = "q"
        session.pump()
        if key in READ_STOP_KEYS:
            session.say_all.stop()
            return
        command = READ_KEYS.get(key or "")
        if command == "say-all":
            session.say_all.toggle()
        elif command is not None:
            session.moved(session.cursor.step(command))


# ------------------------------------------------------ narrator open --plain


def _articles_in(folder: Path) -> list[Path]:
    found = sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    if not found:
        raise NarratorError(f"{folder}: no articles (*.yaml) in this folder")
    return found


def _choose(paths: list[Path], keys: Keys | None) -> Path:
    """Which article of a folder to open: the only one, or the listener's choice."""
    if len(paths) == 1:
        return paths[0]
    names = ", ".join(p.name for p in paths)
    if keys is None:
        raise NarratorError(f"several articles here ({names}); name the one to open")
    for number, path in enumerate(paths, start=1):
        print(f"{number}. {path.stem}", flush=True)
    try:
        answer = input("Article number: ").strip()
    except EOFError:
        answer = ""
    if not answer.isdigit() or not 1 <= int(answer) <= len(paths):
        raise NarratorError(f"no article number {answer!r}; choose 1 to {len(paths)}")
    return paths[int(answer) - 1]


class PlainReader:
    """``narrator open --plain``: the full-screen reader's keys, one printed line per utterance."""

    def __init__(self, session: Session, store: Store, path: Path, state: ArticleState) -> None:
        self.session = session
        self.cursor = session.cursor
        self.store = store
        self.path = path
        self.state = state
        self._bookmark_turn = -1
        self._saved_at = time.monotonic()
        self._saved_index = self.cursor.index

    def save(self) -> None:
        place = self.cursor.current.place
        if place is not None:
            self.state = dataclasses.replace(self.state, progress=place)
        self._report(self.store.save_article(self.cursor.article.id, self.path, self.state))
        self._saved_at, self._saved_index = time.monotonic(), self.cursor.index

    def save_now_and_then(self) -> None:
        """Keep the place on disk while reading, so even a crash loses little."""
        stale = time.monotonic() - self._saved_at > SAVE_SECONDS
        if stale and self.cursor.index != self._saved_index:
            self.save()

    def _report(self, notice: str | None) -> None:
        if notice:
            self.session.notice(notice)

    def run(self, keys: Keys) -> None:
        session = self.session
        while True:
            try:
                key = keys.read(POLL_SECONDS)
            except EOFError:
                key = "q"
            session.pump()
            self.save_now_and_then()
            if key is None:
                continue
            command = BY_KEY.get(key)
            if command is None or not command.plain:
                continue
            if command.name == "quit":
                session.say_all.stop()
                return
            self.do(command.name, keys)

    def do(self, name: str, keys: Keys) -> None:
        session, cursor = self.session, self.cursor
        if name == "say-all":
            session.say_all.toggle()
        elif name == "stop":
            session.say_all.stop()
            session.speaker.stop()
        elif name == "definition":
            entry = cursor.term_at_cursor()
            if entry is None:
                session.say("There is no glossary term here")
            else:
                session.speak(cursor.definition_utterances(entry))
        elif name == "where":
            state = "paused" if session.say_all.paused else ""
            session.say(cursor.where(with_title=True, state=state).spoken)
        elif name == "repeat":
            session.moved(cursor.go_to(cursor.index))
        elif name in ("faster", "slower"):
            voice = session.settings.voice
            self.change_voice(faster(voice) if name == "faster" else slower(voice))
        elif name == "next-voice":
            installed = session.speaker.voices()
            language = cursor.article.language
            self.change_voice(next_voice(session.settings.voice, installed, language))
        elif name == "bookmark":
            self.add_bookmark()
        elif name == "bookmarks":
            self.next_bookmark()
        elif name == "search":
            self.search(keys)
        elif name == "help":
            session.speak([cursor.announcer.say(line) for line in help_lines(plain=True)])
        else:
            session.moved(cursor.step(name))

    def change_voice(self, change: VoiceChange) -> None:
        """Speak with the new settings from now on, remember them, and say so;
        say-all reads on from the sentence it was in."""
        session = self.session
        before = session.settings
        session.settings = dataclasses.replace(before, voice=change.voice)
        session.speaker.configure(change.voice)
        self._report(self.store.remember(before, session.settings))
        if session.say_all.active and not session.say_all.paused:
            session.moved(self.cursor.go_to(self.cursor.index), change.said)
        else:
            session.say(change.said)

    def add_bookmark(self) -> None:
        bookmark = bookmark_here(self.cursor)
        self.state = dataclasses.replace(self.state, bookmarks=(*self.state.bookmarks, bookmark))
        self.save()
        self.session.say(f"Bookmark added: {bookmark.name}")

    def next_bookmark(self) -> None:
        bookmarks = self.state.bookmarks
        if not bookmarks:
            self.session.say("No bookmarks yet; b adds one")
            return
        self._bookmark_turn = (self._bookmark_turn + 1) % len(bookmarks)
        bookmark = bookmarks[self._bookmark_turn]
        said = f"Bookmark {self._bookmark_turn + 1} of {len(bookmarks)}: {bookmark.name}"
        self.session.moved(self.cursor.go_to_place(bookmark.place), said)

    def search(self, keys: Keys) -> None:
        self.session.say_all.stop()
        with keys.cooked():
            try:
                query = input("Search: ")
            except EOFError:
                return
        if not query.strip():
            return
        self.cursor.search(query)
        self.session.moved(self.cursor.next_match())


def open_plain(args: argparse.Namespace) -> int:
    """Open an article in the plain reader, where the listener left it."""
    keys = _keys()
    path: Path = args.path if args.path is not None else Path(str(files("narrator.articles")))
    if path.is_dir():
        path = _choose(_articles_in(path), keys)
    elif not path.exists():
        raise NarratorError(f"{path}: no such file or folder")
    article = load_article(path)
    store = Store()
    settings = _noticed(store.settings(), sys.stderr).for_this_run(
        punctuation=args.punctuation, figures=args.figures
    )
    cursor = make_cursor(article, settings, _noticed(store.lexicon(), sys.stderr))
    state = _noticed(store.article(article.id, path), sys.stderr)
    if args.section:
        cursor.go_to_section(args.section)
    elif state.progress is not None:
        cursor.go_to_place(state.progress)
    session = Session(cursor, settings, args, out=sys.stdout, err=sys.stderr)
    reader = PlainReader(session, store, path, state)
    try:
        with _ended_by_signals():
            if keys is None:
                session.say_all.start()
                _read_through(session)
            else:
                with keys.cbreak():
                    resumed = state.progress is not None and not args.section
                    session.say_all.follow(cursor.opening(resumed))
                    reader.run(keys)
    finally:
        session.close()
        reader.save()
    return 0
