"""The shared command table: every key once, every move a cursor move, help in words."""

from __future__ import annotations

from reading_fixtures import ARTICLE, UTTERANCES

from narrator.reading.commands import BY_KEY, COMMANDS, TABLE_KEYS, Action, help_lines
from narrator.reading.cursor import MOVES, Cursor


def test_each_key_does_one_thing() -> None:
    assert len(BY_KEY) == len(COMMANDS)
    assert len({command.action for command in COMMANDS}) == len(COMMANDS)
    # table mode gives a few keys other meanings; every action has a key somewhere
    assert {command.action for command in (*COMMANDS, *TABLE_KEYS)} == set(Action)
    assert {command.key for command in TABLE_KEYS} <= set(BY_KEY)


def test_every_move_is_a_cursor_move() -> None:
    cursor = Cursor(ARTICLE, UTTERANCES)
    for action in MOVES:
        assert cursor.step(action).speech
    assert Action.NEXT_SECTION_3.level == 3 and Action.NEXT_SECTION.level is None


def test_help_speaks_keys_in_words_and_plain_help_leaves_out_what_plain_cannot_do() -> None:
    lines = help_lines()
    assert "shift h: previous section" in lines
    assert "down arrow: next paragraph" in lines
    assert "1 to 6: next section at that level" in lines
    assert not any(line.startswith(("1:", "2:", "6:")) for line in lines)
    assert "shift 1 to shift 6: previous section at that level" in lines
    assert "in table mode, r: read the row" in lines
    # the twelve level keys share two lines; the table keys follow
    assert len(lines) == len(COMMANDS) - 10 + len(TABLE_KEYS)
    plain = help_lines(plain=True)
    assert len(plain) == len(lines) - sum(not command.plain for command in COMMANDS)
    assert not any(line.startswith(("c:", "tab:")) for line in plain)
