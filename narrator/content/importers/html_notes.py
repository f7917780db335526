"""Footnotes and endnotes of a page: found, taken out of the text, and kept as references.

A note is found by what the page says it is, in the vocabularies real tools
write: DPUB-ARIA roles (``doc-endnotes``, ``doc-footnote``, ``doc-noteref``,
pandoc), EPUB's ``epub:type`` (``footnote``, ``endnote``, ``rearnote``,
``noteref``), the classes Sphinx and Wikipedia write (``footnote``,
``references``), and, for pages that say nothing (mammoth's Word notes), a list
whose every item is the target of an in-page link from the text. A marker in
the text becomes ``[label]`` ("note 3" when said); the note itself becomes a
reference, its back links ("↩", "↑") left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

NOTE_CONTAINER_TYPES = frozenset({"footnotes", "endnotes", "rearnotes", "doc-endnotes"})
NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note", "doc-footnote", "doc-endnote"})
NOTE_CLASSES = frozenset({"footnotes", "footnote", "endnotes", "references", "footnote-list"})
BACK_TYPES = frozenset({"doc-backlink", "backlink"})
BACK_CLASSES = frozenset({"footnote-back", "fn-backref", "backref", "mw-cite-backlink"})
BACK_MARKS = re.compile(r"^[\s↩↑^⮌\ufe0e\ufe0f]*$")
NOTE_MARKER = "narrator-notes"
"""The element left where a page's notes stood, so the walker knows their section."""


def _words(element: HtmlElement, attribute: str) -> set[str]:
    return set(str(element.get(attribute, "")).lower().split())


def _types(element: HtmlElement) -> set[str]:
    return _words(element, "role") | _words(element, "epub:type")


Key = tuple[str, str]
"""A note's place: the file it is in (``""`` for a page) and its id."""


@dataclass
class Notes:
    """The page's notes in their order, as references."""

    texts: list[str] = field(default_factory=list)


def take_notes(pages: list[tuple[str, HtmlElement]]) -> Notes:
    """Takes every note out of ``pages`` (a web page, or a book's chapters by file
    name, whose markers may point into another chapter): each marker becomes
    ``[label]`` text, each container of notes one ``narrator-notes`` element. A
    book that numbers its notes afresh in each chapter has them numbered through
    the book, so each marker names one reference."""
    targets: dict[Key, HtmlElement] = {}
    for member, root in pages:
        for key, anchor in _link_targets(member, root):
            targets.setdefault(key, anchor)
    containers: list[tuple[str, HtmlElement]] = []
    for member, root in pages:
        found = [
            e for e in root.iter() if isinstance(e.tag, str) and _is_container(e, member, targets)
        ]
        containers += [(member, c) for c in outermost(found)]
    note_keys = {
        (member, str(e.get("id")))
        for member, container in containers
        for e in container.iter()
        if isinstance(e.tag, str) and e.get("id")
    }
    markers = [
        (anchor, key, label)
        for member, root in pages
        for anchor, key, label in _markers(member, root, note_keys)
    ]
    targeted = {key for _, key, _ in markers}
    order = [
        (member, str(part.get("id", "")))
        for member, container in containers
        for part in _note_parts(member, container, targeted)
    ]
    labels: dict[Key, str] = {}
    for _, key, label in markers:
        labels.setdefault(key, label)
    if len(set(labels.values())) < len(labels):
        numbers = {key: str(n) for n, key in enumerate(order, start=1) if key[1]}
        labels = {key: numbers.get(key, label) for key, label in labels.items()}
    for anchor, key, _ in markers:
        _replace_marker(anchor, labels[key])
    notes = Notes()
    for member, container in containers:
        notes.texts.extend(_note_texts(member, container, labels, targeted))
        marker = container.makeelement(NOTE_MARKER, {})
        marker.tail = container.tail
        parent = container.getparent()
        if parent is not None:
            parent.replace(container, marker)
    return notes


def outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements not inside another of them, in their order."""
    held = set(elements)
    return [e for e in elements if not any(a in held for a in e.iterancestors())]


def _target(member: str, href: str) -> Key | None:
    """The note a link points to: ``#n1`` in its own file, ``notes.xhtml#n1`` in another."""
    if "#" not in href or re.match(r"[a-z][a-z0-9+.-]*:", href):
        return None
    where, _, target = href.partition("#")
    if not where:
        return member, target
    from narrator.content.importers.archive import resolve

    return resolve(member, where), target


def _link_targets(member: str, root: HtmlElement) -> Iterator[tuple[Key, HtmlElement]]:
    for anchor in root.iter("a"):
        key = _target(member, str(anchor.get("href", "")))
        if key is not None:
            yield key, anchor


def _is_note_link(anchor: HtmlElement) -> bool:
    types = _types(anchor)
    if types & {"doc-noteref", "noteref"}:
        return True
    classes = _words(anchor, "class")
    if any("footnote" in c or c in ("fn", "fnref", "noteref") for c in classes):
        return not classes & BACK_CLASSES
    parent = anchor.getparent()
    return parent is not None and parent.tag == "sup"


def _is_container(element: HtmlElement, member: str, targets: dict[Key, HtmlElement]) -> bool:
    if not element.attrib and element.tag not in ("ol", "ul"):
        return False
    types = _types(element)
    if types & (NOTE_CONTAINER_TYPES | NOTE_TYPES):
        return True
    if element.tag in ("section", "div", "ol", "ul", "aside", "dl") and (
        _words(element, "class") & NOTE_CLASSES
    ):
        return True
    if element.tag not in ("ol", "ul"):
        return False
    items = [child for child in element if child.tag == "li"]
    keys = [(member, str(item.get("id", ""))) for item in items]
    return bool(items) and all(key in targets and _is_note_link(targets[key]) for key in keys)


def _markers(
    member: str, root: HtmlElement, note_keys: set[Key]
) -> Iterator[tuple[HtmlElement, Key, str]]:
    """Each link to a note (a ``sup`` around it with it), its note and its label."""
    for anchor in list(root.iter("a")):
        key = _target(member, str(anchor.get("href", "")))
        if key is None or key not in note_keys or _is_back_link(anchor):
            continue
        label = " ".join(anchor.text_content().split()).strip("[]() ") or "*"
        parent = anchor.getparent()
        if (
            parent is not None
            and parent.tag == "sup"
            and len(parent) == 1
            and not (parent.text or "").strip()
            and not (anchor.tail or "").strip()
        ):
            anchor = parent
        yield anchor, key, label


def _replace_marker(element: HtmlElement, label: str) -> None:
    _replace_with_text(element, f"[{label}]")


def _replace_with_text(element: HtmlElement, text: str) -> None:
    parent = element.getparent()
    if parent is None:
        return
    joined = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def _is_back_link(anchor: HtmlElement) -> bool:
    return bool(
        _types(anchor) & BACK_TYPES
        or _words(anchor, "class") & BACK_CLASSES
        or (BACK_MARKS.match(anchor.text_content()) and anchor.text_content().strip())
        or str(anchor.get("href", "")).split("#")[-1].startswith(("fnref", "footnote-ref"))
    )


def _note_parts(member: str, container: HtmlElement, targeted: set[Key]) -> list[HtmlElement]:
    """The separate notes of a container: the elements its markers point to, else its
    list items, asides and elements marked as a note, else the container itself."""
    pointed = [
        e
        for e in container.iterdescendants()
        if isinstance(e.tag, str) and (member, str(e.get("id", ""))) in targeted
    ]
    if pointed:
        return outermost(pointed)
    items = [
        e
        for e in container.iter()
        if isinstance(e.tag, str)
        and e is not container
        and (e.tag in ("li", "aside", "dd") or _types(e) & NOTE_TYPES)
    ]
    return outermost(items) or [container]


def _note_texts(
    member: str, container: HtmlElement, labels: dict[Key, str], targeted: set[Key]
) -> list[str]:
    """One text per note, its label first ("3. Howell, A. …"), back links left out."""
    for anchor in list(container.iter("a")):
        if _is_back_link(anchor):
            _replace_with_text(anchor, "")
    for heading in list(container.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        _replace_with_text(heading, "")
    texts = []
    for part in _note_parts(member, container, targeted):
        label = labels.get((member, str(part.get("id", ""))), "")
        for mark in part.iter():
            if isinstance(mark.tag, str) and _words(mark, "class") & {"label", "fn-label"}:
                label = label or " ".join(mark.text_content().split()).strip("[]")
                _replace_with_text(mark, "")
                break
        text = " ".join(part.text_content().split()).lstrip(".:) ")
        if text:
            texts.append(f"{label}. {text}" if label else text)
    return texts
