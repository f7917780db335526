"""The word the voice is saying, found in the written text through the spans."""

from __future__ import annotations

import pytest

from narrator.speech.frontend.alignment import written_place
from narrator.speech.spoken import spoken_text


def heard(written: str, word: str, occurrence: int = 0) -> str | None:
    said = spoken_text(written)
    start = -1
    for _ in range(occurrence + 1):
        start = said.text.index(word, start + 1)
    place = written_place(said, start, len(word))
    return None if place is None else written[place[0] : place[1]]


@pytest.mark.parametrize(
    ("written", "word", "marked"),
    [
        ("Take 40-50 mg daily.", "forty", "40-50 mg"),
        ("Take 40-50 mg daily.", "milligrams", "40-50 mg"),
        ("Take 40-50 mg daily.", "daily", "daily"),
        ("Ben & Jerry", "and", "&"),
        ("On 2024-03-15 we met.", "twenty", "2024-03-15"),
        ("the HPG axis", "axis", "axis"),
        ("the HPG axis", "H.P.G", "HPG"),
        ("see github.com/rbenv now", "slash", "github.com/rbenv"),
    ],
)
def test_a_word_of_a_span_marks_the_written_piece_it_came_from(
    written: str, word: str, marked: str
) -> None:
    assert heard(written, word) == marked


def test_repeated_words_are_told_apart_by_their_rank() -> None:
    written = "Take 5 mg, then take 10 mg."
    assert heard(written, "take", 0) == "take"
    assert heard(written, "milligrams", 1) == "10 mg"
    assert heard("Take 5 mg then 10", "five") == "5 mg"
