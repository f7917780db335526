"""The judge by sound: two spellings that espeak-ng says alike match, a different sound does not.

The corpus bench trusts ``sound_key`` to drop only what a listener does not
hear as a difference, so these pairs pin both sides of that line.
"""

from __future__ import annotations

import pytest

from narrator.speech.heard import phonemes, sound_key, sounds_alike

pytest.importorskip("espeakng_loader")


def test_stress_word_gaps_and_clause_breaks_are_not_sounds() -> None:
    assert sound_key("n\u02c8a\u026ant\u026a n\u02c8a\u026an | t\u02ccu\u02d0") == (
        "na\u026ant\u026ana\u026antu\u02d0"
    )


@pytest.mark.parametrize(
    ("said", "reading"),
    [
        ("nineteen ninety-nine", "nineteen ninety nine"),
        ("ten per cent", "ten percent"),
        ("F.D.A.", "F D A"),
        ("Take it.", "Take it"),
        ("five, ten", "five ten"),
        ("105 people", "one hundred and five people"),
        ("1005", "one thousand and five"),
    ],
)
def test_spellings_that_sound_the_same_are_alike(said: str, reading: str) -> None:
    assert sounds_alike(said, [reading])


@pytest.mark.parametrize(
    ("said", "reading"),
    [
        ("one hundred and five", "one hundred five five"),
        ("fifteen", "fifty"),
        ("milligrams", "micrograms"),
        ("minus three", "three"),
        ("x two", "x squared"),
    ],
)
def test_a_different_sound_is_a_different_reading(said: str, reading: str) -> None:
    assert not sounds_alike(said, [reading])


def test_each_language_is_said_in_its_own_voice() -> None:
    english, german = phonemes(["zwei"], "en") + phonemes(["zwei"], "de")
    assert german.startswith("tsv") and not english.startswith("tsv")


def test_an_empty_batch_starts_no_engine() -> None:
    assert phonemes([]) == []
