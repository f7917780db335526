"""What every importer builds on: sections while their content is still arriving,
the glossary and references claimed on the way, and the article made from them
once every title is known."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from narrator.content.build import NOT_BLANK
from narrator.content.model import (
    Block,
    Callout,
    Figure,
    GlossaryEntry,
    Paragraph,
    Reference,
    Section,
    Shows,
)
from narrator.content.slugs import slugify, unique_slug

_SEPARATORS = re.compile(r"[_\s-]+")
GLOSSARY_TITLES = frozenset({"glossary", "key terms", "terms", "definitions"})
REFERENCE_TITLES = frozenset({"references", "sources", "bibliography", "works cited", "citations"})
TERM_MARKS = (":", "∞", "\u2014", "\u2013")
INTRODUCTION = "Introduction"
AFTER_EVERY_HEADING = 7
"""The introduction's level: the first heading closes it instead of nesting in it."""
UNTITLED = "Untitled section"


@dataclass
class Draft:
    """A section still being filled; ``level`` is its heading's level where the source
    has levels (Markdown). Ids are given only at the end, once every title is known,
    so clashing slugs are numbered in reading order."""

    title: str
    shows: Shows | None = None
    blocks: list[Block] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    level: int = 0


def sections(drafts: list[Draft], shown: Collection[str] | None = None) -> tuple[Section, ...]:
    """The drafts as sections with unique ids in reading order; with ``shown``, a
    section shows the references or the glossary only if that part was found."""
    taken: set[str] = set()

    def build(draft: Draft) -> Section:
        section_id = unique_slug(draft.title, taken, "section")
        keep = shown is None or draft.shows in shown
        return Section(
            id=section_id,
            title=draft.title,
            blocks=tuple(draft.blocks),
            sections=tuple(build(child) for child in draft.children),
            shows=draft.shows if keep else None,
        )

    return tuple(build(draft) for draft in drafts)


def article_id(name: str) -> str:
    """The id of an article imported from a file named ``name`` (its stem)."""
    return slugify(name) or "article"


def title_from_name(name: str, untitled: str) -> str:
    """A title from a file's stem ("estrogen_basics" is "Estrogen basics")."""
    title = _SEPARATORS.sub(" ", name).strip() or untitled
    return title[0].upper() + title[1:]


@dataclass
class Outline:
    """The sections of a document as its headings arrive, with the glossary and the
    references claimed from them: every importer fills one, so a heading, a
    glossary term or a reference is read the same way from any format."""

    drafts: list[Draft] = field(default_factory=list)
    stack: list[Draft] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)

    def heading(self, title: str, level: int) -> Draft:
        """A new section at ``level`` (1 to 6), nested in the last one above that level.
        The first section titled Glossary (or References, Notes...) shows that part."""
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        draft = Draft(title or UNTITLED, level=level)
        kind = " ".join(title.casefold().rstrip(":").split())
        if kind in GLOSSARY_TITLES and "glossary" not in self.titled:
            draft.shows = "glossary"
        elif kind in REFERENCE_TITLES and "references" not in self.titled:
            draft.shows = "references"
        if draft.shows:
            self.titled.add(draft.shows)
        (parent.children if parent else self.drafts).append(draft)
        self.stack.append(draft)
        return draft

    @property
    def current(self) -> Draft:
        if not self.stack:
            self.heading(INTRODUCTION, AFTER_EVERY_HEADING)
        return self.stack[-1]

    def claim(
        self,
        term: str,
        definition: str,
        figure: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> bool:
        """Adds a glossary entry unless its term or an alias is taken (ignoring case)."""
        names = [name.casefold() for name in (term, *aliases)]
        if len(set(names)) != len(names) or any(name in self.terms for name in names):
            return False
        self.terms.update(names)
        self.glossary.append(GlossaryEntry(term, definition, aliases, figure=figure))
        self.shown.add("glossary")
        return True

    def reference(self, text: str) -> None:
        self.references.append(Reference(text))
        self.shown.add("references")

    def add(self, draft: Draft, block: Block) -> None:
        """Adds a block that has words to say (an empty paragraph is no block)."""
        if has_words(block):
            draft.blocks.append(block)

    def sections(self) -> tuple[Section, ...]:
        if not self.drafts:
            self.heading(INTRODUCTION, AFTER_EVERY_HEADING)
        return sections(self.drafts, self.shown)


def every_draft(drafts: list[Draft]) -> Iterator[Draft]:
    """Every draft in reading order, nested ones after their parent."""
    for draft in drafts:
        yield draft
        yield from every_draft(draft.children)


def has_words(block: Block) -> bool:
    match block:
        case Paragraph() | Callout() | Figure():
            return bool(NOT_BLANK.search(block.text))
        case _:
            return True
