"""What both importers build on: sections while their content is still arriving,
and the article made from them once every title is known."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from narrator.content.model import Block, Section, Shows
from narrator.content.slugs import slugify, unique_slug

_SEPARATORS = re.compile(r"[_\s-]+")


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
