"""Ordinals: "1st" is "first", "22nd" is "twenty-second", "1,000th" is
"one thousandth"."""

from __future__ import annotations

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import ordinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _say(found: Found, context: Context) -> str:
    value = (found.group("value") or "0").replace(context.language.group_mark, "")
    return ordinal_words(int(value), context.language)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "ordinal",
            SemioticClass.ORDINAL,
            r"(?<![\w.])(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th|\u02e2\u1d57|\u207f\u1d48|\u02b3\u1d48|\u1d57\u02b0)(?![\w])",
            _say,
        )
    ]
