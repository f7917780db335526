"""What the reader shows: literal text, the terminal cursor on the spoken sentence,
the contents tree, notices, the library, and crashes kept off the terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tui_session import REFERENCE, open_reader

from narrator.content.model import Article, GlossaryEntry, Paragraph, Section
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.tui.app import SpeechHappened
from narrator.tui.screens.reader import ReaderScreen
from narrator.tui.widgets.contents_tree import ContentsTree
from narrator.tui.widgets.reading_pane import ReadingPane

MARKUP = "It says [bold]x[/bold] and [link=https://example.org]here[/link] and \x1b[31mred\x1b[0m."
TRICKY = Article(
    id="tricky",
    title="Title with [red]markup[/red]",
    sections=(
        Section("one", "[b]One[/b]", blocks=(Paragraph(MARKUP), Paragraph("Plain estrogen."))),
        Section("two", "Two", blocks=(Paragraph("The second part."),)),
    ),
    glossary=(GlossaryEntry("estrogen", "A hormone."),),
)


def screen_lines(pane: ReadingPane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.size.height)]


async def test_markup_and_escape_codes_in_an_article_are_shown_literally(tmp_path: Path) -> None:
    async with open_reader(tmp_path, TRICKY) as session:
        await session.press("down")
        await session.heard("It says")
        pane = session.app.screen.query_one(ReadingPane)
        shown = " ".join(line.strip() for line in screen_lines(pane))
        assert "[bold]x[/bold]" in shown
        assert "[link=https://example.org]here[/link]" in shown
        assert "\u241b[31mred\u241b[0m" in shown
        assert "\x1b" not in shown
        tree = session.app.screen.query_one(ContentsTree)
        assert str(tree.root.children[0].label) == "\u25b6 [b]One[/b]"
        assert "Title with [red]markup[/red]" in session.status


async def test_the_terminal_cursor_sits_on_the_spoken_sentence(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        for _ in range(3):
            await session.press("down", "right")
            await session.settle()
            pane = session.app.screen.query_one(ReadingPane)
            x, y = session.app.cursor_position
            region = pane.scrollable_content_region
            assert region.contains(x, y)
            line = pane.render_line(y - region.y).text
            sentence = session.reader.cursor.current.text
            assert line[x - region.x :].startswith(sentence.split()[0])
            assert line.startswith("▶")


async def test_the_heard_word_is_marked(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down")
        await session.heard("Have you ever felt")
        pane = session.app.screen.query_one(ReadingPane)
        for _ in range(60):
            if pane.highlight.word is not None and pane.highlight.word[0] > 0:
                break
            await session.pilot.pause(0.05)
        start, end = pane.highlight.word or (0, 0)
        word = session.reader.cursor.current.text[start:end]
        assert word.isalpha()


async def test_choosing_a_section_in_the_contents_goes_there(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("tab")
        tree = session.app.screen.query_one(ContentsTree)
        assert tree.has_focus
        await session.press("down", "enter")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        assert "Intermediate" in session.status
        assert session.app.screen.query_one(ReadingPane).has_focus


async def test_c_switches_high_contrast(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("c")
        await session.heard("High contrast on")
        assert session.app.theme == "narrator-high-contrast"
        await session.press("c")
        await session.heard("High contrast off")
        assert session.app.theme != "narrator-high-contrast"


async def test_a_corrupted_state_file_is_noticed_and_the_reader_starts(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("q")
    (state,) = (tmp_path / "state" / "articles").iterdir()
    state.write_text("{ not json", encoding="utf-8")
    async with open_reader(tmp_path) as session:
        assert "could not be read" in session.status
        await session.heard("could not be read")
        assert isinstance(session.app.screen, ReaderScreen)


async def test_a_speaker_notice_reaches_the_status_line(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        notice = SpeechEvent(
            SpeechEventKind.NOTICE, None, 0.0, message="No sound device: playing silently"
        )
        session.app.post_message(SpeechHappened(notice))
        await session.until(lambda: "No sound device: playing silently" in session.status)
        await session.press("h")
        assert "No sound device" in session.status


async def test_a_place_that_cannot_be_saved_is_said_and_q_twice_quits(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        blocked = tmp_path / "state"
        shutil.rmtree(blocked)
        blocked.write_text("a file where the state folder should be", encoding="utf-8")
        await session.press("q")
        await session.heard("Could not save the reading place")
        assert "Could not save the reading place" in session.status
        assert session.app.is_running
        await session.press("q")
        await session.until(lambda: not session.app.is_running)


async def test_corrupted_settings_are_noticed_and_the_reader_starts(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text("[1, 2", encoding="utf-8")
    async with open_reader(tmp_path) as session:
        assert "settings" in session.status
        await session.heard("could not be read")
        assert "180 wpm" in session.status


async def test_an_unexpected_error_is_logged_and_shown_as_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(**_: object) -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        async with open_reader(tmp_path) as session:
            monkeypatch.setattr(session.reader.session, "where", explode)
            await session.press("w")
            await session.settle()
    app = session.app
    assert app.crash_line is not None
    assert app.crash_line.startswith("narrator: internal error: boom (details in ")
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert "Traceback" in (tmp_path / "xdg-state" / "narrator" / "crash.log").read_text()


def narrator(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The command, whose errors are said at the fastest rate (these tests read the line
    it prints; the whole message is said before it exits)."""
    (tmp_path / "narrator").mkdir(exist_ok=True)
    (tmp_path / "narrator" / "settings.json").write_text('{"voice": {"rate": 1000}}')
    env = {"XDG_STATE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "PATH": "/usr/bin"}
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such file or folder"), ("id: [\n", "bad.yaml:2:1: YAML syntax")],
)
def test_a_missing_or_broken_article_is_one_line_and_exit_1(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "bad.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = narrator(str(path), "--no-audio", tmp_path=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_an_unknown_section_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = narrator(str(REFERENCE), "--section", "nowhere", "--no-audio", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "no section" in result.stderr
    assert "nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_app_overrides_no_private_textual_method() -> None:
    from textual.app import App

    from narrator.tui.app import NarratorApp

    overridden = [
        name
        for name, value in vars(NarratorApp).items()
        if callable(value) and name.startswith("_") and not name.startswith("__")
        if hasattr(App, name)
    ]
    assert overridden == []


def test_a_crash_report_becomes_one_visible_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from narrator.crash import CrashStream

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    stream = CrashStream()
    assert stream.line() is None
    stream.write("Traceback (most recent call last):\n  ...\nValueError: bad \x1b]0;title\x07\n\n")
    line = stream.line()
    assert line is not None
    assert line.startswith("narrator: internal error: bad ")
    assert line.endswith(f"(details in {tmp_path / 'narrator' / 'crash.log'})")
    assert "\x1b" not in line and "\x07" not in line
    assert "Traceback" in (tmp_path / "narrator" / "crash.log").read_text()
