"""The reading cursor: every move lands where a screen-reader user expects, or says why not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading_fixtures import ARTICLE, GLOSSARY, UTTERANCES

from narrator.errors import NarratorError
from narrator.reading.announce import Announcer
from narrator.reading.commands import Action
from narrator.reading.cursor import END, START, Cursor, Move
from narrator.speech.utterance import Place, Role


@pytest.fixture
def cursor() -> Cursor:
    return Cursor(ARTICLE, UTTERANCES)


def texts(move) -> list[str]:
    return [u.text for u in move.speech]


def test_sentences_step_one_utterance_and_stop_at_the_ends(cursor: Cursor) -> None:
    move = cursor.next_sentence()
    assert (move.index, move.announcement, texts(move)) == (1, "", ["Estrogen levels matter."])
    assert cursor.previous_sentence().index == 0
    move = cursor.previous_sentence()
    assert (move.moved, move.index, move.announcement) == (False, 0, START)
    assert texts(move) == [START]
    assert move.speech[0].role is Role.ANNOUNCEMENT and move.speech[0].place is None
    cursor.go_to(len(UTTERANCES) - 1)
    move = cursor.next_sentence()
    assert (move.moved, cursor.index, move.announcement) == (False, len(UTTERANCES) - 1, END)


def script_texts(move: Move) -> list[str]:
    """What a move reads of the article, without the reader's own words."""
    return [u.text for u in move.speech if u.place is not None]


def test_paragraphs_move_by_block_and_read_all_of_it_straight_away(cursor: Cursor) -> None:
    move = cursor.next_paragraph()
    assert (move.index, move.end, move.announcement) == (1, 3, "")
    assert texts(move) == ["Estrogen levels matter.", "They change with age."]
    cursor.next_sentence()
    assert cursor.next_paragraph().index == 3
    move = cursor.next_paragraph()
    assert (move.index, move.announcement) == (5, "Section 2 of 4, Intermediate")
    assert [u.spoken for u in move.speech] == ["Section 2 of 4: Intermediate."]
    cursor.go_to(13)
    move = cursor.next_paragraph()
    # leaving a list says so; moving within one says the item's position
    assert (move.index, texts(move)) == (
        14,
        ["Out of list", "When estrogen levels fall, bones suffer."],
    )
    assert texts(cursor.previous_paragraph()) == ["Item 2 of 2", "Check bone."]
    move = cursor.previous_paragraph()
    assert (move.index, move.end) == (11, 13)
    assert texts(move) == ["List, 2 items.", "Check estrogen levels."]
    assert cursor.previous_paragraph().index == 10
    cursor.go_to(4)
    assert cursor.previous_paragraph().index == 1


def test_down_and_up_read_every_utterance_once_in_order(cursor: Cursor) -> None:
    heard = [cursor.current.text]
    while (move := cursor.next_paragraph()).moved:
        heard.extend(script_texts(move))
    assert heard == [u.text for u in UTTERANCES]
    backwards: list[list[str]] = []
    while (move := cursor.previous_paragraph()).moved:
        backwards.insert(0, script_texts(move))
    assert [text for block in backwards for text in block] == [u.text for u in UTTERANCES[:-1]]


def test_sections_any_level_and_by_level(cursor: Cursor) -> None:
    starts = []
    while (move := cursor.next_section()).moved:
        starts.append((move.index, move.announcement))
    assert starts == [
        (5, "Section 2 of 4, Intermediate"),
        (7, "Intermediate, section 1 of 2, Titration"),
        (10, "Intermediate, section 2 of 2, Monitoring"),
        (15, "Section 3 of 4, Academic"),
        (17, "Section 4 of 4, Glossary"),
    ]
    assert move.announcement == END
    cursor.go_to(14)
    assert cursor.previous_section().index == 10
    assert cursor.previous_section().index == 7
    cursor.go_to(0)
    assert cursor.next_section_at(1).index == 5
    assert cursor.next_section_at(1).index == 15
    cursor.go_to(0)
    assert cursor.next_section_at(2).index == 7
    assert cursor.previous_section_at(1).index == 5
    move = cursor.next_section_at(3)
    assert (move.moved, move.announcement) == (False, "No next section at level 3")


def test_go_to_section_and_an_unknown_one_is_a_one_line_error(cursor: Cursor) -> None:
    assert cursor.go_to_section("academic").index == 15
    with pytest.raises(NarratorError, match=r"no section `nope` in .*; its sections are: fund"):
        cursor.go_to_section("nope")


def test_terms_step_through_each_use_with_where_it_is(cursor: Cursor) -> None:
    found = []
    while (move := cursor.next_term()).moved:
        assert move.term is not None
        found.append((move.index, move.utterance.text[move.term.start : move.term.end]))
        assert move.announcement == f"Term: {move.term.entry.term}"
    assert found == [
        (1, "Estrogen levels"),
        (3, "aromatase inhibitor"),
        (4, "TRT"),
        (12, "estrogen levels"),
        (14, "When estrogen levels"),
        (16, "Testosterone replacement therapy"),
    ]
    assert move.announcement == "No next term"


def test_previous_term_walks_back_and_stops(cursor: Cursor) -> None:
    cursor.go_to(13)
    assert cursor.previous_term().index == 12
    assert cursor.previous_term().index == 4
    cursor.go_to(1)
    assert cursor.previous_term().announcement == "No previous term"


def test_several_terms_in_one_sentence_are_separate_stops() -> None:
    utterances = list(UTTERANCES)
    utterances[6] = utterances[6].__class__(
        "TRT and estrogen levels.", "x", utterances[6].place, Role.PARAGRAPH
    )
    cursor = Cursor(ARTICLE, utterances, index=5)
    first, second = cursor.next_term(), cursor.next_term()
    assert (first.index, first.term.start, second.index, second.term.start) == (6, 0, 6, 8)
    assert cursor.previous_term().term.start == 0


def test_term_at_cursor_prefers_this_sentence_then_the_nearest(cursor: Cursor) -> None:
    assert cursor.term_at_cursor() == GLOSSARY[0]
    cursor.go_to(2)
    assert cursor.term_at_cursor() == GLOSSARY[0]
    cursor.go_to(4)
    assert cursor.term_at_cursor() == GLOSSARY[1]
    cursor.go_to(21)
    assert cursor.term_at_cursor() == GLOSSARY[2]
    no_glossary = ARTICLE.__class__("x", "X", ARTICLE.sections)
    assert Cursor(no_glossary, UTTERANCES).term_at_cursor() is None


def test_choosing_a_term_then_n_and_shift_n_visit_its_uses(cursor: Cursor) -> None:
    entry = GLOSSARY[0]
    assert [u.index for u in cursor.uses_of(entry)] == [1, 12]
    move = cursor.choose_term(entry)
    assert (move.index, move.announcement) == (1, "estrogen levels, use 1 of 2")
    move = cursor.next_found()
    assert (move.index, move.announcement) == (12, "estrogen levels, use 2 of 2")
    assert cursor.next_found().announcement == "No next use of estrogen levels"
    assert cursor.previous_found().index == 1
    unused = GLOSSARY[0].__class__("bone", "Bone.")
    move = cursor.choose_term(unused)
    assert (move.moved, move.announcement) == (False, "bone is not used in the text")


def test_definitions_are_spoken_and_a_teaser_says_so(cursor: Cursor) -> None:
    said = cursor.definition_utterances(GLOSSARY[0])
    assert [u.text for u in said] == [
        "estrogen levels: Estrogen levels denote the measured concentrations."
    ]
    assert all(u.role is Role.ANNOUNCEMENT and u.place is None for u in said)
    teaser = [u.text for u in cursor.definition_utterances(GLOSSARY[3])]
    assert teaser == ["when estrogen levels, related article: Transdermal estrogen can help."]


def test_search_finds_every_match_and_n_steps_through_them(cursor: Cursor) -> None:
    matches = cursor.search("ESTROGEN  levels")
    assert [m.index for m in matches] == [1, 12, 14, 19, 19, 22]
    move = cursor.next_found()
    assert (move.index, move.announcement, move.match.start) == (1, "Match 1 of 6", 0)
    assert cursor.next_found().index == 12
    cursor.next_found()
    cursor.next_found()
    move = cursor.next_found()
    assert (move.index, move.match.start, move.announcement) == (19, 17, "Match 5 of 6")
    assert cursor.previous_found().match.start == 0
    cursor.go_to(0)
    cursor.search("Academic")
    move = cursor.next_match()
    assert [u.text for u in move.speech] == ["Match 1 of 1", "Academic"]
    assert cursor.search("nothing like this") == ()
    assert cursor.next_match().announcement == "No matches for nothing like this"
    assert cursor.search("") == ()


def test_go_to_place_lands_on_the_place_or_the_nearest_before_it(cursor: Cursor) -> None:
    assert cursor.go_to_place(Place("fundamentals", 1, 0, 1)).index == 4
    assert cursor.go_to_place(Place("fundamentals", 1, 0, 9)).index == 4
    assert cursor.go_to_place(Place("monitoring", 0, 5, 0)).index == 13
    assert cursor.go_to_place(Place("monitoring", -5)).index == 10
    assert cursor.go_to_place(Place("gone", 3)).index == 0


def test_where_names_the_path_the_paragraph_and_how_far(cursor: Cursor) -> None:
    cursor.go_to(13)
    where = cursor.where()
    assert where.path == ("Intermediate", "Monitoring")
    assert (where.paragraph, where.paragraphs, where.item, where.items) == (1, 2, 2, 2)
    assert 0 < where.percent < 100
    path = "Intermediate \u203a Monitoring"
    assert where.spoken == f"{path}, paragraph 1 of 2, item 2 of 2, {where.percent} percent"
    cursor.go_to(20)
    assert cursor.where().spoken.startswith("Glossary, entry 2 of 4, ")
    cursor.go_to(18)
    assert cursor.where().spoken.startswith("Glossary, 4 entries, ")
    cursor.go_to(11)
    assert cursor.where().spoken.startswith(f"{path}, paragraph 1 of 2, 2 items, ")
    cursor.go_to(0)
    assert cursor.where().spoken == "Fundamentals, section 1 of 4, 0 percent"
    said = cursor.where(with_title=True, state="paused").spoken
    assert said == "Dosing, Fundamentals, section 1 of 4, 0 percent, paused"
    cursor.go_to(7)
    assert cursor.where().spoken.startswith("Intermediate \u203a Titration, section 1 of 2, ")
    cursor.go_to(len(UTTERANCES) - 1)
    assert cursor.where().percent == 100


def test_opening_says_the_title_then_the_heading_or_where_it_resumes(cursor: Cursor) -> None:
    move = cursor.opening(resumed=False)
    assert [u.spoken for u in move.speech] == ["Dosing.", "Section 1 of 4: Fundamentals."]
    assert (move.index, move.end) == (0, 1)
    cursor.go_to(9)
    move = cursor.opening(resumed=True)
    assert texts(move) == [
        "Resuming Titration.",
        "Test often.",
    ]
    assert (move.index, move.end) == (9, 10)


def test_an_empty_script_is_a_one_line_error() -> None:
    with pytest.raises(NarratorError, match="nothing to read"):
        Cursor(ARTICLE, [])


def test_step_runs_moves_by_action(cursor: Cursor) -> None:
    assert cursor.step(Action.NEXT_SECTION_2).index == 7
    assert cursor.step(Action.PREVIOUS_SECTION).index == 5
    assert cursor.step(Action.NEXT_SENTENCE).index == 6


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["next", "previous"]), max_size=40), st.integers(0, 22))
def test_moves_always_stay_inside_the_script(directions: list[str], start: int) -> None:
    cursor = Cursor(ARTICLE, UTTERANCES, index=start)
    for direction in directions:
        for kind in ("sentence", "paragraph", "section", "term", "found"):
            move = cursor.step(Action(f"{direction}-{kind}"))
            assert 0 <= move.index < len(UTTERANCES)
            assert move.index == cursor.index
            assert move.speech
            assert move.index <= move.end <= len(UTTERANCES)
            landing = move.end - move.index
            assert move.speech[len(move.speech) - landing :] == UTTERANCES[move.index : move.end]


def test_announcements_say_words_as_the_article_does() -> None:
    article = ARTICLE.__class__("x", "X", ARTICLE.sections, pronunciations={"TRT": "tee ar tee"})
    said = Announcer.for_article(article).say("TRT, on")
    assert (said.text, said.spoken, said.place, said.role) == (
        "TRT, on",
        "tee ar tee, on",
        None,
        Role.ANNOUNCEMENT,
    )


SECTION_IDS = ["fundamentals", "intermediate", "titration", "monitoring", "academic", "glossary"]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from([*SECTION_IDS, "gone"]),
    st.integers(-3, 5),
    st.integers(-3, 5),
    st.integers(-3, 5),
)
def test_any_stored_place_lands_in_its_section_or_at_the_start(
    section: str, block: int, item: int, sentence: int
) -> None:
    cursor = Cursor(ARTICLE, UTTERANCES, index=7)
    move = cursor.go_to_place(Place(section, block, item, sentence))
    if section == "gone":
        assert move.index == 0
    else:
        assert move.utterance.place.section == section
