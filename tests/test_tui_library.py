"""The library in the full-screen reader: ctrl+o from an article, each article's
details said, ctrl+t to sort by title, slash to search every article and open one
at the matching sentence."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList

from narrator.cli import main
from narrator.content.library import library_folder
from narrator.reading.store import Store
from narrator.tui.app import NarratorApp, SpeechOutput
from narrator.tui.launch import build_app
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.library_chooser import LibraryChooser
from narrator.tui.screens.reader import ReaderScreen
from narrator.tui.screens.search import SearchScreen

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def said(log: Path) -> list[str]:
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return [event["text"] for event in events if event["event"] == "started"]


def reader_on_the_report(tmp_path: Path) -> tuple[NarratorApp, Path]:
    assert (
        main(["add", str(FIXTURES / "report-pandoc.docx"), str(FIXTURES / "dosing-page.html")]) == 0
    )
    log = tmp_path / "speech.jsonl"
    store = Store()
    path = library_folder() / "report-pandoc.yaml"
    return build_app(path, None, SpeechOutput(None, log, True), store), log


async def test_ctrl_o_opens_the_library_with_each_articles_details(tmp_path: Path) -> None:
    app, log = reader_on_the_report(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+o")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, LibraryChooser)
        first = screen.choices[0]
        assert first.startswith("Quarterly Dosing Report, Word document, 1 minute, 0 percent")
        assert "last read today" in first
        assert any(c.startswith("Estrogen and Dosing, web page, 1 minute") for c in screen.choices)
        assert "Library, 3 articles." in said(log)
        await pilot.press("ctrl+t")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, LibraryChooser)
        titles = [choice.split(",")[0] for choice in screen.choices]
        assert titles == sorted(titles, key=str.casefold)
        assert "Sorted by title." in said(log)
        await pilot.press("q")
        await pilot.pause(0.3)
    assert not app.is_running


async def test_slash_searches_every_article_and_opens_one_at_the_sentence(
    tmp_path: Path,
) -> None:
    app, log = reader_on_the_report(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("ctrl+o")
        await pilot.pause(0.5)
        await pilot.press("slash")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SearchScreen)
        assert "Search every article." in said(log)
        await pilot.press(*"scale", "space", *"balancing", "enter")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, ChooseScreen) and screen.title_text == "Matches"
        assert screen.choices == ("Estrogen and Dosing: A scale balancing two spheres.",)
        assert "1 match in 1 article." in said(log)
        await pilot.press("enter")
        await pilot.pause(0.8)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.cursor.article.title == "Estrogen and Dosing"
        assert reader.cursor.current.text == "A scale balancing two spheres."
        await pilot.press("q")
        await pilot.pause(0.5)
        assert isinstance(app.screen, LibraryChooser)  # q in the article: back to the list
        assert app.screen.query_one(OptionList).highlighted == 0
        assert app.screen.choices[0].startswith("Estrogen and Dosing")
        await pilot.press("q")
        await pilot.pause(0.3)
    assert not app.is_running
