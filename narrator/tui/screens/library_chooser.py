"""The library's list: a spoken list of articles with the library's own two keys,
ctrl+t to sort by title or by last read, and slash to search every article."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from narrator.tui.screens.choose import ChooseScreen


class LibraryChooser(ChooseScreen):
    """A ``ChooseScreen`` whose sort and search keys close it with nothing chosen and
    ``asked`` set to what the library is to do next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ChooseScreen.BINDINGS,
        Binding("ctrl+t", "sort", "Sort"),
        Binding("slash", "search", "Search all"),
    ]

    def __init__(
        self,
        choices: Sequence[str],
        *,
        sort: Callable[[], None],
        search: Callable[[], None],
        lead: str = "",
        start: int = 0,
    ) -> None:
        super().__init__(
            "Library",
            choices,
            empty="No articles.",
            lead=lead,
            nouns=("article", "articles"),
            start=start,
            escape_leaves=False,
        )
        self._sort = sort
        self._search = search
        self.asked: Callable[[], None] | None = None

    def action_sort(self) -> None:
        self.asked = self._sort
        self.dismiss(None)

    def action_search(self) -> None:
        self.asked = self._search
        self.dismiss(None)
