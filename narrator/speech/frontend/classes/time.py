"""Times of day: "14:30" is "fourteen thirty", "9:05 a.m." is "nine oh five A.M",
"9:00" is "nine o'clock" (but "twelve hundred" in a text on the 24-hour
clock, "12:00 to 13:00"), "10pm" is "ten P.M", "9am–5pm" is "nine A.M to five
P.M", "0800 hours" (military, with its leading zero or after "at") is "oh
eight hundred hours", "9.30 am" (British) is "nine thirty A.M".

Another language says its times by the patterns of its ``settings`` table
("14:30 Uhr" is "vierzehn Uhr dreißig", "14 h 30" is "quatorze heures
trente"), with the marks it writes between hours and minutes ("14.30 Uhr"
only with its "Uhr", since "14.30" alone is no time).
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

# Dotted, as the letters module spells: espeak-ng says a spaced "A M" as "uh M".
_HALF_DAY = {"a": "A.M", "p": "P.M"}
# "a 1:10 dilution", "odds of 1:20": a colon between numbers there is a ratio.
_RATIO_NEAR = re.compile(
    r"\b(?:ratio|ratios|dilution|diluted|odds|scale|mix|mixed|aspect)\b", re.IGNORECASE
)
# A time written on the 24-hour clock ("06:45", "13:00"): the text's hours are said so.
_TWENTY_FOUR_HOUR = re.compile(r"(?<![\d:.])(?:0\d|1[3-9]|2[0-3]):[0-5]\d")
_DASH = r"\s?[\u2013\u2014-]\s?"


def _minutes(minutes: str, language: Language) -> str:
    if minutes == "00":
        return ""
    if minutes.startswith("0"):
        return f"oh {cardinal_words(minutes[1], language)}"
    return cardinal_words(minutes, language)


def _english_clock(
    hours: str, minutes: str, seconds: str | None, half: str, context: Context
) -> str:
    language = context.language
    said_hours = cardinal_words(str(int(hours)), language)
    if hours.startswith("0") and len(hours) == 2 and not half:
        said_hours = f"oh {said_hours}" if hours != "00" else "zero"
    said_minutes = _minutes(minutes, language)
    if not said_minutes:
        twenty_four = int(hours) > 12 or hours.startswith("0")
        if not half and len(hours) == 2 and _TWENTY_FOUR_HOUR.search(context.text):
            twenty_four = True
        on_the_hour = "hundred" if twenty_four else "o'clock"
        said = said_hours if half else f"{said_hours} {on_the_hour}"
    else:
        said = f"{said_hours} {said_minutes}"
    if seconds and int(seconds):
        # "01:00:00" is "oh one hundred": no seconds past the minute are not said.
        said = f"{said} and {cardinal_words(str(int(seconds)), language)} seconds"
    if half:
        said = f"{said} {_HALF_DAY[half]}"
    return said


def _styled_clock(hours: str, minutes: str, language: Language) -> str:
    """A time in a language's own pattern ("{hours} Uhr {minutes}")."""
    style = language.time_style
    value = int(hours)
    pattern = style.said_on_the_hour if minutes in ("", "00") else style.said
    if value == 1 and style.said_at_one:
        pattern = style.said_at_one
    said_minutes = cardinal_words(str(int(minutes)), language) if minutes else ""
    said_hours = cardinal_words(str(value), language)
    one = cardinal_words("1", language)
    if style.one and (said_hours == one or said_hours.endswith(f" {one}")):
        said_hours = said_hours[: -len(one)] + style.one
    said = pattern.format(hours=said_hours, minutes=said_minutes)
    return " ".join(said.split())


def _clock(found: Found, context: Context, suffix: str = "") -> str:
    hours = found.group("hours" + suffix) or "0"
    minutes = found.group("minutes" + suffix) or ""
    if context.language.time_style.said:
        return _styled_clock(hours, minutes, context.language)
    half = (found.group("half" + suffix) or "").lower()[:1]
    seconds = found.group("seconds" + suffix)
    return _english_clock(hours, minutes or "00", seconds, half, context)


def _near_ratio(found: Found) -> bool:
    return bool(_RATIO_NEAR.search(found.after[:20]) or _RATIO_NEAR.search(found.before[-20:]))


def _say(found: Found, context: Context) -> str | None:
    if not found.group("half") and found.group("minutes") and _near_ratio(found):
        return None
    return _with_full_stop(_clock(found, context), found)


def _with_full_stop(said: str, found: Found) -> str:
    """ "a.m." may end the sentence: its full stop stays a pause there."""
    following = found.after.lstrip()
    if found.written.endswith(".") and (not following or following[0].isupper()):
        return said + "."
    return said


def _say_range(found: Found, context: Context) -> str | None:
    if _near_ratio(found):
        return None
    first, second = _clock(found, context, "1"), _clock(found, context, "2")
    return _with_full_stop(f"{first} {context.language.word('to')} {second}", found)


def _english_rules() -> list[Rule]:
    half_of_day = r"[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b"
    half = rf"(?:\s?(?P<half>{half_of_day}))"
    start = r"(?<![\w.:])"

    def end(suffix: str) -> str:
        # Written as a time: minutes or a half of the day follow the hours, so a range
        # of numbers ("7-10 days") is not even tried here.
        return (
            rf"(?P<hours{suffix}>[01]?\d|2[0-3])(?=:[0-5]\d|\s?(?:{half_of_day}))"
            rf"(?::(?P<minutes{suffix}>[0-5]\d))?(?:\s?(?P<half{suffix}>{half_of_day}))?"
        )

    return [
        Rule(
            "time: from one time to another",
            SemioticClass.TIME,
            rf"{start}{end('1')}{_DASH}{end('2')}(?![\w:])",
            _say_range_checked,
        ),
        Rule(
            "time: hours and minutes",
            SemioticClass.TIME,
            rf"{start}(?P<hours>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?::(?P<seconds>[0-5]\d))?(?![\d:]|[,.]\d){half}?",
            _say,
        ),
        Rule(
            "time: hours.minutes and half of day",
            SemioticClass.TIME,
            rf"{start}(?P<hours>1[0-2]|0?[1-9])\.(?P<minutes>[0-5]\d){half}",
            _say,
        ),
        Rule(
            "time: military hours",
            SemioticClass.TIME,
            rf"{start}(?P<hours>[01]\d|2[0-3])(?P<minutes>[0-5]\d)(?=\s?(?:hours|hrs)\b)",
            _say_military,
        ),
        Rule(
            "time: hour and half of day",
            SemioticClass.TIME,
            rf"{start}(?P<hours>1[0-2]|0?[1-9]){half}",
            _say,
        ),
    ]


def _say_range_checked(found: Found, context: Context) -> str | None:
    """A range of times needs both ends to be written as times ("9am–5pm",
    "9:00–17:00"); "3–4" is a range of numbers."""
    for suffix in ("1", "2"):
        if not (found.group("minutes" + suffix) or found.group("half" + suffix)):
            return None
    return _say_range(found, context)


def _say_military(found: Found, context: Context) -> str | None:
    """ "0800 hours" and "at 1400 hours" are times; "1500 hours of training" a count."""
    hours = found.group("hours") or ""
    if not hours.startswith("0") and not re.search(r"\b[Aa]t\s$", found.before[-3:]):
        return None
    minutes = found.group("minutes") or "00"
    language = context.language
    said_hours = cardinal_words(str(int(hours)), language)
    if hours.startswith("0"):
        said_hours = f"oh {said_hours}" if hours != "00" else "zero"
    return f"{said_hours} {_minutes(minutes, language) or 'hundred'}"


def _styled_rules(language: Language) -> list[Rule]:
    style = language.time_style
    marks = "|".join(
        rf"\s?{re.escape(mark)}\s?" if mark.isalpha() else re.escape(mark) for mark in style.marks
    )
    after = rf"(?:\s{re.escape(style.after)}\b)?" if style.after else ""
    hours = r"(?<![\w.:,])(?P<hours>[01]?\d|2[0-3])"
    rules = [
        Rule(
            "time: hours and minutes",
            SemioticClass.TIME,
            rf"{hours}(?:{marks})(?P<minutes>[0-5]\d)(?![\d:]|[,.]\d){after}",
            _say,
        )
    ]
    if style.after and style.marks_before_after:
        # "14.30 Uhr": a mark that is also a decimal or group mark needs the word after.
        between = "|".join(re.escape(mark) for mark in style.marks_before_after)
        rules.append(
            Rule(
                "time: hours and minutes before the word for hour",
                SemioticClass.TIME,
                rf"{hours}(?:{between})(?P<minutes>[0-5]\d)\s{re.escape(style.after)}\b",
                _say,
            )
        )
    words = [mark for mark in style.marks if mark.isalpha()]
    words += [style.after] if style.after else []
    if words:
        alternatives = "|".join(re.escape(word) for word in words)
        rules.append(
            Rule(
                "time: hours",
                SemioticClass.TIME,
                rf"{hours}\s?(?:{alternatives})(?![\w])(?!\s?\d)",
                _say,
            )
        )
    return rules


def rules(language: Language) -> list[Rule]:
    if language.time_style.said:
        return _styled_rules(language)
    return _english_rules()
