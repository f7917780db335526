"""The library as a listener hears it: each article's title, what it was made from,
its length in minutes at their rate, how far they got and when, and its bookmarks.

The lengths and places come from the index and the reading state only, so a
library of a thousand articles is listed without loading one of them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from narrator.content.library import data_folder, library_articles
from narrator.reading.library_index import INDEX_FILE, Entry, LibraryIndex
from narrator.reading.store import Store

DAY = 24 * 60 * 60


class SortOrder(Enum):
    LAST_READ = "last read"
    TITLE = "title"


@dataclass(frozen=True)
class Listed:
    """One article in the list; ``read`` is when it was last read (seconds since the
    epoch), ``percent`` how far, both None for an article never opened."""

    entry: Entry
    percent: int | None
    read: float | None
    bookmarks: int

    def minutes(self, rate: int) -> int:
        return max(1, round(self.entry.words / max(1, rate)))

    def said(self, rate: int, now: float | None = None) -> str:
        """ "Estrogen basics, web page, 12 minutes, 42 percent, last read yesterday,
        2 bookmarks": the words the list shows and says."""
        entry = self.entry
        if entry.problem is not None:
            return f"{entry.path.name} \u2014 cannot be opened: {entry.problem}"
        parts = [entry.title]
        if entry.kind is not None:
            parts.append(entry.kind.said)
        minutes = self.minutes(rate)
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        if self.read is None or self.percent is None:
            parts.append("not started")
        else:
            parts.append(f"{self.percent} percent, last read {when(self.read, now)}")
        if self.bookmarks:
            parts.append(f"{self.bookmarks} bookmark{'s' if self.bookmarks != 1 else ''}")
        return ", ".join(parts)


def when(moment: float, now: float | None = None) -> str:
    """ "today", "yesterday", "3 days ago", or the date, as a person says it."""
    now = time.time() if now is None else now
    today = time.localtime(now)
    then = time.localtime(moment)
    days = (
        time.mktime((*today[:3], 0, 0, 0, 0, 0, -1)) - time.mktime((*then[:3], 0, 0, 0, 0, 0, -1))
    ) // DAY
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{int(days)} days ago"
    return f"on {then.tm_mday} {time.strftime('%B %Y', then)}"


def default_index() -> LibraryIndex:
    """The index in the data folder, beside the library."""
    return LibraryIndex(data_folder() / INDEX_FILE)


def library_list(
    store: Store,
    index: LibraryIndex | None = None,
    paths: Sequence[Path] | None = None,
    order: SortOrder = SortOrder.LAST_READ,
) -> list[Listed]:
    """The library's articles (the bundled ones and the listener's), most recently
    read first (never read ones after, by title), or by title."""
    index = index or default_index()
    entries = index.refresh(library_articles() if paths is None else paths)
    states = []
    for entry in entries:
        state_file = store.article_path(entry.article_id, entry.path)
        try:
            read: float | None = state_file.stat().st_mtime
        except OSError:
            read = None
        state = store.article(entry.article_id, entry.path).value if read is not None else None
        states.append((entry, read, state))
    percents = iter(
        index.percents(
            [(entry.path, state.progress) for entry, _, state in states if state and state.progress]
        )
    )
    listed = []
    for entry, read, state in states:
        percent = next(percents) if state and state.progress else None
        bookmarks = len(state.bookmarks) if state else 0
        started = read is not None
        listed.append(Listed(entry, (percent or 0) if started else None, read, bookmarks))
    return sort_list(listed, order)


def sort_list(listed: Sequence[Listed], order: SortOrder) -> list[Listed]:
    def title(item: Listed) -> str:
        return item.entry.title.casefold()

    if order is SortOrder.TITLE:
        return sorted(listed, key=title)
    return sorted(listed, key=lambda item: (-(item.read or 0.0), title(item)))
