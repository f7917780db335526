"""Converting other formats to articles, chosen by the file's suffix.

Every importer gets clean text (UTF-8 checked, line ends unified, control
characters made visible) and returns an Article; ``narrator import`` then
writes it as YAML.
"""

from __future__ import annotations

from pathlib import Path

from narrator.content.loader import read_limited
from narrator.content.model import Article
from narrator.content.yamlnodes import decode_utf8
from narrator.controls import visible
from narrator.errors import NarratorError

MARKDOWN_SUFFIXES = (".md", ".markdown")
PAGE_TEXT_SUFFIXES = (".txt",)


def import_file(path: Path) -> Article:
    suffix = path.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES + PAGE_TEXT_SUFFIXES:
        known = ", ".join(MARKDOWN_SUFFIXES + PAGE_TEXT_SUFFIXES)
        raise NarratorError(f"cannot import {path}: the name must end in {known}")
    text = import_text(read_limited(path), str(path))
    if suffix in MARKDOWN_SUFFIXES:
        from narrator.content.importers import markdown

        return markdown.convert(text, path.stem)
    from narrator.content.importers import page_text

    return page_text.convert(text, path.stem)


def import_text(data: bytes, path: str) -> str:
    """The text an importer works on: one kind of line end, no live control codes."""
    text = decode_utf8(data, path).replace("\r\n", "\n").replace("\r", "\n")
    return visible(text, keep_lines=True)
