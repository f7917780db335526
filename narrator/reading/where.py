"""Answering "where am I": the section path, the paragraph, how far through.

How far is measured in spoken characters, not utterances, so a long table
and a short heading weigh what they take to hear, and "50 percent" means
half the listening is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from narrator.reading.structure import Structure
from narrator.speech.utterance import Utterance


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


class Progress:
    """Where each utterance of a script lies, by spoken length."""

    def __init__(self, utterances: Sequence[Utterance], structure: Structure) -> None:
        self._structure = structure
        self._before = [0, *accumulate(max(len(u.spoken), 1) for u in utterances)]

    def percent(self, index: int) -> int:
        """How much of the article comes before ``index``: 0 at the start, 100 only at the end."""
        total = self._before[-1]
        if index >= len(self._before) - 2:
            return 100 if index > 0 else 0
        return min(99, round(100 * self._before[index] / total))

    def where(self, index: int) -> Where:
        section = self._structure.section_at(index)
        stop = self._structure.stop_at(index)
        percent = self.percent(index)
        path = section.path if section else ()
        parts = [" \u203a ".join(path)] if path else []
        if stop is not None and stop.heading:
            parts.append("heading")
        elif stop is not None:
            if stop.blocks > 1 or stop.items == 1:
                parts.append(f"paragraph {stop.block} of {stop.blocks}")
            if stop.items > 1:
                parts.append(f"item {stop.item} of {stop.items}")
        parts.append(f"{percent} percent")
        return Where(
            path=path,
            paragraph=stop.block if stop else 0,
            paragraphs=stop.blocks if stop else 0,
            item=stop.item if stop else 1,
            items=stop.items if stop else 1,
            percent=percent,
            spoken=", ".join(parts),
        )
