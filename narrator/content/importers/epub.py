"""An EPUB 2 or 3 book to an article: the container, package and navigation read here
with the standard zip module (``archive``), every chapter through the web page path.

- ``META-INF/container.xml`` names the package (OPF); its metadata gives the
  title (``dc:title``), the author (``dc:creator``), the language
  (``dc:language``) and the address (a ``dc:identifier`` that is one).
- The spine's order is the chapters' order. A chapter named in the navigation
  (EPUB 3's ``nav epub:type="toc"``, else EPUB 2's NCX) starts a top-level
  section with the navigation's title, and its own headings nest inside it (its
  first heading is left out when it only repeats that title). A spine document
  the navigation does not name continues the chapter before it.
- Notes, images with their alt text, tables and lists read as on a web page;
  a marker may point into another chapter (a book's endnotes file).
- A book protected by DRM (``META-INF/rights.xml``, or ``encryption.xml``
  encrypting anything but fonts) is refused, and said so: its text cannot be
  read without the seller's key. Every XML file must be well-formed; a
  mistake is named with its member, line and column. Entities are never
  expanded and nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from narrator.content.build import LANGUAGE
from narrator.content.importers.archive import Archive, resolve
from narrator.content.importers.draft import Outline, article_id, title_from_name
from narrator.content.importers.html import PageWalker, heading_text
from narrator.content.importers.html_notes import take_notes
from narrator.content.importers.html_page import decode_page, drop_chrome, parse_page
from narrator.content.model import Article, Source, SourceKind
from narrator.errors import NarratorError

CONTAINER = "META-INF/container.xml"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
ENCRYPTION_NS = "{http://www.w3.org/2001/04/xmlenc#}"
FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


@dataclass(frozen=True)
class Chapter:
    member: str
    title: str | None
    root: HtmlElement


def convert(data: bytes, name: str, path: str) -> Article:
    """The article in the EPUB ``data``; ``name`` (the file's stem) gives its id."""
    book = Archive(data, path)
    _refuse_drm(book)
    package_path = _package_path(book)
    package = book.xml(package_path)
    metadata = package.find(f"{OPF}metadata")
    manifest = {item.get("id", ""): item for item in package.iterfind(f"{OPF}manifest/{OPF}item")}
    titles = _navigation(book, package, package_path, manifest)
    chapters = []
    for itemref in package.iterfind(f"{OPF}spine/{OPF}itemref"):
        item = manifest.get(itemref.get("idref", ""))
        if item is None or item.get("media-type") not in CHAPTER_TYPES:
            continue
        if "nav" in str(item.get("properties", "")).split():
            continue  # the table of contents is navigation, not text
        member = resolve(package_path, str(item.get("href", "")))
        chapters.append(Chapter(member, titles.get(member), _chapter(book, member)))
    if not chapters:
        raise NarratorError(f"{path}: {package_path}: the book's spine names no chapters")
    notes = take_notes([(chapter.member, chapter.root) for chapter in chapters])
    walker = PageWalker(Outline(), notes, levels=1)
    for chapter in chapters:
        drop_chrome(chapter.root)
        main = chapter.root.find("body")  # a chapter has no chrome: all of it is text
        if main is None:
            main = chapter.root
        if chapter.title:
            walker.outline.heading(chapter.title, 1)
            first = next(iter(main.iter("h1", "h2", "h3", "h4", "h5", "h6")), None)
            if first is not None and _same(heading_text(first), chapter.title):
                walker.skipped = first
        walker.walk(main)
    walker.end(path, "book")
    book_title = _dc(metadata, "title")
    creators = [
        " ".join(e.text.split()) for e in _dc_all(metadata, "creator") if e.text and e.text.strip()
    ]
    identifier = _dc(metadata, "identifier")
    language = _dc(metadata, "language") or _page_language(chapters)
    return Article(
        id=article_id(name),
        title=book_title or title_from_name(name, "Imported book"),
        sections=walker.outline.sections(),
        language=language if language and LANGUAGE.match(language) else "en",
        source=Source(
            url=identifier if identifier and identifier.startswith(("http", "urn:isbn")) else None,
            title=book_title,
            attribution=", ".join(creators) or None,
            kind=SourceKind.EPUB,
        ),
        references=tuple(walker.outline.references),
        glossary=tuple(walker.outline.glossary),
    )


def _same(one: str, other: str) -> bool:
    def folded(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.casefold()))

    return folded(one) == folded(other) or (folded(other).endswith(folded(one)) and bool(one))


def _refuse_drm(book: Archive) -> None:
    if book.has("META-INF/rights.xml"):
        raise NarratorError(
            f"{book.path}: the book is protected by DRM (META-INF/rights.xml); Narrator can "
            "read only books without copy protection"
        )
    if not book.has("META-INF/encryption.xml"):
        return
    encryption = book.xml("META-INF/encryption.xml")
    for data in encryption.iter(f"{ENCRYPTION_NS}EncryptedData"):
        method = data.find(f"{ENCRYPTION_NS}EncryptionMethod")
        algorithm = method.get("Algorithm", "") if method is not None else ""
        if algorithm in FONT_OBFUSCATION:
            continue
        reference = data.find(f"{ENCRYPTION_NS}CipherData/{ENCRYPTION_NS}CipherReference")
        member = reference.get("URI", "") if reference is not None else "its content"
        raise NarratorError(
            f"{book.path}: the book is protected by DRM (META-INF/encryption.xml encrypts "
            f"{member}); Narrator can read only books without copy protection"
        )


def _package_path(book: Archive) -> str:
    if not book.has(CONTAINER):
        raise NarratorError(f"{book.path}: not an EPUB book: it has no {CONTAINER}")
    container = book.xml(CONTAINER)
    for rootfile in container.iter(f"{CONTAINER_NS}rootfile"):
        if rootfile.get("media-type", "application/oebps-package+xml").endswith("package+xml"):
            full = str(rootfile.get("full-path", "")).strip()
            if full:
                return resolve("", full)
    raise NarratorError(f"{book.path}: {CONTAINER}: names no package (rootfile full-path)")


def _chapter(book: Archive, member: str) -> HtmlElement:
    """A chapter, checked as XML, then read as a web page (one walker for both)."""
    book.xml(member)
    text = decode_page(book.read(member), f"{book.path}: {member}")
    if not text.strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    return parse_page(text, f"{book.path}: {member}")


def _navigation(
    book: Archive, package: etree._Element, package_path: str, manifest: dict[str, etree._Element]
) -> dict[str, str]:
    """Each chapter file's title from the navigation: its first entry wins."""
    titles: dict[str, str] = {}
    nav = next(
        (i for i in manifest.values() if "nav" in str(i.get("properties", "")).split()), None
    )
    if nav is not None:
        member = resolve(package_path, str(nav.get("href", "")))
        root = book.xml(member)
        tocs = [
            n for n in root.iter(f"{XHTML}nav") if "toc" in str(n.get(f"{OPS}type", "")).split()
        ]
        for anchor in (tocs[0] if tocs else root).iter(f"{XHTML}a"):
            label = " ".join("".join(anchor.itertext()).split())
            href = str(anchor.get("href", ""))
            if label and href:
                titles.setdefault(resolve(member, href), label)
        if titles:
            return titles
    spine = package.find(f"{OPF}spine")
    ncx = manifest.get(spine.get("toc", "") if spine is not None else "")
    if ncx is None:
        ncx = next(
            (i for i in manifest.values() if i.get("media-type") == "application/x-dtbncx+xml"),
            None,
        )
    if ncx is not None:
        member = resolve(package_path, str(ncx.get("href", "")))
        root = book.xml(member)
        for point in root.iter(f"{NCX}navPoint"):
            text = point.find(f"{NCX}navLabel/{NCX}text")
            content = point.find(f"{NCX}content")
            label = " ".join("".join(text.itertext()).split()) if text is not None else ""
            if label and content is not None and content.get("src"):
                titles.setdefault(resolve(member, str(content.get("src"))), label)
    return titles


def _dc(metadata: etree._Element | None, name: str) -> str | None:
    for element in _dc_all(metadata, name):
        text = " ".join("".join(element.itertext()).split())
        if text:
            return text
    return None


def _dc_all(metadata: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if metadata is None else list(metadata.iter(f"{DC}{name}"))


def _page_language(chapters: list[Chapter]) -> str | None:
    for chapter in chapters:
        for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
            tag = str(chapter.root.get(attribute, "")).strip()
            if tag:
                return tag
    return None
