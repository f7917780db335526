"""The words of a page and of an article, compared by the reference-article and
page-text importer tests: both must keep every word of the page, in order.

The page's bullets, its ``∞`` separators and its glossary label ``Meaning ∞``
are layout, not text, so they are not words here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from narrator.content.model import Article, Block, BulletList, Callout, Figure, Paragraph, Table

NAVIGATION_CHROME = "Skip to main content"
LAYOUT_MARKS = frozenset({"•", "∞"})


def text_lines(text: str) -> list[str]:
    """The page's text lines, without blank lines and the navigation chrome."""
    return [line for line in text.splitlines() if line.strip() not in ("", NAVIGATION_CHROME)]


def words(text: str) -> list[str]:
    text = re.sub(r"^Meaning ∞ ", "", text.strip())
    return [word for word in text.split() if word not in LAYOUT_MARKS]


def page_words(text: str) -> list[str]:
    return [word for line in text_lines(text) for word in words(line)]


def texts(article: Article) -> Iterator[str]:
    """Every text of the article in reading order (a glossary entry's image, as
    on the page, before its term)."""
    for _, section in article.walk():
        yield section.title
        if section.shows == "references":
            yield from (reference.text for reference in article.references)
        if section.shows == "glossary":
            for entry in article.glossary:
                yield from ([entry.figure] if entry.figure else [])
                yield entry.term
                yield entry.definition
        for block in section.blocks:
            yield from block_texts(block)


def block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, (Paragraph, Callout)):
        yield block.text
    elif isinstance(block, Figure):
        yield block.description
    elif isinstance(block, BulletList):
        for item in block.items:
            yield from ([item.term] if item.term else [])
            yield item.text
    elif isinstance(block, Table):
        yield from ([block.caption] if block.caption else [])
        for row in (block.header, *block.rows):
            yield from row


def article_words(article: Article) -> list[str]:
    return [word for text in texts(article) for word in words(text)]
