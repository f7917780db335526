"""Markdown import: structure recovered, every word kept, output always a valid article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator.content.commands import import_
from narrator.content.dump import article_to_yaml
from narrator.content.importers import import_file, import_text
from narrator.content.importers.markdown import convert
from narrator.content.loader import load_article_text
from narrator.content.model import BulletList, Callout, Figure, ListItem, Paragraph, Table
from narrator.errors import NarratorError

SAMPLE = """\
# Anastrozole Dosing

Estrogen is *vital* for [bone health](https://example.org/bone).

## Fundamentals

![A skeletal plant pod with intricate mesh](pod.png)

- **Bone Mineral Density Loss**: Estrogen maintains bone.
- Joint Pain ∞ Discomfort when levels are low.
- A plain item
  - nested under it

> Understanding your body's signals is the first step.

| Hormonal State | Dosing |
|----------------|--------|
| Optimal | Correct |
| Low | Too high |

### Fundamentals

A second section with the same title.

```
code stays text
```

## Glossary

**TRT**: Testosterone replacement therapy.
**Estradiol**: The most active estrogen.

Gonadorelin
: A peptide that stimulates the pituitary.

- **Aromatase** ∞ The enzyme converting androgens.

### Anastrozole

An aromatase inhibitor.

Terms used above, in order.

## References

1. Howell, A. [Effect of anastrozole](https://doi.org/10.1/x). 2005.
2. Smith, B. Another study.
"""


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text))


def source_words(markdown: str) -> set[str]:
    """The words a reader sees, link and image addresses included: list numbers are not
    text, nor a code fence's language label (it is for the highlighter), nor the name
    of an HTML tag."""
    markdown = re.sub(r"(?m)^([ >]*(?:`{3,}|~{3,}))[^`\n]*", r"\1", markdown)
    markdown = re.sub(r"</?[A-Za-z][^<>]*>", " ", markdown)
    return words(
        re.sub(r"(?m)^(?:[ >]|[-*+](?=\s)|\d{1,9}[.)](?=\s|$))*\d{1,9}[.)](?=\s|$)", "", markdown)
    )


@pytest.fixture(scope="module")
def sample() -> str:
    return article_to_yaml(convert(SAMPLE, "anastrozole-notes"))


def test_the_sample_is_a_valid_article_with_its_structure(sample: str) -> None:
    article = load_article_text(sample, "sample.yaml")
    assert (article.id, article.title) == ("anastrozole-notes", "Anastrozole Dosing")
    outline = [(depth, s.id, s.title, s.shows) for depth, s in article.walk()]
    assert outline == [
        (0, "introduction", "Introduction", None),
        (0, "fundamentals", "Fundamentals", None),
        (1, "fundamentals-2", "Fundamentals", None),
        (0, "glossary", "Glossary", "glossary"),
        (0, "references", "References", "references"),
    ]
    intro, fundamentals, glossary, references = article.sections
    assert intro.blocks == (
        Paragraph("Estrogen is vital for bone health (https://example.org/bone)."),
    )
    assert fundamentals.blocks == (
        Figure("A skeletal plant pod with intricate mesh (pod.png)"),
        BulletList(
            (
                ListItem("Estrogen maintains bone.", "Bone Mineral Density Loss"),
                ListItem("Discomfort when levels are low.", "Joint Pain"),
                ListItem("A plain item"),
                ListItem("nested under it"),
            )
        ),
        Callout("Understanding your body's signals is the first step."),
        Table(("Hormonal State", "Dosing"), (("Optimal", "Correct"), ("Low", "Too high"))),
    )
    assert fundamentals.sections[0].blocks[-1] == Paragraph("code stays text")
    assert [(e.term, e.definition) for e in article.glossary] == [
        ("TRT", "Testosterone replacement therapy."),
        ("Estradiol", "The most active estrogen."),
        ("Gonadorelin", "A peptide that stimulates the pituitary."),
        ("Aromatase", "The enzyme converting androgens."),
        ("Anastrozole", "An aromatase inhibitor.\nTerms used above, in order."),
    ]
    assert glossary.blocks == () and glossary.sections == ()
    assert [r.text for r in article.references] == [
        "Howell, A. Effect of anastrozole (https://doi.org/10.1/x). 2005.",
        "Smith, B. Another study.",
    ]
    assert references.blocks == ()


def test_the_sample_keeps_every_word(sample: str) -> None:
    assert source_words(SAMPLE) <= words(sample)


def test_without_a_single_leading_h1_the_file_name_is_the_title() -> None:
    article = convert("# One\n\ntext\n\n# Two\n\nmore\n", "my_notes-draft")
    assert article.title == "My notes draft"
    assert [s.id for s in article.sections] == ["one", "two"]


def test_a_repeated_glossary_term_stays_as_text() -> None:
    article = convert("## Glossary\n\n- **TRT**: one\n- **trt**: two\n", "g")
    assert [e.term for e in article.glossary] == ["TRT"]
    assert article.sections[0].blocks == (BulletList((ListItem("two", "trt"),)),)


def test_control_characters_become_visible_symbols(tmp_path: Path) -> None:
    source = tmp_path / "escape.md"
    source.write_bytes(b"# Title\r\n\r\nRed \x1b[31m text\x07.\r\n")
    article = import_file(source)
    assert article.sections[0].blocks == (Paragraph("Red \u241b[31m text\u2407."),)


MARKDOWN_PIECES = st.sampled_from(
    [
        *"abcdefXYZ0189 ",
        *("\n", "\n\n", "# ", "## ", "### ", "- ", "1. ", "> ", "**", "*", "_", "`", "```\n"),
        *("| ", " |", "|---|---|\n", "| x | y | z |\n", ": ", "∞", "![", "]", "[", "\\"),
        *("Glossary", "References"),
        *("    ", "---\n", "é", "Ünïcode", "2024", "no", "&", "<b>", "\x1b"),
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_PIECES, min_size=1, max_size=40).map("".join))
def test_any_markdown_gives_a_valid_article_keeping_its_words(markdown: str) -> None:
    try:
        article = convert(import_text(markdown.encode(), "random.md"), "random")
    except NarratorError:
        assert not markdown.strip()
        return
    text = article_to_yaml(article)
    assert load_article_text(text, "random.yaml") == article
    assert all(word in text for word in source_words(markdown))


def run_import(file: Path, output: Path | None) -> int:
    return import_(file, output)


def test_import_writes_to_stdout_or_a_new_file_and_never_replaces_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.md"
    source.write_text(SAMPLE, encoding="utf-8")
    assert run_import(source, None) == 0
    printed = capsys.readouterr().out
    assert load_article_text(printed, "stdout").title == "Anastrozole Dosing"
    out = tmp_path / "notes.yaml"
    assert run_import(source, out) == 0
    assert out.read_text(encoding="utf-8") == printed
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(NarratorError, match="already exists; not replacing it"):
        run_import(source, out)
    assert out.read_text(encoding="utf-8") == "mine"


def test_import_refuses_unknown_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(NarratorError, match=r"must end in \.md, \.markdown, \.txt, \.html"):
        import_file(tmp_path / "page.pdf")
    with pytest.raises(NarratorError, match="cannot read the file"):
        import_file(tmp_path / "missing.md")
    empty = tmp_path / "empty.md"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(NarratorError, match="no text to import"):
        import_file(empty)


def test_links_and_images_keep_their_addresses_where_a_reader_can_use_them() -> None:
    article = convert(
        "# [Notes](https://example.org/notes)\n\n"
        "## Words\n\n"
        'Read [the study](https://example.org/s "Title") or <https://example.org/x>, '
        "mail <me@example.org>, see [below](#words), ![a chart](chart.png) and "
        "![dots](data:image/png;base64,AAAA).\n\n"
        "- **[TRT](https://example.org/trt)**: testosterone therapy.\n",
        "notes",
    )
    assert article.title == "Notes"
    words_section = article.sections[0]
    assert words_section.title == "Words"
    paragraph, terms = words_section.blocks
    assert paragraph == Paragraph(
        "Read the study (https://example.org/s) or https://example.org/x, "
        "mail me@example.org, see below, a chart (chart.png) and dots."
    )
    assert terms == BulletList((ListItem("testosterone therapy.", "TRT"),))
    figure = convert("![](https://example.org/p.png)\n", "x").sections[0].blocks
    assert figure == (Figure("An image without a description (https://example.org/p.png)"),)


def test_a_code_block_is_a_paragraph_per_line_without_its_language_label() -> None:
    markdown = (
        "# Setup\n\nInstall it:\n\n```sh\n$ pyenv install 3.12.1\n\n$ pyenv global 3.12.1\n```\n"
    )
    article = convert(import_text(markdown.encode(), "setup.md"), "setup")
    blocks = article.sections[0].blocks
    assert blocks[-2:] == (
        Paragraph("$ pyenv install 3.12.1"),
        Paragraph("$ pyenv global 3.12.1"),
    )


def test_an_html_comment_is_left_out_whole() -> None:
    markdown = "# API\n\n<!-- YAML\nadded: v0.1.0\nchanges:\n  - version: v2\n-->\n\nText.\n"
    article = convert(import_text(markdown.encode(), "api.md"), "api")
    assert article.sections[0].blocks == (Paragraph("Text."),)


def test_lines_of_html_tags_alone_are_not_paragraphs() -> None:
    markdown = "# T\n\n<details>\n<summary>More</summary>\n\nText.\n\n</details>\n"
    article = convert(import_text(markdown.encode(), "d.md"), "d")
    assert article.sections[0].blocks == (
        Paragraph("<summary>More</summary>"),
        Paragraph("Text."),
    )
