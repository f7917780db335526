"""Telephone numbers: digit by digit, a pause between groups, as a reader says them:
"+1 (555) 123-4567" is "plus one, five five five, one two three, four five six seven"."""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import digit_by_digit
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_GROUPS = re.compile(r"\d+")


def _say(found: Found, context: Context) -> str:
    written = found.written
    groups = [digit_by_digit(group, context.language) for group in _GROUPS.findall(written)]
    said = ", ".join(groups)
    return f"plus {said}" if written.lstrip().startswith("+") else said


def _say_labelled(found: Found, context: Context) -> str:
    label = (found.group("label") or "").strip().rstrip(":.")
    number = found.group("number") or ""
    groups = [digit_by_digit(group, context.language) for group in _GROUPS.findall(number)]
    return f"{label}, {', '.join(groups)}"


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "telephone: international",
            SemioticClass.TELEPHONE,
            r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-])",
            _say,
        ),
        Rule(
            "telephone: area code",
            SemioticClass.TELEPHONE,
            r"(?<![\w(])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}(?![\w-])",
            _say,
        ),
        Rule(
            "telephone: after the word",
            SemioticClass.TELEPHONE,
            r"\b(?P<label>(?:[Pp]hone|[Tt]el|TEL|[Cc]all|[Ff]ax)[:.]?\s)(?P<number>\d[\d\s-]{5,}\d)",
            _say_labelled,
        ),
    ]
