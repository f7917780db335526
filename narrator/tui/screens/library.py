"""The library: a folder of articles to choose from.

An article that fails to load is reported (shown and spoken) and the list
comes back, so one broken file never closes the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Label

from narrator.content.errors import NarratorError
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.speech.message import spoken_message
from narrator.tui.screens.choose import ChooseScreen


class LibraryScreen(Screen[None]):
    """Offers the articles; choosing one replaces the library with its reader."""

    def __init__(
        self, articles: Sequence[Path], reader_for: Callable[[Article, Path], Screen[None]]
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.reader_for = reader_for

    def compose(self) -> ComposeResult:
        yield Label("Library", id="library-title")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._offer()

    def _offer(self, lead: str = "") -> None:
        names = [path.stem.replace("-", " ") for path in self.articles]
        chooser = ChooseScreen("Library", names, empty="No articles.", lead=lead)
        self.app.push_screen(chooser, self._chosen)

    def _chosen(self, number: int | None) -> None:
        if number is None:
            self.app.exit(0)
            return
        path = self.articles[number]
        try:
            article = load_article(path)
        except NarratorError as error:
            self.app.notify(str(error), severity="error", timeout=10, markup=False)
            self._offer(f"Cannot open this article. {spoken_message(str(error))}")
            return
        self.app.switch_screen(self.reader_for(article, path))
