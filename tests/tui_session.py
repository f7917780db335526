"""Drives the Textual app in tests: open the reader headless, press keys, read what was said.

What was said is read back from the speech log the app writes (``null_audio``:
real synthesis, played in real time into miniaudio's null device).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from narrator.content.model import Article
from narrator.reading.store import Settings, Store
from narrator.tui.app import NarratorApp, SpeechOutput
from narrator.tui.launch import Opener, build_app
from narrator.tui.screens.reader import ReaderScreen
from narrator.tui.widgets.reading_pane import ReadingPane
from narrator.tui.widgets.status_line import StatusLine

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
SIZE = (80, 24)
Event = dict[str, Any]


@dataclass
class Session:
    app: NarratorApp
    pilot: Pilot[int]
    log: Path
    seen: int = 0

    @property
    def reader(self) -> ReaderScreen:
        screen = self.app.screen
        assert isinstance(screen, ReaderScreen), screen
        return screen

    @property
    def pane_text(self) -> str:
        return self.app.screen.query_one(ReadingPane).text

    @property
    def status(self) -> str:
        return self.app.screen.query_one(StatusLine).text

    def events(self) -> list[Event]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.endswith("}")]

    def mark(self) -> None:
        """From now on, ``heard`` only looks at events logged after this point."""
        self.seen = len(self.events())

    async def press(self, *keys: str) -> None:
        self.mark()
        await self.pilot.press(*keys)

    async def heard(self, wanted: Callable[[Event], bool] | str, timeout: float = 8.0) -> Event:
        """The first utterance started since ``mark`` that ``wanted`` accepts (or contains)."""
        accept = wanted if callable(wanted) else (lambda event: wanted in event["text"])
        waited = 0.0
        while waited < timeout:
            for event in self.events()[self.seen :]:
                if event["event"] == "started" and accept(event):
                    return event
            await self.pilot.pause(0.05)
            waited += 0.05
        started = [e["text"] for e in self.events()[self.seen :] if e["event"] == "started"]
        raise AssertionError(f"never heard {wanted!r}; heard {started}")

    async def until(self, condition: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until the app (which hears the voice a moment after the log) agrees."""
        waited = 0.0
        while not condition():
            assert waited < timeout, "the app never got there"
            await self.pilot.pause(0.05)
            waited += 0.05

    async def settle(self) -> None:
        await self.pilot.pause(0.1)


@asynccontextmanager
async def open_reader(
    tmp_path: Path,
    article: Article | None = None,
    *,
    section: str | None = None,
    size: tuple[int, int] = SIZE,
) -> AsyncIterator[Session]:
    """The reader on ``article`` (by default the reference article, opened as
    ``narrator open`` opens it), with settings and state kept in tmp_path."""
    store = Store(tmp_path / "config", tmp_path / "state")
    log = tmp_path / f"speech-{len(list(tmp_path.glob('speech-*')))}.jsonl"
    output = SpeechOutput(None, log, True)
    if article is None:
        app = build_app(REFERENCE, section, output, store)
    else:
        reader = Opener(store, Settings()).reader(article, tmp_path / f"{article.id}.yaml")
        app = NarratorApp(reader, output=output, store=store)
    async with app.run_test(size=size) as pilot:
        session = Session(app, pilot, log)
        await session.heard(lambda event: True)
        yield session
