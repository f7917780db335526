"""The parsed article as other programs see it (``narrator outline``).

``article_to_json`` is a stable shape, documented in docs/format.md: every
key is always present (absent values are null or empty), blocks carry a
``type``, and ``format`` changes only when the shape does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from narrator.content.model import (
    Article,
    Block,
    BulletList,
    Callout,
    Figure,
    GlossaryEntry,
    Paragraph,
    Section,
    Table,
)

JSON_FORMAT = 1


def outline_lines(article: Article) -> Iterator[str]:
    """``id  title`` per section, two spaces of indent per depth.

    Titles are shown on one line whatever whitespace they hold, so each
    section is exactly one line for a screen reader to step through.
    """
    for depth, section in article.walk():
        yield f"{'  ' * depth}{section.id}  {' '.join(section.title.split())}"


def article_to_json(article: Article) -> dict[str, Any]:
    source = article.source
    return {
        "format": JSON_FORMAT,
        "id": article.id,
        "title": article.title,
        "language": article.language,
        "source": None
        if source is None
        else {
            "url": source.url,
            "title": source.title,
            "attribution": source.attribution,
            "kind": source.kind.value if source.kind else None,
        },
        "pronunciations": dict(article.pronunciations),
        "sections": [_section(s) for s in article.sections],
        "references": [r.text for r in article.references],
        "glossary": [_entry(e) for e in article.glossary],
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "shows": section.shows,
        "blocks": [_block(b) for b in section.blocks],
        "sections": [_section(s) for s in section.sections],
    }


def _block(block: Block) -> dict[str, Any]:
    kind = block.kind.value
    match block:
        case Figure():
            return {"type": kind, "description": block.description}
        case Paragraph() | Callout():
            return {"type": kind, "text": block.text}
        case BulletList():
            return {"type": kind, "items": [{"term": i.term, "text": i.text} for i in block.items]}
        case Table():
            return {
                "type": kind,
                "caption": block.caption,
                "header": list(block.header),
                "rows": [list(row) for row in block.rows],
            }


def _entry(entry: GlossaryEntry) -> dict[str, Any]:
    return {
        "term": entry.term,
        "definition": entry.definition,
        "aliases": list(entry.aliases),
        "teaser": entry.teaser,
        "figure": entry.figure,
    }
