"""Bad and hostile input to the importers: one line naming the file and the place,
nothing written, never a traceback; and a fuzz over the HTML and EPUB paths."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator.cli import main
from narrator.content.commands import converted
from narrator.content.importers import import_file
from narrator.content.importers.html import convert as convert_html
from narrator.errors import NarratorError

FIXTURES = Path(__file__).parent / "fixtures" / "import"
BOOK = FIXTURES / "small-book-epub3.epub"

BAD = [
    ("bomb.epub", r"EPUB/text/ch002\.xhtml: expands to more than 32 MB"),
    ("escape.epub", r"'\.\./\.\./outside\.xhtml': a path in the archive escapes its folder"),
    ("broken-package.epub", r"EPUB/content\.opf:37:11: broken XML: Opening and ending tag"),
    ("broken-chapter.epub", r"EPUB/text/ch002\.xhtml:1:32: broken XML"),
    ("drm.epub", r"protected by DRM \(META-INF/encryption\.xml encrypts EPUB/text/ch001"),
    ("adobe-drm.epub", r"protected by DRM \(META-INF/rights\.xml\)"),
    ("empty-book.epub", r"no text to import: the book is empty"),
    ("page-named.epub", r"this is a web page, not an EPUB book .*rename it to end in \.html"),
    ("pdf-named.docx", r"this is a PDF document, not a Word document"),
    ("encrypted.docx", r"password-protected \(encrypted\) or in the old \.doc format"),
    ("broken.docx", r"word/document\.xml:64:3: broken XML"),
    ("empty.docx", r"no text to import: the document is empty"),
    ("empty.html", r"the page is empty"),
    ("blank-page.html", r"no text to import: the page is empty"),
    ("image-named.html", r"this is an image, not a web page"),
    ("book-named.html", r"this is an EPUB book, not a web page .*\.epub"),
    ("bad-encoding.html", r":2:7: the text is not valid utf-8, as the page declares"),
]


@pytest.mark.parametrize(("name", "message"), BAD)
def test_bad_input_is_one_line_naming_the_file_and_place(name: str, message: str) -> None:
    with pytest.raises(NarratorError, match=message) as caught:
        import_file(FIXTURES / name)
    line = str(caught.value)
    assert "\n" not in line
    assert line.startswith(str(FIXTURES / name))


@pytest.mark.parametrize("name", ["bomb.epub", "drm.epub", "broken.docx", "bad-encoding.html"])
def test_a_failed_import_writes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.yaml"
    assert main(["import", str(FIXTURES / name), "-o", str(out)]) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_several_files_are_all_converted_before_any_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = FIXTURES / "dosing-page.html"
    assert main(["import", str(good), str(FIXTURES / "drm.epub"), "-o", str(tmp_path)]) == 1
    assert list(tmp_path.iterdir()) == []
    assert (
        main(["import", str(good), str(FIXTURES / "small-book-epub2.epub"), "-o", str(tmp_path)])
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dosing-page.yaml",
        "small-book-epub2.yaml",
    ]
    assert main(["import", str(good), str(BOOK)]) == 1
    assert "name a folder to write them in with -o FOLDER" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".html", ".epub", ".docx"])
def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path, suffix: str) -> None:
    big = tmp_path / f"huge{suffix}"
    with big.open("wb") as file:  # sparse: costs no disk and no time
        file.truncate(100 * 2**20)
    with pytest.raises(NarratorError, match=r"the file is 100\.0 MB; .* at most (16|64) MB"):
        import_file(big)


def test_entities_in_a_book_are_never_expanded() -> None:
    article = import_file(FIXTURES / "entities.epub")
    assert article.title == "A Small Book of Doses"


def test_the_real_command_says_it_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "narrator", "import", str(FIXTURES / "escape.epub")],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "escapes its folder" in result.stderr


# -- fuzz ---------------------------------------------------------------------------

TAGS = [
    "p", "div", "section", "h1", "h2", "h3", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "thead", "tr", "th", "td", "caption", "blockquote", "aside", "figure", "figcaption", "img",
    "pre", "br", "sup", "a", "b", "main", "nav", "script", "span", "hr",
]  # fmt: skip
ATTRIBUTES = [
    "", ' colspan="3"', ' rowspan="0"', ' rowspan="2000"', ' start="-4"', ' type="i"',
    ' alt=""', ' alt="a picture"', ' href="#n1"', ' id="n1"', ' role="doc-noteref"',
    ' role="doc-endnotes"', ' class="footnotes"', ' lang="fr"', ' reversed', ' value="x"',
    ' epub:type="footnote"', ' hidden', ' role="presentation"', ' class="glossary"',
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attributes = draw(st.sampled_from(ATTRIBUTES))
            inner = draw(markup(depth + 1))
            closed = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            parts.append(f"<{tag}{attributes}>{inner}{closed}")
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


def _importable_or_refused(read: object) -> None:
    """Either an article that loads back (passes check) or a one-line NarratorError."""
    try:
        text = read()  # type: ignore[operator]
    except NarratorError as error:
        assert "\n" not in str(error)
        return
    assert text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup())
def test_fuzz_any_html_gives_a_valid_article_or_one_line(body: str) -> None:
    page = f"<html><body>{body}</body></html>".encode()

    def read() -> str:
        from narrator.content.dump import article_to_yaml
        from narrator.content.loader import load_article_text

        text = article_to_yaml(convert_html(page, "fuzz", "fuzz.html"))
        load_article_text(text, "fuzz.yaml")
        return text

    _importable_or_refused(read)


def _book_with(chapter: bytes, opf_change: tuple[bytes, bytes]) -> bytes:
    with zipfile.ZipFile(BOOK) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["EPUB/text/ch002.xhtml"] = chapter
    files["EPUB/content.opf"] = files["EPUB/content.opf"].replace(*opf_change)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    return buffer.getvalue()


OPF_CHANGES = [
    (b"", b""),
    (b'idref="ch002_xhtml"', b'idref="missing"'),
    (b'href="text/ch002.xhtml"', b'href="../../ch002.xhtml"'),
    (b"<dc:title", b"<dc:language>??</dc:language><dc:title"),
    (b'media-type="application/xhtml+xml"', b'media-type="image/png"'),
    (b"</spine>", b""),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=markup(), change=st.sampled_from(OPF_CHANGES), as_xhtml=st.booleans())
def test_fuzz_any_epub_chapter_gives_a_valid_article_or_one_line(
    body: str, change: tuple[bytes, bytes], as_xhtml: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    head = b'<html xmlns="http://www.w3.org/1999/xhtml"><body>' if as_xhtml else b"<body>"
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.epub"
    path.write_bytes(_book_with(head + body.encode() + b"</body></html>", change))
    _importable_or_refused(lambda: converted(path, "fuzz.yaml"))
