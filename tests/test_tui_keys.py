"""Every reader key, pressed in the real app: what the screen shows and what the voice says."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_session import REFERENCE, SIZE, open_reader

from narrator.reading.commands import help_lines, spoken_help
from narrator.reading.store import Store
from narrator.tui.app import SpeechOutput
from narrator.tui.launch import build_app
from narrator.tui.screens.choose import ChooseScreen
from narrator.tui.screens.definition import DefinitionScreen
from narrator.tui.screens.help import ELSEWHERE, HelpScreen
from narrator.tui.screens.reader import READER_COMMANDS, ReaderScreen
from narrator.tui.screens.search import SearchScreen


async def test_opening_says_the_title_then_the_heading_and_space_reads_on_after_it(
    tmp_path: Path,
) -> None:
    async with open_reader(tmp_path) as session:
        assert "Fundamentals" in session.pane_text
        assert "Fundamentals · heading · 0%" in session.status
        said = [e["text"] for e in session.events() if e["event"] == "started"]
        title = session.reader.cursor.article.title
        assert said[0] == f"{title}."
        await session.heard(lambda event: event["spoken"] == "Section 1 of 6: Fundamentals.")
        await session.until(lambda: "silent" in session.status, timeout=15)
        await session.press("space")
        first = await session.heard(lambda event: True)
        assert first["text"].startswith("Have you ever felt a subtle shift")


async def test_h_and_capital_h_move_by_section(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        assert "Intermediate" in session.status
        assert "Navigating the complexities" in session.pane_text
        await session.press("h")
        await session.heard("How Does Anastrozole Influence Hormonal Balance?")
        await session.press("H")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        assert session.reader.cursor.section().id == "intermediate"


async def test_number_keys_move_to_the_next_section_at_that_level(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("2")
        await session.heard("How Does Anastrozole Influence Hormonal Balance?")
        assert session.reader.cursor.section().depth == 1
        await session.press("1")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "academic")
        assert "Academic" in session.status
        for level in "3456":
            await session.press(level)
            await session.heard(f"No next section at level {level}")


async def test_down_reads_the_whole_paragraph_straight_away_following_it(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down")
        first = await session.heard(lambda event: True)
        assert first["text"].startswith("Have you ever felt a subtle shift")
        await session.heard("Perhaps it is a persistent fatigue", timeout=20)
        await session.until(lambda: session.reader.cursor.current.text.startswith("Perhaps"))
        assert not session.reader.reading_all


async def test_arrows_move_by_paragraph_and_sentence(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down")
        await session.heard("Have you ever felt a subtle shift")
        assert "paragraph 1 of" in session.status
        await session.press("down")
        await session.heard("For many, these experiences")
        assert "paragraph 2 of" in session.status
        await session.press("right")
        await session.heard("Understanding these signals")
        await session.press("left")
        await session.heard("For many, these experiences")
        await session.press("up")
        await session.heard("Have you ever felt a subtle shift")
        assert "paragraph 1 of" in session.status
        assert session.reader.cursor.current.text.startswith("Have you ever felt")


async def test_t_and_capital_t_move_by_glossary_term(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("t")
        first = await session.heard(lambda e: e["text"].startswith("Term: "))
        term = session.reader.cursor.term
        assert term is not None
        shown = session.reader.cursor.current.text[term.start : term.end]
        assert first["text"] == f"Term: {term.entry.term}"
        assert shown in session.pane_text.replace("\n  ", " ")
        await session.press("t")
        await session.heard(lambda e: e["text"].startswith("Term: "))
        second = session.reader.cursor.term
        await session.press("T")
        await session.heard(lambda e: e["text"].startswith("Term: "))
        assert session.reader.cursor.term == term != second


async def test_d_shows_and_speaks_the_definition(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("t")
        await session.heard(lambda e: e["text"].startswith("Term: "))
        entry = session.reader.cursor.term_at_cursor()
        assert entry is not None
        await session.press("d")
        assert isinstance(session.app.screen, DefinitionScreen)
        assert session.app.screen.definition == entry.definition
        await session.heard(lambda e: e["text"].startswith(entry.term))
        await session.press("escape")
        assert not isinstance(session.app.screen, DefinitionScreen)
        await session.until(lambda: "silent" in session.status, timeout=1)


async def test_g_chooses_a_term_and_n_steps_through_its_uses(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("g")
        assert isinstance(session.app.screen, ChooseScreen)
        await session.heard(lambda e: e["text"].startswith("Glossary, 17 entries."))
        await session.press("down")
        await session.heard(", 2 of ")
        await session.press("e")
        await session.heard(lambda e: e["text"].startswith("estrogen"))
        assert session.app.screen.choices[session.app.screen.query_one(OptionList).highlighted]
        await session.press("enter")
        landed = await session.heard(lambda e: ", use 1 of " in e["text"])
        assert session.reader.cursor.chosen is not None
        term = session.reader.cursor.chosen.term
        assert landed["text"].startswith(term)
        await session.press("n")
        await session.heard(
            lambda e: f"{term}, use 2 of" in e["text"] or "No next use" in e["text"]
        )
        await session.press("N")
        await session.heard(f"{term}, use 1 of")


async def test_w_says_where_and_r_repeats(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down", "right")
        await session.heard("Perhaps it is a persistent fatigue")
        await session.press("w")
        said = await session.heard(lambda e: "percent" in e["text"])
        assert said["text"].startswith("Fundamentals, paragraph 1 of")
        assert said["text"].endswith(" percent")
        await session.press("w")
        again = await session.heard(lambda e: "percent" in e["text"])
        title = session.reader.cursor.article.title
        # twice: the title too, then how long the section and the article take to hear
        assert again["text"] == f"{title}, {said['text']}."
        left = await session.heard(lambda e: "left in the section" in e["text"])
        assert left["text"].endswith("in the article")
        await session.press("r")
        await session.heard("Perhaps it is a persistent fatigue")


async def test_plus_and_minus_change_the_rate(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("plus")
        await session.heard("Rate 200")
        assert "200 wpm" in session.status
        await session.press("minus", "minus")
        await session.heard("Rate 160")
        assert "160 wpm" in session.status
        await session.press("q")
    async with open_reader(tmp_path) as session:
        assert "160 wpm" in session.status


async def test_v_cycles_voices(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("v")
        first = await session.heard("Voice: ")
        await session.press("v")
        second = await session.heard("Voice: ")
        assert first["text"] != second["text"]
        assert session.app.voice.voice is not None


async def test_b_adds_a_bookmark_and_capital_b_lists_them(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down", "down")
        await session.heard("For many, these experiences")
        await session.press("b")
        await session.heard("Bookmark added: Fundamentals: For many")
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        await session.press("B")
        assert isinstance(session.app.screen, ChooseScreen)
        await session.heard("Fundamentals: For many")
        await session.press("enter")
        await session.heard("For many, these experiences")
        assert session.reader.cursor.section().id == "fundamentals"


async def test_slash_searches_and_n_moves_between_matches(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("slash")
        assert isinstance(session.app.screen, SearchScreen)
        await session.heard("Search")
        await session.press(*"gynecomastia", "enter")
        await session.heard(lambda e: e["text"].startswith("Match 1 of"))
        assert "gynecomastia" in session.reader.cursor.current.text.lower()
        await session.press("n")
        await session.heard(lambda e: e["text"].startswith("Match 2 of"))
        await session.press("N")
        await session.heard(lambda e: e["text"].startswith("Match 1 of"))


async def test_the_search_box_echoes_typing_and_says_the_query_it_opens_with(
    tmp_path: Path,
) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("slash")
        await session.heard("Type the words to find")
        await session.press("b")
        await session.heard(lambda e: e["text"] == "b")
        await session.press("space")
        await session.heard(lambda e: e["text"] == "space")
        await session.press("backspace")
        await session.heard(lambda e: e["text"] == "space deleted")
        await session.press("o", "n", "e", "enter")
        await session.heard(lambda e: e["text"].startswith("Match 1 of"))
        await session.press("slash")
        await session.heard(lambda e: e["text"] == "Search, bone.")
        await session.press("escape")
        await session.heard("Search cancelled")


async def test_question_mark_shows_and_speaks_every_key(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("question_mark")
        screen = session.app.screen
        assert isinstance(screen, HelpScreen)
        assert screen.choices == (*help_lines(READER_COMMANDS), *ELSEWHERE)
        count = len(screen.choices)
        await session.heard(f"Help, {count} keys.")
        await session.heard(f"space: say all from here; pause; resume, 1 of {count}")
        await session.press("down")
        await session.heard(f"escape: stop speaking, 2 of {count}")
        await session.press("t")
        await session.heard("t: next glossary term in the text, ")
        await session.press("escape")
        assert not isinstance(session.app.screen, HelpScreen)
        await session.until(lambda: "silent" in session.status)


def test_spoken_help_says_the_level_keys_in_one_line() -> None:
    said = spoken_help(READER_COMMANDS)
    assert " 1 to 6: next section at that level. " in said
    assert "level 1" not in said and "level 6" not in said


async def test_space_says_all_pauses_and_resumes_and_escape_stops(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("space")
        await session.heard("Have you ever felt a subtle shift")
        assert "reading" in session.status
        await session.press("space")
        assert "paused" in session.status
        await session.press("space")
        await session.heard("Perhaps it is a persistent fatigue")
        await session.until(lambda: session.reader.cursor.current.text.startswith("Perhaps"))
        await session.press("escape")
        await session.settle()
        assert "silent" in session.status
        assert any(e["event"] == "interrupted" for e in session.events()[session.seen :])


async def test_a_move_during_say_all_goes_on_reading_from_there(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("space")
        await session.heard("Have you ever felt a subtle shift")
        await session.press("h")
        await session.heard("Navigating the complexities")
        assert session.reader.reading_all


async def test_q_saves_the_place_and_reopening_resumes_there(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("h", "down", "right")
        await session.heard("Anastrozole, as a potent aromatase inhibitor")
        await session.press("q")
    async with open_reader(tmp_path) as session:
        assert session.reader.cursor.current.text.startswith("Anastrozole, as a potent")
        await session.heard(lambda e: e["text"] == "Resuming Intermediate.")
        await session.heard("Anastrozole, as a potent")


async def test_with_no_speech_engine_say_all_moves_on_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARRATOR_ESPEAK", str(tmp_path / "nonexistent" / "libespeak.so"))
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"voice": {"rate": 500}}')
    store = Store(tmp_path / "config", tmp_path / "state")
    app = build_app(REFERENCE, None, SpeechOutput(None, tmp_path / "log.jsonl", True), store)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("space")
        waited = 0.0
        while reader.cursor.index < 2:
            assert waited < 20, "reading as text never moved on"
            await pilot.pause(0.1)
            waited += 0.1
        assert reader.reading_all
        await pilot.press("space")
        paused_at = reader.cursor.index
        await pilot.pause(3.0)
        assert reader.cursor.index == paused_at and "paused" in reader.status.text
        await pilot.press("space", "escape")
        await pilot.pause(0.2)
        stopped_at = reader.cursor.index
        await pilot.pause(3.0)
        assert not reader.reading_all and reader.cursor.index == stopped_at
