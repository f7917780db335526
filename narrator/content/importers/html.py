"""A saved web page to an article; EPUB chapters and Word files take this path too.

The rules, in the order a reader meets them (docs/format.md states them for writers):

- Only the main content is read (``html_page``: landmarks, else readability-lxml).
  When it opens with a heading (no text before it) that is the only one of its
  level or above (one ``h1``, or one ``h2`` over ``h3``s), that heading is the title;
  otherwise ``<title>`` is (else the file's name).
- ``h1``–``h6`` (and ``role="heading"`` with ``aria-level``) become sections
  at their depth. Text before the first heading goes into "Introduction".
- ``p`` and any run of text between blocks become paragraphs; ``br`` is a line
  break inside one. ``pre`` becomes one paragraph per line, as code is stepped
  through line by line.
- ``ul`` and ``ol`` become lists. An ordered item keeps its number as the page
  shows it (``start``, ``value``, ``reversed``, ``type`` a/A/i/I): "3. Mix",
  "c) Mix".
  Nested lists follow their parent item. An item that opens with a bold term
  and a colon or a dash (``<b>Dose</b>: 1 mg``) gets it as its lead term.
- ``dl`` becomes the glossary when it is one: it sits in a section titled
  Glossary (Key terms, Terms, Definitions) or says so (``role="doc-glossary"``,
  ``epub:type="glossary"``, a class ``glossary``); a ``dt`` is the term (further
  ``dt`` of the same ``dd`` its aliases), its ``dd`` the definition. Any other
  ``dl``, and an entry whose term is taken, is a list with lead terms.
- ``table`` keeps its header rows (``thead``, or leading rows of ``th``; two
  header rows join per column as "Upper, Lower") and its ``caption`` (or the
  ``figcaption`` around it). A merged cell (``rowspan``, ``colspan``) is
  repeated in every row and column it spans, so each row read alone is whole.
  A table with no header cells has a blank header: its cells are read alone,
  never under a guessed header. A layout table (``role="presentation"``, one
  column, or tables inside it) is read as the blocks it holds.
- ``blockquote`` and ``aside`` become callouts, paragraph by paragraph.
- ``figure`` and an image standing alone become figures: the images' alt text,
  then the caption. An image with no ``alt`` at all is "An image without a
  description" (never its file name); ``alt=""`` marks a decorative image,
  which is left out. Inside a sentence an image is its alt text.
- Footnotes and endnotes (``html_notes``) become the references, and each
  marker reads ``[label]``; the section they stood in shows them.
- A superscript that is no note marker and no ordinal's ending (``1<sup>st</sup>``)
  becomes superscript characters where Unicode has them (``x<sup>2</sup>`` is ``x²``,
  ``2<sup>n</sup>`` is ``2ⁿ``), so it is said as a power, never as "2n".
- A link reads as its text: the address is not on the page a reader sees.
- The page's ``lang`` (else the language most of its passages are marked in)
  is the article's language; ``<title>``, the author (``meta name="author"``)
  and the canonical address are its ``source``.

Whatever a rule does not claim stays as ordinary blocks, so no word of the
main text is dropped (only markup is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from narrator.content.build import NOT_BLANK
from narrator.content.errors import ArticleError, Problem
from narrator.content.importers.draft import (
    GLOSSARY_TITLES,
    TERM_MARKS,
    Outline,
    article_id,
    every_draft,
    title_from_name,
)
from narrator.content.importers.html_notes import NOTE_MARKER, Notes, take_notes
from narrator.content.importers.html_page import (
    decode_page,
    drop_chrome,
    main_content,
    page_facts,
    parse_page,
)
from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    ListItem,
    Paragraph,
    Source,
    SourceKind,
    Table,
)

HEADINGS = {f"h{level}": level for level in range(1, 7)}
BLOCK_TAGS = frozenset(
    {
        *HEADINGS,
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "hgroup",
        "address",
        "details",
        "summary",
        "center",
        "fieldset",
        "ul",
        "ol",
        "menu",
        "dl",
        "table",
        "blockquote",
        "aside",
        "figure",
        "pre",
        "hr",
        "li",
        "dd",
        "dt",
        "figcaption",
        "caption",
        "legend",
        NOTE_MARKER,
    }
)
NO_DESCRIPTION = "An image without a description"
SUPERSCRIPTS = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
)
_SUPERSCRIPTABLE = re.compile(r"[-+=()0-9a-pr-z]+\Z")
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "e", "er", "re", "ème", "o", "a", "º", "ª"})
"""``1<sup>st</sup>``, ``2<sup>e</sup>``: an ordinal's ending, read as written."""
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
BREAK = "\u2028"
"""A line break the page makes (``br``, a block inside a list item), unlike the line
ends of its source, which are spaces."""
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_GLOSSARY_MARKS = frozenset({"doc-glossary", "glossary"})


def convert(data: bytes, name: str, path: str) -> Article:
    """The article in the saved web page ``data``; ``name`` (the file's stem) gives its
    id, ``path`` is how problems name the file."""
    root = parse_page(decode_page(data, path), path)
    facts = page_facts(root)
    notes = take_notes([("", root)])
    drop_chrome(root)
    main = main_content(root)
    walker = PageWalker(Outline(), notes)
    title = walker.title_heading(main)
    walker.walk(main)
    walker.end(path)
    return Article(
        id=article_id(name),
        title=title or facts.title or title_from_name(name, "Imported page"),
        sections=walker.outline.sections(),
        language=facts.language or "en",
        source=Source(
            url=facts.url, title=facts.title, attribution=facts.author, kind=SourceKind.WEB_PAGE
        ),
        references=tuple(walker.outline.references),
        glossary=tuple(walker.outline.glossary),
    )


@dataclass
class PageWalker:
    """Walks a page's elements into an outline. ``levels`` is added to every
    heading's level, so a book's chapters nest their own headings."""

    outline: Outline
    notes: Notes = field(default_factory=Notes)
    levels: int = 0
    skipped: HtmlElement | None = None

    def title_heading(self, main: HtmlElement) -> str | None:
        """The text of the one ``h1`` that opens the main content, which is then the
        article's title rather than a section."""
        headings = [e for e in main.iter(*HEADINGS) if heading_text(e)]
        if not headings:
            return None
        top = min(HEADINGS[e.tag] for e in headings)
        tops = [e for e in headings if HEADINGS[e.tag] == top]
        if len(tops) != 1 or headings[0] is not tops[0] or _text_before(tops[0], main):
            return None
        self.skipped = tops[0]
        return heading_text(tops[0])

    def end(self, path: str, what: str = "page") -> None:
        """The notes are the references; a ``what`` with no words is the user's error."""
        for text in self.notes.texts:
            self.outline.reference(text)
        if not any(d.blocks for d in every_draft(self.outline.drafts)) and not (
            self.outline.references or self.outline.glossary
        ):
            raise ArticleError([Problem(path, 1, 1, f"no text to import: the {what} is empty")])

    # -- blocks ---------------------------------------------------------------

    def walk(self, element: HtmlElement, *, quoted: bool = False) -> None:
        """Adds the blocks inside ``element``: its runs of inline content become
        paragraphs, its block elements are read by their kind."""
        run: list[HtmlElement | str] = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and _is_block(child):
                self.paragraph_run(run, quoted=quoted)
                run = []
                self.block(child, quoted=quoted)
            elif isinstance(child.tag, str):
                run.append(child)
            run.append(child.tail or "")
        self.paragraph_run(run, quoted=quoted)

    def paragraph_run(self, run: list[HtmlElement | str], *, quoted: bool) -> None:
        draft = self.outline.current if _run_has_content(run) else None
        if draft is None:
            return
        elements = [part for part in run if not isinstance(part, str)]
        text = _clean(inline_text(run))
        images = [image for e in elements for image in _images(e)]
        if images and not NOT_BLANK.search(_clean(inline_text(run, images=False))):
            for image in images:
                description = _image_description(image)
                if description:
                    self.outline.add(draft, Figure(description))
            return
        self.outline.add(draft, Callout(text) if quoted else Paragraph(text))

    def block(self, element: HtmlElement, *, quoted: bool) -> None:
        tag = element.tag
        if element is self.skipped:
            return
        level = HEADINGS.get(tag) or _aria_level(element)
        if level:
            if quoted:
                self.outline.add(self.outline.current, Callout(heading_text(element)))
            else:
                self.outline.heading(
                    heading_text(element), min(level + self.levels, 6 + self.levels)
                )
            return
        if tag == NOTE_MARKER:
            draft = self.outline.current
            alone = not draft.blocks and not draft.children  # the notes' own section
            if alone and draft.shows is None and "references" not in self.outline.titled:
                draft.shows = "references"
                self.outline.titled.add("references")
            return
        if tag == "hr":
            return
        if tag == "pre":
            for line in element.text_content().splitlines():
                self.outline.add(self.outline.current, Paragraph(line.strip()))
            return
        if tag in ("ul", "ol", "menu"):
            self.bullet_list(element)
        elif tag == "dl":
            self.definitions(element)
        elif tag == "table":
            self.table(element)
        elif tag in ("blockquote", "aside"):
            self.walk(element, quoted=True)
        elif tag == "figure":
            self.figure(element, quoted=quoted)
        else:
            self.walk(element, quoted=quoted)

    def bullet_list(self, element: HtmlElement) -> None:
        draft = self.outline.current
        kept: list[ListItem] = []
        for item, whole in _list_items(element):
            if draft.shows == "references":
                self.outline.reference(whole)
            elif (
                draft.shows == "glossary" and item.term and self.outline.claim(item.term, item.text)
            ):
                continue
            else:
                kept.append(item)
        if kept:
            self.outline.add(draft, BulletList(tuple(kept)))

    def claim(self, item: ListItem) -> bool:
        return item.term is not None and self.outline.claim(item.term, item.text)

    def definitions(self, element: HtmlElement) -> None:
        draft = self.outline.current
        marks = {*str(element.get("role", "")).lower().split()}
        marks |= {*str(element.get("epub:type", "")).lower().split()}
        marks |= {*str(element.get("class", "")).lower().split()}
        title = " ".join(draft.title.casefold().rstrip(":").split())
        glossary = draft.shows == "glossary" or title in GLOSSARY_TITLES or marks & _GLOSSARY_MARKS
        if glossary and draft.shows is None and "glossary" not in self.outline.titled:
            draft.shows = "glossary"
            self.outline.titled.add("glossary")
        kept: list[ListItem] = []
        for terms, definition in _definition_entries(element):
            if not definition:
                kept.extend(ListItem(term) for term in terms)
            elif not terms:
                kept.append(ListItem(definition))
            elif glossary and self.outline.claim(terms[0], definition, aliases=tuple(terms[1:])):
                continue
            else:
                kept.append(ListItem(definition, ", ".join(terms)))
        if kept:
            self.outline.add(draft, BulletList(tuple(kept)))

    def table(self, element: HtmlElement, caption: str | None = None) -> None:
        grid = _grid(element)
        if _is_layout(element, grid):
            for cell in _cells(element):
                self.walk(cell)
            return
        caption_element = element.find("caption")
        if caption_element is not None:
            caption = heading_text(caption_element) or caption
        header_rows, body = _split_header(grid)
        width = max((len(row) for row, _ in grid), default=0)
        header = tuple(_joined_header(header_rows, column) for column in range(width))
        rows = tuple(tuple(text for text, _ in row) for row in body)
        if rows or any(header):
            self.outline.add(
                self.outline.current,
                Table(header if header_rows else ("",) * width, rows, caption or None),
            )

    def figure(self, element: HtmlElement, *, quoted: bool) -> None:
        captions = element.findall("figcaption")
        caption = " ".join(heading_text(c) for c in captions).strip()
        tables = element.findall(".//table")
        images = list(_images(element))
        if tables:
            for table in tables:
                self.table(table, caption or None)
            return
        if not images:
            self.walk(element, quoted=quoted)
            return
        alts = [_image_description(image) for image in images]
        said = [alt for alt in alts if alt]
        if caption and not (said and said[-1].casefold() == caption.casefold()):
            said.append(caption)
        if said:
            self.outline.add(self.outline.current, Figure(_sentences(said)))


# -- inline text ------------------------------------------------------------------


def inline_text(parts: list[HtmlElement | str], *, images: bool = True) -> str:
    return "".join(part if isinstance(part, str) else _inline(part, images) for part in parts)


def _inline(element: HtmlElement, images: bool) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if tag == "br":
        return BREAK
    if tag == "img":
        return _image_description(element) if images else ""
    inner = (element.text or "") + "".join(
        _inline(child, images) + (child.tail or "") for child in element
    )
    powered = inner.strip()
    if tag == "sup" and powered not in ORDINAL_SUFFIXES and _SUPERSCRIPTABLE.match(powered):
        return powered.translate(SUPERSCRIPTS)
    if tag in BLOCK_TAGS:
        return f" {inner} "
    return inner


def _clean(text: str) -> str:
    """Spaces collapsed, line breaks kept (``br``), each line trimmed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split(BREAK))
    return "\n".join(line for line in lines if line)


def heading_text(element: HtmlElement) -> str:
    """An element's text on one line (a title, a term, a caption)."""
    return " ".join(_inline(element, True).split())


def _text_before(element: HtmlElement, within: HtmlElement) -> bool:
    """Whether any words of ``within`` come before ``element``."""
    for text in element.xpath("preceding::text()"):
        holder = text.getparent().getparent() if text.is_tail else text.getparent()
        inside = holder is not None and (holder is within or within in holder.iterancestors())
        if inside and NOT_BLANK.search(text):
            return True
    return False


def _is_block(element: HtmlElement) -> bool:
    if element.tag in BLOCK_TAGS:
        return True
    if element.tag == "img":
        return False
    return any(isinstance(e.tag, str) and e.tag in BLOCK_TAGS for e in element.iterdescendants())


def _run_has_content(run: list[HtmlElement | str]) -> bool:
    return any(
        NOT_BLANK.search(part) if isinstance(part, str) else _has_content(part) for part in run
    )


def _has_content(element: HtmlElement) -> bool:
    return bool(NOT_BLANK.search(element.text_content())) or any(True for _ in _images(element))


def _images(element: HtmlElement) -> Iterator[HtmlElement]:
    if element.tag == "img":
        yield element
    yield from element.iterdescendants("img")


def _image_description(image: HtmlElement) -> str:
    """The alt text; "" for a decorative image (``alt=""``, ``role="presentation"``)."""
    alt = image.get("alt")
    if str(image.get("role", "")).lower() in ("presentation", "none"):
        return ""
    if alt is None:
        title = " ".join(str(image.get("title", "")).split())
        return title or NO_DESCRIPTION
    return " ".join(alt.split())


def _sentences(parts: list[str]) -> str:
    """Descriptions joined as sentences: each ends with a stop before the next."""
    joined = []
    for part in parts[:-1]:
        joined.append(part if part[-1:] in ".!?:;…" else f"{part}.")
    return " ".join([*joined, parts[-1]])


def _aria_level(element: HtmlElement) -> int:
    if str(element.get("role", "")).lower() != "heading":
        return 0
    level = str(element.get("aria-level", "2"))
    return max(1, min(6, int(level))) if level.isdigit() else 2


# -- lists ----------------------------------------------------------------------


def _list_items(element: HtmlElement) -> Iterator[tuple[ListItem, str]]:
    """Each item with its whole text; nested lists follow their parent item."""
    ordered = element.tag == "ol"
    items = [child for child in element if child.tag == "li"]
    step = -1 if element.get("reversed") is not None else 1
    start = str(element.get("start", "")).strip()
    number = int(start) if start.lstrip("-").isdigit() else (len(items) if step < 0 else 1)
    style = str(element.get("type", "1"))
    for item in items:
        value = str(item.get("value", "")).strip()
        if value.lstrip("-").isdigit():
            number = int(value)
        nested = [e for e in item.iterdescendants("ul", "ol") if _outer_list(e, item)]
        parts = _without(item, nested)
        whole = _clean(parts)
        lead = _lead_term(item, nested)
        label = _enumerator(number, str(item.get("type", style))) if ordered else ""
        number += step
        if whole:
            if lead is not None:
                term, text = lead
                yield ListItem(text, f"{label}{term}"), f"{label}{whole}"
            else:
                yield ListItem(f"{label}{whole}"), f"{label}{whole}"
        for child in nested:
            yield from _list_items(child)


def _outer_list(element: HtmlElement, item: HtmlElement) -> bool:
    """A list directly inside ``item`` (not inside another list inside it)."""
    for ancestor in element.iterancestors():
        if ancestor is item:
            return True
        if ancestor.tag in ("ul", "ol"):
            return False
    return False


def _without(element: HtmlElement, left_out: list[HtmlElement]) -> str:
    """The element's inline text, the ``left_out`` descendants aside."""
    if element in left_out:
        return ""
    text = element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            inner = (
                _without(child, left_out) if _contains(child, left_out) else _inline(child, True)
            )
            text += f"{BREAK}{inner}{BREAK}" if child.tag in BLOCK_TAGS else inner
        text += child.tail or ""
    return text


def _contains(element: HtmlElement, inside: list[HtmlElement]) -> bool:
    """Whether ``element`` is one of ``inside`` or holds one."""
    return any(e is element or element in e.iterancestors() for e in inside)


def _lead_term(item: HtmlElement, nested: list[HtmlElement]) -> tuple[str, str] | None:
    """``(term, text)`` of an item opening ``<b>Term</b>: text`` (or a dash, or ``∞``);
    ``nested`` lists follow the item and are no part of its text."""
    first = next((c for c in item if isinstance(c.tag, str)), None)
    if first is None or (item.text or "").strip():
        first = None
    if first is not None and first.tag == "p":
        return _lead_term(first, nested)
    if first is None or first.tag not in ("b", "strong", "dfn"):
        return None
    term = heading_text(first)
    rest = _clean(_without(item, [first, *nested]))
    if term.endswith(":"):
        term = term[:-1].strip()
    elif rest[:1] in TERM_MARKS:
        rest = rest[1:].strip()
    else:
        return None
    return (term, rest) if term and rest and "\n" not in rest else None


def _enumerator(number: int, style: str) -> str:
    """The item's number as the page shows it, with its mark: "3. ", and "c) " or
    "iv) " for letters (a full stop after a letter would end a sentence)."""
    if style in ("a", "A", "i", "I"):
        return f"{_letters(number, style)}) "
    return f"{number}. "


def _letters(number: int, style: str) -> str:
    if style in ("a", "A") and number > 0:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        roman = ""
        for value, letters in _ROMAN:
            while number >= value:
                roman += letters
                number -= value
        return roman.upper() if style == "I" else roman
    return str(number)


def _definition_entries(element: HtmlElement) -> Iterator[tuple[list[str], str]]:
    """``(terms, definition)`` for each group of ``dt`` then ``dd`` (``div`` groups too)."""
    terms: list[str] = []
    definitions: list[str] = []
    children = [c for c in element if isinstance(c.tag, str)]
    flat = [g for c in children for g in (list(c) if c.tag == "div" else [c])]
    for child in flat:
        if child.tag == "dt":
            if definitions:
                yield terms, "\n".join(definitions)
                terms, definitions = [], []
            text = heading_text(child)
            if text:
                terms.append(text)
        elif child.tag == "dd":
            text = _clean(_without(child, []))
            if text:
                definitions.append(text)
    if terms or definitions:
        yield terms, "\n".join(definitions)


# -- tables ---------------------------------------------------------------------


Cell = tuple[str, bool]
"""A cell's text, and whether it is a header cell."""


def _rows(table: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    """The table's own rows (not a nested table's), each with whether it is in ``thead``."""
    for part in table:
        if part.tag == "tr":
            yield part, False
        elif part.tag in ("thead", "tbody", "tfoot"):
            for row in part:
                if row.tag == "tr":
                    yield row, part.tag == "thead"


def _cells(table: HtmlElement) -> Iterator[HtmlElement]:
    for row, _ in _rows(table):
        yield from (cell for cell in row if cell.tag in ("td", "th"))


def _span(cell: HtmlElement, name: str) -> int:
    value = str(cell.get(name, "1")).strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _grid(table: HtmlElement) -> list[tuple[list[Cell], bool]]:
    """The rows as a full grid: a merged cell is repeated in every slot it spans."""
    grid: list[tuple[list[Cell], bool]] = []
    pending: dict[tuple[int, int], Cell] = {}
    for number, (row, in_head) in enumerate(_rows(table)):
        cells: list[Cell] = []
        column = 0
        for cell in (c for c in row if c.tag in ("td", "th")):
            while (number, column) in pending:
                cells.append(pending.pop((number, column)))
                column += 1
            value = (_clean(_without(cell, [])).replace("\n", " "), cell.tag == "th" or in_head)
            for across in range(_span(cell, "colspan")):
                cells.append(value)
                for down in range(1, _span(cell, "rowspan")):
                    pending[(number + down, column + across)] = value
            column += _span(cell, "colspan")
        while (number, column) in pending:
            cells.append(pending.pop((number, column)))
            column += 1
        grid.append((cells, in_head))
    width = max((len(cells) for cells, _ in grid), default=0)
    for cells, _ in grid:
        cells.extend([("", False)] * (width - len(cells)))
    return [(cells, head) for cells, head in grid if cells]


def _is_layout(table: HtmlElement, grid: list[tuple[list[Cell], bool]]) -> bool:
    role = str(table.get("role", "")).lower()
    width = max((len(cells) for cells, _ in grid), default=0)
    nested = any(True for _ in table.iterdescendants("table"))
    return role in ("presentation", "none") or width <= 1 or nested


def _split_header(
    grid: list[tuple[list[Cell], bool]],
) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The header rows (``thead``, or leading rows of header cells only) and the body."""
    count = 0
    for cells, in_head in grid:
        if in_head or all(is_header for text, is_header in cells if text):
            if not any(text for text, _ in cells) and not in_head:
                break
            count += 1
        else:
            break
    if count == len(grid) and count > 0 and not any(head for _, head in grid):
        count = 1
    return [cells for cells, _ in grid[:count]], [cells for cells, _ in grid[count:]]


def _joined_header(rows: list[list[Cell]], column: int) -> str:
    names: list[str] = []
    for cells in rows:
        text = cells[column][0] if column < len(cells) else ""
        if text and text not in names:
            names.append(text)
    return ", ".join(names)
