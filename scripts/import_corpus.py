"""How many words of real documents the importers keep: HTML manuals found on this
machine, and EPUB and Word files built from them by pandoc (a standard tool, not
Narrator's own writer; ``pip install pypandoc_binary``, used here only).

For each document it prints the words of its main text (measured independently
of Narrator: a web page's ``<main>`` or its body without navigation, scripts and
footers; a book's spine documents; a Word file's text as pandoc reads it), the
share of those words found in the imported article (each word counted as often
as it occurs), the sections, lists, tables, figures and references the article
has, and the time the import took. Documents missing from this machine are
skipped and said so.

    python scripts/import_corpus.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import lxml.html

from narrator.content.importers import import_file
from narrator.content.model import Article, BulletList, Callout, Figure, Paragraph, Table
from narrator.content.yamlnodes import decode_utf8  # noqa: F401 - the package must import

RUST = Path.home() / ".rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html"
PAGES = [
    RUST / "book/ch04-01-what-is-ownership.html",
    RUST / "book/ch08-02-strings.html",
    RUST / "book/appendix-02-operators.html",
    RUST / "cargo/reference/manifest.html",
    RUST / "book/ch15-06-reference-cycles.html",
    Path("/usr/share/doc/libffi8/html/The-Closure-API.html"),
    Path("/usr/share/doc/libffi8/html/Primitive-Types.html"),
    Path("/usr/share/doc/base-passwd/users-and-groups.html"),
]
BOOKS = {
    "The Rust Programming Language, chapters 1-9 (pandoc EPUB 3)": (
        sorted((RUST / "book").glob("ch0[1-9]-*.html")),
        "epub3",
    ),
    "libffi manual (pandoc EPUB 2)": (
        sorted(Path("/usr/share/doc/libffi8/html").glob("*.html")),
        "epub2",
    ),
    "Users and Groups in the Debian System (pandoc DOCX)": (
        [Path("/usr/share/doc/base-passwd/users-and-groups.html")],
        "docx",
    ),
    "Rust book chapter 4 (pandoc DOCX)": (sorted((RUST / "book").glob("ch04-*.html")), "docx"),
}
WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


def article_text(article: Article) -> Iterator[str]:
    yield article.title
    for _, section in article.walk():
        yield section.title
        for block in section.blocks:
            if isinstance(block, Paragraph | Callout):
                yield block.text
            elif isinstance(block, Figure):
                yield block.description
            elif isinstance(block, BulletList):
                for item in block.items:
                    yield f"{item.term or ''} {item.text}"
            elif isinstance(block, Table):
                yield " ".join((block.caption or "", *block.header))
                yield from (" ".join(row) for row in block.rows)
    yield from (reference.text for reference in article.references)
    for entry in article.glossary:
        yield " ".join((entry.term, *entry.aliases, entry.definition))


def shape(article: Article) -> str:
    blocks = [b for _, s in article.walk() for b in s.blocks]
    counts = [
        (sum(1 for _ in article.walk()), "sections"),
        (sum(isinstance(b, BulletList) for b in blocks), "lists"),
        (sum(isinstance(b, Table) for b in blocks), "tables"),
        (sum(isinstance(b, Figure) for b in blocks), "figures"),
        (len(article.references), "notes"),
        (len(article.glossary), "glossary"),
    ]
    return ", ".join(f"{n} {what}" for n, what in counts if n)


def page_main_text(path: Path) -> str:
    """The page's main text, found without Narrator: ``<main>``, else the body."""
    root = lxml.html.fromstring(path.read_bytes())
    for chrome in root.xpath(
        "//script|//style|//nav|//footer|//header[not(ancestor::main)]|//*[@role='navigation']"
        "|//*[contains(concat(' ', @class, ' '), ' nav-panel ')]|//*[contains(@class, 'toc')]"
        "|//div[@class='header']"
    ):
        chrome.drop_tree()
    main = root.xpath("//main")
    return " ".join((main[0] if main else root.body).itertext())


def book_text(path: Path) -> str:
    """A book's spine documents' text (pandoc's nav document left out)."""
    parts = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.endswith(".xhtml") and not name.endswith("nav.xhtml"):
                body = lxml.html.fromstring(book.read(name)).find("body")
                if body is not None:
                    for chrome in body.xpath(".//script|.//style"):
                        chrome.drop_tree()
                    parts.append(" ".join(body.itertext()))
    return " ".join(parts)


def report(name: str, reference: str, path: Path) -> None:
    started = time.perf_counter()
    try:
        article = import_file(path)
    except Exception as error:  # a report, not a test: say what failed and go on
        print(f"| {name} | – | failed: {error} | – | – |")
        return
    took = time.perf_counter() - started
    source, kept = words(reference), words(" ".join(article_text(article)))
    share = sum((source & kept).values()) / max(1, sum(source.values()))
    total = sum(source.values())
    print(f"| {name} | {total} | {share:.1%} | {shape(article)} | {took * 1000:.0f} ms |")


def main() -> int:
    print("| document | words of its main text | kept | the article has | import |")
    print("| --- | --: | --: | --- | --: |")
    for page in PAGES:
        if not page.exists():
            print(f"| {page} | – | not on this machine | – | – |")
            continue
        report(f"{page.parent.name}/{page.name}", page_main_text(page), page)
    try:
        import pypandoc
    except ImportError:
        print("pypandoc_binary is not installed: no EPUB or Word files built", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        for name, (pages, kind) in BOOKS.items():
            if not pages or not all(p.exists() for p in pages):
                print(f"| {name} | – | not on this machine | – | – |")
                continue
            suffix = ".docx" if kind == "docx" else ".epub"
            stem = re.sub(r"\W+", "-", name)[:40]
            built = Path(folder) / f"{stem}{suffix}"
            pypandoc.convert_file(
                [str(p) for p in pages], kind, outputfile=str(built), extra_args=["--quiet"]
            )
            if kind == "docx":
                reference = pypandoc.convert_file(str(built), "plain", extra_args=["--quiet"])
            else:
                reference = book_text(built)
            report(name, reference, built)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
