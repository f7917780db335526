"""Converting other formats to articles, chosen by the file's suffix.

Every importer gets the file's bytes, read within a limit, and returns an
Article; ``narrator import`` then writes it as YAML. What a file holds is
checked against its suffix first, so a book named ``.html`` or a PDF named
``.docx`` is named for what it is instead of failing somewhere inside.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from narrator.content.errors import ArticleError, Problem
from narrator.content.importers.archive import MAX_ARCHIVE_BYTES
from narrator.content.importers.sniff import mismatch
from narrator.content.limits import MAX_BYTES
from narrator.content.loader import read_limited
from narrator.content.model import Article, Source, SourceKind
from narrator.content.yamlnodes import decode_utf8
from narrator.controls import visible
from narrator.errors import NarratorError

MARKDOWN_SUFFIXES = (".md", ".markdown")
PAGE_TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EPUB_SUFFIXES = (".epub",)
DOCX_SUFFIXES = (".docx",)
IMPORTABLE_SUFFIXES = (
    MARKDOWN_SUFFIXES + PAGE_TEXT_SUFFIXES + HTML_SUFFIXES + EPUB_SUFFIXES + DOCX_SUFFIXES
)
KINDS: dict[str, SourceKind] = {
    **dict.fromkeys(MARKDOWN_SUFFIXES, SourceKind.MARKDOWN),
    **dict.fromkeys(PAGE_TEXT_SUFFIXES, SourceKind.TEXT_PAGE),
    **dict.fromkeys(HTML_SUFFIXES, SourceKind.WEB_PAGE),
    **dict.fromkeys(EPUB_SUFFIXES, SourceKind.EPUB),
    **dict.fromkeys(DOCX_SUFFIXES, SourceKind.WORD),
}


def import_file(path: Path) -> Article:
    """The article in ``path``; its suffix says which importer reads it."""
    suffix = path.suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        known = ", ".join(IMPORTABLE_SUFFIXES)
        raise NarratorError(f"cannot import {path}: the name must end in {known}")
    data = _read(
        path, MAX_ARCHIVE_BYTES if kind in (SourceKind.EPUB, SourceKind.WORD) else MAX_BYTES
    )
    wrong = mismatch(kind, data)
    if wrong is not None:
        raise ArticleError([Problem(str(path), 1, 1, wrong)])
    article = _IMPORTERS[kind](data, path)
    source = article.source or Source()
    return dataclasses.replace(article, source=dataclasses.replace(source, kind=kind))


def _read(path: Path, limit: int) -> bytes:
    if limit == MAX_BYTES:
        return read_limited(path)
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            data = file.read(limit + 1) if size <= limit else b""
    except OSError as error:
        raise ArticleError(
            [Problem(str(path), 1, 1, f"cannot read the file: {error.strerror or error}")]
        ) from None
    if size > limit or len(data) > limit:
        raise ArticleError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    f"the file is {max(size, len(data)) / 2**20:.1f} MB; a book or document "
                    f"may be at most {limit // 2**20} MB",
                )
            ]
        )
    return data


def import_text(data: bytes, path: str) -> str:
    """The text an importer works on: one kind of line end, no live control codes."""
    text = decode_utf8(data, path).replace("\r\n", "\n").replace("\r", "\n")
    return visible(text, keep_lines=True)


def _markdown(data: bytes, path: Path) -> Article:
    from narrator.content.importers import markdown

    return markdown.convert(import_text(data, str(path)), path.stem)


def _page_text(data: bytes, path: Path) -> Article:
    from narrator.content.importers import page_text

    return page_text.convert(import_text(data, str(path)), path.stem)


def _html(data: bytes, path: Path) -> Article:
    from narrator.content.importers import html

    return html.convert(data, path.stem, str(path))


def _epub(data: bytes, path: Path) -> Article:
    from narrator.content.importers import epub

    return epub.convert(data, path.stem, str(path))


def _docx(data: bytes, path: Path) -> Article:
    from narrator.content.importers import docx

    return docx.convert(data, path.stem, str(path))


_IMPORTERS: dict[SourceKind, Callable[[bytes, Path], Article]] = {
    SourceKind.MARKDOWN: _markdown,
    SourceKind.TEXT_PAGE: _page_text,
    SourceKind.WEB_PAGE: _html,
    SourceKind.EPUB: _epub,
    SourceKind.WORD: _docx,
}
