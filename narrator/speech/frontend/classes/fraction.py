"""Fractions: "½" is "one half", "1½" is "one and a half", "3/4" is "three quarters",
"2/3 of patients" is "two thirds of patients".

A slash between two small numbers is a fraction when the first is the
smaller and below it is a usual denominator; "120/80" (a blood pressure) is
"one hundred and twenty over eighty", and "24/7" and "9/11" are said as names
are, "twenty-four seven" and "nine eleven".
"""

from __future__ import annotations

from narrator.speech.frontend.classes.written_numbers import VULGAR
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, ordinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_DENOMINATORS = {2: ("half", "halves"), 4: ("quarter", "quarters")}
# Below a slash, these make a fraction ("2/3", "5/8"); "9/11" and "24/7" are names.
_FRACTION_BELOW = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 100})


def fraction_words(numerator: int, denominator: int, language: Language) -> str:
    """ "one half", "three quarters", "two thirds", "five eighths", "seven over twenty-three"."""
    top = cardinal_words(str(numerator), language)
    if denominator in _DENOMINATORS:
        one, many = _DENOMINATORS[denominator]
        return f"{top} {one if numerator == 1 else many}"
    if 3 <= denominator <= 20 or denominator in (100, 1000):
        bottom = ordinal_words(denominator, language)
        return f"{top} {bottom if numerator == 1 else bottom + 's'}"
    return f"{top} {language.word('over')} {cardinal_words(str(denominator), language)}"


def _say_vulgar(found: Found, context: Context) -> str:
    numerator, denominator = VULGAR[found.group("vulgar") or "\u00bd"]
    whole = found.group("whole")
    sign = found.group("sign")
    part = fraction_words(numerator, denominator, context.language)
    if whole:
        if numerator == 1 and denominator in (2, 4):
            part = "a " + _DENOMINATORS[denominator][0]
        part = f"{cardinal_words(whole, context.language)} {context.language.word('and')} {part}"
    return f"{context.language.word('minus')} {part}" if sign else part


def _say_slash(found: Found, context: Context) -> str | None:
    numerator, denominator = int(found.group("top") or 0), int(found.group("bottom") or 0)
    language = context.language
    whole = found.group("whole")
    if denominator == 0:
        return None
    if numerator < denominator and denominator in _FRACTION_BELOW:
        part = fraction_words(numerator, denominator, language)
        if whole:
            return f"{cardinal_words(whole, language)} {language.word('and')} {part}"
        return part
    if whole:
        return None
    top, bottom = (
        cardinal_words(str(numerator), language),
        cardinal_words(str(denominator), language),
    )
    if numerator > denominator >= 30:
        return f"{top} {language.word('over')} {bottom}"
    return f"{top} {bottom}"


def rules(language: Language) -> list[Rule]:
    vulgar = "".join(VULGAR)
    return [
        Rule(
            "fraction: vulgar",
            SemioticClass.FRACTION,
            rf"(?P<sign>(?<![\w.])[-\u2212])?(?P<whole>\d+)?\s?(?P<vulgar>[{vulgar}])",
            _say_vulgar,
        ),
        Rule(
            "fraction: slash",
            SemioticClass.FRACTION,
            r"(?<![\w./])(?:(?P<whole>\d+)\s)?(?P<top>\d{1,3})\s?[/\u2044]\s?(?P<bottom>\d{1,3})(?![\w/]|[.,]\d)",
            _say_slash,
        ),
    ]
