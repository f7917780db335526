"""The terminal's own cursor, put where the listener is: a braille display and a
terminal screen reader follow it, so it sits on what is being read or chosen."""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget


def line_offset(widget: Widget, line: int, column: int = 0) -> Offset | None:
    """Screen cell of ``widget``'s content at ``line`` (scrolled into account), if visible."""
    region = widget.scrollable_content_region
    y = line - round(widget.scroll_y)
    if not 0 <= y < region.height:
        return None
    return Offset(region.x + column, region.y + y)


def put_terminal_cursor(widget: Widget, line: int, column: int = 0) -> None:
    """The terminal cursor on ``widget``'s ``line``, once the screen shows it."""

    def put() -> None:
        offset = line_offset(widget, line, column)
        if offset is not None:
            widget.app.cursor_position = offset

    widget.call_after_refresh(put)
