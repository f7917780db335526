"""Ratios: "1:1000" is "one to one thousand", "a 2:1 ratio" is "a two to one ratio".

Times ("14:30") are found first (``time``); what is left with a colon between
two numbers is a ratio, not a "colon".
"""

from __future__ import annotations

from narrator.speech.frontend.classes.written_numbers import unsigned
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _say(found: Found, context: Context) -> str:
    language = context.language
    parts = [
        number_words(parse(part, language), language) for part in (found.written or "").split(":")
    ]
    return f" {language.word('to')} ".join(parts)


def rules(language: Language) -> list[Rule]:
    number = unsigned(language)
    return [
        Rule(
            "ratio",
            SemioticClass.RATIO,
            rf"(?<![\w.:]){number}(?::{number})+(?![\w:]|[.,]\d)",
            _say,
        )
    ]
