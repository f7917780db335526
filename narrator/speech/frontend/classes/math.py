"""Mathematical notation between numbers and variables: "a ≤ b" ("eh is less than
or equal to b"), "n ≥ 10" ("n is greater than or equal to ten"), "x = 2y + 1",
"p < 0.05", "±2.5", "5 × 10 cm" ("five by ten centimeters"), "3 × 4 = 12"
("three times four equals twelve").

A comparison after a one-letter variable is a sentence's verb ("n is greater
than ten"); between other words ("Age > 65") it is said as the symbol alone.
The variable stays prose, but for "a", which espeak-ng would say as the
article.
Sizes joined by "×" are dimensions ("by") unless an equation follows or
comes before, where "×" is "times"."""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.measure import attributive, say_unit, unit_pattern
from narrator.speech.frontend.classes.scientific import variable_words
from narrator.speech.frontend.classes.written_numbers import signed
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _say_plus_minus(found: Found, context: Context) -> str:
    language = context.language
    number = number_words(parse(found.group("number") or "", language), language)
    return f"plus or minus {number}"


_EQUATION_AFTER = re.compile(r"\s?=")
_EQUATION_BEFORE = re.compile(r"=\s?$")
_RELATIONS = "\u2264\u2265\u2260<>"


def _say_relation(found: Found, context: Context) -> str | None:
    symbol = context.language.symbols.get(found.group("relation") or "")
    if not symbol:
        return None
    variable = found.group("variable")
    said = f"is {symbol}"
    return f"{variable_words(variable)} {said}" if variable else f" {said}"


def _say_dimensions(found: Found, context: Context) -> str | None:
    if _EQUATION_AFTER.match(found.after) or _EQUATION_BEFORE.search(found.before):
        return None
    language = context.language
    sizes = (found.group("sizes") or "").replace("\u00d7", "x").split("x")
    numbers = [parse(size.strip(), language) for size in sizes]
    said = f" {language.word('by')} ".join(number_words(number, language) for number in numbers)
    unit = found.group("unit")
    if not unit:
        return said
    adjective = attributive(found.before, found.after, language)
    return f"{said} {say_unit(numbers[-1], unit, language, adjective)}"


def rules(language: Language) -> list[Rule]:
    number = signed(language)
    return [
        Rule(
            "math: plus or minus",
            SemioticClass.MATH,
            rf"\u00b1\s?(?P<number>{number})",
            _say_plus_minus,
        ),
        Rule(
            "math: comparison after a variable",
            SemioticClass.MATH,
            rf"(?:(?<![\w.])(?P<variable>[aA])[ \u00a0]?|(?<=(?<![\w.])[a-zA-Z])[ \u00a0]?)"
            # "<prefix>" after "-k" is a placeholder in angle brackets, no comparison.
            rf"(?P<relation>[{_RELATIONS}])(?=[ \u00a0]?[\w.\u2212-])(?![\w-]+>)",
            _say_relation,
            starts=frozenset({"a"}),
        ),
        Rule(
            "math: dimensions",
            SemioticClass.MATH,
            rf"(?<![\w.])(?P<sizes>{number}(?:\s?[x\u00d7]\s?{number})+)"
            rf"(?:\s?(?P<unit>{unit_pattern(language)}))?",
            _say_dimensions,
        ),
    ]
