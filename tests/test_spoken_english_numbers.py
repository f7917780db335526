"""Narrator's English number words are num2words' English, word for word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from narrator.speech.frontend.english_numbers import LARGEST, cardinal, ordinal, year


def theirs(value: int, to: str = "cardinal") -> str:
    return num2words(value, lang="en", to=to).replace("-", " ").replace(",", "")


@settings(max_examples=2000)
@given(st.one_of(st.integers(0, 10_000), st.integers(0, LARGEST)))
def test_cardinals_are_num2words_english(value: int) -> None:
    assert cardinal(value) == theirs(value)


@settings(max_examples=1000)
@given(st.one_of(st.integers(0, 10_000), st.integers(0, 10**15)))
def test_ordinals_are_num2words_english(value: int) -> None:
    assert ordinal(value) == theirs(value, "ordinal")


@settings(max_examples=1000)
@given(st.integers(0, 9999))
def test_years_are_num2words_english(value: int) -> None:
    assert year(value) == theirs(value, "year")
