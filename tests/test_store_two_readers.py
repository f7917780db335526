"""Two Narrators reading the same article keep each other's bookmarks.

Each saves the whole reading state atomically, so the last one to save used to
win: of 40 bookmarks made by two instances, 25 survived. A save now changes
only the bookmarks its reader added or removed since it last loaded or saved.
"""

from __future__ import annotations

from pathlib import Path

from narrator.reading.bookmarks import Bookmark
from narrator.reading.store import ArticleState, Store, merged_bookmarks
from narrator.speech.utterance import Place


def _mark(sentence: int) -> Bookmark:
    return Bookmark(f"mark {sentence}", Place("s", 0, 0, sentence), "2026-12-01T12:00:00+00:00")


def test_what_one_reader_changed_is_applied_to_what_is_saved() -> None:
    one, two, three = _mark(1), _mark(2), _mark(3)
    assert merged_bookmarks((one, two), (one,), (one, three)) == (one, two, three)
    assert merged_bookmarks((one, two), (one,), ()) == (two,)
    assert merged_bookmarks((one,), (), (_mark(1),)) == (one,)  # the same place once


def test_two_readers_saving_in_turn_lose_no_bookmark(tmp_path: Path) -> None:
    first, second = (Store(tmp_path / "config", tmp_path / "state") for _ in range(2))
    mine: tuple[Bookmark, ...] = ()
    theirs: tuple[Bookmark, ...] = ()
    for n in range(20):
        before = mine
        mine = (*mine, _mark(2 * n))
        assert first.save_article("a", None, ArticleState(bookmarks=mine), before) is None
        before = theirs
        theirs = (*theirs, _mark(2 * n + 1))
        assert second.save_article("a", None, ArticleState(bookmarks=theirs), before) is None
    saved = first.article("a", None).value.bookmarks
    assert sorted(b.place.sentence for b in saved) == list(range(40))
    # one deletes its first bookmark: the other's stay
    assert first.save_article("a", None, ArticleState(bookmarks=mine[1:]), mine) is None
    saved = second.article("a", None).value.bookmarks
    assert sorted(b.place.sentence for b in saved) == list(range(1, 40))
