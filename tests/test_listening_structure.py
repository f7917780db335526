"""The structural commands in both readers, each key pressed at a listener's three moments.

Table mode, back, speech history review, words, skim, describe-keys and the
element boundary are session commands: the full-screen reader and the plain
reader must say the same words and leave the reading place in the same
spot, whether the next key comes during the first words, while the last
words are heard, or after they finished.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_speaker import LATENCY
from listening import Listener, Moment, Reader, open_listening

from narrator.reading.commands import Action
from narrator.reading.cues import Cues
from narrator.reading.session import ReadingSession
from narrator.speech.settings import SoundCues, Verbosity
from narrator.speech.utterance import Role

MOMENTS = pytest.mark.parametrize("moment", list(Moment), ids=lambda m: m.name.lower())
READERS = pytest.mark.parametrize("reader", list(Reader), ids=lambda r: r.value)


async def heard_after(listener: Listener, key: str, moment: Moment, wanted: list[str]) -> None:
    """Press ``key``, wait for ``moment`` of what it says (``wanted``), and check that
    what was heard by then is what it should say, from its start."""
    speaker = listener.speaker
    before = len(speaker.said)
    await listener.press(key)
    if moment is Moment.ANNOUNCEMENT:
        speaker.advance(LATENCY + 0.05)
    elif moment is Moment.LANDING:
        speaker.until_heard(lambda u: u.text == wanted[-1])
        await listener.settle()
        speaker.advance(0.1)
    else:
        speaker.until_silent()
    await listener.settle()
    heard = speaker.texts(before)
    assert heard and heard == wanted[: len(heard)], (key, moment, heard)
    if moment is not Moment.ANNOUNCEMENT:
        assert heard == wanted, (key, moment)


async def finish(listener: Listener) -> None:
    await listener.wait_for(Moment.FINISHED)


def listener_session(listener: Listener) -> ReadingSession:
    reader = getattr(listener, "reader")  # noqa: B009 - both listeners hold their reader
    return reader.session


def next_list_heard(listener: Listener) -> list[str]:
    """What the next list's landing says with its cues (a list's tone, a term's), found
    without moving the listener's cursor."""
    cursor = listener.cursor
    here = cursor.index
    move = cursor.step(Action.NEXT_LIST)
    cursor.go_to(here)
    cues = Cues(cursor, Verbosity(cues=SoundCues.WITH_SPEECH))
    first = len(move.speech) - (move.end - move.index)
    indexes = [-1] * first + list(range(move.index, move.end))
    return [
        u.text for said, i in zip(move.speech, indexes, strict=True) for u in cues.around(said, i)
    ]


@MOMENTS
@READERS
async def test_a_table_cell_by_cell_with_its_headers_then_its_row_and_column(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        await listener.press("x")
        await finish(listener)
        element = listener.cursor.element_at()
        assert element is not None
        table = element.start
        steps = [
            (
                "enter",
                [
                    "Table mode, row 1 of 3, column 1 of 3.",
                    "Hormonal State: Optimal Estrogen",
                ],
            ),
            ("right", ["Anastrozole Dosing: Correct, titrated dose"]),
            ("down", ["Estrogen Deficiency: Excessive dose (over-suppression)"]),
            ("left", ["Hormonal State: Estrogen Deficiency"]),
            ("left", ["Edge of table"]),
            ("up", ["Row 1: Optimal Estrogen"]),
            (
                "c",
                [
                    "Hormonal State.",
                    "Optimal Estrogen.",
                    "Estrogen Deficiency.",
                    "Estrogen Excess.",
                ],
            ),
            ("down", ["Row 2: Estrogen Deficiency"]),
        ]
        for key, wanted in steps:
            await heard_after(listener, key, moment, wanted)
        # the reading place is the row being read
        assert listener.cursor.index == table + 2
        assert listener.cursor.current.role is Role.TABLE_ROW
        await heard_after(listener, "r", moment, [listener.cursor.current.text])
        await heard_after(listener, "escape", moment, ["Out of table mode"])
        # out of table mode the arrows move by paragraph again, from the row
        await listener.press("down")
        await finish(listener)
        assert listener.cursor.index == table + 3


@MOMENTS
@READERS
async def test_backspace_goes_back_before_each_jump_and_says_where(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        await listener.press("right")
        await finish(listener)
        start = listener.cursor.index
        await listener.press("t")
        await finish(listener)
        await listener.press("x")
        await finish(listener)
        row = listener.cursor.index  # the table's first row, heard after its caption
        await listener.press("h")
        await finish(listener)
        section = listener.cursor.structure.section_at(row)
        assert section is not None
        wanted = [f"Back to {section.title}", listener.cursor.utterances[row].text]
        await heard_after(listener, "backspace", moment, wanted)
        assert listener.cursor.index == row
        await finish(listener)
        await listener.press("backspace")
        await finish(listener)
        # the first t's landing was itself a place jumped from
        await listener.press("backspace")
        await finish(listener)
        assert listener.cursor.index == start
        await heard_after(listener, "backspace", moment, ["No place to go back to"])
        assert listener.cursor.index == start


@MOMENTS
@READERS
async def test_the_speech_history_is_reviewed_without_moving_and_enter_goes_there(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        for key in ("right", "right", "x", "l"):
            await listener.press(key)
            await finish(listener)
        here = listener.cursor.index
        heard = listener.speaker.texts()
        last_five = heard[-5:][::-1]
        for number, text in enumerate(last_five):
            await heard_after(listener, "left_square_bracket", moment, [text])
            assert listener.cursor.index == here, number
        await heard_after(listener, "right_square_bracket", moment, [last_five[-2]])
        await heard_after(listener, "enter", moment, [last_five[-2]])
        assert listener.cursor.current.text == last_five[-2]
        assert listener.cursor.index != here


@MOMENTS
@READERS
async def test_words_are_stepped_said_and_spelled(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        await listener.press("right")
        await finish(listener)
        sentence = listener.cursor.index
        assert listener.cursor.current.text.startswith("Have you ever felt")
        await heard_after(listener, "ctrl+right", moment, ["you"])
        await heard_after(listener, "ctrl+right", moment, ["ever"])
        await heard_after(listener, "ctrl+left", moment, ["you"])
        await heard_after(listener, "s", moment, ["you"])
        await heard_after(listener, "s", moment, ["Y, O, U"])
        await heard_after(listener, "s", moment, ["yankee, oscar, uniform"])
        await heard_after(listener, "ctrl+left", moment, ["Have"])
        assert listener.cursor.index == sentence
        # before the first word of a sentence is the last word of the one before
        await heard_after(listener, "ctrl+left", moment, ["Fundamentals"])
        assert listener.cursor.index == sentence - 1


@MOMENTS
@READERS
async def test_describe_keys_says_what_a_key_does_without_doing_it(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        here = listener.cursor.index
        await heard_after(
            listener,
            "f1",
            moment,
            ["Describe keys on: each key says what it does.", "F 1 turns it off"],
        )
        await heard_after(listener, "x", moment, ["x: next table"])
        await heard_after(listener, "q", moment, ["q: quit, remembering the place"])
        await heard_after(listener, "B", moment, ["shift b: bookmarks: go to one"])
        assert listener.cursor.index == here
        await heard_after(listener, "f1", moment, ["Describe keys off"])
        await listener.press("x")
        await finish(listener)
        assert listener.cursor.element_at() is not None


@MOMENTS
@READERS
async def test_the_last_table_says_there_is_no_next_one_and_stays(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        for key in ("x", "x"):
            await listener.press(key)
            await finish(listener)
        last = listener.cursor.index
        await heard_after(listener, "x", moment, ["No next table"])
        await heard_after(listener, "o", moment, ["No next callout"])
        assert listener.cursor.index == last


@READERS
async def test_skim_reads_headings_and_first_sentences_and_keeps_the_place(
    reader: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        speaker = listener.speaker
        cursor = listener.cursor
        before = len(speaker.said)
        await listener.press("k")
        # through the first section and into the second
        heading = cursor.structure.sections[1].start
        speaker.until_heard(lambda u: u.text == cursor.utterances[heading].text)
        await listener.settle()
        skimmed = speaker.texts(before)

        def first_of_its_block(index: int) -> bool:
            place, before = cursor.utterances[index].place, cursor.utterances[index - 1].place
            assert place is not None and before is not None
            return place.block < 0 or (place.section, place.block) != (before.section, before.block)

        firsts = [cursor.utterances[i].text for i in range(2, heading + 1) if first_of_its_block(i)]
        assert skimmed == ["Skim on", cursor.utterances[1].text, *firsts]
        assert cursor.index == heading
        speaker.advance(0.1)
        # leaving skim reads on from the same sentence, in full
        before = len(speaker.said)
        await listener.press("k")
        speaker.until_heard(lambda u: u.text == cursor.utterances[heading + 2].text)
        await listener.settle()
        assert speaker.texts(before) == [
            "Skim off",
            *(u.text for u in cursor.utterances[heading : heading + 3]),
        ]
        await listener.press("escape")


@MOMENTS
@READERS
async def test_sound_cues_go_with_the_words_or_instead_of_them(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        await heard_after(listener, "e", moment, ["Sound cues with speech"])
        await finish(listener)
        for _ in range(2):
            await heard_after(listener, "l", moment, next_list_heard(listener))
            await finish(listener)
        await heard_after(listener, "l", moment, ["boundary", "No next list"])
        await finish(listener)
        await heard_after(listener, "e", moment, ["Sound cues instead of words"])
        await finish(listener)
        before = len(listener.speaker.said)
        await listener.press("L")
        await finish(listener)
        said = [s.utterance for s in listener.speaker.said[before:]]
        assert [u.text for u in said[:2]] == ["list", "List, 6 items."]
        assert said[1].spoken == "6 items."
        # cues are heard, never reviewed: the history holds the words
        assert all(u.tone is None for u in listener_session(listener).history.utterances)


@READERS
async def test_the_lists_elements_history_voices_announcements_and_named_bookmarks(
    reader: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        session = listener_session(listener)
        elements = session.elements()
        table = next(n for n, (label, _) in enumerate(elements) if label.startswith("Table"))
        assert elements[0][0] == "Heading level 1: Fundamentals"
        await listener.choose_from("E", table)
        await finish(listener)
        element = listener.cursor.element_at()
        assert element is not None and element.kind.value == "table"
        # the elements list is a jump: backspace comes back
        await listener.press("backspace")
        await finish(listener)
        assert listener.cursor.index == 0
        # the history, newest first: choosing one goes to its place
        heard = session.history.utterances[::-1]
        with_place = next(n for n, u in enumerate(heard) if u.place is not None and n > 0)
        await listener.choose_from("left_curly_bracket", with_place)
        await finish(listener)
        assert listener.cursor.current.place == heard[with_place].place
        # a bookmark with the listener's own name
        await listener.type_after("m", "the dose table")
        await finish(listener)
        assert session.bookmarks[-1].name == "the dose table"
        # the voices list: the American voice, said by name
        voices, _ = session.voice_choices()
        american = next(n for n, v in enumerate(voices) if v.id == "gmw/en-US")
        start = session.voice_choices()[1]
        before = len(listener.speaker.said)
        if reader is Reader.FULL_SCREEN:
            # the list starts on the voice heard: the arrows go from there
            await listener.press("V", *["down"] * (american - start), "enter")
        else:
            await listener.choose_from("V", american)
        await finish(listener)
        assert session.settings.voice.voice == "gmw/en-US"
        assert "Voice: English (America)" in listener.speaker.texts(before)
        # announcements: item positions off, so moving in a list says none
        await listener.choose_from("a", 2)
        await finish(listener)
        assert not session.settings.verbosity.announcements.positions
        await listener.press("l")
        await finish(listener)
        before = len(listener.speaker.said)
        await listener.press("down")
        await finish(listener)
        assert not any(t.startswith("Item ") for t in listener.speaker.texts(before))


@MOMENTS
@READERS
async def test_pitch_volume_cells_anywhere_and_where_twice(
    reader: Reader, moment: Moment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with open_listening(reader, tmp_path, monkeypatch) as listener:
        session = listener_session(listener)
        await heard_after(listener, "greater_than_sign", moment, ["Pitch 60"])
        await heard_after(listener, "less_than_sign", moment, ["Pitch 50"])
        await heard_after(listener, "left_parenthesis", moment, ["Volume 90 percent"])
        await heard_after(listener, "right_parenthesis", moment, ["Volume 100 percent"])
        assert (session.settings.voice.pitch, session.settings.voice.volume) == (50, 1.0)
        # ctrl+alt+arrows: off a table they say so; on one, they move by cell
        await heard_after(listener, "ctrl+alt+right", moment, ["Not in a table"])
        await listener.press("x")
        await finish(listener)
        await heard_after(
            listener,
            "ctrl+alt+down",
            moment,
            [
                "Table mode",
                "Row 2: Estrogen Deficiency",
            ],
        )
        await heard_after(listener, "escape", moment, ["Out of table mode"])
        await listener.press("w")
        await finish(listener)
        before = len(listener.speaker.said)
        await listener.press("w")
        await finish(listener)
        assert listener.speaker.texts(before)[-1].endswith("in the article")
