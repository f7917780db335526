"""Decades: "the 1990s" is "the nineteen nineties", "the '80s" is "the eighties",
"the 2000s" is "the two thousands". Found before measures, so the "s" is no
second."""

from __future__ import annotations

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_TENS = {
    "0": "hundreds",
    "1": "tens",
    "2": "twenties",
    "3": "thirties",
    "4": "forties",
    "5": "fifties",
    "6": "sixties",
    "7": "seventies",
    "8": "eighties",
    "9": "nineties",
}


def _decade(written: str, language: Language) -> str:
    """ "1990" → "nineteen nineties", "2000" → "two thousands", "1900" → "nineteen hundreds"."""
    century, tens = written[:2], written[2]
    if written.endswith("00"):
        if written[:2] == "20":
            return "two thousands"
        return f"{cardinal_words(century, language)} hundreds"
    if century == "20" and tens == "1":
        return "twenty tens"
    return f"{cardinal_words(century, language)} {_TENS[tens]}"


def _say_decade(found: Found, context: Context) -> str:
    return _decade(found.group("year") or "", context.language)


def _say_short_decade(found: Found, context: Context) -> str:
    return _TENS[found.group("tens") or "9"]


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "decade",
            SemioticClass.YEAR,
            r"(?<![\w.,])(?P<year>1[1-9]\d0|20[0-9]0)[\u2019']?s\b",
            _say_decade,
        ),
        Rule(
            "decade: short",
            SemioticClass.YEAR,
            r"(?<![\w])[\u2019'](?P<tens>\d)0s\b",
            _say_short_decade,
        ),
    ]
