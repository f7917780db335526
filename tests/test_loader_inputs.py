"""Any input at all gives an Article or an ArticleError with a place, never anything else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator.content import yamlnodes
from narrator.content.build import KEYS
from narrator.content.errors import ArticleError
from narrator.content.limits import MAX_BYTES
from narrator.content.loader import load_article, load_article_text
from narrator.controls import CONTROL

ROOT = Path(__file__).resolve().parents[1]
VALID = "id: sample\ntitle: A sample\nsections:\n  - id: one\n    title: One\n"
YAMLISH = st.lists(
    st.sampled_from(
        [
            *"abcxyz019 :-?[]{},'\"\n\t#&*!|>%@`\\.é∞",
            *("\x1b", "\x00", "\x85", "\ufeff"),
            *("id", "title", "sections", "blocks", "paragraph", "---", "&a ", "*a", "!!str", "- "),
            *("!!bool ", "!!int ", "!!timestamp ", "!!binary ", "!!set ", "!!omap ", "<<: "),
        ]
    ),
    max_size=60,
).map("".join)
TAGS = (
    *("!!bool", "!!int", "!!float", "!!timestamp", "!!binary", "!!null", "!!str", "!!merge"),
    *("!!set", "!!omap", "!!pairs", "!!seq", "!!map", "!local", "!<tag:example.com,2026:x>"),
)
TAGGED_VALUES = (
    *("maybe", "yes", "3", "x", "1.5", "2001-12-14", "aGVsbG8=", "???", "~", "''"),
    *("{a, b}", "[a: 1, b: 2]", "[x]", "{a: 1}", "[]", "{}"),
)
TAGGABLE = (
    "id: a\ntitle: A\nlanguage: en\npronunciations:\n  Foo: foo\nsource:\n  url: u\n"
    "sections:\n  - id: s\n    title: S\n    shows: glossary\n    blocks:\n"
    "      - paragraph: p\n      - list: [x, {term: t, text: u}]\n"
    "      - table: {header: [h], rows: [[c]], caption: c}\n"
    "glossary:\n  - term: g\n    definition: d\n    teaser: true\n    aliases: [z]\n"
    "references: [r]\n"
)
TAG_PLACES = [
    m.start() for m in re.finditer(r"(?<=: )(?=\w)|(?<=- )(?=\w)|(?<=\[)(?=\w)", TAGGABLE)
]
"""Before every key and every value of an article that uses the whole format."""
KEY_NAMES = sorted({key for keys in KEYS.values() for key in keys})
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
TREES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEY_NAMES) | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=25,
)


def assert_article_or_problems(data: str | bytes) -> None:
    try:
        load_article_text(data, "input.yaml")
    except ArticleError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "input.yaml"
            assert problem.line >= 1
            assert problem.column >= 1
            assert problem.message
            assert "\n" not in str(problem)
            assert not CONTROL.search(problem.message)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_article_or_problems(data)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_arbitrary_yaml_ish_text(text: str) -> None:
    assert_article_or_problems(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES)
def test_arbitrary_yaml_documents_with_the_format_s_keys(tree: object) -> None:
    assert_article_or_problems(yaml.safe_dump(tree, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TAG_PLACES), st.sampled_from(TAGS), st.sampled_from(TAGGED_VALUES))
def test_any_yaml_tag_before_any_key_or_value_is_text_or_a_placed_problem(
    at: int, tag: str, value: str
) -> None:
    """``!!bool maybe``, ``!!int x``, ``!!binary``, ``!!set``, ``!!omap``, merge keys:
    each is read as text where text is wanted or refused at its line, never a crash,
    whether it tags the written value or replaces it."""
    for text in (
        TAGGABLE[:at] + f"{tag} " + TAGGABLE[at:],
        TAGGABLE[:at] + f"{tag} {value} # " + TAGGABLE[at:],
        TAGGABLE[:at] + f"{value}: " + TAGGABLE[at:],
    ):
        assert_article_or_problems(text)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            "    teaser: !!bool maybe",
            "19:13: 'teaser' must be true or false, found 'maybe' tagged !!bool",
        ),
        ("    teaser: !!int 3", "19:13: 'teaser' must be true or false, found a number (3)"),
        (
            "    definition: !!int x",
            "18:17: a definition must be text, found 'x' tagged !!int: remove the tag !!int",
        ),
        (
            "    definition: !!timestamp 2001-12-14",
            "18:17: a definition must be text, found a date (2001-12-14): write it in quotes, "
            '"2001-12-14"',
        ),
        (
            "    definition: !!binary aGk=",
            "18:17: a definition must be text, found 'aGk=' tagged !!binary: "
            "remove the tag !!binary",
        ),
        ("    definition: !!set {a, b}", "18:17: a definition must be text, found a mapping"),
        ("    definition: !!omap [a: 1]", "18:17: a definition must be text, found a list"),
        (
            "    <<: {definition: d}",
            "18:5: a key must be a word, found a merge key '<<' "
            "(write the merged keys out in full)",
        ),
    ],
)
def test_a_tag_that_claims_another_type_is_named_at_its_place(line: str, problem: str) -> None:
    written = "    teaser: true" if "teaser" in line else "    definition: d"
    text = TAGGABLE.replace(f"{written}\n", f"{line}\n")
    with pytest.raises(ArticleError) as raised:
        load_article_text(text, "t.yaml")
    assert f"t.yaml:{problem}" in [str(p) for p in raised.value.problems]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.integers(0, len(VALID)))
def test_a_valid_article_with_text_spliced_in(insert: str, at: int) -> None:
    assert_article_or_problems(VALID[:at] + insert + VALID[at:])


def test_a_valid_article_loads_with_defaults() -> None:
    article = load_article_text(VALID, "sample.yaml")
    assert (article.id, article.title, article.language) == ("sample", "A sample", "en")
    assert article.sections[0].id == "one"
    assert dict(article.pronunciations) == {}


def test_markup_and_brackets_stay_literal_text() -> None:
    text = VALID + "    blocks:\n      - paragraph: '[bold]x[/bold] <b>y</b> %s {z}'\n"
    paragraph = load_article_text(text, "t.yaml").sections[0].blocks[0]
    assert paragraph.text == "[bold]x[/bold] <b>y</b> %s {z}"  # type: ignore[union-attr]


def test_a_byte_order_mark_is_allowed_and_columns_ignore_it() -> None:
    assert load_article_text(b"\xef\xbb\xbf" + VALID.encode(), "bom.yaml").id == "sample"
    with pytest.raises(ArticleError) as raised:
        load_article_text(b"\xef\xbb\xbf" + VALID.replace("sample", "Bad").encode(), "bom.yaml")
    assert str(raised.value).startswith("bom.yaml:1:5: the article id 'Bad' is not a slug")


def test_a_lone_surrogate_in_text_is_placed() -> None:
    with pytest.raises(ArticleError) as raised:
        load_article_text("id: x\ntitle: a\ud800\n", "s.yaml")
    assert str(raised.value.problems[0]) == "s.yaml:2:9: not valid Unicode text (a lone surrogate)"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as file:
        file.truncate(MAX_BYTES + 1024 * 1024)
    with pytest.raises(ArticleError) as raised:
        load_article(huge)
    assert str(raised.value) == (
        f"{huge}:1:1: the file is 2.0 MB; an article may be at most 1 MB, as much as "
        "Narrator reads quickly (split it into several articles)"
    )


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(ArticleError) as raised:
        load_article_text(b"#" * (MAX_BYTES + 1), "big.yaml")
    assert "the file is 1,048,577 bytes; an article may be at most 1 MB" in str(raised.value)


def test_a_folder_or_missing_file_is_an_article_error(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.yaml"):
        with pytest.raises(ArticleError, match="cannot read the file"):
            load_article(path)


def test_deep_aliases_are_refused_without_expanding_them() -> None:
    """9**30 values if expanded; refusing reuse keeps it to one pass over 31 lines."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 31)]
    text = "\n".join(lines) + "\n" + VALID + "    blocks:\n      - list: *a30\n"
    with pytest.raises(ArticleError) as raised:
        load_article_text(text, "laughs.yaml")
    assert any("the alias *a0 is not allowed" in p.message for p in raised.value.problems)


def test_a_self_referencing_alias_is_refused() -> None:
    with pytest.raises(ArticleError, match="alias"):
        load_article_text(VALID + "    blocks: &b\n      - list: *b\n", "loop.yaml")


def test_yaml_nested_beyond_libyaml_s_limit_is_a_syntax_problem() -> None:
    with pytest.raises(ArticleError, match="YAML syntax"):
        load_article_text("[" * 100_000, "deep.yaml")


@pytest.mark.parametrize(
    "path", sorted((ROOT / "tests" / "fixtures" / "broken").iterdir()), ids=lambda p: p.name
)
def test_without_libyaml_the_pure_python_composer_refuses_the_same_files(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlnodes, "SafeLoader", yaml.SafeLoader)
    load_article(ROOT / "content" / "anastrozole-dosing.yaml")
    with pytest.raises(ArticleError):
        load_article(path)


def test_a_misspelt_article_gets_suggestions_not_a_verdict() -> None:
    with pytest.raises(ArticleError) as raised:
        load_article_text("ids: x\ntitel: T\nsectons: []\n", "typos.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "typos.yaml:1:1: unknown key 'ids' in the article; did you mean 'id'?",
        "typos.yaml:2:1: unknown key 'titel' in the article; did you mean 'title'?",
        "typos.yaml:3:1: unknown key 'sectons' in the article; did you mean 'sections'?",
    ]
