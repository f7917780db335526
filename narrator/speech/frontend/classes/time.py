"""Times of day: "14:30" is "fourteen thirty", "9:05 a.m." is "nine oh five A M",
"9:00" is "nine o'clock", "10pm" is "ten P M"."""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_HALF_DAY = {"a": "A M", "p": "P M"}
# "a 1:10 dilution", "odds of 1:20": a colon between numbers there is a ratio.
_RATIO_NEAR = re.compile(
    r"\b(?:ratio|ratios|dilution|diluted|odds|scale|mix|mixed|aspect)\b", re.IGNORECASE
)


def _minutes(minutes: str, language: Language) -> str:
    if minutes == "00":
        return ""
    if minutes.startswith("0"):
        return f"oh {cardinal_words(minutes[1], language)}"
    return cardinal_words(minutes, language)


def _say(found: Found, context: Context) -> str | None:
    language = context.language
    hours = found.group("hours") or "0"
    minutes = found.group("minutes") or "00"
    half = (found.group("half") or "").lower()[:1]
    if not half and (
        _RATIO_NEAR.search(found.after[:20]) or _RATIO_NEAR.search(found.before[-20:])
    ):
        return None
    said_hours = cardinal_words(str(int(hours)), language)
    if hours.startswith("0") and len(hours) == 2 and not half:
        said_hours = f"oh {said_hours}" if hours != "00" else "zero"
    said_minutes = _minutes(minutes, language)
    if not said_minutes:
        on_the_hour = "hundred" if int(hours) > 12 or hours.startswith("0") else "o'clock"
        said = said_hours if half else f"{said_hours} {on_the_hour}"
    else:
        said = f"{said_hours} {said_minutes}"
    seconds = found.group("seconds")
    if seconds:
        said = f"{said} and {cardinal_words(str(int(seconds)), language)} seconds"
    if half:
        said = f"{said} {_HALF_DAY[half]}"
    return said


def rules(language: Language) -> list[Rule]:
    half = r"(?:\s?(?P<half>[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b))"
    return [
        Rule(
            "time: hours and minutes",
            SemioticClass.TIME,
            rf"(?<![\w.:])(?P<hours>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?::(?P<seconds>[0-5]\d))?(?![\d:])(?:{half})?",
            _say,
        ),
        Rule(
            "time: hour and half of day",
            SemioticClass.TIME,
            rf"(?<![\w.:])(?P<hours>1[0-2]|0?[1-9]){half}",
            _say,
        ),
    ]
