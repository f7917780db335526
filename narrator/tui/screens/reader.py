"""The reader: one article, its contents, its text and every reading key.

The screen is thin: a key becomes an ``Action`` for the reading session
(``narrator.reading.session``), which decides what it means; the screen shows
what the session reports, opens the lists and pop-ups a command asks for, and
hands the listener's choice back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import DescendantFocus, Key
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from narrator.content.model import GlossaryEntry
from narrator.exit_codes import ExitCode
from narrator.reading.commands import COMMANDS, Action
from narrator.reading.cursor import Cursor
from narrator.reading.session import ReadingSession
from narrator.reading.store import ArticleState, Settings, Store
from narrator.speech.events import SpeechEvent
from narrator.speech.settings import Verbosity
from narrator.speech.utterance import Utterance
from narrator.tui.app import NarratorApp
from narrator.tui.literal import literal
from narrator.tui.messages import Say
from narrator.tui.pane_layout import heard_word
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.definition import DefinitionScreen
from narrator.tui.screens.help import HelpScreen
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
_PREVIOUS_LEVEL = Binding.Group("previous level", compact=True)
_WORD = Binding.Group("word", compact=True)
_ENDS = Binding.Group("section ends", compact=True)
_ARTICLE_ENDS = Binding.Group("article ends", compact=True)
_LIST = Binding.Group("list", compact=True)
_TABLE = Binding.Group("table", compact=True)
_FIGURE = Binding.Group("figure", compact=True)
_CALLOUT = Binding.Group("callout", compact=True)
_CELL = Binding.Group("cell", compact=True)
_HISTORY = Binding.Group("history", compact=True)
_PITCH = Binding.Group("pitch", compact=True)
_VOLUME = Binding.Group("volume", compact=True)
_VOICE = Binding.Group("voice", compact=True)

READER_COMMANDS = COMMANDS

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
    **{f"previous-section-{level}": (str(level), _PREVIOUS_LEVEL) for level in range(1, 7)},
    "next-word": ("next", _WORD),
    "previous-word": ("prev", _WORD),
    "say-word": ("say word", None),
    "section-start": ("start", _ENDS),
    "section-end": ("end", _ENDS),
    "article-start": ("top", _ARTICLE_ENDS),
    "article-end": ("bottom", _ARTICLE_ENDS),
    "next-list": ("next", _LIST),
    "previous-list": ("prev", _LIST),
    "next-table": ("next", _TABLE),
    "previous-table": ("prev", _TABLE),
    "next-figure": ("next", _FIGURE),
    "previous-figure": ("prev", _FIGURE),
    "next-callout": ("next", _CALLOUT),
    "previous-callout": ("prev", _CALLOUT),
    "elements": ("elements", None),
    "back": ("back", None),
    "activate": ("", None),
    "cell-left": ("left", _CELL),
    "cell-right": ("right", _CELL),
    "cell-up": ("up", _CELL),
    "cell-down": ("down", _CELL),
    "history-back": ("back", _HISTORY),
    "history-forward": ("forward", _HISTORY),
    "history": ("history list", None),
    "skim": ("skim", None),
    "faster": ("faster", _RATE),
    "slower": ("slower", _RATE),
    "higher-pitch": ("higher", _PITCH),
    "lower-pitch": ("lower", _PITCH),
    "louder": ("louder", _VOLUME),
    "quieter": ("quieter", _VOLUME),
    "next-voice": ("next", _VOICE),
    "voices": ("list", _VOICE),
    "cues": ("cues", None),
    "announcements": ("announcements", None),
    "named-bookmark": ("named", _BOOKMARK),
    "describe-keys": ("describe keys", None),
    "punctuation": ("punctuation", None),
    "figures": ("figures", None),
    "bookmark": ("add", _BOOKMARK),
    "bookmarks": ("list", _BOOKMARK),
    "search": ("search", None),
    "next-found": ("next", _FOUND),
    "previous-found": ("prev", _FOUND),
    "contrast": ("contrast", None),
    "library": ("library", None),
    "switch-pane": ("", None),
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


def _bindings() -> list[BindingType]:
    by_name = {command.action.value: command for command in READER_COMMANDS}
    return [
        Binding(
            by_name[name].key,
            f"run('{name}')",
            label,
            group=group,
            tooltip=by_name[name].description,
            show=name in _IN_FOOTER,
            priority=name in _PRIORITY,
        )
        for name, (label, group) in _FOOTER.items()
    ]


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = _bindings()
    AUTO_FOCUS = "#text"
    # below 60 columns the contents fold away (narrator.tcss), leaving the text its width
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (60, "-roomy")]

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
        from_library: bool = False,
        title_said: bool = False,
        library: Callable[[], Screen[None]] | None = None,
    ) -> None:
        """``from_library``: q (and ctrl+o) go back to the library instead of quitting;
        ``title_said``: the title was said before the screen was built; ``library``
        makes the library screen that ctrl+o opens in place of this reader."""
        super().__init__()
        self.make_library = library
        self.title_said = title_said
        self.resumed = resumed
        self.from_library = from_library
        self.remake = remake
        self.notices = tuple(notices)
        self._opening = (cursor, store, path, state)
        self._session: ReadingSession | None = None
        self._shown_section: str | None = None
        self._heard_word: tuple[int, int] | None = None
        self._focused: Widget | None = None

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader"):
            yield ContentsTree(id="contents")
            yield ReadingPane(id="text")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        cursor, store, path, state = self._opening
        self._session = ReadingSession(
            cursor,
            self.narrator.speaker,
            self,
            settings=self.narrator.settings,
            store=store,
            path=path,
            state=state,
            commands=READER_COMMANDS,
            remake=self.remake,
        )
        self.query_one(ContentsTree).border_title = "Contents"
        self.show_script()
        self.pane.focus()
        self.narrator.follow_speech(self, self._hear)
        notices = [n for n in (self.narrator.notice, *self.notices) if n]
        self.session.open(resumed=self.resumed, notices=notices, title=not self.title_said)
        self.set_interval(TEXT_PACE_SECONDS, self._tick)

    @property
    def session(self) -> ReadingSession:
        if self._session is None:
            raise RuntimeError("the reading session starts when the reader is mounted")
        return self._session

    @property
    def cursor(self) -> Cursor:
        return self.session.cursor

    @property
    def reading_all(self) -> bool:
        return self.session.reading_all

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def narrator(self) -> NarratorApp:
        return cast(NarratorApp, self.app)

    # ------------------------------------------------- what the session shows

    def show_place(self) -> None:
        """Bring the screen in line with the cursor (or the sentence being heard)."""
        cursor = self.cursor
        section = cursor.section()
        if section is not None and section.id != self._shown_section:
            self._shown_section = section.id
            indexed = [(i, cursor.utterances[i]) for i in range(section.start, section.end)]
            self.pane.show(indexed, cursor.terms)
            self.pane.border_title = literal(" › ".join(section.path))  # noqa: RUF001
            self.query_one(ContentsTree).mark(section.id)
        self._heard_word = None
        self._mark()
        self.show_state()

    def _mark(self) -> None:
        found = self.cursor.term or self.cursor.match
        word = (found.start, found.end) if found is not None else self._heard_word
        self.pane.mark(self.cursor.index, word)
        self.call_after_refresh(self._place_terminal_cursor)

    def show_state(self) -> None:
        self.status.status = Status(
            self.cursor.article.title,
            self.cursor.where(),
            self.session.state.value,
            self.session.settings.voice.rate,
        )

    def show_heard(self, utterance: Utterance, line: str) -> None:
        """The screen shows the sentence at the cursor, which follows the voice."""

    def show_word(self, utterance: Utterance, start: int, length: int) -> None:
        said = self.cursor.announcer.spoken(utterance.text)
        self._heard_word = heard_word(utterance, start, length, said)
        if self.cursor.term is None and self.cursor.match is None:
            self._mark()

    def show_notice(self, notice: str) -> None:
        self.narrator.notice = notice
        self.status.notice = notice

    def show_script(self) -> None:
        """A new script (opening, or punctuation or figures changed): show it from the cursor."""
        self.query_one(ContentsTree).show_sections(
            self.cursor.article.title, self.cursor.structure.sections
        )
        self.narrator.announcer = self.cursor.announcer
        self._shown_section = None
        self.show_place()

    def show_settings(self, settings: Settings) -> None:
        self.narrator.use_settings(settings)

    def show_definition(self, entry: GlossaryEntry) -> None:
        self.app.push_screen(DefinitionScreen(entry.term, entry.definition))

    def _place_terminal_cursor(self) -> None:
        """The terminal cursor sits on the sentence being read, for braille and screen
        readers, while the text has the focus (elsewhere it follows the focus)."""
        offset = self.pane.sentence_offset()
        if offset is not None and self.pane.has_focus and self.is_current:
            self.app.cursor_position = offset

    # ---------------------------------------------------------------- speech

    def _hear(self, event: SpeechEvent) -> None:
        self.session.hear(event)

    def _tick(self) -> None:
        self.session.tick(time.monotonic())

    # --------------------------------------------------------------- actions

    def action_run(self, name: str) -> None:
        """A reading key: the session does it, unless it needs this screen to ask (or
        describe-keys mode only says what it does)."""
        action = Action(name)
        if self.session.describe(action):
            return
        asks: dict[Action, Callable[[], None]] = {
            Action.GLOSSARY: self._choose_term,
            Action.BOOKMARKS: self._choose_bookmark,
            Action.SEARCH: self._ask_search,
            Action.HELP: self._show_help,
            Action.QUIT: self._quit,
            Action.LIBRARY: self._open_library,
            Action.SWITCH_PANE: self._switch_pane,
            Action.ELEMENTS: self._choose_element,
            Action.HISTORY: self._show_history,
            Action.NAMED_BOOKMARK: self._ask_bookmark_name,
            Action.ANNOUNCEMENTS: self._choose_announcements,
            Action.VOICES: self._choose_voice,
        }
        if action in asks:
            asks[action]()
        else:
            self.session.run(action)

    def _choose_term(self) -> None:
        self.session.run(Action.GLOSSARY)

        def chosen(number: int | None) -> None:
            if number is not None:
                self.session.choose_term(number)

        self.app.push_screen(
            ChooseScreen(
                "Glossary",
                [entry.term for entry in self.cursor.article.glossary],
                empty="This article has no glossary.",
                nouns=("entry", "entries"),
            ),
            chosen,
        )

    def _choose_bookmark(self) -> None:
        self.session.run(Action.BOOKMARKS)

        def chosen(number: int | None) -> None:
            if number is not None:
                self.session.go_to_bookmark(number)

        self.app.push_screen(
            ChooseScreen(
                "Bookmarks",
                [b.name for b in self.session.bookmarks],
                empty="No bookmarks yet; b adds one.",
                nouns=("bookmark", "bookmarks"),
                delete=self.session.delete_bookmark,
            ),
            chosen,
        )

    def _choose_element(self) -> None:
        """The elements list: every heading, list, table, figure and callout, then the
        bookmarks; a letter jumps to the next of that kind (h, l, t, f, c, b)."""
        self.session.run(Action.ELEMENTS)
        labels = [label for label, _ in self.session.elements()]

        def chosen(number: int | None) -> None:
            if number is not None:
                self.session.go_to_element(number)

        self.app.push_screen(
            ChooseScreen(
                "Elements", labels, empty="Nothing to list.", nouns=("element", "elements")
            ),
            chosen,
        )

    def _show_history(self) -> None:
        """The speech history as a list, newest first; choosing one copies it to the
        clipboard and goes to its place, if it has one."""
        self.session.run(Action.HISTORY)
        heard = self.session.history.utterances[::-1]

        def chosen(number: int | None) -> None:
            if number is not None:
                self.app.copy_to_clipboard(heard[number].text)
                self.session.go_to_heard(heard[number], copied=True)

        self.app.push_screen(
            ChooseScreen(
                "Speech history",
                [utterance.text for utterance in heard],
                empty="Nothing said yet.",
                nouns=("utterance", "utterances"),
            ),
            chosen,
        )

    def _ask_bookmark_name(self) -> None:
        self.session.run(Action.NAMED_BOOKMARK)

        def named(name: str | None) -> None:
            if name is None:
                self.session.say("No bookmark added")
            else:
                self.session.add_bookmark(name)

        self.app.push_screen(
            SearchScreen(what="Bookmark name", asks="a name for this place"), named
        )

    def _choose_announcements(self) -> None:
        """Each kind of announcement, said with whether it is on; choosing one turns it
        the other way."""
        self.session.run(Action.ANNOUNCEMENTS)

        def chosen(number: int | None) -> None:
            if number is not None:
                self.session.toggle_announcement(number)

        self.app.push_screen(
            ChooseScreen(
                "Announcements",
                self.session.announcement_choices(),
                empty="",
                nouns=("announcement", "announcements"),
            ),
            chosen,
        )

    def _choose_voice(self) -> None:
        """Every voice for the article's language and the variants of the one heard,
        starting at the one heard: up for the one before, down for the one after."""
        self.session.run(Action.VOICES)
        voices, heard = self.session.voice_choices()

        def chosen(number: int | None) -> None:
            if number is not None:
                self.session.choose_voice(voices[number])

        self.app.push_screen(
            ChooseScreen(
                "Voices",
                [voice.name for voice in voices],
                empty="No voice is installed.",
                nouns=("voice", "voices"),
                start=heard,
            ),
            chosen,
        )

    def _ask_search(self) -> None:
        self.session.run(Action.SEARCH)
        self.app.push_screen(SearchScreen(self.cursor.query), self.session.search)

    def _show_help(self) -> None:
        """Help is a list to move through, said item by item (the plain reader says it
        all, as printed lines)."""
        self.session.quiet()
        self.app.push_screen(HelpScreen(READER_COMMANDS))

    def _switch_pane(self) -> None:
        if not self.query_one(ContentsTree).display:
            self.session.say("The contents are folded away at this width")
            return
        self.focus_next()

    def _quit(self) -> None:
        """Quit (or go back to the library), remembering the place; if it cannot be
        saved, say so and quit on a second q."""
        if not self.session.quit():
            return
        if self.from_library:
            self.dismiss()
        else:
            self.app.exit(ExitCode.OK)

    def _open_library(self) -> None:
        """ctrl+o: the library in place of this article, whose place is kept."""
        self.session.run(Action.LIBRARY)
        if self.make_library is None and not self.from_library:
            self.session.say("There is no library here")
            return
        if not self.session.quit():
            return
        if self.from_library:
            self.dismiss()
        elif self.make_library is not None:
            self.app.switch_screen(self.make_library())

    def on_contents_tree_section_chosen(self, message: ContentsTree.SectionChosen) -> None:
        self.session.go_to_section(message.section_id)
        self._focused = self.pane  # the move says where the text is: no "Text" over it
        self.pane.focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Back in the text from the contents: say so, and the sentence the cursor is on."""
        came_from, self._focused = self._focused, event.widget
        if event.widget is self.pane:
            self.call_after_refresh(self._place_terminal_cursor)
        if event.widget is self.pane and isinstance(came_from, ContentsTree):
            self.session.speak([*self.cursor.announcer.sentences("Text"), self.cursor.current])

    def on_screen_resume(self) -> None:
        """Back from a pop-up or a list: the terminal cursor returns to the sentence."""
        self.call_after_refresh(self._place_terminal_cursor)

    def on_key(self, event: Key) -> None:
        """A key bound nowhere here (the text, the contents, the app) says so."""
        if event.key not in self.active_bindings:
            self.session.no_such_key(event.key)

    def on_say(self, message: Say) -> None:
        """The contents speak for themselves: say-all gives way, as to any other speech."""
        self.session.quiet()

    def on_unmount(self) -> None:
        """Ctrl+Q or a closing terminal ends the app without q: keep the place anyway."""
        if self._session is not None:
            self._session.write_state()
