"""YAML nodes to the article model, collecting every problem on the way.

Each value is read from its node, so every problem names the line and column
where it was written, and building carries on after a problem so that one
run reports them all. ``KEYS`` and ``REQUIRED`` are the format's shape; a
test holds ``schema.json`` to the same lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import TypeVar

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from narrator.content.errors import Problem
from narrator.content.folding import fold
from narrator.content.limits import MAX_SECTION_DEPTH, describe_character
from narrator.content.model import (
    TEXT_BLOCKS,
    Article,
    Block,
    BlockKind,
    BulletList,
    GlossaryEntry,
    ListItem,
    Reference,
    Section,
    Shows,
    Source,
    SourceKind,
    Table,
)
from narrator.content.slugs import SLUG, slugify
from narrator.controls import CONTROL, visible
from narrator.nearest import nearest

KEYS: dict[str, tuple[str, ...]] = {
    "article": (
        "id",
        "title",
        "language",
        "source",
        "pronunciations",
        "sections",
        "references",
        "glossary",
    ),
    "source": ("url", "title", "attribution", "kind"),
    "section": ("id", "title", "shows", "blocks", "sections"),
    "block": tuple(kind.value for kind in BlockKind),
    "list item": ("term", "text"),
    "table": ("caption", "header", "rows"),
    "glossary entry": ("term", "definition", "aliases", "teaser", "figure"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "article": ("id", "title", "sections"),
    "section": ("id", "title"),
    "list item": ("text",),
    "table": ("header", "rows"),
    "glossary entry": ("term", "definition"),
}
SHOWS: tuple[Shows, ...] = ("references", "glossary")
LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
NOT_BLANK = re.compile(r"\S")
"""The same test as the schema's ``"pattern": "\\S"``, so both agree on blank text."""

_YAML_TAG = "tag:yaml.org,2002:"
_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_THE = {"article": "the article", "source": "the source"}

Fields = dict[str, tuple[ScalarNode, Node]]
T = TypeVar("T")


def describe(node: Node) -> str:
    """What a wrong value is, in words, with the value itself when it is short."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = node.tag.rsplit(":", 1)[-1] if node.tag.startswith(_YAML_TAG) else ""
    value = quote(node.value)
    tagged = f"a value tagged {node.tag.replace(_YAML_TAG, '!!')}"
    if kind not in ("str", "merge") and not _reads_as_tagged(node):
        # "!!bool maybe", "!!int x": the tag claims a type its value is not
        return f"{value} tagged !!{kind}" if kind else tagged
    return {
        "str": f"the text {value}",
        "int": f"a number ({node.value})",
        "float": f"a number ({node.value})",
        "bool": f"true/false ({node.value})",
        "null": "nothing",
        "timestamp": f"a date ({node.value})",
        "merge": "a merge key '<<' (write the merged keys out in full)",
    }.get(kind, tagged)


def _reads_as_tagged(node: ScalarNode) -> bool:
    """Whether the scalar, untagged, would be read as its tag says (``!!int 3``, not
    ``!!int x``): only then may a message call it a number, a date or true/false."""
    return _RESOLVER.resolve(ScalarNode, node.value, (True, False)) == node.tag


def quote(text: str, limit: int = 40) -> str:
    """A user's text, short and safe to print inside a one-line message."""
    shown = visible(" ".join(text[:limit].split()))
    return f"'{shown}{'…' if len(text) > limit else ''}'"


def suggestion(word: str, choices: tuple[str, ...]) -> str:
    close = nearest(word, choices)
    if close:
        return f"; did you mean '{close}'?"
    return f" (expected one of: {', '.join(choices)})"


class Builder:
    """Reads one article's node tree; ``problems`` holds what was wrong."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._section_ids: dict[str, int] = {}
        self._terms: dict[str, tuple[str, int]] = {}
        self._shown: dict[str, int] = {}

    def report(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def fresh(self, node: Node) -> bool:
        """False for a collection met before: the YAML reused it through an alias.

        Refusing reuse keeps the build linear: a node tree of a few hundred
        bytes can otherwise stand for billions of values. Only collections
        are tracked, as only descending into them multiplies work; the
        loader names every alias in any case.
        """
        key = id(node)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    # -- the article ------------------------------------------------------

    def article(self, root: Node | None) -> Article | None:
        if root is None:
            message = "the file is empty: an article needs id, title and sections"
            self.problems.append(Problem(self.path, 1, 1, message))
            return None
        if not isinstance(root, MappingNode):
            self.report(
                root,
                f"not an article: the file holds {describe(root)}, "
                "not a mapping with id, title and sections",
            )
            return None
        if root.value and not any(_article_like(k) for k, _ in root.value):
            self.report(root, "not an article: none of its keys is id, title or sections")
            return None
        fields = self.fields(root, "article")
        if fields is None:
            return None
        article_id = self.slug(_value(fields, "id"), "the article id")
        title = self.text(_value(fields, "title"), "the title")
        language = self.language(_value(fields, "language"))
        source = self.source(_value(fields, "source"))
        pronunciations = self.pronunciations(_value(fields, "pronunciations"))
        sections_node = _value(fields, "sections")
        sections = self.sections(sections_node, 0)
        if isinstance(sections_node, SequenceNode) and not sections_node.value:
            self.report(sections_node, "the article has no sections")
        references = self.items(_value(fields, "references"), "'references'", self.reference)
        glossary = self.items(_value(fields, "glossary"), "'glossary'", self.glossary_entry)
        if self.problems or article_id is None or title is None:
            return None
        return Article(
            id=article_id,
            title=title,
            sections=sections,
            language=language or "en",
            source=source,
            references=references,
            glossary=glossary,
            pronunciations=MappingProxyType(pronunciations),
        )

    def language(self, node: Node | None) -> str | None:
        tag = self.text(node, "the language")
        if node is not None and tag is not None and not LANGUAGE.match(tag):
            self.report(node, f"{quote(tag)} is not a language tag such as 'en' or 'pt-BR'")
            return None
        return tag

    def source(self, node: Node | None) -> Source | None:
        if node is None:
            return None
        fields = self.fields(node, "source")
        if fields is None:
            return None
        return Source(
            url=self.text(_value(fields, "url"), "the source url"),
            title=self.text(_value(fields, "title"), "the source title"),
            attribution=self.text(_value(fields, "attribution"), "the attribution"),
            kind=self.kind(_value(fields, "kind")),
        )

    def kind(self, node: Node | None) -> SourceKind | None:
        value = self.text(node, "the source kind")
        if node is None or value is None:
            return None
        try:
            return SourceKind(value)
        except ValueError:
            kinds = tuple(kind.value for kind in SourceKind)
            self.report(node, f"the source kind cannot be {quote(value)}{suggestion(value, kinds)}")
            return None

    def pronunciations(self, node: Node | None) -> dict[str, str]:
        if node is None or not self.fresh(node):
            return {}
        if not isinstance(node, MappingNode):
            self.report(
                node, f"'pronunciations' must map words to how to say them, found {describe(node)}"
            )
            return {}
        said: dict[str, str] = {}
        for key, value in self.pairs(node):
            word = self.text(key, "a pronounced word")
            saying = self.text(value, f"the pronunciation of {quote(key.value)}")
            if word is not None and saying is not None:
                said[word] = saying
        return said

    def reference(self, node: Node) -> Reference | None:
        text = self.text(node, "a reference")
        return None if text is None else Reference(text)

    def glossary_entry(self, node: Node) -> GlossaryEntry | None:
        fields = self.fields(node, "glossary entry")
        if fields is None:
            return None
        term_node = _value(fields, "term")
        term = self.text(term_node, "a glossary term")
        if term_node is not None and term is not None:
            self.claim_term(term, term_node)
        definition = self.text(_value(fields, "definition"), "a definition")
        aliases = []
        for alias_node in self.sequence(_value(fields, "aliases"), "'aliases'") or ():
            alias = self.text(alias_node, "an alias")
            if alias is not None:
                self.claim_term(alias, alias_node)
                aliases.append(alias)
        teaser = self.boolean(_value(fields, "teaser"), "'teaser'")
        figure = self.text(_value(fields, "figure"), "a figure description")
        if term is None or definition is None:
            return None
        return GlossaryEntry(term, definition, tuple(aliases), bool(teaser), figure)

    def claim_term(self, term: str, node: Node) -> None:
        key = fold(term)
        if key in self._terms:
            first, line = self._terms[key]
            self.report(
                node,
                f"the glossary term {quote(term)} repeats {quote(first)} on line {line} "
                "(terms and aliases are compared ignoring case)",
            )
        else:
            self._terms[key] = (term, node.start_mark.line + 1)

    # -- sections and blocks ----------------------------------------------

    def sections(self, node: Node | None, depth: int) -> tuple[Section, ...]:
        nodes = self.sequence(node, "'sections'")
        if node is None or not nodes:
            return ()
        if depth >= MAX_SECTION_DEPTH:
            self.report(node, f"sections are nested more than {MAX_SECTION_DEPTH} levels deep")
            return ()
        return tuple(s for s in (self.section(n, depth) for n in nodes) if s is not None)

    def section(self, node: Node, depth: int) -> Section | None:
        fields = self.fields(node, "section")
        if fields is None:
            return None
        id_node = _value(fields, "id")
        section_id = self.slug(id_node, "a section id")
        if id_node is not None and section_id is not None:
            if section_id in self._section_ids:
                line = self._section_ids[section_id]
                self.report(
                    id_node, f"the section id '{section_id}' is already used on line {line}"
                )
            else:
                self._section_ids[section_id] = id_node.start_mark.line + 1
        title = self.text(_value(fields, "title"), "a section title")
        shows = self.shows(_value(fields, "shows"))
        blocks = self.items(_value(fields, "blocks"), "'blocks'", self.block)
        sections = self.sections(_value(fields, "sections"), depth + 1)
        if section_id is None or title is None:
            return None
        return Section(section_id, title, blocks, sections, shows)

    def shows(self, node: Node | None) -> Shows | None:
        value = self.text(node, "'shows'")
        if node is None or value is None:
            return None
        for shown in SHOWS:
            if value == shown:
                if shown in self._shown:
                    line = self._shown[shown]
                    self.report(node, f"the section on line {line} already shows the {shown}")
                else:
                    self._shown[shown] = node.start_mark.line + 1
                return shown
        self.report(node, f"'shows' cannot be {quote(value)}{suggestion(value, SHOWS)}")
        return None

    def block(self, node: Node) -> Block | None:
        if not self.fresh(node):
            return None
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"a block is one of {', '.join(KEYS['block'])} with its content "
                f"(e.g. 'paragraph: ...'), found {describe(node)}",
            )
            return None
        if len(node.value) == 1:
            key, value = node.value[0]
            if isinstance(key, ScalarNode) and key.tag == _STR:
                return self.block_content(key, value)
        pairs = list(self.pairs(node))
        if not pairs:
            self.report(node, "an empty block: write e.g. 'paragraph: ...'")
            return None
        for key, _ in pairs[1:]:
            self.report(key, f"a block holds one thing: start a new '- {key.value}:' item for it")
        blocks = [self.block_content(key, value) for key, value in pairs]
        return blocks[0] if len(blocks) == 1 else None

    def block_content(self, key: ScalarNode, value: Node) -> Block | None:
        try:
            kind = BlockKind(key.value)
        except ValueError:
            written = key.value
            self.report(key, f"unknown block {quote(written)}{suggestion(written, KEYS['block'])}")
            return None
        match kind:
            case BlockKind.PARAGRAPH | BlockKind.CALLOUT | BlockKind.FIGURE:
                text = self.text(value, f"a {kind.value}")
                return None if text is None else TEXT_BLOCKS[kind](text)
            case BlockKind.LIST:
                return self.bullet_list(value)
            case BlockKind.TABLE:
                return self.table(value)

    def bullet_list(self, node: Node) -> BulletList | None:
        items = self.items(node, "a list", self.list_item)
        if isinstance(node, SequenceNode) and not node.value:
            self.report(node, "the list has no items")
        return BulletList(items) if items else None

    def list_item(self, node: Node) -> ListItem | None:
        if isinstance(node, MappingNode):
            fields = self.fields(node, "list item")
            if fields is None:
                return None
            term = self.text(_value(fields, "term"), "a list item's term")
            text = self.text(_value(fields, "text"), "a list item's text")
            return None if text is None else ListItem(text, term)
        text = self.text(node, "a list item")
        return None if text is None else ListItem(text)

    def table(self, node: Node) -> Table | None:
        fields = self.fields(node, "table")
        if fields is None:
            return None
        caption = self.text(_value(fields, "caption"), "the table caption")
        header_node = _value(fields, "header")
        header = self.cells(header_node, "the table header")
        if header_node is not None and header == ():
            self.report(header_node, "the table header has no cells")
        rows = []
        for row_node in self.sequence(_value(fields, "rows"), "the table's rows") or ():
            row = self.cells(row_node, "a table row")
            if row is None:
                continue
            if header and len(row) != len(header):
                self.report(
                    row_node,
                    f"this row has {_cells(len(row))} but the header has {_cells(len(header))}",
                )
            rows.append(row)
        if header is None:
            return None
        return Table(header, tuple(rows), caption)

    def cells(self, node: Node | None, what: str) -> tuple[str, ...] | None:
        nodes = self.sequence(node, what)
        if nodes is None:
            return None
        cells = [self.text(cell, "a table cell", blank_ok=True) for cell in nodes]
        return None if None in cells else tuple(c for c in cells if c is not None)

    # -- values -------------------------------------------------------------

    def fields(self, node: Node, kind: str) -> Fields | None:
        """The known keys of a mapping; reports unknown and missing ones."""
        if not self.fresh(node):
            return None
        the = _THE.get(kind, f"a {kind}")
        if not isinstance(node, MappingNode):
            self.report(node, f"{the} must be a mapping of keys and values, found {describe(node)}")
            return None
        allowed = KEYS[kind]
        found: Fields = {}
        suggested = set()
        for key, value in self.pairs(node):
            if key.value in allowed:
                found[key.value] = (key, value)
                continue
            hint = suggestion(key.value, allowed)
            suggested.update(name for name in allowed if f"'{name}'?" in hint)
            self.report(key, f"unknown key {quote(key.value)} in {the}{hint}")
        for name in REQUIRED.get(kind, ()):
            if name not in found and name not in suggested:
                self.report(node, f"{the} has no '{name}'")
        return found

    def pairs(self, node: MappingNode) -> Iterator[tuple[ScalarNode, Node]]:
        """Key/value pairs with text keys, each key once; reports the others."""
        first_lines: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != _STR:
                self.report(key, f"a key must be a word, found {describe(key)}")
                continue
            if key.value in first_lines:
                line = first_lines[key.value]
                self.report(key, f"duplicate key {quote(key.value)} (first on line {line})")
                continue
            first_lines[key.value] = key.start_mark.line + 1
            yield key, value

    def items(
        self, node: Node | None, what: str, read: Callable[[Node], T | None]
    ) -> tuple[T, ...]:
        nodes = self.sequence(node, what)
        return tuple(item for item in map(read, nodes or ()) if item is not None)

    def sequence(self, node: Node | None, what: str) -> list[Node] | None:
        if node is None or not self.fresh(node):
            return None
        if isinstance(node, SequenceNode):
            return node.value
        self.report(node, f"{what} must be a list, found {describe(node)}")
        return None

    def slug(self, node: Node | None, what: str) -> str | None:
        text = self.text(node, what)
        if node is None or text is None:
            return None
        if not SLUG.match(text):
            example = slugify(text)
            hint = f", e.g. '{example}'" if example else ""
            self.report(
                node,
                f"{what} {quote(text)} is not a slug: use lowercase letters, digits and "
                f"single hyphens{hint}",
            )
            return None
        return text

    def text(self, node: Node | None, what: str, *, blank_ok: bool = False) -> str | None:
        if node is None or not (isinstance(node, ScalarNode) or self.fresh(node)):
            return None
        if not isinstance(node, ScalarNode) or node.tag != _STR:
            if isinstance(node, ScalarNode) and node.tag == _NULL:
                self.report(node, f"{what} is empty")
            elif isinstance(node, ScalarNode) and node.tag.startswith(_YAML_TAG):
                fix = (
                    f"write it in quotes, {json.dumps(node.value, ensure_ascii=False)}"
                    if _reads_as_tagged(node)
                    else f"remove the tag {node.tag.replace(_YAML_TAG, '!!')}"
                )
                self.report(node, f"{what} must be text, found {describe(node)}: {fix}")
            else:
                self.report(node, f"{what} must be text, found {describe(node)}")
            return None
        text: str = node.value
        if not blank_ok and not NOT_BLANK.search(text):
            self.report(node, f"{what} is empty")
            return None
        control = CONTROL.search(text)
        if control:
            self.report(
                node,
                f"{what} holds the control character {describe_character(control.group())}; "
                "articles hold plain text only",
            )
            return None
        return text

    def boolean(self, node: Node | None, what: str) -> bool | None:
        if node is None or not (isinstance(node, ScalarNode) or self.fresh(node)):
            return None
        if isinstance(node, ScalarNode) and node.tag == _BOOL:
            value = SafeConstructor.bool_values.get(node.value.lower())
            if value is not None:
                return bool(value)
        self.report(node, f"{what} must be true or false, found {describe(node)}")
        return None


def _article_like(key: Node) -> bool:
    """A key of the article's, or a misspelling of one (then "did you mean" helps more)."""
    return isinstance(key, ScalarNode) and nearest(str(key.value), KEYS["article"]) is not None


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _value(fields: Fields, name: str) -> Node | None:
    pair = fields.get(name)
    return None if pair is None else pair[1]
