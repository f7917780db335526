"""One registry of block kinds: every reader of blocks knows every kind.

A new member of ``BlockKind`` makes each of these fail until the loader, the
schema, ``dump``, ``outline`` and the script builder all handle it.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from narrator.content.dump import article_to_yaml
from narrator.content.loader import load_article_text
from narrator.content.model import (
    Article,
    Block,
    BlockKind,
    BulletList,
    Callout,
    Figure,
    ListItem,
    Paragraph,
    Section,
    Table,
)
from narrator.content.outline import article_to_json
from narrator.speech.script import build_script

ONE_OF_EACH: dict[BlockKind, Block] = {
    BlockKind.PARAGRAPH: Paragraph("Take one tablet a day."),
    BlockKind.CALLOUT: Callout("Never double a dose."),
    BlockKind.FIGURE: Figure("A pill box with seven days."),
    BlockKind.LIST: BulletList((ListItem("Morning"), ListItem("with food", term="Evening"))),
    BlockKind.TABLE: Table(("Dose", "Times"), (("1 mg", "once"),), caption="Doses"),
}


def _article(block: Block) -> Article:
    return Article("kinds", "Kinds", (Section("only", "Only", (block,)),))


def test_every_kind_has_its_example_and_each_block_class_names_its_kind() -> None:
    assert set(ONE_OF_EACH) == set(BlockKind)
    for kind, block in ONE_OF_EACH.items():
        assert block.kind is kind


def test_the_loader_and_the_schema_accept_exactly_the_registered_kinds() -> None:
    schema = json.loads(resources.files("narrator.content").joinpath("schema.json").read_text())
    assert set(schema["$defs"]["block"]["properties"]) == {kind.value for kind in BlockKind}


@pytest.mark.parametrize("kind", list(BlockKind), ids=lambda kind: kind.value)
def test_each_kind_survives_dump_and_load_and_is_named_in_the_outline(kind: BlockKind) -> None:
    article = _article(ONE_OF_EACH[kind])
    assert load_article_text(article_to_yaml(article), "kinds.yaml") == article
    [block] = article_to_json(article)["sections"][0]["blocks"]
    assert block["type"] == kind.value


@pytest.mark.parametrize("kind", list(BlockKind), ids=lambda kind: kind.value)
def test_each_kind_is_read_aloud_at_its_block(kind: BlockKind) -> None:
    script = build_script(_article(ONE_OF_EACH[kind]))
    assert any(u.place.section == "only" and u.place.block == 0 for u in script.utterances)


def test_an_unknown_kind_is_refused_with_the_nearest_known_one() -> None:
    from narrator.content.errors import ArticleError

    text = "id: k\ntitle: K\nsections:\n  - id: s\n    title: S\n    blocks:\n      - tabel: x\n"
    with pytest.raises(ArticleError, match=r"unknown block 'tabel'.*table"):
        load_article_text(text, "kinds.yaml")
