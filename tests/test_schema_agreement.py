"""The shipped JSON Schema and the loader agree on what an article is.

Editors validate with the schema while someone writes; ``narrator check``
validates with the loader. Both must accept every valid article and refuse
every broken fixture, except for the rules a JSON Schema cannot state
(listed in LOADER_ONLY and in the schema's own description).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from loader_articles import articles

from narrator.content.build import KEYS, REQUIRED
from narrator.content.dump import article_to_yaml
from narrator.content.errors import ArticleError
from narrator.content.loader import load_article
from narrator.content.model import Article

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "fixtures" / "broken"

LOADER_ONLY = {
    "billion-laughs.yaml": "aliases are a YAML matter; JSON has none",
    "duplicate-glossary-term.yaml": "uniqueness across entries and aliases, ignoring case",
    "duplicate-key.yaml": "YAML parsers keep one of the two keys; JSON never sees both",
    "duplicate-section-id.yaml": "uniqueness across the whole section tree",
    "empty-file.yaml": "an empty YAML file is no document at all",
    "not-utf8.yaml": "bytes, before any YAML",
    "nul-byte.yaml": "bytes, before any YAML",
    "ragged-table.yaml": "row width compared with the header's",
    "raw-control-character.yaml": "YAML itself refuses the raw character",
    "shows-twice.yaml": "at most one section per shown part",
    "too-deep.yaml": "nesting depth",
    "two-documents.yaml": "a YAML stream of two documents",
    "yaml-syntax.yaml": "not YAML",
}
SCHEMA_OBJECTS = {
    "article": "#",
    "source": "#/properties/source",
    "section": "#/$defs/section",
    "block": "#/$defs/block",
    "list item": "#/$defs/block/properties/list/items/anyOf/1",
    "table": "#/$defs/block/properties/table",
    "glossary entry": "#/$defs/glossaryEntry",
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("narrator.content").joinpath("schema.json").read_text("utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_accepts(validator: jsonschema.protocols.Validator, text: str) -> bool:
    return validator.is_valid(yaml.safe_load(text))


def _resolve(schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    node: Any = schema
    for part in pointer.lstrip("#/").split("/") if pointer != "#" else []:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


@pytest.mark.parametrize("kind", sorted(KEYS))
def test_the_schema_has_the_loader_s_keys(kind: str, schema: dict[str, Any]) -> None:
    shape = _resolve(schema, SCHEMA_OBJECTS[kind])
    assert tuple(shape["properties"]) == KEYS[kind]
    assert tuple(shape.get("required", ())) == REQUIRED.get(kind, ())
    assert shape["additionalProperties"] is False


def test_the_reference_article_is_valid_for_both(validator: jsonschema.protocols.Validator) -> None:
    for path in sorted((ROOT / "content").glob("*.yaml")):
        load_article(path)
        assert schema_accepts(validator, path.read_text("utf-8")), path


@settings(max_examples=60, deadline=None)
@given(articles())
def test_every_valid_article_is_valid_for_the_schema(
    validator: jsonschema.protocols.Validator, article: Article
) -> None:
    assert schema_accepts(validator, article_to_yaml(article))


@pytest.mark.parametrize("path", sorted(BROKEN.iterdir()), ids=lambda p: p.name)
def test_broken_fixtures_are_refused_by_both(
    validator: jsonschema.protocols.Validator, path: Path
) -> None:
    with pytest.raises(ArticleError):
        load_article(path)
    if path.name in LOADER_ONLY:
        return
    assert not schema_accepts(validator, path.read_text("utf-8"))


def test_loader_only_rules_are_rules_the_schema_lets_through(
    validator: jsonschema.protocols.Validator,
) -> None:
    """Guards the list above: a fixture the schema can parse and does refuse belongs outside it."""
    for name in LOADER_ONLY:
        try:
            data = yaml.safe_load((BROKEN / name).read_bytes())
        except (yaml.YAMLError, ValueError):
            continue
        if name != "billion-laughs.yaml" and data is not None:
            assert validator.is_valid(data), name
