"""Lists in the full-screen UI: the library by title with broken articles flagged,
q to leave, and bookmarks that say where they land and can be deleted."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList
from tui_session import REFERENCE, open_reader

from narrator.reading.store import Store
from narrator.tui.app import NarratorApp, SpeechOutput
from narrator.tui.launch import build_app
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.reader import ReaderScreen


def write_article(path: Path, article_id: str, title: str) -> None:
    path.write_text(
        f"id: {article_id}\ntitle: {title}\nsections:\n  - id: only\n    title: Only\n"
        "    blocks:\n      - paragraph: Just one sentence here.\n",
        encoding="utf-8",
    )


def library(tmp_path: Path) -> tuple[NarratorApp, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    write_article(folder / "a-good.yaml", "good", "A Good One")
    (folder / "b-broken.yaml").write_text("id: [\n", encoding="utf-8")
    write_article(folder / "c-other.yaml", "other", "Quite Another")
    log = tmp_path / "library.jsonl"
    store = Store(tmp_path / "config", tmp_path / "state")
    return build_app(folder, None, SpeechOutput(None, log, True), store), log


def said(log: Path) -> list[str]:
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return [event["text"] for event in events if event["event"] == "started"]


async def test_the_library_lists_titles_and_flags_a_broken_article(tmp_path: Path) -> None:
    app, log = library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ChooseScreen)
        assert screen.choices[0] == "A Good One, 1 minute, not started"
        assert screen.choices[1].startswith("b-broken.yaml \u2014 cannot be opened: line 2")
        assert screen.choices[2] == "Quite Another, 1 minute, not started"
        await pilot.press("down", "enter")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, ChooseScreen)
        assert screen.query_one(OptionList).highlighted == 1
        opening = "Cannot open B dash broken dot yaml: line two"
        assert any(text.startswith(opening) for text in said(log))
        await pilot.press("q")
        await pilot.pause(0.3)
    assert not app.is_running
    assert app.return_code == 0


async def test_letters_jump_q_in_an_article_goes_back_and_q_leaves_the_library(
    tmp_path: Path,
) -> None:
    app, _ = library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("Q")
        assert app.screen.query_one(OptionList).highlighted == 2
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.cursor.article.title == "Quite Another"
        await pilot.press("q")
        await pilot.pause(0.3)
        assert app.is_running
        screen = app.screen
        assert isinstance(screen, ChooseScreen)
        assert screen.query_one(OptionList).highlighted == 0  # read last: now first
        assert screen.choices[0].startswith("Quite Another, 1 minute, 0 percent, last read today")
        await pilot.press("q")
        await pilot.pause(0.3)
    assert not app.is_running


async def test_escape_in_the_library_says_where_it_is_and_never_quits(tmp_path: Path) -> None:
    app, log = library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):  # the opening is heard (later on a busy machine)
            await pilot.pause(0.05)
            if "Library, 3 articles." in said(log):
                break
        await pilot.press("escape")
        for _ in range(200):
            await pilot.pause(0.05)
            if said(log).count("Library, 3 articles.") == 2:  # on opening, and on escape
                break
        assert app.is_running and isinstance(app.screen, ChooseScreen)
        assert said(log).count("Library, 3 articles.") == 2


async def test_a_chosen_bookmark_says_its_section_and_delete_removes_one(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("b")
        await session.heard("Bookmark added: Fundamentals: start of the section")
        await session.press("down", "down")
        await session.heard("For many, these experiences")
        await session.press("b")
        await session.heard("Bookmark added: Fundamentals: For many")
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        await session.press("B")
        await session.heard("Bookmarks, 2 bookmarks.")
        await session.press("down", "enter")
        await session.heard(lambda e: e["text"] == "Fundamentals")
        await session.heard("For many, these experiences")
        assert session.reader.cursor.current.text.startswith("For many")
        await session.press("B")
        await session.heard("Bookmarks, 2 bookmarks.")
        await session.press("delete")
        await session.heard("Bookmark deleted.")
        await session.heard("Fundamentals: For many")
        screen = session.app.screen
        assert isinstance(screen, ChooseScreen)
        assert screen.choices == ("Fundamentals: For many, these experiences are not\u2026",)
        await session.press("delete")
        await session.heard("No bookmarks yet")
        await session.press("escape")
    saved = Store(tmp_path / "config", tmp_path / "state")
    assert saved.article("anastrozole-dosing", REFERENCE).value.bookmarks == ()
