"""Articles back to the YAML format, for importers and for tools that edit.

The node tree is built by hand so each value gets the style a person would
write: block mappings in a fixed key order, short table rows and alias lists
on one line, multi-line text as a literal block, and quotes only where YAML
would otherwise read the text as something else (``"2024"``, ``"no"``).
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from narrator.content.model import (
    Article,
    Block,
    BulletList,
    Callout,
    Figure,
    GlossaryEntry,
    Paragraph,
    Section,
    Table,
)

WIDTH = 88
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _IndentedDumper(yaml.SafeDumper):
    """Indents lists under their key (``sections:`` then ``  - id:``), as the
    format's documentation and most hand-written YAML do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def article_to_yaml(article: Article) -> str:
    fields: list[tuple[str, Node | None]] = [
        ("id", _text(article.id)),
        ("title", _text(article.title)),
        ("language", _text(article.language) if article.language != "en" else None),
        ("source", _source(article)),
        ("pronunciations", _pronunciations(article)),
        ("sections", _sequence([_section(s) for s in article.sections])),
        ("references", _optional_list([_text(r.text) for r in article.references])),
        ("glossary", _optional_list([_entry(e) for e in article.glossary])),
    ]
    return yaml.serialize(_mapping(fields), Dumper=_IndentedDumper, allow_unicode=True, width=WIDTH)


def _source(article: Article) -> Node | None:
    source = article.source
    if source is None:
        return None
    return _mapping(
        [
            ("url", _optional_text(source.url)),
            ("title", _optional_text(source.title)),
            ("attribution", _optional_text(source.attribution)),
            ("kind", _optional_text(source.kind.value if source.kind else None)),
        ]
    )


def _pronunciations(article: Article) -> Node | None:
    if not article.pronunciations:
        return None
    return _mapping([(word, _text(said)) for word, said in article.pronunciations.items()])


def _section(section: Section) -> Node:
    return _mapping(
        [
            ("id", _text(section.id)),
            ("title", _text(section.title)),
            ("shows", _optional_text(section.shows)),
            ("blocks", _optional_list([_block(b) for b in section.blocks])),
            ("sections", _optional_list([_section(s) for s in section.sections])),
        ]
    )


def _block(block: Block) -> Node:
    match block:
        case Paragraph() | Callout() | Figure():
            return _mapping([(block.kind.value, _text(block.text))])
        case BulletList():
            items = _sequence([_item(i.term, i.text) for i in block.items])
            return _mapping([(block.kind.value, items)])
        case Table():
            return _mapping([(block.kind.value, _table(block))])


def _item(term: str | None, text: str) -> Node:
    if term is None:
        return _text(text)
    return _mapping([("term", _text(term)), ("text", _text(text))])


def _table(table: Table) -> Node:
    return _mapping(
        [
            ("caption", _optional_text(table.caption)),
            ("header", _row(table.header)),
            ("rows", _sequence([_row(row) for row in table.rows])),
        ]
    )


def _entry(entry: GlossaryEntry) -> Node:
    return _mapping(
        [
            ("term", _text(entry.term)),
            ("definition", _text(entry.definition)),
            ("aliases", _row(entry.aliases) if entry.aliases else None),
            ("teaser", ScalarNode(_BOOL, "true") if entry.teaser else None),
            ("figure", _optional_text(entry.figure)),
        ]
    )


def _row(cells: tuple[str, ...]) -> Node:
    """One line (``[a, b, c]``) when it fits and reads well, else one cell per line."""
    one_line = sum(len(c) + 2 for c in cells) < WIDTH - 20 and not any("\n" in c for c in cells)
    return SequenceNode(_SEQ, [_text(c) for c in cells], flow_style=one_line)


def _text(text: str) -> ScalarNode:
    return ScalarNode(_STR, text, style="|" if "\n" in text.strip("\n") else None)


def _optional_text(text: str | None) -> ScalarNode | None:
    return None if text is None else _text(text)


def _optional_list(nodes: list[Node]) -> Node | None:
    return _sequence(nodes) if nodes else None


def _sequence(nodes: list[Node]) -> SequenceNode:
    return SequenceNode(_SEQ, nodes, flow_style=False)


def _mapping(fields: list[tuple[str, Node | None]]) -> MappingNode:
    """Keys whose value is None are left out: absent means the default."""
    return MappingNode(
        _MAP,
        [(ScalarNode(_STR, key), value) for key, value in fields if value is not None],
        flow_style=False,
    )
