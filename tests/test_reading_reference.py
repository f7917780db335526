"""The cursor on the reference article: every place round-trips, every key lands sensibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.content.loader import load_article
from narrator.reading.announce import Announcer
from narrator.reading.cursor import Cursor
from narrator.speech.script import build_script
from narrator.speech.settings import FigureVerbosity, Verbosity
from narrator.speech.utterance import Role

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


@pytest.fixture(scope="module")
def article():
    return load_article(REFERENCE)


@pytest.fixture
def cursor(article) -> Cursor:
    return Cursor(
        article, build_script(article).utterances, announcer=Announcer.for_article(article)
    )


def test_every_place_leads_back_to_its_utterance(cursor: Cursor) -> None:
    for index, utterance in enumerate(cursor.utterances):
        assert utterance.place is not None
        assert cursor.go_to_place(utterance.place).index == index


def test_a_bookmark_made_with_figures_on_lands_nearby_with_figures_off(article) -> None:
    full = build_script(article).utterances
    brief = build_script(article, verbosity=Verbosity(figures=FigureVerbosity.OFF)).utterances
    cursor = Cursor(article, brief)
    for utterance in full:
        landed = cursor.go_to_place(utterance.place).utterance
        assert landed.place.section == utterance.place.section
        if utterance.role is not Role.FIGURE:
            assert landed == utterance


def test_h_visits_every_section_in_order_and_announces_it(cursor: Cursor) -> None:
    landed = []
    while (move := cursor.next_section()).moved:
        landed.append(move.announcement)
    assert len(landed) == len(cursor.structure.sections) - 1
    assert landed[0] == "Section 2 of 6, Intermediate"
    assert landed[-1] == "Section 6 of 6, Glossary"
    assert cursor.go_to_section("academic").speech[0].role is Role.HEADING


def test_terms_in_the_text_spell_their_entries_and_teasers_say_so(cursor: Cursor) -> None:
    assert len(cursor.uses) > 20
    for use in cursor.uses:
        written = cursor.utterances[use.index].text[use.occurrence.start : use.occurrence.end]
        assert cursor.terms.entry(written) == use.occurrence.entry
    for entry in cursor.article.glossary:
        said = cursor.definition_utterances(entry)
        assert said and said[0].text.startswith(entry.term)
        assert ("related article" in said[0].text) == entry.teaser


def test_where_goes_from_0_to_100_percent_and_never_back(cursor: Cursor) -> None:
    percents = [cursor.progress.percent(index) for index in range(len(cursor.utterances))]
    assert percents[0] == 0 and percents[-1] == 100
    assert percents == sorted(percents)


def test_down_through_the_underdosing_section_reads_every_list_item(cursor: Cursor) -> None:
    section = "what-are-the-risks-of-underdosing-anastrozole"
    cursor.go_to_section(section)
    heard: list[str] = []
    positions: list[str] = []
    while (move := cursor.next_paragraph()).moved and move.utterance.place.section == section:
        heard.extend(u.text for u in move.speech if u.place is not None)
        positions.extend(u.text for u in move.speech if u.place is None)
    # moving in the list says each item's place, and leaving it says so
    assert positions == ["Item 2 of 4", "Item 3 of 4", "Item 4 of 4", "Out of list"]
    expected = [
        u.text
        for u in cursor.utterances
        if u.place.section == section and u.role is not Role.HEADING
    ]
    assert heard == expected
    opening = heard.index("List, 4 items.")
    assert heard[opening + 1].startswith("Gynecomastia: ")
    for term in ("Gynecomastia", "Water Retention", "Mood Swings", "Reduced Libido"):
        assert sum(text.startswith(term) for text in heard) == 1


def test_a_table_s_opening_and_first_row_are_one_stop_and_rows_are_called_rows(
    cursor: Cursor,
) -> None:
    while (move := cursor.next_paragraph()).utterance.role is not Role.TABLE_CAPTION:
        assert move.moved
    assert [u.role for u in move.speech] == [Role.TABLE_CAPTION, Role.TABLE_ROW]
    assert "Optimal Estrogen" in move.speech[1].text
    assert ", 3 rows, " in cursor.where().spoken
    cursor.go_to(move.end - 1)
    assert ", row 1 of 3, " in cursor.where().spoken
    assert cursor.next_paragraph().utterance.role is Role.TABLE_ROW
    assert ", row 2 of 3, " in cursor.where().spoken
