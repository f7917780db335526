"""Writing an article as YAML and loading it back gives the same article."""

from __future__ import annotations

from hypothesis import given, settings
from loader_articles import articles

from narrator.content.dump import article_to_yaml
from narrator.content.loader import load_article_text
from narrator.content.model import Article, BulletList, ListItem, Paragraph, Section, Table


@settings(max_examples=150, deadline=None)
@given(articles())
def test_load_of_dump_is_the_same_article(article: Article) -> None:
    assert load_article_text(article_to_yaml(article), "dumped.yaml") == article


def test_the_dump_is_readable_block_yaml_in_the_format_s_key_order() -> None:
    article = Article(
        id="sample",
        title="2024",
        sections=(
            Section(
                "one",
                "One",
                (
                    Paragraph("Two lines\nof text"),
                    BulletList((ListItem("plain"), ListItem("text", "Term"))),
                    Table(("a", "b"), (("no", "1"),)),
                ),
            ),
        ),
    )
    assert article_to_yaml(article) == (
        "id: sample\n"
        "title: '2024'\n"
        "sections:\n"
        "  - id: one\n"
        "    title: One\n"
        "    blocks:\n"
        "      - paragraph: |-\n"
        "          Two lines\n"
        "          of text\n"
        "      - list:\n"
        "          - plain\n"
        "          - term: Term\n"
        "            text: text\n"
        "      - table:\n"
        "          header: [a, b]\n"
        "          rows:\n"
        "            - ['no', '1']\n"
    )
