"""Markdown to an article, through markdown-it-py's CommonMark parser with GFM tables.

Heuristics, in the order a reader meets them:

- Headings become nested sections. When the document has exactly one H1 and
  it comes before any other heading, it is the article's title and H2s are
  the top level; otherwise the title comes from the file name. Text before
  the first section heading goes into an "Introduction" section.
- A paragraph holding only images becomes one figure per image (its alt
  text, else its title); images inside text are read as their alt text.
- Block quotes become callouts. Code and raw HTML become one paragraph of
  literal text per line (a fence's language label is left out).
  Nested lists are flattened into their parent list. Cells a table row has
  beyond its header (GFM drops them) join the row's last cell.
- A list item that starts with ``**Term**:`` (or ``**Term:**``, or a bold
  term followed by an em or en dash or ``∞``), or that reads ``Term ∞ text``,
  gets ``Term`` as its lead term.
- The first section titled Glossary (or Key terms, Terms, Definitions)
  shows the glossary. Its entries come from list items with a lead term,
  from paragraphs whose every line is ``**term**: definition`` or a
  ``Term`` line followed by a ``: definition`` line, and from sub-headings
  holding only text (the heading is the term, the text the definition).
- The first section titled References (or Sources, Bibliography, Works
  cited, Citations) shows the references: each list item is one
  reference.
- A link reads as its text with its address after it in parentheses, and
  so does an image (a figure's description, or its alt text inside a
  sentence): the address is part of what the writer gave the reader.
  Headings and lead terms are names and keep their text only; in-page
  anchors (``#…``) and inline ``data:`` images are not addresses.

Whatever a heuristic does not claim stays in the section as ordinary
blocks, so no word of the text is dropped (only markup is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from narrator.content.build import NOT_BLANK
from narrator.content.importers.draft import (
    TERM_MARKS,
    Draft,
    Outline,
    article_id,
    every_draft,
    title_from_name,
)
from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    ListItem,
    Paragraph,
    Table,
)
from narrator.errors import NarratorError


@dataclass
class _Converter(Outline):
    lines: list[str] = field(default_factory=list)

    def content(self, node: SyntaxTreeNode, *, quoted: bool = False) -> None:
        """Adds one block-level node to the current section."""
        draft = self.current
        if node.type == "paragraph":
            self.paragraph(draft, _inline(node), quoted=quoted)
        elif node.type == "heading":
            self.add(draft, Callout(_plain(_inline(node))))
        elif node.type in ("bullet_list", "ordered_list"):
            self.bullet_list(draft, node)
        elif node.type == "blockquote":
            for child in node.children:
                self.content(child, quoted=True)
        elif node.type == "table":
            self.add(draft, _table(node, self.lines))
        elif node.type in ("fence", "code_block", "html_block"):
            for line in _code_lines(node):
                self.add(draft, Paragraph(line))

    def paragraph(self, draft: Draft, inline: SyntaxTreeNode, *, quoted: bool) -> None:
        images = _only_images(inline)
        if images:
            for image in images:
                self.add(draft, Figure(_image_description(image)))
            return
        if draft.shows == "glossary" and self.claim_pairs(_glossary_pairs(_lines(inline))):
            return
        text = _plain(inline)
        self.add(draft, Callout(text) if quoted else Paragraph(text))

    def bullet_list(self, draft: Draft, node: SyntaxTreeNode) -> None:
        kept: list[ListItem] = []
        for item, whole in _list_items(node, self.lines):
            if draft.shows == "references":
                self.reference(whole)
            elif draft.shows == "glossary" and item.term and self.claim(item.term, item.text):
                continue
            else:
                kept.append(item)
        if kept:
            self.add(draft, BulletList(tuple(kept)))

    def claim_pairs(self, pairs: list[tuple[str, str]] | None) -> bool:
        """Takes a paragraph's term/definition pairs as glossary entries, if all are new."""
        if not pairs:
            return False
        terms = {term.casefold() for term, _ in pairs}
        if len(terms) != len(pairs) or terms & self.terms:
            return False
        return all([self.claim(term, definition) for term, definition in pairs])

    def term_sections(self, draft: Draft) -> None:
        """Sub-headings of the glossary that hold only text become entries."""
        kept = []
        for child in draft.children:
            definition = _definition(child)
            if definition is None or not self.claim(child.title, *definition):
                kept.append(child)
        draft.children = kept


def convert(text: str, name: str) -> Article:
    """The article in Markdown ``text``; ``name`` (the file's stem) gives its id."""
    if not NOT_BLANK.search(text):
        raise NarratorError(f"{name}: no text to import")
    root = SyntaxTreeNode(MarkdownIt("commonmark").enable("table").parse(text))
    headings = [n for n in root.children if n.type == "heading"]
    h1s = [n for n in headings if n.tag == "h1"]
    title_heading = h1s[0] if len(h1s) == 1 and headings[0] is h1s[0] else None
    title = _plain(_inline(title_heading), addresses=False) if title_heading else ""
    converter = _Converter(lines=text.split("\n"))
    for node in root.children:
        if node is title_heading:
            continue
        if node.type == "heading":
            converter.heading(_plain(_inline(node), addresses=False), int(node.tag[1:]))
        elif node.type != "hr":
            converter.content(node)
    glossary_draft = next((d for d in every_draft(converter.drafts) if d.shows == "glossary"), None)
    if glossary_draft is not None:
        converter.term_sections(glossary_draft)
    return Article(
        id=article_id(name),
        title=title or title_from_name(name, "Imported article"),
        sections=converter.sections(),
        references=tuple(converter.references),
        glossary=tuple(converter.glossary),
    )


def _definition(draft: Draft) -> tuple[str, str | None] | None:
    """A sub-heading's text and figure as a definition, if it holds nothing else."""
    texts = [b.text for b in draft.blocks if isinstance(b, Paragraph | Callout)]
    figures = [b.description for b in draft.blocks if isinstance(b, Figure)]
    if draft.children or not texts or len(texts) + len(figures) != len(draft.blocks):
        return None
    if len(figures) > 1:
        return None
    return "\n".join(texts), (figures[0] if figures else None)


# -- inline text ------------------------------------------------------------


def _inline(node: SyntaxTreeNode) -> SyntaxTreeNode:
    return next(c for c in node.children if c.type == "inline")


def _plain(node: SyntaxTreeNode, *, addresses: bool = True) -> str:
    return _joined(node.children, addresses=addresses).strip()


def _joined(nodes: list[SyntaxTreeNode], *, addresses: bool = True) -> str:
    return "".join(_text_of(n, addresses=addresses) for n in nodes)


def _text_of(node: SyntaxTreeNode, *, addresses: bool) -> str:
    if node.type in ("text", "code_inline", "html_inline"):
        return node.content
    if node.type == "softbreak":
        return " "
    if node.type == "hardbreak":
        return "\n"
    inner = _joined(node.children, addresses=addresses)
    return _with_address(inner, node) if addresses else inner


def _address(node: SyntaxTreeNode) -> str:
    """Where a link or an image points; an in-page anchor or inline image data is no
    address a reader can use."""
    if node.type not in ("link", "image"):
        return ""
    address = str(node.attrs.get("href" if node.type == "link" else "src", "")).strip()
    return "" if address.startswith(("#", "data:")) else address


def _with_address(text: str, node: SyntaxTreeNode) -> str:
    """``text (address)``, unless the text already shows the address (an autolink)."""
    address = _address(node)
    if not address or address.removeprefix("mailto:") in text:
        return text
    return f"{text} ({address})" if text.strip() else address


def _lines(inline: SyntaxTreeNode) -> list[list[SyntaxTreeNode]]:
    """The inline nodes of each written line of a paragraph."""
    lines: list[list[SyntaxTreeNode]] = [[]]
    for node in inline.children:
        if node.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(node)
    return lines


def _lead_term(nodes: list[SyntaxTreeNode]) -> tuple[str, str] | None:
    """``(term, text)`` of ``**Term**: text`` or ``Term ∞ text``; None otherwise."""
    content = [n for n in nodes if not (n.type == "text" and not n.content.strip())]
    if content and content[0].type == "strong":
        term = _joined(content[0].children, addresses=False).strip()
        after = _joined(nodes[nodes.index(content[0]) + 1 :]).strip()
        if term.endswith(":"):
            term, rest = term[:-1].strip(), after
        elif after[:1] in TERM_MARKS:
            rest = after[1:].strip()
        else:
            return None
        return (term, rest) if term and rest else None
    term, mark, rest = _joined(nodes).partition("∞")
    if mark and term.strip() and rest.strip():
        return term.strip(), rest.strip()
    return None


def _glossary_pairs(lines: list[list[SyntaxTreeNode]]) -> list[tuple[str, str]] | None:
    """Every line as ``**term**: definition``, or ``Term`` then ``: definition``; else None."""
    pairs: list[tuple[str, str]] = []
    pending: str | None = None
    for line in lines:
        text = _joined(line).strip()
        lead = _lead_term(line)
        if pending is not None:
            if not text.startswith(":") or not text[1:].strip():
                return None
            pairs.append((pending, text[1:].strip()))
            pending = None
        elif lead is not None:
            pairs.append(lead)
        elif text and not text.startswith(":"):
            pending = text
        else:
            return None
    return pairs if pending is None else None


# -- figures, lists, tables ---------------------------------------------------


def _only_images(inline: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The images of a paragraph that holds nothing else (links around them allowed)."""
    images = []
    for node in inline.children:
        target = node.children[0] if node.type == "link" and len(node.children) == 1 else node
        if target.type == "image":
            images.append(target)
        elif not (target.type in ("softbreak", "hardbreak") or _is_space(target)):
            return []
    return images


def _is_space(node: SyntaxTreeNode) -> bool:
    return node.type == "text" and not node.content.strip()


def _image_description(image: SyntaxTreeNode) -> str:
    alt = _plain(image)
    title = str(image.attrs.get("title", "")).strip()
    return _with_address(alt or title or "An image without a description", image)


def _list_items(node: SyntaxTreeNode, lines: list[str]) -> Iterator[tuple[ListItem, str]]:
    """Each item with its whole text; nested lists follow their parent item."""
    for item in node.children:
        texts = []
        nested = []
        lead = None
        for child in item.children:
            if child.type in ("bullet_list", "ordered_list"):
                nested.append(child)
            elif child.type in ("paragraph", "heading"):
                inline = _inline(child)
                if not texts:
                    lead = _lead_term(inline.children)
                texts.append(_plain(inline))
            elif child.type == "table":
                table = _table(child, lines)
                texts.append(" ".join(table.header + tuple(c for row in table.rows for c in row)))
            else:
                texts.append(_block_text(child))
        whole = "\n".join(t for t in texts if NOT_BLANK.search(t))
        if whole:
            if lead and len(texts) == 1:
                yield ListItem(lead[1], lead[0]), whole
            else:
                yield ListItem(whole), whole
        for child in nested:
            yield from _list_items(child, lines)


def _code_lines(node: SyntaxTreeNode) -> list[str]:
    """A code or HTML block, line by line: each line is a paragraph of its own, so a
    listener hears one command at a time and steps through them as a screen
    reader does through code. A fence's language label ("sh") is for the
    highlighter, not the reader, and is left out; an HTML comment is for the
    page's authors, and is left out whole."""
    content = node.content
    if node.type == "html_block":
        content = _HTML_COMMENT.sub("", content)
        # A line of tags alone ("<details>", "</p>") has nothing to say.
        return [line.strip() for line in content.splitlines() if not _TAGS_ONLY.match(line)]
    return [line.strip() for line in content.splitlines() if line.strip()]


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAGS_ONLY = re.compile(r"\s*(?:</?[A-Za-z][^<>]*>\s*)*$")


def _block_text(node: SyntaxTreeNode) -> str:
    """The literal text of a code or HTML block (without a fence's label), or of a quote."""
    if node.type in ("fence", "code_block", "html_block"):
        return "\n".join(_code_lines(node))
    if node.type == "inline":
        return _plain(node)
    return "\n".join(_block_text(c) for c in node.children)


def _table(node: SyntaxTreeNode, lines: list[str]) -> Table:
    """GFM drops the cells a row has beyond the header; they join the row's last cell."""
    rows = []
    for part in node.children:
        for row in part.children:
            cells = [_plain(_inline(cell)) if cell.children else "" for cell in row.children]
            extra = _extra_cells(lines[row.map[0]], len(cells)) if row.map else []
            if extra:
                cells[-1] = " | ".join(c for c in (cells[-1], *extra) if c)
            rows.append(tuple(cells))
    return Table(header=rows[0], rows=tuple(rows[1:]))


def _extra_cells(line: str, width: int) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.strip().replace("\\|", "|") for cell in cells[width:] if cell.strip()]
