"""An EPUB 3 talking book: the article's text and voice in sync, sentence by sentence.

Thorium and DAISY players (Victor Reader Stream, Book Wizard) move text and
audio together through Media Overlays: for every top-level section a content
document (``epub_text``), its audio (AAC in ``.m4a``) and a SMIL overlay that
pairs each sentence's id with its clip. The package also holds a navigation
document with the section tree, the article's language, accessibility
metadata, the duration of each overlay and of the whole, and a stylesheet
with the ``-epub-media-overlay-active`` class that players put on the
sentence being heard.

Everything is written as XML trees (ElementTree), never pasted together, and
the zip is laid out the same way every time (``mimetype`` first and stored,
one fixed date on every entry, the identifier derived from the article's id),
so the same article gives the same bytes.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from narrator.content.model import Article
from narrator.speech.audiobook import source_text, write_aac
from narrator.speech.captions import clock
from narrator.speech.epub_text import (
    OPS,
    XML_LANG,
    content_document,
    place_id,
    section_id,
    tag,
    xhtml_root,
)
from narrator.speech.export_runs import in_processes
from narrator.speech.export_tracks import Exported
from narrator.speech.script import Script, ScriptSection
from narrator.speech.utterance import Utterance

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
SMIL = "http://www.w3.org/ns/SMIL"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"

ACTIVE_CLASS = "-epub-media-overlay-active"
NARRATOR = "Narrator (espeak-ng synthetic voice)"
# EPUB requires a modification date; a fixed one keeps the file the same every time.
FIXED_DATE = "2000-01-01T00:00:00Z"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
STYLESHEET = f"""\
body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
th, td {{ border: 1px solid; padding: 0.2em 0.5em; text-align: left; }}
table {{ border-collapse: collapse; }}
blockquote {{ font-style: italic; }}
.{ACTIVE_CLASS} {{ background-color: #ffef80; color: #000000; outline: 2px solid #000000; }}
"""
SUMMARY = (
    "The article's full text, with every sentence read aloud by a synthetic voice "
    "in sync with the text (Media Overlays). Headings are marked up and nested, "
    "tables have column headers, and images are given as text descriptions."
)


@dataclass(frozen=True)
class SpineItem:
    """A top-level section's files in the package, and what they hold."""

    number: int
    name: str  # NN-section-id
    section: ScriptSection
    sections: tuple[ScriptSection, ...]
    exported: tuple[Exported, ...]

    @property
    def text(self) -> str:
        return f"text/{self.name}.xhtml"

    @property
    def overlay(self) -> str:
        return f"overlays/{self.name}.smil"

    @property
    def audio(self) -> str:
        return f"audio/{self.name}.m4a"

    @property
    def samples(self) -> int:
        return sum(item.voiced.samples for item in self.exported)

    @property
    def pcm(self) -> bytes:
        return b"".join(part for item in self.exported for part in item.voiced.parts)


def spine(exported: Sequence[Exported]) -> list[SpineItem]:
    """The exported tracks grouped by top-level section (each with its subsections)."""
    found: list[SpineItem] = []
    for item in exported:
        section = item.track.section
        if section.parent is None:
            name = f"{len(found) + 1:02d}-{section.id}"
            found.append(SpineItem(len(found) + 1, name, section, (), ()))
        last = found[-1]
        found[-1] = replace(
            last, sections=(*last.sections, section), exported=(*last.exported, item)
        )
    return found


def _xml(root: etree._Element) -> bytes:
    doctype = "<!DOCTYPE html>" if root.tag == tag("html") else None
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, doctype=doctype)


def _clips(chapter: SpineItem) -> list[tuple[Utterance, int, int]]:
    """Each utterance with sound, and its samples in the chapter's audio."""
    clips, start = [], 0
    for item in chapter.exported:
        clips += [
            (timed.utterance, start + timed.start, start + timed.end)
            for timed in item.voiced.timed
            if timed.end > timed.start
        ]
        start += item.voiced.samples
    return clips


def overlay_document(chapter: SpineItem) -> etree._Element:
    smil = etree.Element(f"{{{SMIL}}}smil", {"version": "3.0"}, nsmap={None: SMIL, "epub": OPS})
    body = etree.SubElement(smil, f"{{{SMIL}}}body")
    text = f"../{chapter.text}"
    seq = etree.SubElement(
        body,
        f"{{{SMIL}}}seq",
        {
            "id": f"seq-{chapter.section.id}",
            f"{{{OPS}}}textref": f"{text}#{section_id(chapter.section.id)}",
        },
    )
    for number, (utterance, start, end) in enumerate(_clips(chapter), start=1):
        assert utterance.place is not None
        par = etree.SubElement(seq, f"{{{SMIL}}}par", {"id": f"par-{number}"})
        etree.SubElement(par, f"{{{SMIL}}}text", {"src": f"{text}#{place_id(utterance.place)}"})
        etree.SubElement(
            par,
            f"{{{SMIL}}}audio",
            {"src": f"../{chapter.audio}", "clipBegin": clock(start), "clipEnd": clock(end)},
        )
    return smil


def navigation_document(article: Article, found: Sequence[SpineItem]) -> etree._Element:
    html = xhtml_root(article.language)
    head = etree.SubElement(html, tag("head"))
    etree.SubElement(head, tag("meta"), {"charset": "utf-8"})
    etree.SubElement(head, tag("title")).text = article.title
    body = etree.SubElement(html, tag("body"))
    nav = etree.SubElement(body, tag("nav"), {f"{{{OPS}}}type": "toc", "id": "toc"})
    etree.SubElement(nav, tag("h1")).text = "Contents"
    lists: dict[str | None, etree._Element] = {None: etree.SubElement(nav, tag("ol"))}
    items: dict[str, etree._Element] = {}
    for chapter in found:
        for section in chapter.sections:
            parent = lists.get(section.parent)
            if parent is None:  # the parent's first subsection: its list opens
                assert section.parent is not None
                parent = etree.SubElement(items[section.parent], tag("ol"))
                lists[section.parent] = parent
            item = etree.SubElement(parent, tag("li"))
            link = etree.SubElement(
                item, tag("a"), {"href": f"{chapter.text}#{section_id(section.id)}"}
            )
            link.text = section.title
            items[section.id] = item
    return html


def _meta(metadata: etree._Element, prop: str, value: str, refines: str | None = None) -> None:
    attributes = {"property": prop} | ({"refines": refines} if refines else {})
    etree.SubElement(metadata, f"{{{OPF}}}meta", attributes).text = value


def package_document(article: Article, found: Sequence[SpineItem]) -> etree._Element:
    package = etree.Element(
        f"{{{OPF}}}package",
        {"version": "3.0", "unique-identifier": "book-id", XML_LANG: article.language},
        nsmap={None: OPF, "dc": DC},
    )
    metadata = etree.SubElement(package, f"{{{OPF}}}metadata")
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"narrator:article:{article.id}")
    etree.SubElement(
        metadata, f"{{{DC}}}identifier", {"id": "book-id"}
    ).text = f"urn:uuid:{identifier}"
    etree.SubElement(metadata, f"{{{DC}}}title").text = article.title
    etree.SubElement(metadata, f"{{{DC}}}language").text = article.language
    source = article.source
    if source is not None and source.attribution:
        etree.SubElement(metadata, f"{{{DC}}}creator").text = source.attribution
    if source_text(article):
        etree.SubElement(metadata, f"{{{DC}}}source").text = source_text(article)
    _meta(metadata, "dcterms:modified", FIXED_DATE)
    for mode in ("textual", "auditory"):
        _meta(metadata, "schema:accessMode", mode)
    for sufficient in ("textual", "auditory", "textual,auditory"):
        _meta(metadata, "schema:accessModeSufficient", sufficient)
    for feature in (
        "synchronizedAudioText",
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "longDescription",
    ):
        _meta(metadata, "schema:accessibilityFeature", feature)
    _meta(metadata, "schema:accessibilityHazard", "none")
    _meta(metadata, "schema:accessibilitySummary", SUMMARY)
    for chapter in found:
        _meta(metadata, "media:duration", clock(chapter.samples), f"#overlay-{chapter.number}")
    _meta(metadata, "media:duration", clock(sum(chapter.samples for chapter in found)))
    _meta(metadata, "media:active-class", ACTIVE_CLASS)
    _meta(metadata, "media:narrator", NARRATOR)
    manifest = etree.SubElement(package, f"{{{OPF}}}manifest")

    def item(identifier: str, href: str, media_type: str, **extra: str) -> None:
        attributes = {"id": identifier, "href": href, "media-type": media_type}
        etree.SubElement(manifest, f"{{{OPF}}}item", attributes | extra)

    item("nav", "nav.xhtml", "application/xhtml+xml", properties="nav")
    item("style", "style.css", "text/css")
    for chapter in found:
        item(
            f"text-{chapter.number}",
            chapter.text,
            "application/xhtml+xml",
            **{"media-overlay": f"overlay-{chapter.number}"},
        )
        item(f"overlay-{chapter.number}", chapter.overlay, "application/smil+xml")
        item(f"audio-{chapter.number}", chapter.audio, "audio/mp4")
    spine = etree.SubElement(package, f"{{{OPF}}}spine")
    for chapter in found:
        etree.SubElement(spine, f"{{{OPF}}}itemref", {"idref": f"text-{chapter.number}"})
    return package


def container_document() -> etree._Element:
    container = etree.Element(
        f"{{{CONTAINER}}}container", {"version": "1.0"}, nsmap={None: CONTAINER}
    )
    files = etree.SubElement(container, f"{{{CONTAINER}}}rootfiles")
    etree.SubElement(
        files,
        f"{{{CONTAINER}}}rootfile",
        {"full-path": "OEBPS/package.opf", "media-type": "application/oebps-package+xml"},
    )
    return container


def _encode(job: tuple[Path, bytes]) -> None:
    path, pcm = job
    write_aac(path, pcm)


def _entry(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    info.create_system = 3  # the same on every platform
    return info


def write_epub(
    path: Path,
    article: Article,
    script: Script,
    exported: Sequence[Exported],
    encoded: Callable[[None], None],
    workers: int | None,
) -> None:
    """The EPUB at ``path``; the audio of the sections is encoded on every core,
    ``encoded()`` as each file is done."""
    found = spine(exported)
    audio = [path.parent / f".{chapter.name}.m4a" for chapter in found]
    longest_first = sorted(range(len(found)), key=lambda n: -found[n].samples)
    in_processes(_encode, [(audio[n], found[n].pcm) for n in longest_first], encoded, workers)
    try:
        with zipfile.ZipFile(path, "w") as book:
            book.writestr(_entry("mimetype", zipfile.ZIP_STORED), "application/epub+zip")

            def add(name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
                book.writestr(_entry(name, compress), data)

            add("META-INF/container.xml", _xml(container_document()))
            add("OEBPS/package.opf", _xml(package_document(article, found)))
            add("OEBPS/nav.xhtml", _xml(navigation_document(article, found)))
            add("OEBPS/style.css", STYLESHEET.encode())
            for chapter, encoded in zip(found, audio, strict=True):
                span = script.utterances[chapter.section.start : chapter.section.end]
                voiced = {u.place for u, _, _ in _clips(chapter) if u.place is not None}
                document = content_document(
                    article, chapter.section.title, chapter.sections, span, voiced, "../style.css"
                )
                add(f"OEBPS/{chapter.text}", _xml(document))
                add(f"OEBPS/{chapter.overlay}", _xml(overlay_document(chapter)))
                add(f"OEBPS/{chapter.audio}", encoded.read_bytes(), zipfile.ZIP_STORED)
    finally:
        for encoded in audio:
            encoded.unlink(missing_ok=True)
