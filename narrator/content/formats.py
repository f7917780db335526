"""The file names Narrator imports from, and what each suffix says a file holds.

Kept apart from the importers themselves: opening an article checks that it is
not a file to import first, and must not load every importer (lxml, zip
handling) before the listener hears the title.
"""

from __future__ import annotations

from narrator.content.model import SourceKind

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
