"""The library: the articles to choose from, each with its kind, length, progress and
bookmarks, sorted by last read (ctrl+t: by title), and searched all at once (slash).

The list comes from the library's index (``narrator.reading.library_list``), so
it opens at once however many articles there are; a broken article is flagged in
words ("<file> — cannot be opened: <problem>") before anyone chooses it, and
choosing it says why and brings the list back on it. A search says how many
matches in how many articles, lists each matching sentence under its article's
title, and choosing one opens the article at that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Label

from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.reading.library_commands import summary
from narrator.reading.library_index import Found, LibraryIndex, problem_of
from narrator.reading.library_list import Listed, SortOrder, default_index, library_list
from narrator.reading.store import Store
from narrator.speech.message import spoken_message
from narrator.speech.utterance import Place
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.library_chooser import LibraryChooser
from narrator.tui.screens.search import SearchScreen


class ReaderFor(Protocol):
    def __call__(
        self, article: Article, path: Path, *, place: Place | None = None
    ) -> Screen[None]: ...


class LibraryScreen(Screen[None]):
    """Offers the articles; choosing one opens its reader over the library, and
    leaving the reader (q, or ctrl+o) comes back to the list."""

    def __init__(
        self,
        articles: Sequence[Path],
        reader_for: ReaderFor,
        store: Store,
        *,
        rate: int,
        index: LibraryIndex | None = None,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.reader_for = reader_for
        self.store = store
        self.rate = rate
        self.index = index or default_index()
        self.order = SortOrder.LAST_READ
        self.listed: list[Listed] = []
        self.last_query = ""
        self._chooser: LibraryChooser | None = None

    def compose(self) -> ComposeResult:
        yield Label("Library", id="library-title")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._offer()

    def _offer(self, lead: str = "", start: int = 0) -> None:
        self.listed = library_list(self.store, self.index, self.articles, self.order)
        self._chooser = LibraryChooser(
            [item.said(self.rate) for item in self.listed],
            sort=self._sort,
            search=self._ask_search,
            lead=lead,
            start=start,
        )
        self.app.push_screen(self._chooser, self._chosen)

    def _chosen(self, number: int | None) -> None:
        asked = self._chooser.asked if self._chooser is not None else None
        if asked is not None:
            asked()
            return
        if number is None:
            self.app.exit(0)
            return
        self._open(self.listed[number].entry.path, back_to=number)

    def _open(self, path: Path, *, back_to: int, place: Place | None = None) -> None:
        try:
            article = load_article(path)
        except NarratorError as error:
            problem = problem_of(error)
            self._offer(spoken_message(f"Cannot open {path.name}: {problem}."), back_to)
            return
        reader = self.reader_for(article, path, place=place)
        self.app.push_screen(reader, lambda _: self._back(path))

    def _back(self, path: Path) -> None:
        """Leaving an article brings the library back, on that article (now read last)."""
        self.listed = library_list(self.store, self.index, self.articles, self.order)
        here = next((n for n, i in enumerate(self.listed) if i.entry.path == path), 0)
        self._offer(start=here)

    def _sort(self) -> None:
        self.order = SortOrder.TITLE if self.order is SortOrder.LAST_READ else SortOrder.LAST_READ
        self._offer(f"Sorted by {self.order.value}.")

    def _ask_search(self) -> None:
        self.app.push_screen(
            SearchScreen(self.last_query, what="Search every article"), self._search
        )

    def _search(self, words: str | None) -> None:
        if not words or not words.strip():
            self._offer("Search closed.")
            return
        self.last_query = words
        found = self.index.search(words, self.articles)
        if not found.matches:
            self._offer(spoken_message(summary(found)))
            return
        self._offer_hits(found)

    def _offer_hits(self, found: Found) -> None:
        hits = found.hits
        names = [f"{hit.entry.title}: {' '.join(hit.text.split())}" for hit in hits]

        def chosen(number: int | None) -> None:
            if number is None:
                self._offer("Back in the library.")
                return
            hit = hits[number]
            self._open(hit.entry.path, back_to=0, place=hit.place)

        self.app.push_screen(
            ChooseScreen(
                "Matches",
                names,
                empty="No matches.",
                lead=summary(found),
                nouns=("match", "matches"),
            ),
            chosen,
        )
