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

import copy
import dataclasses
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Protocol, TypeVar

from narrator.content.model import GlossaryEntry
from narrator.reading.ahead import make_ahead
from narrator.reading.bookmarks import Bookmark, bookmark_here
from narrator.reading.commands import IN_TABLE, Action, Command, described, said_key, spoken_help
from narrator.reading.cues import Cues
from narrator.reading.cursor import END, JUMPS, MOVES, START, Cursor, Move
from narrator.reading.elements import ElementKind
from narrator.reading.history import BackStack, SpeechHistory
from narrator.reading.printed import printed_line
from narrator.reading.sayall import SayAll, SpeakerLike
from narrator.reading.store import ArticleState, Settings, Store
from narrator.reading.table_mode import EDGE, TableCells
from narrator.reading.voice_choice import (
    VoiceChange,
    faster,
    higher,
    louder,
    lower,
    next_voice,
    quieter,
    slower,
    voice_choices,
)
from narrator.reading.words import Word, spelled, words_of
from narrator.speech.engines.base import Voice
from narrator.speech.events import NOTICES, SpeechEvent, SpeechEventKind
from narrator.speech.message import spoken_message
from narrator.speech.settings import (
    ANNOUNCEMENT_NAMES,
    FigureVerbosity,
    Punctuation,
    SoundCues,
    Verbosity,
    VoiceSettings,
)
from narrator.speech.tones import Cue
from narrator.speech.utterance import Place, Utterance

# How often, at most, the place is written while the listener moves within a section.
SAVE_SECONDS = 5.0
FIRST_OPENING_HINT = "Space to read, question mark for help"
# What a word move past the article's first or last word says: [backward, forward].
END_WORDS = (START, END)
# Cell moves: (rows, columns)
_CELL_STEPS = {
    Action.CELL_LEFT: (0, -1),
    Action.CELL_RIGHT: (0, 1),
    Action.CELL_UP: (-1, 0),
    Action.CELL_DOWN: (1, 0),
}


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


Level = TypeVar("Level", Punctuation, FigureVerbosity, SoundCues)


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
        self._bookmarks_saved = state.bookmarks
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
        self.back = BackStack()
        self.history = SpeechHistory()
        self._reviewing: set[int] = set()  # ids of utterances said again by [ and ]
        self.table: TableCells | None = None
        self.describing = False
        self._word: int | None = None  # the word ctrl+arrows and s are on, in this sentence
        self._word_sentence = -1
        self._presses = 0  # s pressed this many times in a row
        self._jumped_from: Place | None = None  # where the latest move started
        self._actions: dict[Action, Callable[[], None]] = {
            Action.SAY_ALL: lambda: self.say_all.toggle(),
            Action.STOP: lambda: self.say_all.stop(),
            Action.BACK: self.go_back,
            Action.HISTORY_BACK: lambda: self.review(older=True),
            Action.HISTORY_FORWARD: lambda: self.review(older=False),
            Action.HISTORY: self.quiet,
            Action.ACTIVATE: self.activate,
            Action.READ_ROW: self.read_row,
            Action.READ_COLUMN: self.read_column,
            Action.LEAVE_TABLE: self.leave_table,
            Action.NEXT_WORD: lambda: self.step_word(1),
            Action.PREVIOUS_WORD: lambda: self.step_word(-1),
            Action.SAY_WORD: self.say_word,
            Action.SKIM: self.toggle_skim,
            Action.DESCRIBE_KEYS: self.toggle_describing,
            Action.ELEMENTS: self.quiet,
            Action.HIGHER_PITCH: lambda: self._change_voice(higher(self.settings.voice)),
            Action.LOWER_PITCH: lambda: self._change_voice(lower(self.settings.voice)),
            Action.LOUDER: lambda: self._change_voice(louder(self.settings.voice)),
            Action.QUIETER: lambda: self._change_voice(quieter(self.settings.voice)),
            Action.VOICES: self.quiet,
            Action.NAMED_BOOKMARK: self.quiet,
            Action.CUES: self.next_cues,
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
        say_all = SayAll(self.speech, self.cursor, rate=lambda: self.settings.voice.rate)
        say_all.cues = self._cues().around
        return say_all

    def _cues(self) -> Cues:
        places = [bookmark.place for bookmark in self.bookmarks]
        return Cues(self.cursor, self.settings.verbosity, places)

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

    def describe(self, action: Action) -> bool:
        """In describe-keys mode, say what the key of ``action`` does instead of doing
        it (True); F1 itself turns the mode off. The readers ask before they open a
        list or quit."""
        if not self.describing or action is Action.DESCRIBE_KEYS:
            return False
        self.speak(self.cursor.announcer.sentences(described(self._in_table_mode(action))))
        return True

    def _in_table_mode(self, action: Action) -> Action:
        return IN_TABLE.get(action, action) if self.table is not None else action

    def run(self, action: Action) -> None:
        """Do what ``action`` means. ``GLOSSARY``, ``BOOKMARKS``, ``SEARCH``,
        ``ELEMENTS``, ``HISTORY`` and ``NAMED_BOOKMARK`` only quiet the voice: the
        reader asks the listener, then calls ``choose_term``, ``go_to_bookmark``,
        ``search``, ``go_to_element``, ``go_to_heard`` or ``add_bookmark``.
        ``LIBRARY`` quiets it too: the reader saves the place (``quit``) and shows
        the library. ``QUIT`` is ``quit``. In table mode the arrows, r, c and escape
        work the table."""
        if self.describe(action):
            return
        action = self._in_table_mode(action)
        previous, self._last = self._last, action
        self._presses = self._presses + 1 if previous is action else 1
        if action not in (Action.HISTORY_BACK, Action.HISTORY_FORWARD, Action.ACTIVATE):
            self.history.stop_reviewing()
        if action in _CELL_STEPS:
            self.cell(*_CELL_STEPS[action])
        elif action in MOVES:
            self.table = None
            self._remember_start()
            self.move(self.cursor.step(action), jump=action in JUMPS)
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
        title = title and self.settings.verbosity.announcements.title
        opening = self.cursor.opening(resumed, hint=hint, title=title)
        self._saved_section = self._section_id()
        self.say_all.follow(opening, lead, after=not title)
        make_ahead(self.cursor.utterances, self.cursor.index)
        self.view.show_place()
        self.view.show_state()
        self.save()  # the place is kept from the start: a failure is known at once

    def start_reading(self) -> None:
        """Say all from the cursor to the end (``narrator read``, or no keys to steer with)."""
        self.say_all.start()
        self.view.show_state()

    def move(self, move: Move, *, jump: bool = False) -> None:
        """Say where a move landed; say-all, if it was reading, reads on from there.
        A ``jump`` that moved leaves its starting place on the back stack."""
        left = self._jumped_from
        # a jump within the sentence (a term in it) counts too: back undoes the last jump
        if jump and move.moved and left is not None:
            self.back.push(left)
        if not move.moved:
            move = dataclasses.replace(move, speech=(*self._tone(Cue.BOUNDARY), *move.speech))
        if self.say_all.active and not self.say_all.paused:
            self.say_all.restart_from(move)
        else:
            self.say_all.follow(move)
        self.view.show_place()
        self._save_on_a_new_section()

    def _tone(self, cue: Cue) -> list[Utterance]:
        return self._cues().tone(cue)

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
        """The section and the position, briefly; asked twice in a row, the title too,
        and how long the rest of the section and of the article take at this rate."""
        paused = ReaderState.PAUSED.value if self.say_all.paused else ""
        said = self.cursor.where(with_title=again, state=paused).spoken
        if again:
            said = f"{said}. {self.cursor.time_left(self.settings.voice.rate)}"
        self.say(said)

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
        self._jump(lambda: self.cursor.choose_term(self.cursor.article.glossary[number]))

    def search(self, query: str | None) -> None:
        """Find ``query`` and land on the first match after the cursor (or the last
        before it); n and N then step through the matches."""
        if query is None or not query.strip():
            self.say("Search cancelled")
            return
        if not self.cursor.search(query):
            self.say(f"No matches for {query}")
            return

        def found() -> Move:
            move = self.cursor.next_match()
            return move if move.moved else self.cursor.previous_match()

        self._jump(found)

    def go_to_section(self, section_id: str) -> None:
        self._jump(lambda: self.cursor.go_to_section(section_id))

    # --------------------------------------------------------------- jumps

    def _jump(self, make: Callable[[], Move]) -> None:
        """Make a move that ``backspace`` can come back from."""
        self.table = None
        self.history.stop_reviewing()
        self._remember_start()
        self.move(make(), jump=True)

    def _remember_start(self) -> None:
        self._jumped_from = self.place()

    def go_back(self) -> None:
        """Backspace: where the listener was before the last jump, said so."""
        place = self.back.pop()
        if place is None:
            self.move(self.cursor.stay("No place to go back to"))
            return
        section = self.cursor.structure.section(place.section)
        title = section.title if section is not None else place.section
        self.table = None
        self.move(self.cursor.go_to_place(place, f"Back to {title}"))

    def go_to_element(self, number: int) -> None:
        """Land on entry ``number`` of ``elements()`` (the elements list's choice)."""
        target = self.elements()[number][1]
        if isinstance(target, Bookmark):
            self.go_to_bookmark(self.bookmarks.index(target))
        elif isinstance(target, int):
            self._jump(lambda: self.cursor.go_to_element(self.cursor.elements[target]))
        else:
            self._jump(lambda: self.cursor.go_to_section(target))

    def elements(self) -> list[tuple[str, int | str | Bookmark]]:
        """The elements list: headings, lists, tables, figures and callouts in reading
        order, then the bookmarks, each a label and what to land on (an element's
        number in ``cursor.elements``, a section id, or the bookmark). A label starts
        with its kind ("Table, 3 rows…"), so a letter jumps to the next of that kind."""
        cursor = self.cursor
        entries: list[tuple[int, str, int | str]] = []
        for span in cursor.structure.sections:
            entries.append((span.start, f"Heading level {span.depth + 1}: {span.title}", span.id))
        for number, element in enumerate(cursor.elements):
            section = cursor.structure.section_at(element.start)
            where = f", in {section.title}" if section is not None else ""
            entries.append((element.start, f"{element.summary}{where}", number))
        entries.sort(key=lambda entry: entry[0])
        marks = [(f"Bookmark: {bookmark.name}", bookmark) for bookmark in self.bookmarks]
        return [*((label, target) for _, label, target in entries), *marks]

    # ----------------------------------------------------------- reviewing

    def review(self, *, older: bool) -> None:
        """[ and ]: say an utterance heard before, leaving the reading place alone."""
        utterance = self.history.older() if older else self.history.newer()
        if utterance is None:
            edge = "Oldest in the history" if older else "End of the history"
            said = self.cursor.announcer.say(edge)
        else:
            said = copy.copy(utterance)
        self._reviewing = {id(said)}
        self.speak([said])

    def activate(self) -> None:
        """Enter: on an utterance being reviewed, go to its place; on a table, table mode."""
        reviewed = self.history.reviewed
        if reviewed is not None:
            self.go_to_heard(reviewed)
            return
        self.enter_table()

    def go_to_heard(self, utterance: Utterance, *, copied: bool = False) -> None:
        """Go to the place of an utterance from the speech history (``copied``: the
        list copied its text, which is said first)."""
        self.history.stop_reviewing()
        place = utterance.place
        lead = "Copied. " if copied else ""
        if place is None:
            self.say(f"{lead}That has no place in the article")
            return
        self._jump(lambda: self.cursor.go_to_place(place, lead.strip()))

    # --------------------------------------------------------------- tables

    def enter_table(self) -> None:
        """Enter on a table: table mode, on the row being read, said with its cell."""
        if self._table_here():
            assert self.table is not None
            self.speak(self.cursor.announcer.sentences(self.table.entered()))

    def _table_here(self) -> bool:
        """Table mode on the table at the cursor; False (and said) when there is none."""
        element = self.cursor.element_at()
        if element is None or element.kind is not ElementKind.TABLE:
            self.say("Not in a table")
            return False
        row = max(0, self.cursor.index - element.start - 1)
        self.table = TableCells(element, row=min(row, element.end - element.start - 2))
        self.cursor.go_to(self.table.row_index)
        self.view.show_place()
        return True

    def cell(self, rows: int, columns: int) -> None:
        """A cell move (arrows in table mode; ctrl+alt+arrows in any table, which
        enter table mode first, saying so before the cell moved to)."""
        lead = []
        if self.table is None:
            if not self._table_here():
                return
            lead = [self.cursor.announcer.say("Table mode")]
        assert self.table is not None
        said = self.table.move(rows, columns)
        if said is None:
            self.speak([*lead, *self._tone(Cue.BOUNDARY), self.cursor.announcer.say(EDGE)])
            return
        self.cursor.go_to(self.table.row_index)
        self.speak([*lead, *self.cursor.announcer.sentences(said)])
        self.view.show_place()

    def read_row(self) -> None:
        """r in table mode: the row as say-all reads it, each cell after its header."""
        if self.table is not None:
            self.speak([copy.copy(self.cursor.utterances[self.table.row_index])])

    def read_column(self) -> None:
        """c in table mode: the column's header, then each of its cells."""
        if self.table is not None:
            self.speak(self.cursor.announcer.sentences(self.table.read_column()))

    def leave_table(self) -> None:
        self.table = None
        self.speak([self.cursor.announcer.say("Out of table mode")])

    # ---------------------------------------------------------------- words

    def _words(self) -> tuple[Word, ...]:
        return words_of(self.cursor.current.text)

    def _word_here(self) -> int:
        if self._word_sentence != self.cursor.index or self._word is None:
            self._word_sentence, self._word = self.cursor.index, 0
        return self._word

    def step_word(self, step: int) -> None:
        """Ctrl+arrows: the next or previous word, on into the next or previous sentence."""
        self.quiet()
        index = self._word_here() + step
        words = self._words()
        while not 0 <= index < len(words):
            sentence = self.cursor.index + step
            if not 0 <= sentence < len(self.cursor.utterances):
                self.move(self.cursor.stay(END_WORDS[step > 0]))
                return
            self.cursor.go_to(sentence)
            words = self._words()
            index = 0 if step > 0 else len(words) - 1
        self._word_sentence, self._word = self.cursor.index, index
        self.view.show_place()
        self.speak([self.cursor.announcer.say(words[index].text)])

    def say_word(self) -> None:
        """s: the word; pressed twice in a row, spelled; three times, phonetically."""
        words = self._words()
        if not words:
            self.say("No word here")
            return
        word = words[min(self._word_here(), len(words) - 1)].text
        presses = (self._presses - 1) % 3
        said = word if presses == 0 else spelled(word, phonetic=presses == 2)
        self.speak([self.cursor.announcer.say(said)])

    # ---------------------------------------------------------------- modes

    def toggle_skim(self) -> None:
        """k: say-all reads only headings and each block's first sentence; off, it
        reads on in full from the same sentence."""
        skim = not self.say_all.skim
        self.say_all.skim = skim
        lead = self.cursor.announcer.sentences(f"Skim {'on' if skim else 'off'}")
        if skim or (self.say_all.active and not self.say_all.paused):
            self.say_all.start(lead)
        else:
            self.speak(lead)

    def toggle_describing(self) -> None:
        self.describing = not self.describing
        if self.describing:
            self.say("Describe keys on: each key says what it does. F 1 turns it off")
        else:
            self.say("Describe keys off")

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

    def voice_choices(self) -> tuple[list[Voice], int]:
        """The voices list (``VOICES``) and the one being heard in it."""
        language = self.cursor.article.language
        return voice_choices(self.settings.voice, self.speech.voices(), language)

    def choose_voice(self, voice: Voice) -> None:
        chosen = dataclasses.replace(self.settings.voice, voice=voice.id)
        self._change_voice(VoiceChange(chosen, f"Voice: {voice.name}"))

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
        else:  # the script stays as it is; the reader's own words follow the settings
            self.cursor.announcements = verbosity.announcements
            self.say_all.cues = self._cues().around
        if reading:
            self.say_all.start(announcement)
        else:
            self.speak(announcement)

    def announcement_choices(self) -> list[str]:
        """The announcements list: each kind, and whether it is said ("section numbers: on")."""
        said = self.settings.verbosity.announcements
        return [
            f"{name}: {'on' if getattr(said, field) else 'off'}"
            for field, name in ANNOUNCEMENT_NAMES.items()
        ]

    def toggle_announcement(self, number: int) -> None:
        """Turn announcement ``number`` of ``announcement_choices`` the other way."""
        verbosity = self.settings.verbosity
        field, name = list(ANNOUNCEMENT_NAMES.items())[number]
        on = not getattr(verbosity.announcements, field)
        announcements = dataclasses.replace(verbosity.announcements, **{field: on})
        self._change_verbosity(
            dataclasses.replace(verbosity, announcements=announcements),
            f"{name.capitalize()} {'on' if on else 'off'}",
        )

    def next_cues(self) -> None:
        """e: sound cues off, with speech, or instead of the words they stand for."""
        verbosity = self.settings.verbosity
        mode = following(verbosity.cues)
        verbosity = dataclasses.replace(verbosity, cues=mode)
        self._remember(dataclasses.replace(self.settings, verbosity=verbosity))
        self.say_all.cues = self._cues().around
        self.say(f"Sound cues {mode.value}")

    def toggle_contrast(self) -> None:
        contrast = not self.settings.high_contrast
        self._remember(dataclasses.replace(self.settings, high_contrast=contrast))
        self.say(f"High contrast {'on' if contrast else 'off'}")

    # ----------------------------------------------------------- bookmarks

    def add_bookmark(self, name: str | None = None) -> None:
        """A bookmark on the sentence being read, named ``name`` if the listener gave
        one; the same sentence is not marked twice."""
        bookmark = bookmark_here(self.cursor, name.strip() if name else None)
        same = next((b for b in self.bookmarks if b.place == bookmark.place), None)
        if same is not None:
            self.say(f"Already bookmarked: {same.name}")
            return
        self.bookmarks = (*self.bookmarks, bookmark)
        self.say_all.cues = self._cues().around
        if self.save():
            self.say(f"Bookmark added: {bookmark.name}")

    def go_to_bookmark(self, number: int) -> None:
        """Land on bookmark ``number``; far away, its section is said before the sentence
        (a heading says it already)."""

        def landed() -> Move:
            move = self.cursor.go_to_place(self.bookmarks[number].place)
            section = self.cursor.section()
            if section is not None and section.start != move.index:
                lead = self.cursor.announcer.sentences(section.title)
                move = dataclasses.replace(move, speech=(*lead, *move.speech))
            return move

        self._jump(landed)

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
            if id(utterance) not in self._reviewing and utterance.tone is None:
                self.history.heard(utterance)
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
        since, self._bookmarks_saved = self._bookmarks_saved, self.bookmarks
        notice = self.store.save_article(self.cursor.article.id, self.path, state, since)
        if notice is not None:
            self._bookmarks_saved = since
        return notice

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
        words = self.cursor.announcer.sentences(f"{spoken_message(problem)}. {if_not}".strip())
        self.resume_after([*self._tone(Cue.ERROR), *words])
