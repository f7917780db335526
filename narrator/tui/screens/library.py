"""The library: a folder of articles to choose from, by title.

Every article is loaded as the library opens, so each is listed by its title
and a broken one is flagged in words ("<file> — cannot be opened: <problem>")
before anyone chooses it. Choosing a broken one says why and the list comes
back on it, so one broken file never closes the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Label

from narrator.content.errors import ArticleError
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.speech.message import spoken_message
from narrator.tui.screens.choose import ChooseScreen


class LibraryScreen(Screen[None]):
    """Offers the articles; choosing one opens its reader over the library, and
    leaving the reader (q) comes back to the list."""

    def __init__(
        self, articles: Sequence[Path], reader_for: Callable[[Article, Path], Screen[None]]
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.reader_for = reader_for
        self.loaded = tuple(_load(path) for path in self.articles)

    def compose(self) -> ComposeResult:
        yield Label("Library", id="library-title")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._offer()

    def _offer(self, lead: str = "", start: int = 0) -> None:
        names = [
            article.title if isinstance(article, Article) else f"{path.name} \u2014 {article}"
            for path, article in zip(self.articles, self.loaded, strict=True)
        ]
        chooser = ChooseScreen(
            "Library",
            names,
            empty="No articles.",
            lead=lead,
            nouns=("article", "articles"),
            start=start,
            escape_leaves=False,
        )
        self.app.push_screen(chooser, self._chosen)

    def _chosen(self, number: int | None) -> None:
        if number is None:
            self.app.exit(0)
            return
        path, article = self.articles[number], self.loaded[number]
        if not isinstance(article, Article):
            self._offer(spoken_message(f"Cannot open {path.name}: {article.problem}."), number)
            return
        self.app.push_screen(self.reader_for(article, path), lambda _: self._back(number))

    def _back(self, number: int) -> None:
        """q in an article brings the library back, on that article."""
        self._offer(start=number)


class Unreadable:
    """Why an article cannot be opened: its first problem, without the path
    (the list names the file)."""

    def __init__(self, error: NarratorError) -> None:
        if isinstance(error, ArticleError) and error.problems:
            first = error.problems[0]
            more = len(error.problems) - 1
            self.problem = f"line {first.line}, column {first.column}: {first.message}"
            self.problem += f" (and {more} more)" if more else ""
        else:
            self.problem = str(error)

    def __str__(self) -> str:
        return f"cannot be opened: {self.problem}"


def _load(path: Path) -> Article | Unreadable:
    try:
        return load_article(path)
    except NarratorError as error:
        return Unreadable(error)
