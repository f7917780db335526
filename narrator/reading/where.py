"""Answering "where am I": the section path, the paragraph, how far through.

How far is measured in characters, not utterances, so a long table and a
short heading weigh about what they take to hear, and "50 percent" means
about half the listening is done. The written characters are counted: they
are known at once, while a spoken form is made only when it is first needed
(counting those would make all of them before the first word is heard).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from narrator.reading.structure import Stop, Structure
from narrator.speech.utterance import Utterance

_PLURALS = {"entry": "entries"}


@dataclass(frozen=True)
class Where:
    """``paragraph`` is 0 on a section's heading; ``item`` of ``items`` is the place in a
    list, table, the references or the glossary (1 of 1 elsewhere); ``path`` runs from
    the top-level section."""

    path: tuple[str, ...]
    paragraph: int
    paragraphs: int
    item: int
    items: int
    percent: int
    spoken: str


def listening_time(minutes: float) -> str:
    """A listening time as said: "less than a minute", "about 3 minutes", "about 1 hour 5
    minutes"."""
    whole = round(minutes)
    if whole < 1:
        return "less than a minute"
    hours, rest = divmod(whole, 60)
    said = [f"{hours} hour{'s' if hours > 1 else ''}"] if hours else []
    if rest or not hours:
        said.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return "about " + " ".join(said)


class Progress:
    """Where each utterance of a script lies, by written length."""

    def __init__(self, utterances: Sequence[Utterance], structure: Structure) -> None:
        self._utterances = utterances
        self._structure = structure
        # Written lengths and words, so that no spoken form is made to measure them.
        self._before = [0, *accumulate(max(len(u.text), 1) for u in utterances)]
        self._words = [0, *accumulate(len(u.text.split()) for u in utterances)]

    def words(self, start: int, end: int) -> int:
        """How many words ``utterances[start:end]`` hold, as written (about as many
        as are said)."""
        return self._words[end] - self._words[start]

    def percent(self, index: int) -> int:
        """How much of the article comes before ``index``: 0 at the start, 100 only at the end."""
        total = self._before[-1]
        if index >= len(self._before) - 2:
            return 100 if index > 0 else 0
        return min(99, round(100 * self._before[index] / total))

    def where(self, index: int, *, title: str = "", state: str = "") -> Where:
        """``spoken`` says the place in the words of the status line; it starts with
        ``title`` and ends with ``state`` ("paused") when the caller gives them."""
        section = self._structure.section_at(index)
        stop = self._structure.stop_at(index)
        percent = self.percent(index)
        path = section.path if section else ()
        parts = [title] if title else []
        if path:
            parts.append(" \u203a ".join(path))
        if stop is not None and stop.heading and section is not None:
            parts.append(f"section {section.position} of {section.siblings}")
        elif stop is not None and not stop.heading:
            if stop.blocks > 1 or stop.items == 1:
                parts.append(f"paragraph {stop.block} of {stop.blocks}")
            if stop.items > 1:
                parts.append(self._item(index, stop))
        parts.append(f"{percent} percent")
        if state:
            parts.append(state)
        return Where(
            path=path,
            paragraph=stop.block if stop else 0,
            paragraphs=stop.blocks if stop else 0,
            item=stop.item if stop else 1,
            items=stop.items if stop else 1,
            percent=percent,
            spoken=", ".join(parts),
        )

    def _item(self, index: int, stop: Stop) -> str:
        """ "row 2 of 3"; on the words that open a list or table ("List, 4 items."),
        which come before its first item, just how many there are."""
        place = self._utterances[index].place
        if place is not None and place.item < 0:
            return f"{stop.items} {_PLURALS.get(stop.noun, stop.noun + 's')}"
        return f"{stop.noun} {stop.item} of {stop.items}"
