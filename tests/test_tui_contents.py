"""The contents pane: it speaks as the listener moves through it, and marks the
section being read by more than colour."""

from __future__ import annotations

from pathlib import Path

from tui_session import open_reader

from narrator.tui.widgets.contents_tree import ContentsTree


async def test_the_contents_speak_on_focus_on_each_section_and_back_in_the_text(
    tmp_path: Path,
) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("tab")
        tree = session.app.screen.query_one(ContentsTree)
        assert tree.has_focus
        await session.heard("Contents, Fundamentals, section 1 of 6")
        await session.press("down")
        await session.heard("Intermediate, section 2 of 6")
        await session.press("down")
        await session.heard("How Does Anastrozole Influence Hormonal Balance?, 1 of ")
        heard = await session.heard(" in Intermediate")
        assert heard["text"].endswith("in Intermediate")
        await session.press("tab")
        assert session.reader.pane.has_focus
        await session.heard("Text")
        await session.heard(session.reader.cursor.current.text)
        assert session.reader.cursor.section().id == "fundamentals"


async def test_choosing_in_the_contents_says_the_section_not_text(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("tab")
        await session.heard("Contents")
        await session.press("down", "enter")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        await session.settle()
        started = [e["text"] for e in session.events()[session.seen :] if e["event"] == "started"]
        assert "Text" not in started


async def test_a_move_while_in_the_contents_is_said_once_not_by_the_tree(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("tab")
        await session.heard("Contents")
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        await session.settle()
        started = [e["text"] for e in session.events()[session.seen :] if e["event"] == "started"]
        assert "Intermediate, section 2 of 6" not in started
        tree = session.app.screen.query_one(ContentsTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == "intermediate"
