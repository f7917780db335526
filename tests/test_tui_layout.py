"""The reading pane's own word wrap: where each sentence lands, and what is marked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from narrator.content.model import GlossaryEntry
from narrator.content.terms import TermFinder
from narrator.controls import visible
from narrator.speech.spoken import spoken_text
from narrator.speech.utterance import Place, Role, Utterance
from narrator.tui.literal import literal
from narrator.tui.pane_layout import (
    GUTTER,
    MARKER,
    SENTENCE_STYLE,
    TERM_STYLE,
    WORD_STYLE,
    Highlight,
    _wrap,
    heard_word,
    layout,
)


def sentence(text: str, block: int = 0, number: int = 0, role: Role = Role.PARAGRAPH) -> Utterance:
    return Utterance(text, text, Place("s", block, 0, number), role)


def test_control_characters_become_visible_one_for_one() -> None:
    text = "a\x1b[31mb\x07c\x7fd\te"
    shown = visible(text)
    assert len(shown) == len(text)
    assert shown == "a\u241b[31mb\u2407c\u2421d e"
    assert literal("[bold]x[/bold]").plain == "[bold]x[/bold]"


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_visible_text_has_no_control_characters(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)


@given(
    st.text(alphabet="ab cd  ef", min_size=0, max_size=120),
    st.integers(min_value=1, max_value=30),
)
def test_wrap_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = _wrap(text, width, 0)
    kept = "".join(text[start:end] for start, end in lines).replace(" ", "")
    assert kept == text.replace(" ", "")
    assert all(end - start <= width for start, end in lines)


def test_sentences_land_where_the_layout_says() -> None:
    utterances = [
        (0, Utterance("Heading", "Heading", Place("s"), Role.HEADING)),
        (1, sentence("The first sentence is long enough to wrap onto the next line.")),
        (2, sentence("A second one.", number=1)),
        (3, sentence("Next paragraph.", block=1)),
    ]
    result = layout(utterances, 30)
    heard = Highlight(2)
    for index, utterance in utterances:
        column, line = result.starts[index]
        assert result.line(line, heard).plain[column:].startswith(utterance.text.split()[0])
    assert result.line(1, heard).plain == ""
    column, line = result.starts[2]
    assert result.line(line, heard).plain.startswith(MARKER)
    assert not result.line(result.starts[3][1], heard).plain.startswith(MARKER)
    assert not any(line.plain.startswith(MARKER) for line in result.lines)
    assert all(len(result.line(n, heard).plain) <= 30 for n in range(len(result)))


def test_the_heard_sentence_and_word_are_marked_on_every_line_they_cross() -> None:
    utterances = [
        (0, sentence("The first sentence is long enough to wrap onto the next line.")),
        (1, sentence("A second one.", number=1)),
    ]
    result = layout(utterances, 30)
    text = utterances[0][1].text
    word = text.index("wrap"), text.index("wrap") + len("wrap")
    heard = Highlight(0, word)
    _, first = result.starts[0]
    _, last = result.ends[0]
    assert last > first
    for number in range(first, last + 1):
        line = result.line(number, heard)
        assert line.plain.startswith(MARKER)
        assert any(span.style == SENTENCE_STYLE for span in line.spans)
    marked = [
        line.plain[span.start : span.end]
        for number in range(first, last + 1)
        for line in [result.line(number, heard)]
        for span in line.spans
        if span.style == WORD_STYLE
    ]
    assert marked == ["wrap"]


def test_glossary_terms_are_bold_and_underlined_not_just_coloured() -> None:
    terms = TermFinder([GlossaryEntry("estrogen", "A hormone.")])
    result = layout([(0, sentence("Some Estrogen here."))], 40, terms)
    line = result.lines[0]
    marked = [line.plain[span.start : span.end] for span in line.spans if span.style == TERM_STYLE]
    assert marked == ["Estrogen"]


def test_list_items_are_bulleted_and_indented_when_wrapped() -> None:
    items = [
        (0, Utterance("One item that wraps around", "", Place("s", 0, 0), Role.LIST_ITEM)),
        (1, Utterance("Two", "", Place("s", 0, 1), Role.LIST_ITEM)),
    ]
    result = layout(items, GUTTER + 14)
    assert [line.plain.rstrip() for line in result.lines] == [
        "  • One item",
        "    that wraps",
        "    around",
        "  • Two",
    ]


def test_the_heard_word_is_found_in_the_written_text() -> None:
    same = sentence("Read this now.")
    assert heard_word(same, 5, 4) == (5, 9)
    respelled = Utterance(
        "Take 40-50 mg daily.", "Take 40 to 50 milligrams daily.", None, Role.PARAGRAPH
    )
    assert heard_word(respelled, respelled.spoken.index("daily"), 5) == (14, 19)
    assert heard_word(respelled, respelled.spoken.index("milligrams"), 10) is None
    # With the spans it was said from, a word of a measure marks the written measure.
    said = spoken_text("Take 40-50 mg daily.")
    traced = Utterance("Take 40-50 mg daily.", said.text, None, Role.PARAGRAPH)
    assert heard_word(traced, said.text.index("milligrams"), 10, said) == (5, 13)
    assert heard_word(traced, said.text.index("daily"), 5, said) == (14, 19)
