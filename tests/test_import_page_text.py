"""The plain-text page importer recovers the page's structure and loses no word.

The reference article was written from the same page, so converting the page
must give the same sections, blocks, references and glossary. What only an
editor can add differs, by design: the article's ``id``, ``title`` and
``source`` (the importer names the article after the file), its
``pronunciations`` (the importer makes none), and the glossary aliases that
are not abbreviations the page introduces (the editor's singular "aromatase
inhibitor").
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_words import article_words, page_words

from narrator.cli import main
from narrator.content.dump import article_to_yaml
from narrator.content.importers import import_text
from narrator.content.importers.page_text import convert
from narrator.content.loader import load_article, load_article_text
from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    GlossaryEntry,
    ListItem,
    Paragraph,
    Table,
)
from narrator.errors import NarratorError

DATA = Path(__file__).resolve().parent / "data"
PAGE = (DATA / "anastrozole-dosing.txt").read_text(encoding="utf-8")
REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


@pytest.fixture(scope="module")
def imported() -> Article:
    return convert(PAGE, "anastrozole-dosing")


@pytest.fixture(scope="module")
def reference() -> Article:
    return load_article(REFERENCE)


def without_aliases(entry: GlossaryEntry) -> GlossaryEntry:
    return GlossaryEntry(entry.term, entry.definition, (), entry.teaser, entry.figure)


def test_the_page_gives_the_reference_articles_sections(
    imported: Article, reference: Article
) -> None:
    assert imported.sections == reference.sections


def test_the_page_gives_the_reference_articles_references_and_glossary(
    imported: Article, reference: Article
) -> None:
    assert imported.references == reference.references
    assert [without_aliases(e) for e in imported.glossary] == [
        without_aliases(e) for e in reference.glossary
    ]


def test_the_abbreviations_the_page_introduces_are_aliases(
    imported: Article, reference: Article
) -> None:
    aliases = {entry.term: entry.aliases for entry in imported.glossary if entry.aliases}
    assert aliases == {
        "aromatase inhibitors": ("AIs",),
        "testosterone replacement therapy": ("TRT",),
        "bone mineral density": ("BMD",),
    }
    edited = {entry.term: set(entry.aliases) for entry in reference.glossary}
    assert all(set(found) <= edited[term] for term, found in aliases.items())


def test_only_editorial_fields_differ(imported: Article, reference: Article) -> None:
    assert (imported.id, imported.title) == ("anastrozole-dosing", "Anastrozole dosing")
    assert imported.pronunciations == {}
    assert imported.source is not None
    assert "anastrozole-dosing" in (imported.source.attribution or "")
    assert reference.pronunciations


def test_the_imported_page_passes_the_checker_unchanged(imported: Article) -> None:
    assert load_article_text(article_to_yaml(imported), "imported.yaml") == imported


def test_narrator_import_writes_an_article_that_checks(tmp_path: Path) -> None:
    page = tmp_path / "anastrozole-dosing.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["import", str(page), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert load_article(out).sections == load_article(REFERENCE).sections


def test_every_word_of_the_page_is_kept_in_order(imported: Article) -> None:
    assert article_words(imported) == page_words(PAGE)


def test_the_same_page_gives_the_same_ids() -> None:
    first, second = convert(PAGE, "page"), convert(PAGE, "page")
    assert [s.id for _, s in first.walk()] == [s.id for _, s in second.walk()]


def test_titles_that_share_a_slug_get_numbered_ids() -> None:
    text = "Summary\n\nOne.\n\nSummary\n\nTwo.\n\nSummary!\n\nWhat Is a Summary?\n\nThree.\n"
    article = convert(text, "x")
    assert [s.id for _, s in article.walk()] == ["summary", "summary-2", "what-is-a-summary"]


def test_headings_questions_and_leading_text() -> None:
    text = (
        "Skip to main content\n\nA first paragraph before any heading.\n\n"
        "Overview\n\nIntro text.\n\nWhy Does It Matter?\n\nBecause it does.\n"
    )
    article = convert(text, "my_page")
    assert [(depth, s.title) for depth, s in article.walk()] == [
        (0, "Introduction"),
        (0, "Overview"),
        (1, "Why Does It Matter?"),
    ]
    assert article.sections[0].blocks == (Paragraph("A first paragraph before any heading."),)
    assert (article.id, article.title) == ("my-page", "My page")


def test_a_question_before_any_heading_is_a_top_level_section() -> None:
    article = convert("What Is This?\n\nAn answer.\n", "q")
    assert [s.title for s in article.sections] == ["What Is This?"]


def test_bullets_with_and_without_lead_terms() -> None:
    text = "Lists\n\nThese:\n\n  • Plain item.\n  • Term ∞ Its text.\n  - Dash item.\n"
    (section,) = convert(text, "l").sections
    assert section.blocks[1] == BulletList(
        (ListItem("Plain item."), ListItem("Its text.", "Term"), ListItem("Dash item."))
    )


def test_tab_and_multi_space_tables() -> None:
    text = "Data\n\nA table:\n\nName\tValue\nOne\t1\nTwo  2\n\nAfter it.\n"
    (section,) = convert(text, "t").sections
    assert section.blocks[1] == Table(("Name", "Value"), (("One", "1"), ("Two", "2")))


def test_each_tab_is_one_cell_boundary() -> None:
    text = "Data\n\nName\tNote\tValue\nOne\t\t1\n"
    (section,) = convert(text, "t").sections
    assert section.blocks == (Table(("Name", "Note", "Value"), (("One", "", "1"),)),)


def test_lines_that_do_not_make_a_table_stay_paragraphs() -> None:
    text = "Notes\n\nFirst line of text.\nsecond line, lower case.\n\nEnd.\n"
    (section,) = convert(text, "n").sections
    assert section.blocks[:2] == (
        Paragraph("First line of text."),
        Paragraph("second line, lower case."),
    )


def test_a_line_without_final_punctuation_before_a_heading_is_a_figure() -> None:
    text = (
        "Part\n\nSome text here.\n\nA red apple on a table, symbolizing health\n\n"
        "Next Part\n\nNo figure here\n\nMore text.\n"
    )
    first, second = convert(text, "f").sections
    assert first.blocks[-1] == Figure("A red apple on a table, symbolizing health")
    assert second.blocks[0] == Paragraph("No figure here")


def test_a_short_sentence_between_long_paragraphs_is_a_pull_quote() -> None:
    long = "This is one sentence. This is another one."
    text = f"Part\n\n{long}\n\nThe point, in short.\n\n{long}\n\nAnother short one.\n"
    (section,) = convert(text, "p").sections
    kinds = [type(block) for block in section.blocks]
    assert kinds == [Paragraph, Callout, Paragraph, Paragraph]


def test_glossary_terms_definitions_teasers_and_figures() -> None:
    text = (
        "Glossary\n\nAn image of a leaf\n\nleaf\n\nMeaning ∞ A flat green part.\n"
        "An image of a root\n\nroot\n\nRoots are discussed in another article.\n"
    )
    article = convert(text, "g")
    assert article.glossary == (
        GlossaryEntry("leaf", "A flat green part.", figure="An image of a leaf"),
        GlossaryEntry(
            "root",
            "Roots are discussed in another article.",
            teaser=True,
            figure="An image of a root",
        ),
    )
    assert article.sections[0].shows == "glossary"


def test_references_keep_their_text_verbatim() -> None:
    text = "References\n\n  • Smith, J. “Bone ∞ a review.” Journal, 2001.\n"
    article = convert(text, "r")
    assert [r.text for r in article.references] == ["Smith, J. “Bone ∞ a review.” Journal, 2001."]
    assert article.sections[0].shows == "references"


def test_a_page_without_text_is_one_clear_error() -> None:
    with pytest.raises(NarratorError, match=r"^empty\.txt: no text to import$"):
        convert("\n  \n", "empty.txt")


TOKENS = ["abc", "Xyz", "Of", "of", "Q?", "end.", "list:", "over-suppression", "(men),", "∞", "•"]
LINE = st.one_of(
    st.builds(
        lambda tokens, separators: "".join(map(str.__add__, tokens, separators)).strip(),
        st.lists(st.sampled_from(TOKENS), max_size=8),
        st.lists(st.sampled_from([" ", "  ", "\t"]), min_size=8, max_size=8),
    ),
    st.sampled_from(["", "Glossary", "References", "Overview", "What Is It?", "  • Term ∞ text."]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_any_page_keeps_every_word(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not page_words(text):
        return
    article = convert(text, "any")
    load_article_text(article_to_yaml(article), "any.yaml")
    kept, given_words = Counter(article_words(article)), Counter(page_words(text))
    assert given_words - kept == Counter()
    assert kept - given_words in (Counter(), Counter({"Introduction": 1}))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_valid_article_or_one_clear_error(text: str) -> None:
    try:
        article = convert(import_text(text.encode("utf-8"), "any"), "any")
    except NarratorError as error:
        assert str(error).startswith("any")
        assert "\n" not in str(error)
    else:
        load_article_text(article_to_yaml(article), "any.yaml")


def test_an_abbreviation_introduced_anywhere_on_the_page_is_an_alias() -> None:
    text = (
        "Overview\n\nScans use magnetic resonance imaging (MRI) and bone scans (often).\n\n"
        "Glossary\n\nmagnetic resonance imaging\n\nMeaning ∞ A scan.\n\n"
        "bone scans\n\nMeaning ∞ Another scan.\n"
    )
    entries = {entry.term: entry.aliases for entry in convert(text, "a").glossary}
    assert entries == {"magnetic resonance imaging": ("MRI",), "bone scans": ()}
