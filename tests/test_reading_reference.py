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
