"""Number words, exact: what a written number is, and how it is said.

A written number is parsed into a ``Number`` (sign, whole digits, fraction
digits) without ever going through a float, so "0.1" is never said as
"zero point one zero zero zero zero one" and a 30-digit number keeps every
digit. The words come from ``num2words`` in the article's language (English's
from ``english_numbers``, word for word the same, without num2words' start-up
cost); very long numbers and leading zeros are said digit by digit, which is
what a careful reader does with a code or a serial number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from narrator.speech.frontend import english_numbers
from narrator.speech.frontend.language import Language

# Beyond this many whole digits a number is read digit by digit (num2words
# stops at the nonillions, and no reader says a 31-digit number as one).
_LONGEST = 27
_SPACES = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Number:
    """A written number's value: ``negative``, its whole and fraction digits."""

    negative: bool
    whole: str
    fraction: str | None = None


def parse(written: str, language: Language) -> Number:
    """The number in ``written`` ("-1,234.50", "−5", ".5", "10 000", "2,5" in German)."""
    text = written.strip()
    negative = text[:1] in "-\u2212\u2013"
    if negative or text[:1] == "+":
        text = text[1:]
    decimal = language.decimal_mark
    whole, _, fraction = text.partition(decimal)
    whole = re.sub(r"[\s\u00a0\u2009\u202f" + re.escape(language.group_mark) + "]", "", whole)
    return Number(negative, whole, fraction or None)


def _hyphenless(words: str) -> str:
    """num2words' words without the hyphens and commas it puts in ("twenty-four",
    "one million, two hundred"): a hyphen would be named at punctuation level
    "all", and a comma is a pause no reader makes inside a number."""
    return words.replace("-", " ").replace(",", "")


_ENGLISH = {
    "cardinal": english_numbers.cardinal,
    "ordinal": english_numbers.ordinal,
    "year": english_numbers.year,
}


@lru_cache(maxsize=4096)
def _words(value: int, numbers: str, to: str) -> str:
    if numbers == "en":
        return _ENGLISH[to](value)
    from num2words import num2words  # every other language, loaded when first needed

    return _hyphenless(num2words(value, lang=numbers, to=to))


def digit_by_digit(digits: str, language: Language) -> str:
    return " ".join(_words(int(digit), language.numbers, "cardinal") for digit in digits)


def cardinal_words(whole: str, language: Language) -> str:
    """A whole number in words; leading zeros and very long numbers digit by digit."""
    if not whole:
        return ""
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > _LONGEST:
        return digit_by_digit(whole, language)
    return _words(int(whole), language.numbers, "cardinal")


def number_words(number: Number, language: Language) -> str:
    """A cardinal or decimal in words: "minus two point five"."""
    said = cardinal_words(number.whole, language)
    if number.fraction is not None:
        point = f"{language.word('point')} {digit_by_digit(number.fraction, language)}"
        said = f"{said} {point}" if said else point
    return f"{language.word('minus')} {said}" if number.negative else said


def ordinal_words(value: int, language: Language) -> str:
    return _words(value, language.numbers, "ordinal")


def year_words(value: int, language: Language) -> str:
    """A year as a year is said ("nineteen oh five", "twenty twenty-four")."""
    return _words(value, language.numbers, "year")


def is_one(number: Number) -> bool:
    """Whether a unit after ``number`` is singular ("1 mg" and "-1 °C", but "1.0 mg"
    is plural, as careful speech has it)."""
    return number.fraction is None and number.whole == "1"
