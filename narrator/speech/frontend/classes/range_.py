"""Ranges: "40-50 hours" is "forty to fifty hours", "2.5–5 mg" is "two point five
to five milligrams", "1999–2005" is "nineteen ninety-nine to two thousand and five".

A hyphen or dash between two numbers is "to", and a unit written once after
the second number is said once, as a reader does. Two signs ("−5 to −10")
keep their minus. Years stay years.
"""

from __future__ import annotations

from narrator.speech.frontend.classes.measure import say_unit, unit_pattern
from narrator.speech.frontend.classes.written_numbers import SIGN, signed, unsigned
from narrator.speech.frontend.classes.year import in_year_context, is_year, say_year
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_DASH = r"(?:\s?[\u2013\u2014]\s?|-|\s?\u2212\s?)"


def _say(found: Found, context: Context) -> str | None:
    language = context.language
    low_written, high_written = found.group("low") or "", found.group("high") or ""
    low, high = parse(low_written, language), parse(high_written, language)
    unit = found.group("unit")
    first_unit = found.group("first_unit")
    years = not unit and in_year_context(found.before, found.after, language)
    if years and is_year(low_written) and is_year(high_written):
        low_said, high_said = say_year(low_written, language), say_year(high_written, language)
    elif years and len(high.whole) == 2 and is_year(low_written) and high.fraction is None:
        # "1939–45": the second year is written short.
        low_said = say_year(low_written, language)
        high_said = say_year(low_written[:2] + high.whole, language)
    else:
        low_said, high_said = number_words(low, language), number_words(high, language)
    if first_unit:
        low_said = f"{low_said} {say_unit(low, first_unit, language)}"
    said = f"{low_said} {language.word('to')} {high_said}"
    if unit:
        said = f"{said} {say_unit(high, unit, language)}"
    return said


def rules(language: Language) -> list[Rule]:
    number = signed(language)
    unit = unit_pattern(language)
    space = "[ \u00a0\u2009\u202f]?"
    return [
        Rule(
            "range: number to number",
            SemioticClass.RANGE,
            rf"(?<![\w.,\-\u2013\u2014/:])(?P<low>{number})(?:{space}(?P<first_unit>{unit}))?"
            rf"{_DASH}(?P<high>(?:{SIGN})?{unsigned(language)})"
            rf"(?:{space}(?P<unit>{unit}))?(?![\d\-\u2013\u2014/:]|[.,]\d)",
            _say,
        )
    ]
