"""Decades: "the 1990s" is "the nineteen nineties", "the '80s" is "the eighties",
"the 2000s" is "the two thousands", "the 80s" (after the language's
``decade-words``) is "the eighties". Found before measures, so the "s" is no
second.

Another language writes its decades with the ending of its ``settings``
("decade ending": German "die 1990er Jahre" is "die neunzehn hundert
neunziger Jahre"), said as the year's words and that ending.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, year_words
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


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]$")


def _say_bare_short_decade(found: Found, context: Context) -> str | None:
    """ "the 80s" is "the eighties", but "after 80s" is eighty seconds."""
    word = _WORD_BEFORE.search(found.before[-12:])
    if word is None or word.group(1).lower() not in context.language.decade_words:
        return None
    return _TENS[found.group("tens") or "9"]


def _say_ending_decade(found: Found, context: Context) -> str:
    language = context.language
    return year_words(int(found.group("year") or "0"), language) + language.decade_ending


def rules(language: Language) -> list[Rule]:
    if language.decade_ending:
        return [
            Rule(
                "decade: year and ending",
                SemioticClass.YEAR,
                rf"(?<![\w.,])(?P<year>1[1-9]\d0|20[0-9]0){re.escape(language.decade_ending)}\b",
                _say_ending_decade,
            )
        ]
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
        Rule(
            "decade: short, after the",
            SemioticClass.YEAR,
            r"(?<![\w.,])(?P<tens>[2-9])0s\b",
            _say_bare_short_decade,
        ),
    ]
