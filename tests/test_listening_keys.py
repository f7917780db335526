"""Every navigation key in both readers, pressed at a listener's three moments.

A listener presses a key, hears the announcement, hears the sentence landed
on, and presses again: during the announcement, while the landing sentence is
being read, or after it has finished. Whichever the moment, each press must
move on from where the last one landed — the next term, the next match — and
say where it landed. An independent cursor, stepped the same way with no voice
at all, says where each press should land and what it should say; the reader,
with the fake speaker's clock, must agree at every moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from listening import Moment, Reader, open_listening, reference

from narrator.reading.commands import BY_KEY
from narrator.reading.cursor import Cursor, Move
from narrator.speech.settings import Verbosity

SEARCH = "estrogen"


@dataclass(frozen=True)
class Walk:
    """Keys pressed (each heard to its end) to get somewhere, then the keys under test."""

    name: str
    keys: tuple[str, ...]
    setup: tuple[str, ...] = ()
    search: bool = False
    term: bool = False


WALKS = [
    Walk("t", ("t", "t", "t")),
    Walk("T", ("T", "T", "T"), setup=("t", "t", "t", "t")),
    Walk("n-match", ("n", "n", "n"), search=True),
    Walk("N-match", ("N", "N"), setup=("n", "n", "n"), search=True),
    Walk("n-use", ("n", "n"), term=True),
    Walk("N-use", ("N", "N"), setup=("n", "n"), term=True),
    Walk("h", ("h", "h", "h")),
    Walk("H", ("H", "H"), setup=("h", "h", "h")),
    Walk("2", ("2", "2")),
    Walk("down", ("down", "down", "down")),
    Walk("up", ("up", "up"), setup=("down", "down", "down")),
    Walk("right", ("right", "right", "right")),
    Walk("left", ("left", "left"), setup=("right", "right", "right")),
    Walk("lists", ("l", "l", "L")),
    Walk("tables-figures-callouts", ("x", "x", "X", "i", "I", "o", "O")),
    Walk("ends", ("end", "home", "ctrl+end", "ctrl+home")),
    Walk("shift-digits", ("at", "exclamation_mark"), setup=("h", "h", "h", "h", "h")),
    Walk("in-and-out-of-a-list", ("down", "down", "up"), setup=("l",)),
]


def term_with_uses(cursor: Cursor, at_least: int = 3) -> int:
    """The first glossary entry the text uses ``at_least`` times."""
    glossary = cursor.article.glossary
    return next(n for n, e in enumerate(glossary) if len(cursor.uses_of(e)) >= at_least)


def texts(move: Move) -> list[str]:
    return [utterance.text for utterance in move.speech]


@pytest.mark.parametrize("moment", list(Moment), ids=lambda m: m.name.lower())
@pytest.mark.parametrize("reader", list(Reader), ids=lambda r: r.value)
@pytest.mark.parametrize("walk", WALKS, ids=lambda w: w.name)
async def test_each_press_moves_on_and_says_where_it_landed(
    walk: Walk,
    reader: Reader,
    moment: Moment,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    oracle = Cursor.for_article(reference(), Verbosity())
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        if walk.search:
            oracle.search(SEARCH)
            first = oracle.next_match()
            await listener.search(SEARCH)
            assert listener.cursor.match == first.match is not None
            await listener.wait_for(Moment.FINISHED)
        if walk.term:
            number = term_with_uses(oracle)
            oracle.choose_term(oracle.article.glossary[number])
            await listener.choose_term(number)
            assert listener.cursor.chosen == oracle.chosen
            await listener.wait_for(Moment.FINISHED)
        for key in walk.setup:
            oracle.step(BY_KEY[key].action)
            await listener.press(key)
            await listener.wait_for(Moment.FINISHED)
        for key in walk.keys:
            expected = oracle.step(BY_KEY[key].action)
            assert expected.moved, f"{key} from {oracle.index} goes nowhere: a poor walk"
            heard_before = len(listener.speaker.said)
            await listener.press(key)
            cursor = listener.cursor
            place = (cursor.index, cursor.term, cursor.match)
            assert place == (expected.index, expected.term, expected.match), key
            await listener.wait_for(moment)
            heard = listener.speaker.texts(heard_before)
            wanted = texts(expected)
            assert heard and heard == wanted[: len(heard)], (key, moment)
            if moment is Moment.FINISHED:
                assert heard == wanted
            # the landing is still what the next press moves on from
            assert (listener.cursor.term, listener.cursor.match) == (expected.term, expected.match)


@pytest.mark.parametrize("reader", list(Reader), ids=lambda r: r.value)
async def test_a_key_that_does_nothing_says_so_and_leaves_the_place(
    reader: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        index = listener.cursor.index
        heard_before = len(listener.speaker.said)
        await listener.press("j")
        await listener.wait_for(Moment.FINISHED)
        assert listener.speaker.texts(heard_before) == ["j does nothing"]
        await listener.press("Z")
        await listener.wait_for(Moment.FINISHED)
        assert listener.speaker.texts(heard_before)[1:] == ["shift z does nothing"]
        assert listener.cursor.index == index
