"""EPUB and Word import, on files built by pandoc (a standard tool, not our own writer)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from narrator.content.commands import converted
from narrator.content.importers import import_file
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


def blocks(article: Article) -> list[object]:
    return [block for _, section in article.walk() for block in section.blocks]


@pytest.mark.parametrize("name", ["small-book-epub2.epub", "small-book-epub3.epub"])
def test_an_epub_keeps_its_chapters_titles_notes_and_figures(name: str) -> None:
    book = import_file(FIXTURES / name)
    assert book.title == "A Small Book of Doses"
    assert book.language == "en-US"
    assert book.source is not None
    assert book.source.attribution == "Jo Writer"
    assert book.source.kind is SourceKind.EPUB
    top = [section.title for section in book.sections]
    assert top[-3:] == ["The First Chapter", "The Second Chapter", "The Third Chapter"]
    first = book.sections[-3]
    assert [s.title for s in first.sections] == ["A Part of Chapter One"]
    assert first.blocks[0] == Paragraph(
        "The first chapter opens the book.[1] It has two paragraphs."
    )
    found = blocks(book)
    assert Figure("A chart of levels rising over four weeks") in found
    assert Callout("A quotation set apart.") in found
    assert Paragraph("The last words of the book.[2]") in found  # numbered through the book
    table = next(b for b in found if isinstance(b, Table))
    assert table.header == ("Week", "Level")
    lists = [b for b in found if isinstance(b, BulletList)]
    assert [i.text for i in lists[0].items] == [
        "1. First numbered point.",
        "2. Second numbered point.",
    ]
    assert [r.text for r in book.references] == [
        "1. The first note, at the end of the book.",
        "2. The second note.",
    ]


def test_an_epub_import_passes_check() -> None:
    assert "The Third Chapter" in converted(FIXTURES / "small-book-epub3.epub", "book.yaml")


def test_a_word_file_maps_headings_lists_tables_and_pictures() -> None:
    document = import_file(FIXTURES / "dosing-pandoc.docx")
    assert document.source is not None and document.source.kind is SourceKind.WORD
    titles = [section.title for _, section in document.walk()]
    assert "Steps" in titles and "Dose table" in titles
    found = blocks(document)
    lists = [b for b in found if isinstance(b, BulletList)]
    assert any("Measure the level." in item.text for lst in lists for item in lst.items)
    assert any(isinstance(b, Table) for b in found)
    assert converted(FIXTURES / "dosing-pandoc.docx", "doc.yaml")


def test_a_word_file_keeps_its_title_pictures_alt_text_and_notes() -> None:
    report = import_file(FIXTURES / "report-pandoc.docx")
    assert report.title == "Quarterly Dosing Report"
    assert report.source is not None and report.source.attribution == "Sam Author"
    summary = next(s for s in report.sections if s.title == "Summary")
    assert summary.blocks[:2] == (
        Paragraph("The report covers twelve weeks.[1]"),
        Figure("A chart of estrogen levels over twelve weeks"),
    )
    assert Figure("An image without a description") in summary.blocks
    assert [r.text for r in report.references] == ["1. Measured every Monday."]
    findings = summary.sections[0]
    assert findings.blocks[0] == BulletList(
        (ListItem("1. Levels fell in week one."), ListItem("2. Levels held after week four."))
    )
    assert findings.blocks[2] == Table(("Week", "Level"), (("1", "20 pg/mL"),))


def test_a_chapter_the_navigation_does_not_name_continues_the_one_before(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "small-book-epub3.epub") as source:
        files = {name: source.read(name) for name in source.namelist()}
    opf = files["EPUB/content.opf"].decode()
    opf = opf.replace(
        '<item id="ch002_xhtml"',
        '<item id="extra" href="text/extra.xhtml" media-type="application/xhtml+xml" />'
        '<item id="ch002_xhtml"',
    ).replace(
        '<itemref idref="ch002_xhtml"', '<itemref idref="extra" /><itemref idref="ch002_xhtml"'
    )
    files["EPUB/content.opf"] = opf.encode()
    files["EPUB/text/extra.xhtml"] = (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>More of chapter one&nbsp;here.</p>'
        b"</body></html>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    path = tmp_path / "continued.epub"
    path.write_bytes(buffer.getvalue())
    book = import_file(path)
    first = next(s for s in book.sections if s.title == "The First Chapter")
    part = first.sections[0]
    assert part.blocks[-1] == Paragraph("More of chapter one here.")  # &nbsp; read, as a space
