"""The status line, notices, footer and contents fit the terminal: nothing is cut
mid-word, nothing hides the status, and the current section is marked by a glyph."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Footer
from tui_session import open_reader

from narrator.reading.where import Where
from narrator.tui.app import HIGH_CONTRAST
from narrator.tui.widgets.contents_tree import CURRENT, ContentsTree
from narrator.tui.widgets.status_line import Status, StatusLine, short_title

TITLE = "Anastrozole Dosing: Consequences of Under- and Overdosing"


def screen_lines(app: App[int]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_the_title_is_shortened_at_its_colon_or_a_word() -> None:
    assert short_title(TITLE) == "Anastrozole Dosing"
    assert short_title("A very long title without any colon in it at all") == (
        "A very long title without\u2026"
    )


def test_status_items_are_never_split_across_lines() -> None:
    where = Where(
        ("Academic", "How Does Anastrozole Affect the Body Long Term?"), 2, 5, 1, 1, 40, ""
    )
    status = Status(TITLE, where, "speaking", 180)
    for width in (40, 60, 78, 118):
        lines = status.lines(width)
        assert all(len(line) <= width for line in lines)
        rejoined = " \u00b7 ".join(lines)
        for item in status.items():
            assert item in rejoined or len(item) > width


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_status_line_fits_in_two_lines(tmp_path: Path, size: tuple[int, int]) -> None:
    async with open_reader(tmp_path, size=size) as session:
        await session.press("2", "h", "down")
        await session.heard(lambda e: e["event"] == "started" and e["place"] is not None)
        await session.settle()
        widget = session.app.screen.query_one(StatusLine)
        shown = str(widget.render()).splitlines()
        assert 1 <= len(shown) <= 2
        assert widget.size.height == len(shown)
        assert all(len(line) <= widget.content_region.width for line in shown)
        assert shown[0].startswith("Anastrozole Dosing \u203a Intermediate")
        assert "180 wpm" in shown[-1]
        if size[0] >= 120:
            assert len(shown) == 1


async def test_the_footer_shows_whole_keys_at_80_columns(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        footer = session.app.screen.query_one(Footer)
        for _ in range(50):  # the footer composes its keys after the screen (later when busy)
            await session.settle()
            line = screen_lines(session.app)[footer.region.y]
            if line.strip():
                break
        assert len(line.rstrip()) < 80
        for word in ("help", "quit", "read", "stop", "section", "paragraph", "sentence"):
            assert f" {word}" in line


async def test_a_notice_sits_under_the_status_not_over_it(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        session.reader.show_notice("No speech engine: reading continues as text")
        await session.settle()
        assert not session.app._notifications
        lines = screen_lines(session.app)
        status = session.app.screen.query_one(StatusLine)
        shown = lines[status.region.y : status.region.bottom]
        assert "180 wpm" in " ".join(shown)
        assert shown[-1].strip() == "No speech engine: reading continues as text"


async def test_the_contents_grow_with_the_terminal_and_mark_the_section_by_a_glyph(
    tmp_path: Path,
) -> None:
    async with open_reader(tmp_path, size=(80, 24)) as session:
        narrow = session.app.screen.query_one(ContentsTree).size.width
    async with open_reader(tmp_path, size=(120, 40)) as session:
        tree = session.app.screen.query_one(ContentsTree)
        assert tree.size.width > narrow + 8
        labels = {str(node.label) for node in tree.root.children}
        assert f"{CURRENT}Fundamentals" in labels
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        labels = {str(node.label) for node in tree.root.children}
        assert f"{CURRENT}Intermediate" in labels
        assert "Fundamentals" in labels
        shown = "\n".join(screen_lines(session.app))
        assert f"{CURRENT}Intermediate" in shown


async def test_high_contrast_tree_guides_are_visible(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("c")
        await session.heard("High contrast on")
        tree = session.app.screen.query_one(ContentsTree)
        guides = tree.get_component_styles("tree--guides").color
        assert guides.hex.lower() == HIGH_CONTRAST.secondary


async def test_the_text_keeps_what_follows_the_sentence_in_sight(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("2")
        await session.heard("How Does Anastrozole Influence Hormonal Balance?")
        pane = session.reader.pane
        scrolled = False
        for _ in range(5):
            await session.press("down")
            await session.heard(lambda e: e["place"] is not None and e["place"]["block"] >= 0)
            await session.settle()
            start = pane.sentence_offset()
            assert start is not None
            row = start.y - pane.scrollable_content_region.y
            at_end = round(pane.scroll_y) >= pane.max_scroll_y
            assert row <= pane.scrollable_content_region.height // 2 or at_end
            scrolled = scrolled or pane.scroll_y > 0
        assert scrolled
