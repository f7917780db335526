"""The elements of an article a listener jumps between: lists, tables, figures, callouts.

A screen reader's quick keys (NVDA's l, t, g, q) jump to the next element of
a kind and say what it is and how big ("Table, 3 rows, 3 columns"). Here an
element is a run of the script's utterances that came from one block of the
model; its kind comes from the model's registry of block kinds (``kind_of``), so the
script's wording never decides what a block is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from narrator.content.model import Article, Block, BlockKind, BulletList, Table
from narrator.speech.utterance import Utterance


class ElementKind(Enum):
    """The value is how the kind is said ("No next table")."""

    LIST = "list"
    TABLE = "table"
    FIGURE = "figure"
    CALLOUT = "callout"


_KINDS: dict[BlockKind, ElementKind] = {
    BlockKind.LIST: ElementKind.LIST,
    BlockKind.TABLE: ElementKind.TABLE,
    BlockKind.FIGURE: ElementKind.FIGURE,
    BlockKind.CALLOUT: ElementKind.CALLOUT,
}


def kind_of(block: Block) -> ElementKind | None:
    """The element kind of a model block; None for a paragraph (no quick key)."""
    return _KINDS.get(block.kind)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@dataclass(frozen=True)
class Element:
    """One list, table, figure or callout, as read: ``utterances[start:end]``."""

    kind: ElementKind
    block: Block
    section: str
    start: int
    end: int

    @property
    def size(self) -> str:
        """How big it is, as a screen reader says it: "3 rows, 3 columns", "6 items"."""
        block = self.block
        if isinstance(block, Table):
            return f"{_count(len(block.rows), 'row')}, {_count(len(block.header), 'column')}"
        if isinstance(block, BulletList):
            return _count(len(block.items), "item")
        return ""

    @property
    def summary(self) -> str:
        """The kind, its size and a table's caption: "Table, 3 rows, 3 columns: Doses"."""
        said = self.kind.value.capitalize()
        if self.size:
            said = f"{said}, {self.size}"
        caption = self.block.caption if isinstance(self.block, Table) else None
        return f"{said}: {caption}" if caption else said


def find_elements(article: Article, utterances: Sequence[Utterance]) -> tuple[Element, ...]:
    """Every element the script reads, in reading order (a figure left unsaid, with
    figures off, is not there to land on)."""
    sections = {section.id: section for _, section in article.walk()}
    elements: list[Element] = []
    last: tuple[str, int] | None = None
    for index, utterance in enumerate(utterances):
        place = utterance.place
        if place is None or place.block < 0:
            last = None
            continue
        key = (place.section, place.block)
        if key == last:
            elements[-1] = _extended(elements[-1], index + 1)
            continue
        last = None
        section = sections.get(place.section)
        if section is None:
            continue
        # a section that shows the references or the glossary reads them as block 0
        number = place.block - (1 if section.shows else 0)
        if not 0 <= number < len(section.blocks):
            continue
        block = section.blocks[number]
        kind = kind_of(block)
        if kind is None:
            continue
        elements.append(Element(kind, block, place.section, index, index + 1))
        last = key
    return tuple(elements)


def _extended(element: Element, end: int) -> Element:
    return Element(element.kind, element.block, element.section, element.start, end)
