"""Fractions: "½" is "one half", "1½" is "one and a half", "3/4" is "three quarters",
"2/3 of patients" is "two thirds of patients", "2 1/2 cups" is "two and a half
cups", "1/4 tsp" is "one quarter teaspoon" (a unit after a fraction below one
is singular, as speech has it; after a whole and a fraction, plural).

A slash between two small numbers is a fraction when the first is the
smaller and below it is a usual denominator; "120/80" (a blood pressure) is
"one hundred and twenty over eighty", and "24/7" and "9/11" are said as names
are, "twenty-four seven" and "nine eleven".
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.measure import UNIT_WORD, is_unit, say_unit
from narrator.speech.frontend.classes.written_numbers import VULGAR
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import Number, cardinal_words, ordinal_words
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


def _mixed(whole: str, numerator: int, denominator: int, language: Language) -> str:
    """ "two and a half", "one and a quarter", "three and two thirds"."""
    if numerator == 1 and denominator in _DENOMINATORS:
        part = "a " + _DENOMINATORS[denominator][0]
    else:
        part = fraction_words(numerator, denominator, language)
    return f"{cardinal_words(whole, language)} {language.word('and')} {part}"


def _with_unit(said: str, whole: str | None, found: Found, language: Language) -> str | None:
    unit = found.group("unit")
    if not unit:
        return said
    if not is_unit(unit, language):
        return None
    # Below one, the unit is singular ("one quarter teaspoon"); above, plural.
    amount = Number(False, "2" if whole else "1")
    return f"{said} {say_unit(amount, unit, language)}"


def _say_vulgar(found: Found, context: Context) -> str | None:
    language = context.language
    numerator, denominator = VULGAR[found.group("vulgar") or "\u00bd"]
    whole = found.group("whole")
    sign = found.group("sign")
    if whole:
        part = _mixed(whole, numerator, denominator, language)
    else:
        part = fraction_words(numerator, denominator, language)
    with_unit = _with_unit(part, whole, found, language)
    if with_unit is None:
        return None
    return f"{language.word('minus')} {with_unit}" if sign else with_unit


_SCORE_BEFORE = re.compile(
    r"\b(?:scores?|scored|rated|rating|ratings|marks?|graded|GCS|Apgar|VAS|NRS)\s*(?:of|was|is|at|:)?\s*$",
    re.IGNORECASE,
)


def _say_slash(found: Found, context: Context) -> str | None:
    numerator, denominator = int(found.group("top") or 0), int(found.group("bottom") or 0)
    language = context.language
    whole = found.group("whole")
    if denominator == 0:
        return None
    if not whole and not found.group("unit") and _SCORE_BEFORE.search(found.before[-40:]):
        # "Pain score 7/10", "GCS 15/15": a score is so many out of so many.
        top, bottom = (
            cardinal_words(str(numerator), language),
            cardinal_words(str(denominator), language),
        )
        return f"{top} out of {bottom}"
    if numerator < denominator and denominator in _FRACTION_BELOW:
        if whole:
            part = _mixed(whole, numerator, denominator, language)
        else:
            part = fraction_words(numerator, denominator, language)
        return _with_unit(part, whole, found, language)
    if whole:
        return None
    top, bottom = (
        cardinal_words(str(numerator), language),
        cardinal_words(str(denominator), language),
    )
    unit = found.group("unit")
    if unit and not is_unit(unit, language):
        return None
    said_unit = f" {say_unit(None, unit, language)}" if unit else ""
    if numerator > denominator >= 30:
        return f"{top} {language.word('over')} {bottom}{said_unit}"
    return f"{top} {bottom}{said_unit}"


def rules(language: Language) -> list[Rule]:
    vulgar = "".join(VULGAR)
    # A word after a fraction is its unit when the table says so ("1/4 tsp");
    # otherwise the rule without a unit takes the fraction alone.
    unit = rf"[ \u00a0](?P<unit>{UNIT_WORD})"
    vulgar_pattern = rf"(?P<sign>(?<![\w.])[-\u2212])?(?P<whole>\d+)?\s?(?P<vulgar>[{vulgar}])"
    slash_pattern = (
        r"(?<![\w./])(?:(?P<whole>\d+)\s)?(?P<top>\d{1,3})\s?[/\u2044]\s?(?P<bottom>\d{1,3})"
        r"(?![\w/]|[.,]\d)"
    )
    kind = SemioticClass.FRACTION
    return [
        Rule("fraction: vulgar and unit", kind, vulgar_pattern + unit, _say_vulgar),
        Rule("fraction: vulgar", kind, vulgar_pattern, _say_vulgar),
        Rule("fraction: slash and unit", kind, slash_pattern + unit, _say_slash),
        Rule("fraction: slash", kind, slash_pattern, _say_slash),
    ]
