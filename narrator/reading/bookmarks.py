"""Bookmarks: named places a listener can come back to.

A bookmark stores a ``Place`` (section id, block, item, sentence), never an
utterance index, so it still lands sensibly after the article is edited
(``Cursor.go_to_place`` finds the nearest sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from narrator.speech.utterance import Place

if TYPE_CHECKING:  # the cursor's module is not needed to say an article's title
    from narrator.reading.cursor import Cursor

_NAME_WORDS = 6


@dataclass(frozen=True)
class Bookmark:
    """``created`` is an ISO 8601 UTC timestamp, so bookmarks sort by age as text."""

    name: str
    place: Place
    created: str


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def bookmark_here(cursor: Cursor, name: str | None = None) -> Bookmark:
    """A bookmark on the sentence being read, named by its section and first words
    unless the listener gave a name."""
    utterance = cursor.current
    place = utterance.place
    if place is None:
        section = cursor.section()
        place = Place(section.id if section else "")
    if not name:
        words = utterance.text.split()
        opening = " ".join(words[:_NAME_WORDS]) + ("\u2026" if len(words) > _NAME_WORDS else "")
        section = cursor.section()
        if section is None:
            name = opening
        elif section.start == cursor.index:
            name = f"{section.title}: start of the section"
        else:
            name = f"{section.title}: {opening}"
    return Bookmark(name=name, place=place, created=now())
