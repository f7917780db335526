"""One article being listened to: what every reading command does, for both readers.

The full-screen reader and the plain reader only turn keys into ``Action``s
and show what the session reports; everything a command means (where the
cursor goes, what is said, whether say-all reads on, which setting changes
and when the place is saved) is decided here, once. The speaker is passed
in (``Speech``), so the tests can give it a fake with its own clock and
press keys at the moments a listener does.

Threads: every method runs on the reader's own thread. The speaker's events
reach ``hear`` there (Textual posts them as messages, the plain reader
drains a queue), so nothing here takes a lock.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Protocol, TypeVar

from narrator.content.model import GlossaryEntry
from narrator.reading.bookmarks import bookmark_here
from narrator.reading.commands import Action, Command, said_key, spoken_help
from narrator.reading.cursor import MOVES, Cursor, Move
from narrator.reading.printed import printed_line
from narrator.reading.sayall import SayAll, SpeakerLike
from narrator.reading.store import ArticleState, Settings, Store
from narrator.reading.voice_choice import VoiceChange, faster, next_voice, slower
from narrator.speech.engines.base import Voice
from narrator.speech.events import NOTICES, SpeechEvent, SpeechEventKind
from narrator.speech.message import spoken_message
from narrator.speech.settings import FigureVerbosity, Punctuation, Verbosity, VoiceSettings
from narrator.speech.utterance import Place, Utterance

# How often, at most, the place is written while the listener moves within a section.
SAVE_SECONDS = 5.0
FIRST_OPENING_HINT = "Space to read, question mark for help"


class ReaderState(Enum):
    """What the voice is doing, as the status line says it."""

    SILENT = "silent"
    SPEAKING = "speaking"
    READING = "reading"
    PAUSED = "paused"


class Speech(SpeakerLike, Protocol):
    """What a reader needs of ``narrator.speech.speaker.Speaker``."""

    def configure(self, voice: VoiceSettings) -> None: ...
    def voices(self) -> list[Voice]: ...
    def read_in(self, language: str | None) -> None: ...
    def close(self) -> None: ...


# Makes a reader's voice, given what to call with its events (from any thread): the
# real speaker, or in the tests a fake one with its own clock.
SpeechMaker = Callable[[Callable[[SpeechEvent], None]], Speech]


class SessionView(Protocol):
    """What a reader shows of the session: it is told, it never decides."""

    def show_place(self) -> None:
        """The cursor is somewhere new (a key, or the voice reading on)."""

    def show_state(self) -> None:
        """The voice's state, the rate or the term landed on changed."""

    def show_heard(self, utterance: Utterance, line: str) -> None:
        """``utterance`` begins to be heard (or failed before it could be); ``line`` is
        it in print, with the structure it says ("Section 2 of 6: …")."""

    def show_word(self, utterance: Utterance, start: int, length: int) -> None:
        """The word at ``utterance.text[start:start + length]`` is being heard."""

    def show_notice(self, notice: str) -> None:
        """One line the listener must read (it is said too, when it matters)."""

    def show_script(self) -> None:
        """The script was remade (punctuation, figures): the text is new."""

    def show_settings(self, settings: Settings) -> None:
        """The listener changed a setting (voice, verbosity, contrast)."""

    def show_definition(self, entry: GlossaryEntry) -> None:
        """The definition of ``entry`` is being said."""


Level = TypeVar("Level", Punctuation, FigureVerbosity)


def following(level: Level) -> Level:
    """The next of a setting's levels, round to the first after the last."""
    levels = list(type(level))
    return levels[(levels.index(level) + 1) % len(levels)]


class ReadingSession:
    """The cursor, say-all, the settings and the article's saved state, and every command.

    With no ``store`` nothing is remembered (``narrator read`` reads and forgets).
    """

    def __init__(
        self,
        cursor: Cursor,
        speech: Speech,
        view: SessionView,
        *,
        settings: Settings,
        store: Store | None,
        path: Path | None,
        state: ArticleState,
        commands: Sequence[Command],
        remake: Callable[[Verbosity], Cursor] | None = None,
    ) -> None:
        self.cursor = cursor
        self.speech = speech
        self.view = view
        self.settings = settings
        self.store = store
        self.path = path
        self.bookmarks = state.bookmarks
        self.commands = tuple(commands)
        self.remake = remake
        self.say_all = self._say_all()
        self._last: Action | None = None
        self._saved_section: str | None = None
        self._saved_index: int | None = None
        self._saved_at = 0.0
        self._reported = ""
        self._quit_unsaved = False
        self._heard_last: Utterance | None = None
        self._actions: dict[Action, Callable[[], None]] = {
            Action.SAY_ALL: lambda: self.say_all.toggle(),
            Action.STOP: lambda: self.say_all.stop(),
            Action.DEFINITION: self.definition,
            Action.GLOSSARY: self.quiet,
            Action.REPEAT: self.repeat,
            Action.FASTER: lambda: self._change_voice(faster(self.settings.voice)),
            Action.SLOWER: lambda: self._change_voice(slower(self.settings.voice)),
            Action.NEXT_VOICE: self.next_voice,
            Action.PUNCTUATION: self.next_punctuation,
            Action.FIGURES: self.next_figures,
            Action.BOOKMARK: self.add_bookmark,
            Action.BOOKMARKS: self.quiet,
            Action.SEARCH: self.quiet,
            Action.LIBRARY: self.quiet,
            Action.HELP: self.help,
            Action.CONTRAST: self.toggle_contrast,
        }

    def _say_all(self) -> SayAll:
        return SayAll(self.speech, self.cursor, rate=lambda: self.settings.voice.rate)

    # ------------------------------------------------------------- state

    @property
    def state(self) -> ReaderState:
        if self.speech.paused:
            return ReaderState.PAUSED
        if self.say_all.active:
            return ReaderState.READING
        return ReaderState.SPEAKING if self.speech.speaking else ReaderState.SILENT

    @property
    def reading_all(self) -> bool:
        return self.say_all.active

    def finished(self) -> bool:
        """Nothing is being said and say-all is not reading (reading to the end is done)."""
        return not self.say_all.active and not self.speech.speaking

    # ----------------------------------------------------------- commands

    def run(self, action: Action) -> None:
        """Do what ``action`` means. ``GLOSSARY``, ``BOOKMARKS`` and ``SEARCH`` only
        quiet the voice: the reader asks the listener, then calls ``choose_term``,
        ``go_to_bookmark`` or ``search``. ``LIBRARY`` quiets it too: the reader
        saves the place (``quit``) and shows the library. ``QUIT`` is ``quit``."""
        previous, self._last = self._last, action
        if action in MOVES:
            self.move(self.cursor.step(action))
        elif action is Action.WHERE:
            self.where(again=previous is Action.WHERE)
        elif action in self._actions:
            self._actions[action]()
        self.view.show_state()

    def no_such_key(self, key: str) -> None:
        """A key that does nothing here says so, briefly: every key is answered."""
        self.say(f"{said_key(key)} does nothing")

    def open(self, *, resumed: bool, notices: Sequence[str] = (), title: bool = True) -> None:
        """Say the article's opening (after any notices, shown and said); the first
        time Narrator is ever used, how to start reading and where help is.
        ``title`` False: it was said already (``narrator.reading.first_words``)."""
        self.speech.read_in(self.cursor.article.language)
        for notice in notices:
            self._show_notice(notice)
        said = ". ".join(map(spoken_message, notices))
        lead = self.cursor.announcer.sentences(said) if said else []
        first_time = self.store is not None and self.store.never_used()
        hint = FIRST_OPENING_HINT if first_time else ""
        opening = self.cursor.opening(resumed, hint=hint, title=title)
        self._saved_section = self._section_id()
        self.say_all.follow(opening, lead, after=not title)
        self.view.show_place()
        self.view.show_state()
        self.save()  # the place is kept from the start: a failure is known at once

    def start_reading(self) -> None:
        """Say all from the cursor to the end (``narrator read``, or no keys to steer with)."""
        self.say_all.start()
        self.view.show_state()

    def move(self, move: Move) -> None:
        """Say where a move landed; say-all, if it was reading, reads on from there."""
        if self.say_all.active and not self.say_all.paused:
            self.say_all.restart_from(move)
        else:
            self.say_all.follow(move)
        self.view.show_place()
        self._save_on_a_new_section()

    def quiet(self) -> None:
        """Say-all gives way: a list or a question is coming, or other speech."""
        if self.say_all.active:
            self.say_all.stop()

    def speak(self, utterances: Sequence[Utterance]) -> None:
        """Cut the voice and say ``utterances`` (say-all ends)."""
        self.quiet()
        if utterances:
            self.speech.speak(utterances)
        self.view.show_state()

    def say(self, text: str) -> None:
        """Say the reader's own words, then read on if say-all was reading."""
        self.resume_after(self.cursor.announcer.sentences(text))

    def resume_after(self, utterances: Sequence[Utterance]) -> None:
        """Say ``utterances``; say-all, if it was reading, reads on from the sentence
        it was in, as + and - do."""
        if self.say_all.active and not self.say_all.paused:
            self.say_all.start(utterances)
        else:
            self.speak(utterances)
        self.view.show_state()

    def where(self, *, again: bool = False) -> None:
        """The section and the position, briefly; asked twice in a row, the title too."""
        paused = ReaderState.PAUSED.value if self.say_all.paused else ""
        self.say(self.cursor.where(with_title=again, state=paused).spoken)

    def repeat(self) -> None:
        if self.say_all.active:
            self.say_all.start()
        else:
            self.speak([self.cursor.current])

    def definition(self) -> None:
        entry = self.cursor.term_at_cursor()
        if entry is None:
            self.say("No glossary term here")
            return
        self.view.show_definition(entry)
        self.resume_after(self.cursor.definition_utterances(entry))

    def help(self) -> None:
        self.speak(self.cursor.announcer.sentences(spoken_help(self.commands)))

    def choose_term(self, number: int) -> None:
        """The glossary's entry ``number`` is the term n and N step through; land on
        its first use."""
        self.move(self.cursor.choose_term(self.cursor.article.glossary[number]))

    def search(self, query: str | None) -> None:
        """Find ``query`` and land on the first match after the cursor (or the last
        before it); n and N then step through the matches."""
        if query is None or not query.strip():
            self.say("Search cancelled")
            return
        if not self.cursor.search(query):
            self.say(f"No matches for {query}")
            return
        move = self.cursor.next_match()
        self.move(move if move.moved else self.cursor.previous_match())

    def go_to_section(self, section_id: str) -> None:
        self.move(self.cursor.go_to_section(section_id))

    # ------------------------------------------------------------ settings

    def _remember(self, settings: Settings) -> None:
        """Use ``settings`` from now on and save what changed (not this run's options)."""
        before, self.settings = self.settings, settings
        if self.store is not None:
            self._report(self.store.remember(before, settings))
        self.view.show_settings(settings)

    def _change_voice(self, change: VoiceChange) -> None:
        self._remember(dataclasses.replace(self.settings, voice=change.voice))
        self.speech.configure(change.voice)
        self.say(change.said)

    def next_voice(self) -> None:
        installed = self.speech.voices()
        language = self.cursor.article.language
        self._change_voice(next_voice(self.settings.voice, installed, language))

    def next_punctuation(self) -> None:
        verbosity = self.settings.verbosity
        level = following(verbosity.punctuation)
        # said at level some whatever the new level, so "all" is not read with its own marks
        self._change_verbosity(
            dataclasses.replace(verbosity, punctuation=level), f"Punctuation {level.value}"
        )

    def next_figures(self) -> None:
        verbosity = self.settings.verbosity
        level = following(verbosity.figures)
        self._change_verbosity(
            dataclasses.replace(verbosity, figures=level), f"Figures {level.value}"
        )

    def _change_verbosity(self, verbosity: Verbosity, said: str) -> None:
        """Say the script the new way from the same place, and remember it; say-all,
        if it was reading, reads on from that place."""
        reading = self.say_all.active and not self.say_all.paused
        announcement = self.cursor.announcer.sentences(said)
        self.quiet()
        self._remember(dataclasses.replace(self.settings, verbosity=verbosity))
        if self.remake is not None:
            place = self.place()
            self.cursor = self.remake(verbosity)
            if place is not None:
                self.cursor.go_to_place(place)
            self.say_all = self._say_all()
            self.view.show_script()
            self.view.show_place()
        if reading:
            self.say_all.start(announcement)
        else:
            self.speak(announcement)

    def toggle_contrast(self) -> None:
        contrast = not self.settings.high_contrast
        self._remember(dataclasses.replace(self.settings, high_contrast=contrast))
        self.say(f"High contrast {'on' if contrast else 'off'}")

    # ----------------------------------------------------------- bookmarks

    def add_bookmark(self) -> None:
        """A bookmark on the sentence being read; the same sentence is not marked twice."""
        bookmark = bookmark_here(self.cursor)
        same = next((b for b in self.bookmarks if b.place == bookmark.place), None)
        if same is not None:
            self.say(f"Already bookmarked: {same.name}")
            return
        self.bookmarks = (*self.bookmarks, bookmark)
        if self.save():
            self.say(f"Bookmark added: {bookmark.name}")

    def go_to_bookmark(self, number: int) -> None:
        """Land on bookmark ``number``; far away, its section is said before the sentence
        (a heading says it already)."""
        move = self.cursor.go_to_place(self.bookmarks[number].place)
        section = self.cursor.section()
        if section is not None and section.start != move.index:
            lead = self.cursor.announcer.sentences(section.title)
            move = dataclasses.replace(move, speech=(*lead, *move.speech))
        self.move(move)

    def delete_bookmark(self, number: int) -> str:
        """Remove bookmark ``number``; returns what to say."""
        self.bookmarks = self.bookmarks[:number] + self.bookmarks[number + 1 :]
        return "Bookmark deleted" if self.save() else "Bookmark deleted for this session"

    # --------------------------------------------------------------- speech

    def hear(self, event: SpeechEvent) -> None:
        """A speaker event, on the reader's thread: the cursor follows the voice."""
        if event.kind in NOTICES and event.message:
            self._show_notice(event.message)
        utterance = event.utterance
        heard = event.kind is SpeechEventKind.STARTED or (
            event.kind is SpeechEventKind.ERROR and utterance is not self._heard_last
        )
        if utterance is not None and heard:
            self._heard_last = utterance
            self.view.show_heard(utterance, printed_line(self.cursor, utterance))
        if self.say_all.handle(event):
            self.view.show_place()
            self._save_on_a_new_section()
        if (
            event.kind is SpeechEventKind.WORD
            and utterance is not None
            and self.cursor.index_of(utterance) == self.cursor.index
        ):
            self.view.show_word(utterance, event.start, event.length)
        self.view.show_state()

    def tick(self, now: float) -> None:
        """Called often (``now`` is ``time.monotonic()``): reading as text moves on when
        its time has come, and a place moved to is saved every few seconds."""
        if self.say_all.tick(now):
            as_text = self.say_all.as_text
            if as_text is not None:
                self.view.show_heard(as_text, printed_line(self.cursor, as_text))
            self.view.show_place()
            self.view.show_state()
        if now - self._saved_at > SAVE_SECONDS and self.cursor.index != self._saved_index:
            self._saved_at = now
            self.save()

    # --------------------------------------------------------------- saving

    def _section_id(self) -> str | None:
        section = self.cursor.section()
        return section.id if section else None

    def _save_on_a_new_section(self) -> None:
        section = self._section_id()
        if section != self._saved_section:
            self._saved_section = section
            self.save()

    def place(self) -> Place | None:
        """The place to come back to: the sentence at the cursor (or its section)."""
        place = self.cursor.current.place
        if place is None:
            section = self.cursor.section()
            place = Place(section.id) if section else None
        return place

    def write_state(self) -> str | None:
        """Save the place and bookmarks; None, or one line saying why they were not saved."""
        self._saved_index = self.cursor.index
        if self.store is None:
            return None
        state = ArticleState(progress=self.place(), bookmarks=self.bookmarks)
        return self.store.save_article(self.cursor.article.id, self.path, state)

    def save(self, *, if_not: str = "") -> bool:
        """Remember the place and bookmarks; a failure is shown and said (then ``if_not``)."""
        problem = self.write_state()
        if problem:
            self._report(problem, if_not=if_not)
        return problem is None

    def quit(self) -> bool:
        """Stop and save the place; True when the reader may close. If the place cannot
        be saved, that is said, and only a second q quits."""
        self.say_all.stop()
        if self._quit_unsaved or self.save(if_not="Press q again to quit anyway."):
            return True
        self._quit_unsaved = True
        return False

    def _show_notice(self, notice: str) -> None:
        self.view.show_notice(notice)

    def _report(self, problem: str | None, *, if_not: str = "") -> None:
        """A problem the listener must know of: shown and said, once until it changes."""
        if not problem or (problem == self._reported and not if_not):
            return
        self._reported = problem
        self._show_notice(problem)
        self.say(f"{spoken_message(problem)}. {if_not}".strip())
