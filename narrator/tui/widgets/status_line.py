"""The status line: answers "where am I" at a glance, and carries notices.

Every state is written out in words ("speaking", "paused", "no sound device")
so that nothing depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from narrator.reading.where import Where
from narrator.tui.literal import literal


@dataclass(frozen=True)
class Status:
    """Where the reader is and what the voice is doing."""

    title: str
    where: Where
    state: str
    rate: int

    def __str__(self) -> str:
        where = self.where
        names = (_short(self.title), *(_short(name) for name in where.path))
        place = " › ".join(names)  # noqa: RUF001 - the path separator readers expect
        paragraph = (
            f"paragraph {where.paragraph} of {where.paragraphs}" if where.paragraph else "heading"
        )
        return f"{place} · {paragraph} · {where.percent}% · {self.state} · {self.rate} wpm"


def _short(name: str, limit: int = 28) -> str:
    """A long title cut to fit: the status line must stay readable at 80 columns."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class StatusLine(Static):
    """One or two lines: the status, and the latest notice if there is one."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._status: Status | None = None
        self._notice = ""

    @property
    def text(self) -> str:
        status = str(self._status) if self._status else ""
        return f"{status}\n{self._notice}" if self._notice else status

    def show_status(self, status: Status) -> None:
        self._status = status
        self._refresh_text()

    def show_notice(self, notice: str) -> None:
        self._notice = notice
        self._refresh_text()

    def _refresh_text(self) -> None:
        lines = [str(self._status) if self._status else "", self._notice]
        self.update(Text("\n").join(literal(line) for line in lines if line))
