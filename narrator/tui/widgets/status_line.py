"""The status line: answers "where am I" at a glance, and carries notices.

Every state is written out in words ("speaking", "paused", "no sound device")
so that nothing depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from narrator.reading.where import Where
from narrator.tui.literal import literal

SEPARATOR = " \u00b7 "
PATH = " \u203a "  # the path separator readers expect


@dataclass(frozen=True)
class Status:
    """Where the reader is and what the voice is doing."""

    title: str
    where: Where
    state: str
    rate: int

    def items(self) -> list[str]:
        """The parts of the status, each kept whole on screen."""
        where = self.where
        place = PATH.join((short_title(self.title), *(_short(name) for name in where.path)))
        paragraph = (
            f"paragraph {where.paragraph} of {where.paragraphs}" if where.paragraph else "heading"
        )
        items = [place, paragraph]
        if where.items > 1:
            items.append(f"item {where.item} of {where.items}")
        return [*items, f"{where.percent}%", self.state, f"{self.rate} wpm"]

    def lines(self, width: int) -> list[str]:
        """The items in as few lines of ``width`` as they fit, never split inside one
        (an item wider than a whole line is cut, with an ellipsis)."""
        lines: list[str] = []
        for item in self.items():
            item = _short(item, width)
            if lines and len(lines[-1]) + len(SEPARATOR) + len(item) <= width:
                lines[-1] += SEPARATOR + item
            else:
                lines.append(item)
        return lines

    def __str__(self) -> str:
        return SEPARATOR.join(self.items())


def short_title(title: str, limit: int = 28) -> str:
    """The article's title, short: its part before a colon ("Anastrozole Dosing:
    Consequences of …" is "Anastrozole Dosing"), else its first words."""
    head = title.split(":", 1)[0].strip()
    return _short(head or title, limit)


def _short(name: str, limit: int = 28) -> str:
    """A long name cut at a word (if one ends late enough) with an ellipsis."""
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "\u2026"


class StatusLine(Static):
    """The status in one or two lines, and below it the latest notice if there is one
    (on its own lines: a notice never hides where the reader is)."""

    status: reactive[Status | None] = reactive(None)
    notice: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)

    @property
    def text(self) -> str:
        status = str(self.status) if self.status else ""
        return f"{status}\n{self.notice}" if self.notice else status

    def watch_status(self) -> None:
        self._show()

    def watch_notice(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        width = self.content_region.width or 78
        status = self.status.lines(width) if self.status else []
        notice = [self.notice] if self.notice else []
        self.update(Text("\n").join(literal(line) for line in [*status, *notice]))
