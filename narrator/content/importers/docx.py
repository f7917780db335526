"""A Word document (.docx) to an article, through mammoth's clean HTML and the web page path.

mammoth maps Word's heading styles (Heading 1–6) to ``h1``–``h6``, numbered and
bulleted paragraphs to lists, tables to tables (a repeated header row to
``th``), footnotes and endnotes to a list of notes the page path reads as
references, and each picture to an image with the alt text Word keeps for it
(its description, else its title); a picture with none is "An image without a
description". Narrator reads Word's (first) "Title" paragraph as the article's title,
"Subtitle", "Quote" and "Intense Quote" as callouts. Pictures themselves are
never read. The title and author also come from the document's properties.

Before mammoth sees the file, every member is read through ``archive`` (names,
sizes, bombs) and the main document must be well-formed XML.
"""

from __future__ import annotations

import io
import re

from narrator.content.importers.archive import Archive
from narrator.content.importers.draft import Outline, article_id, title_from_name
from narrator.content.importers.html import PageWalker, heading_text
from narrator.content.importers.html_notes import take_notes
from narrator.content.importers.html_page import drop_chrome, parse_page
from narrator.content.model import Article, Source, SourceKind
from narrator.errors import NarratorError

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
STYLES = "\n".join(
    (
        "p[style-name='Title'] => h1.narrator-title:fresh",
        "p[style-name='Subtitle'] => blockquote > p:fresh",
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Intense Quote'] => blockquote > p:fresh",
    )
)
DC = "{http://purl.org/dc/elements/1.1/}"


def convert(data: bytes, name: str, path: str) -> Article:
    """The article in the Word document ``data``; ``name`` (the stem) gives its id."""
    import mammoth
    import mammoth.images

    document = Archive(data, path)
    if not document.has(DOCUMENT):
        raise NarratorError(f"{path}: not a Word document: it has no {DOCUMENT}")
    for member in document.names():
        if member.endswith((".xml", ".rels")):
            document.xml(member)
    title, author = _properties(document)

    def no_picture(image: object) -> dict[str, str]:
        return {}  # mammoth adds the alt text; the picture's bytes are never read

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLES,
            convert_image=mammoth.images.img_element(no_picture),
        )
    except Exception as error:  # mammoth's own errors have no common base
        raise NarratorError(f"{path}: {DOCUMENT}: cannot be read ({error})") from None
    page = f"<html><body>{result.value}</body></html>"
    if not re.search(r">[^<]*\S", result.value) and "<img" not in result.value:
        raise NarratorError(f"{path}: no text to import: the document is empty")
    root = parse_page(page, path)
    notes = take_notes([("", root)])
    drop_chrome(root)
    main = root.find("body")
    walker = PageWalker(Outline(), notes)
    titled = root.find_class("narrator-title")
    if titled:
        walker.skipped = titled[0]
        heading: str | None = heading_text(titled[0])
    else:
        heading = walker.title_heading(main if main is not None else root)
    walker.walk(main if main is not None else root)
    walker.end(path)
    return Article(
        id=article_id(name),
        title=heading or title or title_from_name(name, "Imported document"),
        sections=walker.outline.sections(),
        source=Source(title=title, attribution=author, kind=SourceKind.WORD),
        references=tuple(walker.outline.references),
        glossary=tuple(walker.outline.glossary),
    )


def _properties(document: Archive) -> tuple[str | None, str | None]:
    """The title and author the document's properties give."""
    if not document.has(CORE):
        return None, None
    root = document.xml(CORE)

    def value(name: str) -> str | None:
        element = root.find(f"{DC}{name}")
        text = " ".join("".join(element.itertext()).split()) if element is not None else ""
        return text or None

    return value("title"), value("creator")
