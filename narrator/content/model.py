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
from typing import Literal


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Callout:
    """A pull quote: a sentence the page sets apart to stress it."""

    text: str


@dataclass(frozen=True)
class ListItem:
    """One bullet; ``term`` is the lead term the page writes as ``Term ∞ text``."""

    text: str
    term: str | None = None


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Table:
    """Every row is exactly as wide as ``header`` (the loader refuses ragged tables)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None


@dataclass(frozen=True)
class Figure:
    """An image, kept as the description a screen reader would read for it."""

    description: str


Block = Paragraph | Callout | BulletList | Table | Figure

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
