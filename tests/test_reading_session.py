"""The reading session on its own: what commands say and do, over the fake speaker's clock.

Both readers are thin over this session, so what is checked here holds in
both; the key-by-key tests at a listener's three moments are in
``test_listening_keys``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fake_speaker import FakeSpeaker
from reading_fixtures import ARTICLE

from narrator.content.model import GlossaryEntry
from narrator.reading.commands import COMMANDS, Action
from narrator.reading.cursor import Cursor
from narrator.reading.session import FIRST_OPENING_HINT, ReaderState, ReadingSession
from narrator.reading.store import ArticleState, Settings, Store
from narrator.speech.settings import Punctuation, Verbosity
from narrator.speech.utterance import Utterance


@dataclass
class Shown:
    """A view that remembers what it was told."""

    lines: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    settings: list[Settings] = field(default_factory=list)

    def show_place(self) -> None: ...
    def show_state(self) -> None: ...
    def show_word(self, utterance: Utterance, start: int, length: int) -> None: ...
    def show_script(self) -> None: ...

    def show_heard(self, utterance: Utterance, line: str) -> None:
        self.lines.append(line)

    def show_notice(self, notice: str) -> None:
        self.notices.append(notice)

    def show_settings(self, settings: Settings) -> None:
        self.settings.append(settings)

    def show_definition(self, entry: GlossaryEntry) -> None:
        self.definitions.append(entry.term)


@dataclass
class Reading:
    session: ReadingSession
    speaker: FakeSpeaker
    shown: Shown
    store: Store

    def said_after(self, action: Action) -> list[str]:
        """Run ``action`` and hear what it says, to the end."""
        before = len(self.speaker.said)
        self.session.run(action)
        self.speaker.until_silent()
        return self.speaker.texts(before)


def reading(tmp_path: Path, *, store: Store | None = None) -> Reading:
    store = store or Store(tmp_path / "config", tmp_path / "state")
    shown = Shown()
    holder: list[ReadingSession] = []
    speaker = FakeSpeaker(lambda event: holder[0].hear(event))
    session = ReadingSession(
        Cursor.for_article(ARTICLE, Verbosity()),
        speaker,
        shown,
        settings=Settings(),
        store=store,
        path=tmp_path / "dosing.yaml",
        state=ArticleState(),
        commands=COMMANDS,
        remake=lambda verbosity: Cursor.for_article(ARTICLE, verbosity),
    )
    holder.append(session)
    return Reading(session, speaker, shown, store)


def test_the_first_opening_ever_says_how_to_start_and_the_next_does_not(tmp_path: Path) -> None:
    first = reading(tmp_path)
    first.session.open(resumed=False)
    first.speaker.until_silent()
    assert first.speaker.texts() == ["Dosing.", f"{FIRST_OPENING_HINT}.", "Fundamentals"]
    assert first.session.quit()
    again = reading(tmp_path)
    again.session.open(resumed=True)
    again.speaker.until_silent()
    assert again.speaker.texts() == ["Resuming Fundamentals.", "Fundamentals"]


def test_where_is_brief_and_a_second_press_adds_the_title(tmp_path: Path) -> None:
    r = reading(tmp_path)
    brief = r.said_after(Action.WHERE)
    assert brief == ["Fundamentals, section 1 of 4, 0 percent"]
    again = r.said_after(Action.WHERE)
    assert again[0] == f"Dosing, {brief[0]}."
    assert again[1] == "Less than a minute left in the section, less than a minute in the article"
    r.session.run(Action.NEXT_SENTENCE)
    assert r.said_after(Action.WHERE)[0].startswith("Fundamentals, paragraph 1 of 2")


def test_the_same_sentence_is_not_bookmarked_twice(tmp_path: Path) -> None:
    r = reading(tmp_path)
    r.session.run(Action.NEXT_SENTENCE)
    assert r.said_after(Action.BOOKMARK) == [
        "Bookmark added: Fundamentals: Estrogen levels matter."
    ]
    assert r.said_after(Action.BOOKMARK) == [
        "Already bookmarked: Fundamentals: Estrogen levels matter."
    ]
    assert len(r.session.bookmarks) == 1


def test_punctuation_is_said_without_its_own_marks_and_saved(tmp_path: Path) -> None:
    r = reading(tmp_path)
    said = r.said_after(Action.PUNCTUATION)
    assert said == ["Punctuation all"]
    assert [u.spoken for u in (s.utterance for s in r.speaker.said[-1:])] == ["Punctuation all"]
    assert r.store.settings().value.verbosity.punctuation is Punctuation.ALL
    assert r.shown.settings[-1].verbosity.punctuation is Punctuation.ALL


def _reading_all(r: Reading) -> None:
    r.session.run(Action.SAY_ALL)
    r.speaker.advance(1.0)
    assert r.session.state is ReaderState.READING


def test_p_f_d_and_the_rate_keys_resume_say_all(tmp_path: Path) -> None:
    for action, first in [
        (Action.PUNCTUATION, "Punctuation all"),
        (Action.FIGURES, "Figures brief"),
        (Action.FASTER, "Rate 200"),
        (Action.DEFINITION, "estrogen levels: Estrogen levels denote the measured concentrations."),
    ]:
        r = reading(tmp_path / action.value)
        _reading_all(r)
        before = len(r.speaker.said)
        r.session.run(action)
        r.speaker.until_heard(lambda u: u.place is not None)
        assert r.speaker.texts(before)[0] == first, action
        assert r.session.reading_all, action


def test_say_all_says_end_of_article_at_the_end(tmp_path: Path) -> None:
    r = reading(tmp_path)
    assert r.said_after(Action.SAY_ALL)[-1] == "End of article"
    assert r.shown.lines[-1] == "End of article"
    assert not r.session.reading_all


def test_printed_lines_carry_the_structure_spoken(tmp_path: Path) -> None:
    r = reading(tmp_path)
    r.said_after(Action.NEXT_SECTION)
    assert r.shown.lines[0] == "Section 2 of 4: Intermediate."
