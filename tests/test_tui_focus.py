"""What a braille display and a low-vision reader get from the screen: the terminal
cursor on what has the focus, a choice marked by more than colour with enough
contrast, and the text readable on a narrow terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from listening import FullScreenListener, Reader, open_listening
from rich.color import Color
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import OptionList

from narrator.tui.screens.choose import MARKER, ChooseScreen
from narrator.tui.screens.definition import DefinitionScreen
from narrator.tui.widgets.contents_tree import ContentsTree
from narrator.tui.widgets.reading_pane import ReadingPane


def _line_start(widget: Widget, line: int) -> Offset:
    region = widget.scrollable_content_region
    return Offset(region.x, region.y + line - round(widget.scroll_y))


async def test_the_terminal_cursor_follows_the_focus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(Reader.FULL_SCREEN, tmp_path, monkeypatch) as listener:
        assert isinstance(listener, FullScreenListener)
        app = listener.app
        pane = listener.reader.query_one(ReadingPane)
        await listener.press("down")
        assert app.cursor_position == pane.sentence_offset()

        await listener.press("question_mark")
        options = app.screen.query_one(OptionList)
        assert app.cursor_position == _line_start(options, 0)
        await listener.press("down", "down")
        assert app.cursor_position == _line_start(options, 2)
        await listener.press("escape")
        assert app.cursor_position == pane.sentence_offset()

        await listener.press("tab")
        tree = listener.reader.query_one(ContentsTree)
        assert tree.has_focus
        assert app.cursor_position == _line_start(tree, tree.cursor_line)
        await listener.press("down")
        assert app.cursor_position == _line_start(tree, tree.cursor_line)
        await listener.press("tab")

        await listener.press("t", "d")
        assert isinstance(app.screen, DefinitionScreen)
        term = app.screen.query_one("#definition-term")
        assert app.cursor_position == _line_start(term, 0)


def _contrast(first: Color, second: Color) -> float:
    def luminance(color: Color) -> float:
        channels = []
        for value in color.get_truecolor():
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_the_chosen_item_is_reversed_with_enough_contrast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(Reader.FULL_SCREEN, tmp_path, monkeypatch) as listener:
        assert isinstance(listener, FullScreenListener)
        await listener.press("g", "down")
        screen = listener.app.screen
        assert isinstance(screen, ChooseScreen)
        options = screen.query_one(OptionList)
        strip = options.render_line(1)
        styles = [segment.style for segment in strip if segment.text.strip()]
        assert strip.text.startswith(MARKER)
        assert styles and all(style is not None and style.reverse for style in styles)
        style = styles[0]
        assert style.color is not None and style.bgcolor is not None
        assert _contrast(style.color, style.bgcolor) >= 4.5
        plain = options.render_line(0)
        assert not any(s.style and s.style.reverse for s in plain if s.text.strip())


async def test_below_60_columns_the_contents_fold_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(Reader.FULL_SCREEN, tmp_path, monkeypatch) as listener:
        assert isinstance(listener, FullScreenListener)
        await listener.pilot.resize_terminal(50, 24)
        await listener.settle()
        reader = listener.reader
        assert not reader.query_one(ContentsTree).display
        pane = reader.query_one(ReadingPane)
        assert pane.size.width >= 44
        before = len(listener.speaker.said)
        await listener.press("tab")
        listener.speaker.until_silent()
        assert listener.speaker.texts(before) == ["The contents are folded away at this width"]
        await listener.pilot.resize_terminal(80, 24)
        await listener.settle()
        assert reader.query_one(ContentsTree).display
