"""Web page import: the main content found, its structure kept, every word of it kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrator.content.commands import converted
from narrator.content.importers import import_file
from narrator.content.importers.html import convert
from narrator.content.loader import load_article_text
from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    ListItem,
    Paragraph,
    SourceKind,
    Table,
)

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PAGE = FIXTURES / "dosing-page.html"


def page(body: str, head: str = "<title>A page</title>") -> Article:
    html = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return convert(html.encode("utf-8"), "page", "page.html")


def blocks(article: Article) -> list[object]:
    return [block for _, section in article.walk() for block in section.blocks]


def converted_text(article: Article) -> str:
    from narrator.content.dump import article_to_yaml

    return article_to_yaml(article)


@pytest.fixture(scope="module")
def dosing() -> Article:
    return import_file(PAGE)


def test_the_page_says_what_it_is(dosing: Article) -> None:
    assert dosing.title == "Estrogen and Dosing"
    assert dosing.language == "en-GB"
    assert dosing.source is not None
    assert dosing.source.url == "https://example.org/estrogen-dosing"
    assert dosing.source.title == "Estrogen and Dosing — Example Health"
    assert dosing.source.attribution == "Dr. Ada Example"
    assert dosing.source.kind is SourceKind.WEB_PAGE


def test_chrome_is_dropped_and_the_main_text_kept(dosing: Article) -> None:
    text = converted_text(dosing)
    for chrome in ("cookies", "Site menu item", "Example Health home", "never read", "serif"):
        assert chrome not in text
    assert "All rights reserved" not in text
    assert "Un passage en français." in text


def test_headings_nest_at_their_depth(dosing: Article) -> None:
    shape = [(depth, section.title) for depth, section in dosing.walk()]
    assert shape == [
        (0, "Introduction"),
        (0, "Steps"),
        (1, "Dose table"),
        (0, "Glossary"),
        (0, "Terms used elsewhere"),
    ]


def test_ordered_lists_keep_their_numbers_and_lead_terms(dosing: Article) -> None:
    lists = [b for b in blocks(dosing) if isinstance(b, BulletList)]
    assert lists[0].items == (
        ListItem("3. Measure the level."),
        ListItem("change the dose by 0.5 mg.", "4. Adjust"),
        ListItem("Never double a dose."),
    )
    lettered = [i.text for i in lists[1].items]
    assert lettered == ["a) First lettered step.", "b) Second lettered step."]


def test_tables_keep_header_rows_captions_and_spread_merged_cells(dosing: Article) -> None:
    tables = [b for b in blocks(dosing) if isinstance(b, Table)]
    assert tables[0] == Table(
        header=("State, Name", "Dose, Morning", "Dose, Evening"),
        rows=(("High estrogen", "1 mg", "0.5 mg"), ("High estrogen", "0.5 mg", "none")),
        caption="Doses by state",
    )
    assert tables[1].header == ("", "")  # no header cells: none is guessed
    assert tables[1].rows == (("Plain cell one", "Plain cell two"), ("Three", "Four"))


def test_quotes_asides_and_figures(dosing: Article) -> None:
    found = blocks(dosing)
    assert Callout("Balance, not suppression.") in found
    assert Callout("A side note set apart from the text.") in found
    figures = [b.description for b in found if isinstance(b, Figure)]
    assert figures == [
        "A scale balancing two spheres. Figure 1: hormonal balance",
        "An image without a description",
    ]
    assert "photo-1234" not in converted_text(dosing)
    assert "spacer" not in converted_text(dosing)


def test_code_is_read_line_by_line_and_br_breaks_a_line(dosing: Article) -> None:
    found = blocks(dosing)
    assert Paragraph("dose = weight * 0.5") in found
    assert Paragraph("print(dose)") in found
    assert Paragraph("Lines of an address\nBaker Street") in found


def test_a_glossary_list_becomes_the_glossary_and_others_stay_lists(dosing: Article) -> None:
    assert [(e.term, e.aliases, e.definition) for e in dosing.glossary] == [
        ("Aromatase inhibitor", ("AI",), "A drug that blocks the making of estrogen."),
        ("Bone mineral density", (), "The amount of mineral per unit area of bone."),
    ]
    assert dosing.sections[2].shows == "glossary"
    last = dosing.sections[3].blocks[0]
    assert last == BulletList((ListItem("The time for a level to halve.", "Half-life"),))


def test_footnotes_become_references_and_markers_read_as_notes(dosing: Article) -> None:
    assert [r.text for r in dosing.references] == [
        "1. Howell, A. et al., Journal of Clinical Oncology, 2005."
    ]
    first = dosing.sections[0].blocks[0]
    assert first == Paragraph(
        "Estrogen matters for bone density.[1] Its levels take 3-4 days to fall."
    )
    assert "↩" not in converted_text(dosing)


def test_the_import_passes_check(tmp_path: Path) -> None:
    text = converted(PAGE, "dosing.yaml")
    assert load_article_text(text, "dosing.yaml").title == "Estrogen and Dosing"


def test_superscripts_are_powers_unless_they_mark_a_note() -> None:
    article = page(
        "<p>E = mc<sup>2</sup>, 10<sup>-5</sup> and 2<sup>n</sup> on the 1<sup>st</sup>.</p>"
    )
    assert blocks(article) == [Paragraph("E = mc², 10⁻⁵ and 2ⁿ on the 1st.")]


def test_the_one_heading_that_opens_the_text_is_the_title() -> None:
    article = page("<main><h2>Only Title</h2><p>Text.</p><h3>Part</h3><p>More.</p></main>")
    assert article.title == "Only Title"
    assert [s.title for _, s in article.walk()] == ["Introduction", "Part"]
    article = page("<main><h1>One</h1><p>a</p><h1>Two</h1><p>b</p></main>")
    assert article.title == "A page"
    assert [s.title for _, s in article.walk()] == ["One", "Two"]


def test_a_page_without_landmarks_goes_to_readability_but_keeps_its_words() -> None:
    parts = "".join(
        f"<div class='part'><h2>Part {n}</h2><p>{f'Words of part {n}. ' * 30}</p></div>"
        for n in range(1, 6)
    )
    article = page(f"<div class='sidebar'><a href='/'>Home</a></div>{parts}")
    titles = [s.title for _, s in article.walk()]
    assert titles == [f"Part {n}" for n in range(1, 6)]


def test_the_page_language_comes_from_its_passages_when_the_page_has_none() -> None:
    article = page("<main><p lang='de'>Ein Satz.</p><p lang='de'>Noch einer.</p></main>")
    assert article.language == "de"


def test_wikipedia_and_word_style_notes() -> None:
    wiki = page(
        "<main><p>Claim.<sup class='reference'><a href='#cite_note-1'>[1]</a></sup></p>"
        "<h2>References</h2><ol class='references'><li id='cite_note-1'>"
        "<a href='#cite_ref-1'>^</a> Smith 2020.</li></ol></main>"
    )
    assert [r.text for r in wiki.references] == ["1. Smith 2020."]
    assert wiki.sections[-1].shows == "references"
    word = page(
        "<p>Text.<sup><a href='#footnote-1' id='footnote-ref-1'>[1]</a></sup></p>"
        "<ol><li id='footnote-1'><p>A Word footnote. <a href='#footnote-ref-1'>↑</a></p></li></ol>"
    )
    assert [r.text for r in word.references] == ["1. A Word footnote."]
    assert blocks(word) == [Paragraph("Text.[1]")]


def test_layout_tables_are_read_as_their_blocks() -> None:
    article = page(
        "<main><table role='presentation'><tr><td><p>Left column text.</p></td>"
        "<td><p>Right column text.</p></td></tr></table></main>"
    )
    assert blocks(article) == [Paragraph("Left column text."), Paragraph("Right column text.")]


def test_reversed_and_valued_ordered_lists() -> None:
    article = page("<main><ol reversed><li>c</li><li>b</li><li value='9'>x</li></ol></main>")
    (only,) = blocks(article)
    assert isinstance(only, BulletList)
    assert [i.text for i in only.items] == ["3. c", "2. b", "9. x"]


def test_no_word_of_a_long_structured_page_is_lost() -> None:
    body = "".join(
        f"<h2>Part {n}</h2><p>Paragraph {n} has <em>inline</em> <a href='/x'>links</a>.</p>"
        f"<ul><li>Item {n}a</li><li>Item {n}b<ul><li>Deep {n}</li></ul></li></ul>"
        f"<table><tr><th>K{n}</th><th>V{n}</th></tr><tr><td>k{n}</td><td>v{n}</td></tr></table>"
        for n in range(40)
    )
    article = page(f"<main>{body}</main>")
    words = set(re.findall(r"\w+", converted_text(article)))
    for n in range(40):
        assert {"Part", "inline", "links", f"{n}a", f"{n}b", "Deep", f"K{n}", f"v{n}"} <= words
