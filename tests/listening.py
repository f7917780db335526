"""Both readers driven as a listener drives them, over the fake speaker's clock.

``open_listening`` opens the reference article in the full-screen reader
(Textual's ``run_test``) or in the plain reader (in-process, keys handed to it
as the terminal would), with a ``FakeSpeaker`` as the voice. The test presses
a key, lets the fake clock run to the moment it wants (``Moment``), and looks
at where the cursor is and what was said.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from enum import Enum
from pathlib import Path

import pytest
from fake_speaker import LATENCY, FakeSpeaker
from textual.pilot import Pilot

from narrator import plain
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.reading.cursor import Cursor
from narrator.reading.store import ArticleState, Settings, Store
from narrator.speech.settings import Verbosity
from narrator.speech.utterance import Role
from narrator.tui.app import NarratorApp
from narrator.tui.launch import Opener
from narrator.tui.screens.reader import ReaderScreen

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
SIZE = (80, 24)


class Moment(Enum):
    """When, after a key, the listener presses the next one."""

    ANNOUNCEMENT = "during the announcement"
    LANDING = "while the landing sentence is heard"
    FINISHED = "after it has finished"


class Reader(Enum):
    FULL_SCREEN = "full-screen"
    PLAIN = "plain"


class Listener:
    """One reader with a fake voice; every method lets the reader catch up before it returns."""

    def __init__(self, speaker: FakeSpeaker) -> None:
        self.speaker = speaker

    @property
    def cursor(self) -> Cursor:
        raise NotImplementedError

    async def press(self, *keys: str) -> None:
        raise NotImplementedError

    async def search(self, query: str) -> None:
        raise NotImplementedError

    async def choose_term(self, number: int) -> None:
        await self.choose_from("g", number)

    async def choose_from(self, key: str, number: int) -> None:
        """Open the list ``key`` opens and choose its entry ``number`` (from 0)."""
        raise NotImplementedError

    async def type_after(self, key: str, line: str) -> None:
        """Press ``key`` and type ``line`` where it asks (a search, a bookmark's name)."""
        raise NotImplementedError

    async def settle(self) -> None:
        raise NotImplementedError

    async def wait_for(self, moment: Moment) -> None:
        """Let the fake clock run to ``moment`` after the latest key."""
        speaker = self.speaker
        if moment is Moment.ANNOUNCEMENT:
            speaker.advance(LATENCY + 0.05)
        elif moment is Moment.LANDING:
            speaker.until_heard(lambda u: u.role is not Role.ANNOUNCEMENT)
            await self.settle()
            speaker.advance(0.1)
        else:
            speaker.until_silent()
        await self.settle()


class FullScreenListener(Listener):
    def __init__(self, app: NarratorApp, pilot: Pilot[int]) -> None:
        speaker = app.speaker
        assert isinstance(speaker, FakeSpeaker)
        super().__init__(speaker)
        self.app = app
        self.pilot = pilot

    @property
    def reader(self) -> ReaderScreen:
        screen = self.app.screen_stack[1] if len(self.app.screen_stack) > 1 else self.app.screen
        assert isinstance(screen, ReaderScreen), screen
        return screen

    @property
    def cursor(self) -> Cursor:
        return self.reader.cursor

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    async def search(self, query: str) -> None:
        await self.type_after("slash", query)

    async def choose_from(self, key: str, number: int) -> None:
        await self.press(key, *["down"] * number, "enter")

    async def type_after(self, key: str, line: str) -> None:
        await self.press(key, *(" " if c == " " else c for c in line), "enter")

    async def settle(self) -> None:
        await self.pilot.pause()
        await self.pilot.pause()


class PlainListener(Listener):
    def __init__(self, reader: plain.PlainReader, monkeypatch: pytest.MonkeyPatch) -> None:
        speaker = reader.speaker
        assert isinstance(speaker, FakeSpeaker)
        super().__init__(speaker)
        self.reader = reader
        self.monkeypatch = monkeypatch

    @property
    def cursor(self) -> Cursor:
        return self.reader.session.cursor

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.reader.press(key, keys=None)  # type: ignore[arg-type]
            await self.settle()

    async def type_after(self, key: str, line: str) -> None:
        self.monkeypatch.setattr(plain, "_ask", lambda keys, prompt: line)
        await self.press(key)

    async def search(self, query: str) -> None:
        await self.type_after("slash", query)

    async def choose_from(self, key: str, number: int) -> None:
        await self.type_after(key, str(number + 1))

    async def settle(self) -> None:
        self.reader.pump()


def reference() -> Article:
    return load_article(REFERENCE)


@asynccontextmanager
async def open_listening(
    kind: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Listener]:
    """The reference article opened in ``kind`` of reader, its opening heard to the end."""
    store = Store(tmp_path / "config", tmp_path / "state")
    article = reference()
    path = tmp_path / "anastrozole-dosing.yaml"
    if kind is Reader.FULL_SCREEN:
        app = NarratorApp(
            Opener(store, Settings()).reader(article, path), store=store, voice=FakeSpeaker
        )
        async with app.run_test(size=SIZE) as pilot:
            listener: Listener = FullScreenListener(app, pilot)
            await listener.settle()
            await listener.wait_for(Moment.FINISHED)
            yield listener
        return
    cursor = Cursor.for_article(article, Verbosity())
    remake = None
    make = plain._session_maker(cursor, Settings(), store, path, ArticleState(), remake)
    view = plain.PlainView(io.StringIO(), io.StringIO())
    reader = plain.PlainReader(make, FakeSpeaker, view)
    reader.session.open(resumed=False)
    listener = PlainListener(reader, monkeypatch)
    await listener.wait_for(Moment.FINISHED)
    try:
        yield listener
    finally:
        reader.close()
