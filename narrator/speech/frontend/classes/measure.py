"""Measures: a number and its unit, "5 mg/kg/day" is "five milligrams per kilogram
per day", "37 °C" is "thirty-seven degrees Celsius", "50%" is "fifty percent".

Units and their words are the language's ``units`` table; a compound unit
is its units joined by "per" (the first in the plural after any number but
one). "m" after a number is metres; after a currency it is "million"
(``money``).
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.written_numbers import signed
from narrator.speech.frontend.language import Language, Unit
from narrator.speech.frontend.number_words import Number, is_one, number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def unit_pattern(language: Language) -> str:
    """One unit or a compound of units ("mg", "mg/kg/day", "mL/min/1.73 m²")."""
    names = sorted(language.units, key=len, reverse=True)
    one = "|".join(re.escape(name) for name in names)
    # After a slash, any word is what the amount is per ("mg/dose", "units/day").
    return rf"(?:{one})(?:\s?/\s?(?:1\.73\s?m\u00b2|(?:{one})(?![^\W_])|[a-z]{{2,}}))*(?![^\W_])"


def _unit_words(unit: str, language: Language, plural: bool) -> str:
    """The words of a (compound) unit: the first unit in the plural if ``plural``."""
    parts = [part.strip() for part in unit.split("/")]
    words = []
    for number, part in enumerate(parts):
        if part.startswith("1.73"):
            words.append("one point seven three square meters")
            continue
        entry: Unit = language.units.get(part) or Unit(part, part, part)
        words.append(entry.plural if plural and number == 0 else entry.singular)
    return f" {language.word('per')} ".join(words)


def say_measure(number: Number, unit: str, language: Language) -> str:
    return f"{number_words(number, language)} {say_unit(number, unit, language)}"


def say_unit(number: Number | None, unit: str, language: Language) -> str:
    plural = number is None or not is_one(number)
    return _unit_words(unit.strip(), language, plural)


def _say(found: Found, context: Context) -> str | None:
    unit = found.group("unit") or ""
    number = parse(found.group("number") or "", context.language)
    if unit == "x" and found.after[:1].isalpha():
        return None
    return say_measure(number, unit, context.language)


def _say_per(found: Found, context: Context) -> str:
    unit = _unit_words(found.group("unit") or "", context.language, False)
    return f"{context.language.word('per')} {unit}"


def _say_compound(found: Found, context: Context) -> str:
    return say_unit(None, found.group("unit") or "", context.language)


def rules(language: Language) -> list[Rule]:
    unit = unit_pattern(language)
    one = "|".join(re.escape(name) for name in sorted(language.units, key=len, reverse=True))
    number = signed(language)
    return [
        Rule(
            "measure: number and unit",
            SemioticClass.MEASURE,
            rf"(?P<number>{number})(?:[ \u00a0\u2009\u202f]?)(?P<unit>{unit})",
            _say,
        ),
        Rule(
            "measure: compound unit",
            SemioticClass.MEASURE,
            rf"(?<![\w/])(?P<unit>(?:{one})(?:/(?:{one}))+)(?![\w/])",
            _say_compound,
        ),
        Rule(
            "measure: per unit",
            SemioticClass.MEASURE,
            rf"(?<=[a-z]{{3}})\s?/\s?(?P<unit>{unit})",
            _say_per,
        ),
    ]
