"""The article model.

Everything above ``content`` (speech, reading, the TUI) sees articles only
through these frozen dataclasses, so a loaded article can be shared between
threads and processes without copies or locks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import ClassVar, Literal


class BlockKind(Enum):
    """The kinds of block, the one registry every reader of blocks dispatches on.

    The loader, ``dump``, ``outline`` and the script builder each ``match`` on a
    block's ``kind``, so a new kind is one member here and a type checker (and
    tests/test_block_kinds.py) points at every place that must learn it. The
    value is the key that writes the block in an article's YAML.
    """

    PARAGRAPH = "paragraph"
    CALLOUT = "callout"
    FIGURE = "figure"
    LIST = "list"
    TABLE = "table"


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: ClassVar[BlockKind] = BlockKind.PARAGRAPH


@dataclass(frozen=True)
class Callout:
    """A pull quote: a sentence the page sets apart to stress it."""

    text: str
    kind: ClassVar[BlockKind] = BlockKind.CALLOUT


@dataclass(frozen=True)
class ListItem:
    """One bullet; ``term`` is the lead term the page writes as ``Term ∞ text``."""

    text: str
    term: str | None = None


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    kind: ClassVar[BlockKind] = BlockKind.LIST


@dataclass(frozen=True)
class Table:
    """Every row is exactly as wide as ``header`` (the loader refuses ragged tables)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    kind: ClassVar[BlockKind] = BlockKind.TABLE


@dataclass(frozen=True)
class Figure:
    """An image, kept as the description a screen reader would read for it."""

    description: str
    kind: ClassVar[BlockKind] = BlockKind.FIGURE

    @property
    def text(self) -> str:
        """The description, under the name every text block's words go by."""
        return self.description


Block = Paragraph | Callout | BulletList | Table | Figure
TextBlock = Paragraph | Callout | Figure

TEXT_BLOCKS: Mapping[BlockKind, type[TextBlock]] = MappingProxyType(
    {cls.kind: cls for cls in (Paragraph, Callout, Figure)}
)
"""How the loader makes a text block of each text kind from its words."""

Shows = Literal["references", "glossary"]


@dataclass(frozen=True)
class Section:
    """A titled part of an article.

    ``shows`` places the article's references or glossary in the reading
    order: they are read right after the title, before the section's blocks.
    """

    id: str
    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    shows: Shows | None = None


@dataclass(frozen=True)
class Reference:
    text: str


@dataclass(frozen=True)
class GlossaryEntry:
    """A term and what it means.

    ``teaser`` marks entries whose text is not a definition but a pointer to
    another article (as some of the reference page's entries are), so they
    are never read out as if they defined the term. ``figure`` is the
    description of an image shown with the entry.
    """

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    teaser: bool = False
    figure: str | None = None


class SourceKind(Enum):
    """What an article was made from: the library says it ("EPUB book") beside each title."""

    WEB_PAGE = "web page"
    EPUB = "epub"
    WORD = "word"
    MARKDOWN = "markdown"
    TEXT_PAGE = "text page"

    @property
    def said(self) -> str:
        return _KIND_SAID[self]


_KIND_SAID = {
    SourceKind.WEB_PAGE: "web page",
    SourceKind.EPUB: "EPUB book",
    SourceKind.WORD: "Word document",
    SourceKind.MARKDOWN: "Markdown file",
    SourceKind.TEXT_PAGE: "text of a web page",
}


@dataclass(frozen=True)
class Source:
    url: str | None = None
    title: str | None = None
    attribution: str | None = None
    kind: SourceKind | None = None


def _frozen_mapping() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    sections: tuple[Section, ...]
    language: str = "en"
    source: Source | None = None
    references: tuple[Reference, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    pronunciations: Mapping[str, str] = field(default_factory=_frozen_mapping)

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section in reading order with its depth (0 for top level)."""

        def visit(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[int, Section]]:
            for section in sections:
                yield depth, section
                yield from visit(section.sections, depth + 1)

        return visit(self.sections, 0)

    def section(self, section_id: str) -> Section | None:
        return next((s for _, s in self.walk() if s.id == section_id), None)
