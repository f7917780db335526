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
    """``paragraph`` is 0 on a section's heading; ``path`` runs from the top-level section."""

    path: tuple[str, ...]
    paragraph: int
    paragraphs: int
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
        block = self._structure.block_at(index)
        percent = self.percent(index)
        path = section.path if section else ()
        paragraph = block.number if block else 0
        paragraphs = block.count if block else 0
        parts = [" \u203a ".join(path)] if path else []
        if block is not None and block.block < 0:
            parts.append("heading")
        elif block is not None:
            parts.append(f"paragraph {paragraph} of {paragraphs}")
        parts.append(f"{percent} percent")
        return Where(path, paragraph, paragraphs, percent, ", ".join(parts))
