"""Cardinals and decimals: "1,250" is "one thousand two hundred and fifty",
"−0.5" is "minus zero point five", ".5" is "point five"."""

from __future__ import annotations

from narrator.speech.frontend.classes.written_numbers import signed, signed_decimal
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _say(found: Found, context: Context) -> str:
    return number_words(parse(found.written, context.language), context.language)


def rules(language: Language) -> list[Rule]:
    return [
        Rule("decimal", SemioticClass.DECIMAL, signed_decimal(language), _say),
        Rule("cardinal", SemioticClass.CARDINAL, signed(language), _say),
    ]
