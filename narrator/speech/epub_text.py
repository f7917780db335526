"""The EPUB's content documents: the article's text as XHTML, an ``id`` on every sentence.

Each top-level section is one document, its subsections nested ``<section>``
elements. The text is built from the script, utterance by utterance, so every
element that the voice says has the id its overlay clip points at: a
sentence is a ``<span>`` in its paragraph, a table row its ``<tr>``, and an
announcement with no words on the page ("List, 6 items.") the list or table
it opens. Tables take their cells from the article, so a cell holding " | "
stays one cell.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from lxml import etree

from narrator.content.model import Article, Table
from narrator.speech.script import ScriptSection
from narrator.speech.utterance import Place, Role, Utterance

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The roles whose utterances are sentences of one element, and that element.
_SENTENCE_BLOCKS = {Role.PARAGRAPH: "p", Role.CALLOUT: "blockquote", Role.FIGURE: "figure"}
_ITEMS = {Role.LIST_ITEM: "ul", Role.REFERENCE: "ol", Role.GLOSSARY_ENTRY: "ul"}
_CLASSES = {Role.GLOSSARY_ENTRY: "glossary", Role.REFERENCE: "references"}


def tag(name: str) -> str:
    return f"{{{XHTML}}}{name}"


def xhtml_root(language: str) -> etree._Element:
    return etree.Element(
        tag("html"), {XML_LANG: language, "lang": language}, nsmap={None: XHTML, "epub": OPS}
    )


def place_id(place: Place) -> str:
    """The element id of the utterance at ``place``: unique in the book, and a valid
    XML name whatever the section's id (the three numbers are read from the right)."""
    numbers = "-".join("x" if n < 0 else str(n) for n in (place.block, place.item, place.sentence))
    return f"t-{place.section}-{numbers}"


def section_id(section: str) -> str:
    return f"sec-{section}"


def _table(article: Article, place: Place) -> Table | None:
    section = article.section(place.section)
    if section is None:
        return None
    index = place.block - (1 if section.shows else 0)
    block = section.blocks[index] if 0 <= index < len(section.blocks) else None
    return block if isinstance(block, Table) else None


class _SectionText:
    """One section's element while its utterances are added in reading order."""

    def __init__(self, element: etree._Element, depth: int) -> None:
        self.element = element
        self.depth = depth
        self.blocks: dict[tuple[int, int], etree._Element] = {}

    def container(
        self, key: tuple[int, int], name: str, parent: etree._Element | None = None
    ) -> etree._Element:
        found = self.blocks.get(key)
        if found is None:
            found = etree.SubElement(self.element if parent is None else parent, tag(name))
            if name == "blockquote":
                found = etree.SubElement(found, tag("p"))
            self.blocks[key] = found
        return found


def _sentence(parent: etree._Element, text: str, identifier: str | None) -> None:
    """A sentence as a span, a space from the one before."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + " "
    elif parent.text:
        parent.text += " "
    span = etree.SubElement(parent, tag("span"))
    if identifier:
        span.set("id", identifier)
    span.text = text


def content_document(
    article: Article,
    title: str,
    sections: Sequence[ScriptSection],
    utterances: Sequence[Utterance],
    voiced: Collection[Place],
    stylesheet: str,
) -> etree._Element:
    """The XHTML of a top-level section (``sections``: it and its subsections, in
    reading order; ``utterances``: theirs). Only the places in ``voiced`` (those
    with sound) get an id, so every id has its clip."""
    html = xhtml_root(article.language)
    head = etree.SubElement(html, tag("head"))
    etree.SubElement(head, tag("meta"), {"charset": "utf-8"})
    etree.SubElement(head, tag("title")).text = title
    etree.SubElement(
        head, tag("link"), {"rel": "stylesheet", "type": "text/css", "href": stylesheet}
    )
    body = etree.SubElement(html, tag("body"))
    known = {section.id: section for section in sections}
    texts: dict[str, _SectionText] = {}
    for index, utterance in enumerate(utterances):
        place = utterance.place
        if place is None or place.section not in known:
            continue
        if place.section not in texts:  # its heading: the section opens where it is read
            section = known[place.section]
            parent = texts[section.parent].element if section.parent in texts else body
            element = etree.SubElement(parent, tag("section"), {"id": section_id(section.id)})
            element.set(f"{{{OPS}}}type", "chapter" if section.parent is None else "subchapter")
            texts[section.id] = _SectionText(element, section.depth)
        following = utterances[index + 1] if index + 1 < len(utterances) else None
        _add(article, texts[place.section], utterance, following, place in voiced)
    return html


def _add(
    article: Article,
    text: _SectionText,
    utterance: Utterance,
    following: Utterance | None,
    voiced: bool,
) -> None:
    place = utterance.place
    assert place is not None
    identifier = place_id(place) if voiced else None
    role = utterance.role
    if role is Role.HEADING:
        heading = etree.SubElement(text.element, tag(f"h{min(text.depth + 1, 6)}"))
        heading.text = utterance.text
        if identifier:
            heading.set("id", identifier)
    elif role in _SENTENCE_BLOCKS and place.item >= 0 and (place.block, -1) in text.blocks:
        item = text.container((place.block, place.item), "li", text.blocks[(place.block, -1)])
        _sentence(item, utterance.text, identifier)  # a glossary entry's figure
    elif role in _SENTENCE_BLOCKS:
        _sentence(
            text.container((place.block, 0), _SENTENCE_BLOCKS[role]), utterance.text, identifier
        )
    elif role is Role.ANNOUNCEMENT:
        kind = following.role if following is not None else Role.LIST_ITEM
        listing = text.container((place.block, -1), _ITEMS.get(kind, "ul"))
        if kind in _CLASSES:
            listing.set("class", _CLASSES[kind])
        if identifier:
            listing.set("id", identifier)
    elif role in _ITEMS:
        listing = text.container((place.block, -1), _ITEMS[role])
        _sentence(
            text.container((place.block, place.item), "li", listing), utterance.text, identifier
        )
    elif role is Role.TABLE_CAPTION:
        _table_start(article, text, utterance, identifier)
    elif role is Role.TABLE_ROW:
        _table_row(article, text, utterance, identifier)


def _table_start(
    article: Article, text: _SectionText, utterance: Utterance, identifier: str | None
) -> None:
    place = utterance.place
    assert place is not None
    table = _table(article, place)
    element = text.container((place.block, -1), "table")
    if identifier:
        element.set("id", identifier)
    if table is not None and table.caption:
        etree.SubElement(element, tag("caption")).text = table.caption
    header = table.header if table is not None else tuple(utterance.text.split(" | "))
    row = etree.SubElement(etree.SubElement(element, tag("thead")), tag("tr"))
    for name in header:
        etree.SubElement(row, tag("th"), {"scope": "col"}).text = name
    text.blocks[(place.block, -2)] = etree.SubElement(element, tag("tbody"))


def _table_row(
    article: Article, text: _SectionText, utterance: Utterance, identifier: str | None
) -> None:
    place = utterance.place
    assert place is not None
    table = _table(article, place)
    body = text.blocks.get((place.block, -2))
    if body is None:
        return
    cells = table.rows[place.item] if table is not None else tuple(utterance.text.split(" | "))
    row = etree.SubElement(body, tag("tr"))
    if identifier:
        row.set("id", identifier)
    for cell in cells:
        etree.SubElement(row, tag("td")).text = cell
