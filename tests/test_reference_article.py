"""The bundled reference article is the page, word for word, in the page's structure.

``tests/data/anastrozole-dosing.txt`` is the page as it was copied (the seed
the article was written from). A listener who cannot see the page has only
what the YAML says, so every sentence must be there, in the page's order,
with the page's punctuation, and nothing may be added to the text.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from page_words import NAVIGATION_CHROME, article_words, text_lines, texts, words

from narrator.cli import main
from narrator.content.loader import load_article
from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    Section,
    Table,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_PATH = ROOT / "content" / "anastrozole-dosing.yaml"
PAGE_PATH = Path(__file__).resolve().parent / "data" / "anastrozole-dosing.txt"

TOP_LEVEL_TITLES = [
    "Fundamentals",
    "Intermediate",
    "Academic",
    "References",
    "Reflection",
    "Glossary",
]
QUESTIONS = {
    "intermediate": [
        "How Does Anastrozole Influence Hormonal Balance?",
        "What Are the Consequences of Overdosing Anastrozole?",
        "What Are the Risks of Underdosing Anastrozole?",
    ],
    "academic": [
        "How Does Anastrozole Affect the Hypothalamic-Pituitary-Gonadal Axis?",
        "What Are the Long-Term Physiological Consequences of Estrogen Dysregulation?",
        "Why Is Individualized Dosing of Anastrozole Essential?",
    ],
}
PULL_QUOTES = [
    "Understanding your body\u2019s subtle signals about hormonal imbalance is the initial step "
    "toward restoring overall vitality.",
    "Anastrozole precisely inhibits estrogen production, aiming to balance hormones, "
    "especially during testosterone therapy.",
    "Chronic estrogen deficiency from incorrect Anastrozole dosing significantly impairs "
    "bone density and cardiovascular health.",
]
# Each figure the page shows in a section is the last thing in that section.
SECTION_FIGURES = {
    "intermediate": "A skeletal plant pod with intricate mesh",
    "how-does-anastrozole-influence-hormonal-balance": "A detailed microscopic rendering",
    "what-are-the-consequences-of-overdosing-anastrozole": "A vibrant green leaf",
    "academic": "A central sphere of precise white nodules",
    "how-does-anastrozole-affect-the-hypothalamic-pituitary-gonadal": "A central beige sphere",
    "what-are-the-long-term-physiological-consequences-of-estrogen": (
        "Delicate, frost-covered plant"
    ),
    "why-is-individualized-dosing-of-anastrozole-essential": "A backlit white orchid petal",
    "references": "A light-toned, bone-like structure",
    "reflection": "Interconnected, off-white, porous links",
}
# The image the page shows right before each glossary term is that entry's figure.
GLOSSARY_FIGURES = {
    "cardiovascular health": "Delicate, intricate structures revealing",
    "when estrogen levels": "Textured sphere with smooth white center",
    "hormonal optimization protocols": "A delicate central sphere, symbolizing",
    "aromatase inhibitors": "Several porous, bone-like structures",
    "cognitive function": "A spherical form, half-shattered",
    "estrogen levels": "A delicate, wispy seed head",
    "exogenous testosterone": "A delicate golden scale",
    "testosterone replacement therapy": "A macro view reveals",
    "estrogen deficiency": "A porous shell disintegrates",
    "estrogen suppression": "Translucent white currants",
    "bone mineral density": "A macro photograph captures",
    "bone health": "A delicate, net-like botanical structure",
    "incorrect anastrozole dosing": "Textured spheres, symbolizing",
    "anastrozole dosing": "White cascading floral elements",
    "estrogen dysregulation": "A split green spiky casing",
    "chronic estrogen deficiency": "A macro photograph displays",
    "individualized dosing": "Soft, layered natural fibers",
}
TEASERS = {"when estrogen levels", "incorrect anastrozole dosing", "chronic estrogen deficiency"}


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(ARTICLE_PATH)


def page_lines() -> list[str]:
    return text_lines(PAGE_PATH.read_text(encoding="utf-8"))


def blocks_of(article: Article, kind: type) -> list:
    return [block for _, s in article.walk() for block in s.blocks if isinstance(block, kind)]


def test_every_line_of_the_page_is_in_the_article_in_order(article: Article) -> None:
    found = article_words(article)
    position = 0
    for line in page_lines():
        wanted = words(line)
        while position < len(found) and found[position : position + len(wanted)] != wanted:
            position += 1
        assert position < len(found), f"not in the article (or out of order): {line!r}"
        position += len(wanted)


def test_the_article_adds_no_text_to_the_page(article: Article) -> None:
    page = [word for line in page_lines() for word in words(line)]
    assert article_words(article) == page


def test_the_navigation_chrome_is_left_out(article: Article) -> None:
    assert NAVIGATION_CHROME not in " ".join(texts(article))


def test_six_top_level_parts_in_page_order(article: Article) -> None:
    assert [s.title for s in article.sections] == TOP_LEVEL_TITLES
    shows = {s.title: s.shows for s in article.sections if s.shows}
    assert shows == {"References": "references", "Glossary": "glossary"}


def test_the_question_headings_are_nested_sections(article: Article) -> None:
    for parent_id, questions in QUESTIONS.items():
        parent = article.section(parent_id)
        assert parent is not None
        assert [child.title for child in parent.sections] == questions
        assert all(not child.sections for child in parent.sections)
    others = [s for s in article.sections if s.id not in QUESTIONS]
    assert all(not s.sections for s in others)


def test_the_three_pull_quotes_are_callouts(article: Article) -> None:
    assert [callout.text for callout in blocks_of(article, Callout)] == PULL_QUOTES


def test_both_bullet_lists_with_their_lead_terms(article: Article) -> None:
    lists = blocks_of(article, BulletList)
    assert [len(bullets.items) for bullets in lists] == [6, 4]
    assert all(item.term and "∞" not in item.text for bullets in lists for item in bullets.items)
    assert lists[0].items[1].term == "Joint Pain and Stiffness (Arthralgia)"


def test_both_tables_with_every_cell(article: Article) -> None:
    first, second = blocks_of(article, Table)
    assert first.header == (
        "Hormonal State",
        "Anastrozole Dosing",
        "Potential Physiological Effects",
    )
    assert first.rows[1] == (
        "Estrogen Deficiency",
        "Excessive dose (over-suppression)",
        "Accelerated bone loss, severe joint pain, increased cardiovascular risk, depression, "
        "cognitive fog, sexual dysfunction, fatigue.",
    )
    assert second.header == (
        "Physiological System",
        "Impact of Chronic Estrogen Deficiency",
        "Clinical Manifestations",
    )
    assert [row[0] for row in second.rows] == [
        "Skeletal System",
        "Cardiovascular System",
        "Neuroendocrine System",
        "Metabolic Function",
        "Connective Tissues",
    ]
    assert [row[1] for row in first.rows] == [
        "Correct, titrated dose",
        "Excessive dose (over-suppression)",
        "Insufficient dose (under-suppression)",
    ]
    assert [row[1].split(",")[0] for row in second.rows] == [
        "Accelerated bone resorption",
        "Adverse lipid profile changes",
        "Neurotransmitter dysregulation",
        "Changes in insulin sensitivity",
        "Reduced collagen synthesis",
    ]
    lines = page_lines()
    for table, body_rows in ((first, 3), (second, 5)):
        assert len(table.rows) == body_rows
        assert all(len(row) == 3 and all(row) for row in table.rows)
        joined = [" ".join(row) for row in (table.header, *table.rows)]
        start = lines.index(joined[0])
        assert lines[start : start + len(joined)] == joined


def test_all_ten_references(article: Article) -> None:
    assert len(article.references) == 10
    assert article.references[0].text.startswith("Howell, A. et al. “Effect of anastrozole")
    assert "Estrogens in men ∞ a new insight" in article.references[6].text


def test_every_glossary_entry_with_its_figure(article: Article) -> None:
    page = PAGE_PATH.read_text(encoding="utf-8")
    glossary_part = page[page.index("\nGlossary\n") :]
    definitions = glossary_part.count("Meaning ∞ ")
    assert len(article.glossary) == definitions + len(TEASERS) == 17
    assert [entry.term for entry in article.glossary] == list(GLOSSARY_FIGURES)
    for entry in article.glossary:
        assert entry.figure is not None
        assert entry.figure.startswith(GLOSSARY_FIGURES[entry.term])
        assert not entry.definition.startswith("Meaning")


def test_teasers_are_marked_and_definitions_are_not(article: Article) -> None:
    assert {entry.term for entry in article.glossary if entry.teaser} == TEASERS


def test_every_figure_stands_where_the_page_shows_it(article: Article) -> None:
    for section_id, opening in SECTION_FIGURES.items():
        section = article.section(section_id)
        assert section is not None
        last = section.blocks[-1]
        assert isinstance(last, Figure)
        assert last.description.startswith(opening)
    figures = blocks_of(article, Figure)
    assert len(figures) == len(SECTION_FIGURES)
    lines = set(page_lines())
    every_figure = [f.description for f in figures] + [e.figure or "" for e in article.glossary]
    assert all(description in lines for description in every_figure)


def test_the_abbreviations_the_article_uses_are_aliases(article: Article) -> None:
    aliases = {entry.term: set(entry.aliases) for entry in article.glossary if entry.aliases}
    assert aliases["testosterone replacement therapy"] == {"TRT"}
    assert aliases["bone mineral density"] == {"BMD"}
    assert {"aromatase inhibitor", "AIs"} <= aliases["aromatase inhibitors"]


def test_pronunciations_are_respelled_for_espeak(article: Article) -> None:
    """espeak-ng spells out a word in capitals letter by letter ("ASS" is "A S S"),
    so a respelling stresses by its syllables, in lower case."""
    assert article.pronunciations["Anastrozole"] == "an-ass-truh-zole"
    for word, said in article.pronunciations.items():
        assert said == said.lower(), word
        assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", " ".join(texts(article)), re.I), word


def test_identity_and_attribution(article: Article) -> None:
    assert article.id == "anastrozole-dosing"
    assert article.title.startswith("Anastrozole Dosing")
    assert article.language == "en"
    assert article.source is not None
    assert article.source.url is None
    assert "web page" in (article.source.attribution or "")


def test_section_ids_are_unique_slugs(article: Article) -> None:
    ids = [section.id for _, section in article.walk()]
    assert len(ids) == len(set(ids)) == 12
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", section_id) for section_id in ids)


def test_every_section_has_something_to_read(article: Article) -> None:
    def readable(section: Section) -> bool:
        return bool(section.blocks or section.sections or section.shows)

    assert all(readable(section) for _, section in article.walk())


def test_narrator_check_passes_the_content_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "content")]) == 0
    assert capsys.readouterr().out == ""


def test_the_article_ships_inside_the_package() -> None:
    shipped = files("narrator.articles") / "anastrozole-dosing.yaml"
    assert shipped.read_text(encoding="utf-8") == ARTICLE_PATH.read_text(encoding="utf-8")
