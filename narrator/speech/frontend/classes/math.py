"""Mathematical notation between numbers and variables: "a ≤ b", "x = 2y + 1",
"p < 0.05", "±2.5", "5 × 10 cm" ("five by ten centimeters")."""

from __future__ import annotations

from narrator.speech.frontend.classes.measure import say_unit, unit_pattern
from narrator.speech.frontend.classes.written_numbers import signed
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _say_plus_minus(found: Found, context: Context) -> str:
    language = context.language
    number = number_words(parse(found.group("number") or "", language), language)
    return f"plus or minus {number}"


def _say_dimensions(found: Found, context: Context) -> str:
    language = context.language
    sizes = (found.group("sizes") or "").replace("\u00d7", "x").split("x")
    numbers = [parse(size.strip(), language) for size in sizes]
    said = f" {language.word('by')} ".join(number_words(number, language) for number in numbers)
    unit = found.group("unit")
    return f"{said} {say_unit(numbers[-1], unit, language)}" if unit else said


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
            "math: dimensions",
            SemioticClass.MATH,
            rf"(?<![\w.])(?P<sizes>{number}(?:\s?[x\u00d7]\s?{number})+)"
            rf"(?:\s?(?P<unit>{unit_pattern(language)}))?",
            _say_dimensions,
        ),
    ]
