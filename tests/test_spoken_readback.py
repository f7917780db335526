"""Reading numbers back from spoken words: the guard on "a number survives speech".

If ``heard_numbers`` misread a spoken form, the guard would either let a
changed number through or cry wolf, so each convention it documents is pinned
here, and a hypothesis round trip checks it inverts ``num2words``' English,
the words the front end says numbers with.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from narrator.speech.frontend.readback import heard_numbers


def heard(spoken: str) -> list[str]:
    return [str(number) for number in heard_numbers(spoken)]


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("one hundred and five", ["105"]),
        ("one hundred five", ["105"]),
        ("two million three hundred thousand", ["2300000"]),
        ("two million, three hundred thousand", ["2000000", "300000"]),
        ("one thousand million", ["1000000000"]),
        ("twelve hundred", ["1200"]),
        ("twenty-one hundred", ["2100"]),
        ("a hundred patients", ["100"]),
        ("a million doses", ["1000000"]),
        ("one thousand and five", ["1005"]),
        ("one hundred and five thousand", ["105000"]),
        ("ninety nine", ["99"]),
        ("zero", ["0"]),
    ],
)
def test_cardinals_with_scale_words(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("three point one four", ["157/50"]),
        ("point five", ["1/2"]),
        ("zero point zero two five", ["1/40"]),
        ("two point oh five", ["41/20"]),
        ("nought point five", ["1/2"]),
        ("two point five billion dollars", ["2500000000"]),
        ("one point two trillion", ["1200000000000"]),
        ("the point is five", ["5"]),
        ("three point fourteen", ["3", "14"]),
    ],
)
def test_decimals_are_point_and_single_digits(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("minus three", ["-3"]),
        ("negative two point five", ["-5/2"]),
        ("minus point five", ["-1/2"]),
        ("from minus five to minus ten degrees", ["-5", "-10"]),
        ("ten minus three", ["10", "3"]),
        ("ten to the minus five", ["10", "-5"]),
        ("minus", []),
    ],
)
def test_a_sign_is_minus_or_negative_before_a_number(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("the twenty-first century", ["21"]),
        ("twenty first", ["21"]),
        ("the third dose", ["3"]),
        ("one hundredth", ["100"]),
        ("one hundred and first", ["101"]),
        ("the one millionth visitor", ["1000000"]),
        ("twelfth", ["12"]),
        ("first quarter", ["1"]),
    ],
)
def test_ordinals_are_their_number(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("nineteen ninety-nine", ["1999"]),
        ("nineteen ninety nine", ["1999"]),
        ("nineteen oh five", ["1905"]),
        ("nineteen oh-five", ["1905"]),
        ("two thousand and twenty-four", ["2024"]),
        ("twenty twenty-four", ["2024"]),
        ("nineteen hundred", ["1900"]),
        ("the nineteen nineties", ["1990"]),
        ("the eighties", ["80"]),
        ("the eighteen hundreds", ["1800"]),
        ("hundreds of patients", []),
        ("in nineteen eighty-four and twenty twenty", ["1984", "2020"]),
    ],
)
def test_years_said_in_pairs_are_one_number(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("one half", ["1/2"]),
        ("a half", ["1/2"]),
        ("a quarter", ["1/4"]),
        ("three quarters", ["3/4"]),
        ("two thirds", ["2/3"]),
        ("one third", ["1/3"]),
        ("five eighths", ["5/8"]),
        ("three halves", ["3/2"]),
        ("seven hundredths", ["7/100"]),
        ("one and a half tablets", ["3/2"]),
        ("two and three quarters", ["11/4"]),
        ("three over four", ["3/4"]),
        ("x over y", []),
        ("half the dose", []),
        ("a half-life of forty hours", ["1/2", "40"]),
        ("twenty thirds", ["20/3"]),
    ],
)
def test_fractions(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("10", ["10"]),
        ("2.5 mg", ["5/2"]),
        (".5 mg", ["1/2"]),
        ("-3", ["-3"]),
        ("\u22123", ["-3"]),
        ("1,000", ["1000"]),
        ("1,000,000.5", ["2000001/2"]),
        ("5-10", ["5", "10"]),
        ("pages 5,10", ["5", "10"]),
        ("$2.5 million", ["2500000"]),
        ("v2.0.1", ["2", "0", "1"]),
        ("x2", ["2"]),
        ("10 000", ["10", "0"]),
    ],
)
def test_digits_left_as_digits(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


@pytest.mark.parametrize(
    ("spoken", "numbers"),
    [
        ("five to ten", ["5", "10"]),
        ("five, ten", ["5", "10"]),
        ("five and ten", ["5", "10"]),
        ("two thousand, three thousand", ["2000", "3000"]),
        ("five five five, one two one two", ["5", "5", "5", "1", "2", "1", "2"]),
        ("one second", ["1"]),
        ("ten metres per second", ["10"]),
        ("the second dose", ["2"]),
        ("no numbers here", []),
        ("", []),
    ],
)
def test_other_words_separate_numbers(spoken: str, numbers: list[str]) -> None:
    assert heard(spoken) == numbers


def test_values_are_exact_and_compare_with_int_and_decimal() -> None:
    (value,) = heard_numbers("zero point one")
    assert isinstance(value, Fraction)
    assert value == Decimal("0.1") and value != 0.1
    assert heard_numbers("seven") == [7]


CONTEXTS = st.sampled_from(["{}", "Take {} tablets.", "about {}, then", "({})", "up {} per cent"])


@settings(max_examples=500)
@given(st.integers(-(10**15), 10**15), CONTEXTS)
def test_cardinals_round_trip_through_num2words(number: int, context: str) -> None:
    """Without num2words' commas inside a number, which the front end never says."""
    said = num2words(number).replace(",", "")
    assert heard_numbers(context.format(said)) == [number]


@settings(max_examples=500)
@given(st.integers(0, 10**12))
def test_ordinals_round_trip_through_num2words(number: int) -> None:
    assert heard_numbers("the " + num2words(number, to="ordinal").replace(",", "")) == [number]


@settings(max_examples=500)
@given(st.integers(1000, 2999))
def test_years_round_trip_through_num2words(year: int) -> None:
    assert heard_numbers("in " + num2words(year, to="year") + ",") == [year]


# num2words drops the sign of a negative decimal above -1 ("zero point five"
# for -0.5), so those are left out here: the front end must not rely on it.
DECIMALS = st.decimals(-(10**9), 10**9, places=4, allow_nan=False, allow_infinity=False).filter(
    lambda number: not -1 < number < 0
)


@settings(max_examples=500)
@given(DECIMALS)
def test_decimals_round_trip_through_num2words(number: Decimal) -> None:
    assert heard_numbers(num2words(number).replace(",", "")) == [number]


@settings(max_examples=500)
@given(st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=5))
def test_several_numbers_keep_their_order_and_signs(numbers: list[int]) -> None:
    spoken = " to ".join(num2words(number).replace(",", "") for number in numbers)
    assert heard_numbers(spoken) == numbers
