"""What a file really holds, told from its first bytes, whatever its name says.

A file under a misleading suffix (a PDF saved as ``.docx``, a book as
``.html``) is named for what it is, with the suffix that would import it,
instead of failing somewhere inside a parser with a message about XML.
"""

from __future__ import annotations

import io
import zipfile
from enum import Enum

from narrator.content.model import SourceKind


class Contents(Enum):
    EPUB = "an EPUB book"
    WORD = "a Word document (.docx)"
    PROTECTED_OFFICE = "a password-protected or old-format (.doc) Office file"
    ZIP = "a zip archive"
    PDF = "a PDF document"
    IMAGE = "an image"
    MARKUP = "a web page"
    TEXT = "text"


_SUFFIX = {Contents.EPUB: ".epub", Contents.WORD: ".docx", Contents.MARKUP: ".html"}
_FITS: dict[SourceKind, frozenset[Contents]] = {
    SourceKind.EPUB: frozenset({Contents.EPUB}),
    SourceKind.WORD: frozenset({Contents.WORD}),
    SourceKind.WEB_PAGE: frozenset({Contents.MARKUP, Contents.TEXT}),
    SourceKind.MARKDOWN: frozenset({Contents.MARKUP, Contents.TEXT}),
    SourceKind.TEXT_PAGE: frozenset({Contents.MARKUP, Contents.TEXT}),
}
_NAMED = {
    SourceKind.EPUB: "an EPUB book",
    SourceKind.WORD: "a Word document",
    SourceKind.WEB_PAGE: "a web page",
    SourceKind.MARKDOWN: "Markdown text",
    SourceKind.TEXT_PAGE: "a text page",
}
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def contents(data: bytes) -> Contents:
    head = data[:1024]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_contents(data)
    if head.startswith(b"%PDF"):
        return Contents.PDF
    if head.startswith(_OLE):
        return Contents.PROTECTED_OFFICE
    if head.startswith(_IMAGES):
        return Contents.IMAGE
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head.lower():
        return Contents.MARKUP
    return Contents.TEXT


def _zip_contents(data: bytes) -> Contents:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 100 and b"epub" in archive.read(info):
                    return Contents.EPUB
            if "META-INF/container.xml" in names:
                return Contents.EPUB
            if "word/document.xml" in names:
                return Contents.WORD
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError):
        return Contents.ZIP
    return Contents.ZIP


def mismatch(named: SourceKind, data: bytes) -> str | None:
    """Why ``data`` is not what its suffix says, in words; None when it fits."""
    found = contents(data)
    if found in _FITS[named]:
        return None
    if named is SourceKind.WORD and found is Contents.PROTECTED_OFFICE:
        return (
            "this Word file is password-protected (encrypted) or in the old .doc format; "
            "open it in Word and save it unprotected as .docx"
        )
    rename = f" (rename it to end in {_SUFFIX[found]})" if found in _SUFFIX else ""
    return f"this is {found.value}, not {_NAMED[named]} as its name says{rename}"
