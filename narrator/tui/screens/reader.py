"""The reader: one article, its contents, its text and every reading key.

The screen turns keys into cursor moves and speech; the widgets only show what
it tells them. A move cuts the voice, says where it landed, and goes on
reading from there if say-all was on. While say-all reads, the cursor follows
the voice, so stopping leaves the listener on the sentence they last heard.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from narrator.content.model import GlossaryEntry
from narrator.reading.bookmarks import bookmark_here
from narrator.reading.commands import COMMANDS, Command
from narrator.reading.cursor import Cursor, Move
from narrator.reading.sayall import SayAll
from narrator.reading.store import ArticleState, Store
from narrator.reading.voice_choice import VoiceChange, faster, next_voice, slower
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.message import spoken_message
from narrator.speech.settings import FigureVerbosity, Punctuation, Verbosity
from narrator.speech.utterance import Place, Utterance
from narrator.tui.app import NarratorApp
from narrator.tui.literal import literal
from narrator.tui.messages import Say
from narrator.tui.pane_layout import heard_word
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.definition import DefinitionScreen
from narrator.tui.screens.help import HelpScreen, spoken_help
from narrator.tui.screens.search import SearchScreen
from narrator.tui.widgets.contents_tree import ContentsTree
from narrator.tui.widgets.reading_pane import ReadingPane
from narrator.tui.widgets.status_line import Status, StatusLine

_SECTION = Binding.Group("section", compact=True)
_LEVEL = Binding.Group("level", compact=True)
_PARAGRAPH = Binding.Group("paragraph", compact=True)
_SENTENCE = Binding.Group("sentence", compact=True)
_TERM = Binding.Group("term", compact=True)
_RATE = Binding.Group("rate", compact=True)
_BOOKMARK = Binding.Group("bookmark", compact=True)
_FOUND = Binding.Group("match", compact=True)

# Keys only the full-screen reader has.
SCREEN_COMMANDS = (
    Command("c", "c", "c", "contrast", "high contrast on or off", plain=False),
    Command("tab", "tab", "tab", "focus-next", "move between the contents and the text", False),
)
READER_COMMANDS = (*COMMANDS, *SCREEN_COMMANDS)

# How each command appears in the footer, in the order a newcomer needs them
# (at 80 columns the first few are visible): a short label ("" keeps a
# well-known key out of the footer), and the group that shows paired keys
# ("hH section") in one slot.
_FOOTER: dict[str, tuple[str, Binding.Group | None]] = {
    "help": ("help", None),
    "quit": ("quit", None),
    "say-all": ("read", None),
    "stop": ("stop", None),
    "next-section": ("next", _SECTION),
    "previous-section": ("prev", _SECTION),
    "next-paragraph": ("next", _PARAGRAPH),
    "previous-paragraph": ("prev", _PARAGRAPH),
    "next-sentence": ("next", _SENTENCE),
    "previous-sentence": ("prev", _SENTENCE),
    "next-term": ("next", _TERM),
    "previous-term": ("prev", _TERM),
    "definition": ("define", None),
    "glossary": ("glossary", None),
    "where": ("where", None),
    "repeat": ("repeat", None),
    **{f"next-section-{level}": (str(level), _LEVEL) for level in range(1, 7)},
    "faster": ("faster", _RATE),
    "slower": ("slower", _RATE),
    "next-voice": ("voice", None),
    "punctuation": ("punctuation", None),
    "figures": ("figures", None),
    "bookmark": ("add", _BOOKMARK),
    "bookmarks": ("list", _BOOKMARK),
    "search": ("search", None),
    "next-found": ("next", _FOUND),
    "previous-found": ("prev", _FOUND),
    "contrast": ("contrast", None),
    "focus-next": ("", None),
}
# What the footer shows: the keys a newcomer needs first, all whole at 80
# columns; every key is in help (?) and the README.
_IN_FOOTER = {
    "help",
    "quit",
    "say-all",
    "stop",
    *(
        f"{way}-{unit}"
        for way in ("next", "previous")
        for unit in ("section", "paragraph", "sentence")
    ),
}
# How often reading as text (no voice) looks whether the next sentence is due.
TEXT_PACE_SECONDS = 0.1
# Space and escape must work even when the contents tree has the focus.
_PRIORITY = {"say-all", "stop"}


def _action(command: Command) -> str:
    """The screen action a command runs: ``next-section-3`` is ``section_at(3)``."""
    if command.name.startswith("next-section-"):
        return f"section_at({command.name.rsplit('-', 1)[1]})"
    return {"quit": "quit_reader"}.get(command.name, command.name.replace("-", "_"))


def _bindings() -> list[BindingType]:
    by_name = {command.name: command for command in READER_COMMANDS}
    return [
        Binding(
            by_name[name].key,
            _action(by_name[name]),
            label,
            group=group,
            tooltip=by_name[name].description,
            show=name in _IN_FOOTER,
            priority=name in _PRIORITY,
        )
        for name, (label, group) in _FOOTER.items()
    ]


Level = TypeVar("Level", Punctuation, FigureVerbosity)


def _following(level: Level) -> Level:
    """The next of a setting's levels, round to the first after the last."""
    levels = list(type(level))
    return levels[(levels.index(level) + 1) % len(levels)]


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = _bindings()
    AUTO_FOCUS = "#text"

    def __init__(
        self,
        cursor: Cursor,
        store: Store,
        path: Path | None,
        state: ArticleState,
        *,
        notices: Sequence[str] = (),
        resumed: bool = False,
        remake: Callable[[Verbosity], Cursor] | None = None,
    ) -> None:
        super().__init__()
        self.resumed = resumed
        self.remake = remake
        self.cursor = cursor
        self.store = store
        self.path = path
        self.bookmarks = state.bookmarks
        self.notices = tuple(notices)
        self.say_all: SayAll | None = None
        self._shown_section: str | None = None
        self._heard_word: tuple[int, int] | None = None
        self._quit_unsaved = False
        self._focused: Widget | None = None

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader"):
            yield ContentsTree(id="contents")
            yield ReadingPane(id="text")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ContentsTree).show_sections(
            self.cursor.article.title, self.cursor.structure.sections
        )
        self.query_one(ContentsTree).border_title = "Contents"
        self.pane.focus()
        self._show()
        notices = [n for n in (self.narrator.notice, *self.notices) if n]
        for notice in notices:
            self.narrator.show_notice(notice)
        said = self.cursor.announcer.sentences(". ".join(map(spoken_message, notices)))
        self.say_all = self._say_all()
        self.narrator.speaker.read_in(self.cursor.article.language)
        self.narrator.announcer = self.cursor.announcer
        self.say_all.follow(self.cursor.opening(self.resumed), said)
        self._show_status()
        self.set_interval(TEXT_PACE_SECONDS, self._read_as_text)

    def _say_all(self) -> SayAll:
        return SayAll(self.narrator.speaker, self.cursor, rate=lambda: self.narrator.voice.rate)

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def narrator(self) -> NarratorApp:
        return cast(NarratorApp, self.app)

    # --------------------------------------------------------------- showing

    def _show(self) -> None:
        """Bring the screen in line with the cursor (or the sentence being heard)."""
        cursor = self.cursor
        section = cursor.section()
        if section is not None and section.id != self._shown_section:
            self._shown_section = section.id
            indexed = [(i, cursor.utterances[i]) for i in range(section.start, section.end)]
            self.pane.show(indexed, cursor.terms)
            self.pane.border_title = literal(" › ".join(section.path))  # noqa: RUF001
            self.query_one(ContentsTree).mark(section.id)
            self._save()
        found = cursor.term or cursor.match
        word = (found.start, found.end) if found is not None else self._heard_word
        self.pane.mark(cursor.index, word)
        self._show_status()
        self.call_after_refresh(self._place_terminal_cursor)

    def _state(self) -> str:
        speaker = self.narrator.speaker
        if speaker.paused:
            return "paused"
        if self.reading_all:
            return "reading"
        return "speaking" if speaker.speaking else "silent"

    def _show_status(self) -> None:
        self.status.show_status(
            Status(
                self.cursor.article.title,
                self.cursor.where(),
                self._state(),
                self.narrator.voice.rate,
            )
        )

    def _place_terminal_cursor(self) -> None:
        """The terminal cursor sits on the sentence being read, for braille and screen readers."""
        offset = self.pane.sentence_offset()
        if offset is not None:
            self.app.cursor_position = offset

    def show_notice(self, notice: str) -> None:
        self.status.show_notice(notice)

    # ---------------------------------------------------------------- speech

    @property
    def reading_all(self) -> bool:
        return self.say_all is not None and self.say_all.active

    def _speak(self, utterances: Sequence[Utterance]) -> None:
        """Cut the voice and say ``utterances`` (say-all ends)."""
        self._quiet()
        self._heard_word = None
        self.narrator.speak(utterances)
        self._show_status()

    def _say(self, utterances: Sequence[Utterance]) -> None:
        """Say ``utterances``, then go on reading from the cursor if say-all is on."""
        if self.say_all is not None and self.say_all.active:
            self._heard_word = None
            self.say_all.start(utterances)
            self._show_status()
        else:
            self._speak(utterances)

    def _announce(self, text: str) -> None:
        self._say(self.cursor.announcer.sentences(text))

    def _move(self, move: Move) -> None:
        """Show where a move landed and say it; say-all goes on from there."""
        self._heard_word = None
        self._show()
        if self.say_all is None:
            self._speak(move.speech)
        elif self.reading_all:
            self.say_all.restart_from(move)
        else:
            self.say_all.follow(move)
        self._show_status()

    def _read_as_text(self) -> None:
        """With no voice, reading moves on as text at the pace the voice would take."""
        if self.say_all is not None and self.say_all.tick(time.monotonic()):
            self._heard_word = None
            self._show()

    def _quiet(self) -> None:
        """Say-all ends (a dialog opens, or something else is to be said)."""
        if self.reading_all and self.say_all is not None:
            self.say_all.stop()

    def follow_speech(self, event: SpeechEvent) -> None:
        """A speaker event (already on the UI thread): follow the voice on screen."""
        if self.say_all is not None and self.say_all.handle(event):
            self._heard_word = None
            self._show()
        utterance = event.utterance
        if (
            event.kind is SpeechEventKind.WORD
            and utterance is not None
            and self.cursor.index_of(utterance) == self.cursor.index
        ):
            self._heard_word = heard_word(utterance, event.start, event.length)
            if self.cursor.term is None and self.cursor.match is None:
                self.pane.mark(self.cursor.index, self._heard_word)
                self.call_after_refresh(self._place_terminal_cursor)
        self._show_status()

    # --------------------------------------------------------------- actions

    def action_say_all(self) -> None:
        if self.say_all is not None:
            self.say_all.toggle()
        self._show_status()

    def action_stop(self) -> None:
        if self.say_all is not None:
            self.say_all.stop()
        self._show_status()

    def action_next_section(self) -> None:
        self._move(self.cursor.next_section())

    def action_previous_section(self) -> None:
        self._move(self.cursor.previous_section())

    def action_section_at(self, level: int) -> None:
        self._move(self.cursor.next_section_at(level))

    def action_next_paragraph(self) -> None:
        self._move(self.cursor.next_paragraph())

    def action_previous_paragraph(self) -> None:
        self._move(self.cursor.previous_paragraph())

    def action_next_sentence(self) -> None:
        self._move(self.cursor.next_sentence())

    def action_previous_sentence(self) -> None:
        self._move(self.cursor.previous_sentence())

    def action_next_term(self) -> None:
        self._move(self.cursor.next_term())

    def action_previous_term(self) -> None:
        self._move(self.cursor.previous_term())

    def action_next_found(self) -> None:
        cursor = self.cursor
        self._move(cursor.next_use() if cursor.chosen is not None else cursor.next_match())

    def action_previous_found(self) -> None:
        cursor = self.cursor
        self._move(cursor.previous_use() if cursor.chosen is not None else cursor.previous_match())

    def on_contents_tree_section_chosen(self, message: ContentsTree.SectionChosen) -> None:
        self._move(self.cursor.go_to_section(message.section_id))
        self._focused = self.pane  # the move says where the text is: no "Text" over it
        self.pane.focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Back in the text from the contents: say so, and the sentence the cursor is on."""
        came_from, self._focused = self._focused, event.widget
        if event.widget is self.pane and isinstance(came_from, ContentsTree):
            self._speak([*self.cursor.announcer.sentences("Text"), self.cursor.current])

    def on_say(self, message: Say) -> None:
        """The contents speak for themselves: say-all gives way, as to any other speech."""
        self._quiet()

    def action_where(self) -> None:
        self._announce(self.cursor.where(with_title=True, state=self._state()).spoken)

    def action_repeat(self) -> None:
        self._say([] if self.reading_all else [self.cursor.current])

    def action_definition(self) -> None:
        entry = self.cursor.term_at_cursor()
        if entry is None:
            self._announce("No glossary term here")
            return
        self._open_definition(entry)

    def _open_definition(self, entry: GlossaryEntry) -> None:
        self._quiet()
        self.app.push_screen(DefinitionScreen(entry.term, entry.definition))
        self._speak(self.cursor.definition_utterances(entry))

    def action_glossary(self) -> None:
        self._quiet()
        glossary = self.cursor.article.glossary
        choices = [entry.term for entry in glossary]

        def chosen(number: int | None) -> None:
            if number is not None:
                self._move(self.cursor.choose_term(glossary[number]))

        self.app.push_screen(
            ChooseScreen(
                "Glossary",
                choices,
                empty="This article has no glossary.",
                nouns=("entry", "entries"),
            ),
            chosen,
        )

    def action_search(self) -> None:
        self._quiet()

        def search(query: str | None) -> None:
            if query is None or not query.strip():
                self._announce("Search cancelled")
                return
            matches = self.cursor.search(query)
            if not matches:
                self._announce(f"No matches for {query}")
                return
            move = self.cursor.next_match()
            self._move(move if move.moved else self.cursor.previous_match())

        self.app.push_screen(SearchScreen(self.cursor.query), search)

    def action_help(self) -> None:
        self._quiet()
        self.app.push_screen(HelpScreen(READER_COMMANDS), lambda _: self.action_stop())
        self._speak(self.cursor.announcer.sentences(spoken_help(READER_COMMANDS)))

    def action_contrast(self) -> None:
        self._announce(self.narrator.toggle_contrast())

    def action_focus_next(self) -> None:
        self.focus_next()

    def _change_voice(self, change: VoiceChange) -> None:
        self.narrator.change_voice(change.voice)
        self._announce(change.said)

    def action_faster(self) -> None:
        self._change_voice(faster(self.narrator.voice))

    def action_slower(self) -> None:
        self._change_voice(slower(self.narrator.voice))

    def action_next_voice(self) -> None:
        installed = self.narrator.speaker.voices()
        language = self.cursor.article.language
        self._change_voice(next_voice(self.narrator.voice, installed, language))

    def _change_verbosity(self, verbosity: Verbosity, said: str) -> None:
        """Say the script the new way from the same place, and remember it."""
        self._quiet()
        self.narrator.change_verbosity(verbosity)
        if self.remake is not None:
            place = self._place()
            self.cursor = self.remake(verbosity)
            if place is not None:
                self.cursor.go_to_place(place)
            self.say_all = self._say_all()
            self.narrator.announcer = self.cursor.announcer
            self._shown_section = None
            self._show()
        self._speak(self.cursor.announcer.sentences(said))

    def action_punctuation(self) -> None:
        verbosity = self.narrator.settings.verbosity
        level = _following(verbosity.punctuation)
        self._change_verbosity(replace(verbosity, punctuation=level), f"Punctuation: {level.value}")

    def action_figures(self) -> None:
        verbosity = self.narrator.settings.verbosity
        level = _following(verbosity.figures)
        self._change_verbosity(replace(verbosity, figures=level), f"Figures: {level.value}")

    def action_bookmark(self) -> None:
        bookmark = bookmark_here(self.cursor)
        self.bookmarks = (*self.bookmarks, bookmark)
        if self._save():
            self._announce(f"Bookmark added: {bookmark.name}")

    def action_bookmarks(self) -> None:
        self._quiet()

        def chosen(number: int | None) -> None:
            if number is not None:
                self._move(self._in_section(self.cursor.go_to_place(self.bookmarks[number].place)))

        def delete(number: int) -> str:
            self.bookmarks = self.bookmarks[:number] + self.bookmarks[number + 1 :]
            return "Bookmark deleted" if self._save() else "Bookmark deleted for this session"

        self.app.push_screen(
            ChooseScreen(
                "Bookmarks",
                [b.name for b in self.bookmarks],
                empty="No bookmarks yet; b adds one.",
                nouns=("bookmark", "bookmarks"),
                delete=delete,
            ),
            chosen,
        )

    def _in_section(self, move: Move) -> Move:
        """A jump far away says the section it landed in before the sentence
        (a heading says it already)."""
        section = self.cursor.section()
        if section is None or section.start == move.index:
            return move
        return replace(move, speech=(*self.cursor.announcer.sentences(section.title), *move.speech))

    def _place(self) -> Place | None:
        """The place to come back to: the sentence at the cursor (or its section)."""
        place = self.cursor.current.place
        if place is None:
            section = self.cursor.section()
            place = Place(section.id) if section else None
        return place

    def _write_state(self) -> str | None:
        """Save the place and bookmarks; None, or one line saying why they were not saved."""
        state = ArticleState(progress=self._place(), bookmarks=self.bookmarks)
        return self.store.save_article(self.cursor.article.id, self.path, state)

    def _save(self, *, if_not: str = "") -> bool:
        """Remember the place and bookmarks; a failure is shown and said (then ``if_not``)."""
        problem = self._write_state()
        if problem:
            self.narrator.show_notice(problem)
            self._announce(f"{spoken_message(problem)}. {if_not}".strip())
        return problem is None

    def on_unmount(self) -> None:
        """Ctrl+Q or a closing terminal ends the app without q: keep the place anyway."""
        self._write_state()

    def action_quit_reader(self) -> None:
        """Quit, remembering the place; if it cannot be saved, say so and quit on a second q."""
        self.action_stop()
        if self._quit_unsaved or self._save(if_not="Press q again to quit anyway."):
            self.app.exit(0)
            return
        self._quit_unsaved = True
