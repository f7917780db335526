"""Converting other formats to articles, chosen by the file's suffix.

Every importer gets the file's bytes, read within a limit, and returns an
Article; ``narrator import`` then writes it as YAML. What a file holds is
checked against its suffix first, so a book named ``.html`` or a PDF named
``.docx`` is named for what it is instead of failing somewhere inside.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from narrator.content.errors import ArticleError, Problem
from narrator.content.formats import IMPORTABLE_SUFFIXES, KINDS
from narrator.content.importers.archive import MAX_ARCHIVE_BYTES
from narrator.content.importers.sniff import mismatch
from narrator.content.model import Article, Source, SourceKind
from narrator.content.regular_files import TooLarge, read_regular
from narrator.content.yamlnodes import decode_utf8
from narrator.controls import visible
from narrator.errors import NarratorError

MAX_SOURCE_BYTES = 16 * 2**20


def import_file(path: Path) -> Article:
    """The article in ``path``; its suffix says which importer reads it."""
    suffix = path.suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        known = ", ".join(IMPORTABLE_SUFFIXES)
        raise NarratorError(f"cannot import {path}: the name must end in {known}")
    data = _read(path, kind)
    wrong = mismatch(kind, data)
    if wrong is not None:
        raise ArticleError([Problem(str(path), 1, 1, wrong)])
    article = _IMPORTERS[kind](data, path)
    source = article.source or Source()
    return dataclasses.replace(article, source=dataclasses.replace(source, kind=kind))


def _read(path: Path, kind: SourceKind) -> bytes:
    """The file's bytes, refused before they are read past the limit for its kind.

    A saved web page or a text is bounded by ``MAX_SOURCE_BYTES``, not by the size
    of an article: most of a page is markup, scripts and styles that are dropped.
    The article made from it must still fit an article's limit, which
    ``narrator import`` checks by loading what it wrote.
    """
    archive = kind in (SourceKind.EPUB, SourceKind.WORD)
    limit = MAX_ARCHIVE_BYTES if archive else MAX_SOURCE_BYTES
    try:
        return read_regular(path, limit)
    except TooLarge as error:
        what = "a book or document" if archive else "a web page or text"
        message = (
            f"the file is {error.size / 2**20:.1f} MB; {what} may be at most {limit // 2**20} MB"
        )
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    raise ArticleError([Problem(str(path), 1, 1, message)])


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
