"""Telephone numbers: digit by digit, a pause between groups, as a reader says them.

"+1 (555) 123-4567" is "plus one, five five five, one two three, four five six
seven"; a toll-free prefix is said as people say it, "1-800-555-0199" "one,
eight hundred, five five five, …" and "0800 123 456" "zero eight hundred, one
two three, four five six". A number with a trunk zero, "(020) 7946 0958" or
"0161 496 0000", is a telephone number wherever it stands. A short number
after a word for calling ("Dial 911", "call 999", "Helpline 111") is a
telephone number, not a quantity: "nine one one". An SMS short code, "Text
STOP to 60060", is "text stop to six zero zero six zero".
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, digit_by_digit
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_GROUPS = re.compile(r"\d+")
# "800", "0800": a prefix said as hundreds.
_HUNDREDS_PREFIX = re.compile(r"(?P<zero>0?)(?P<hundreds>[1-9])00")
_HUNDRED = "hundred"


def _prefix(group: str, language: Language) -> str:
    hundreds = _HUNDREDS_PREFIX.fullmatch(group)
    if hundreds is None:
        return digit_by_digit(group, language)
    said = f"{cardinal_words(hundreds.group('hundreds'), language)} {_HUNDRED}"
    return f"{cardinal_words('0', language)} {said}" if hundreds.group("zero") else said


def _groups(number: str, language: Language) -> str:
    """The groups of ``number`` paused between; the first group after the country or
    trunk code ("+1", "1-") may be a toll-free prefix said as hundreds."""
    groups = _GROUPS.findall(number)
    international = number.lstrip().startswith("+")
    trunk = not international and len(groups) == 4 and groups[0] == "1"
    first = 1 if international or trunk else 0
    said = [
        _prefix(group, language) if index == first else digit_by_digit(group, language)
        for index, group in enumerate(groups)
    ]
    joined = ", ".join(said)
    return f"plus {joined}" if international else joined


def _say(found: Found, context: Context) -> str:
    return _groups(found.written, context.language)


# "call 150 patients": a count of something, not a number to call.
_COUNTED_AFTER = re.compile(r"\s+(?:[a-z]+s|people|men|women|children|staff)\b")
# "Call 111 or 999": the second number is one to call too.
_CALLED_BEFORE_OR = re.compile(
    r"\b(?:[Dd]ial|[Cc]all|[Rr]ing|[Pp]hone|[Hh]elpline)\s\+?\d[\d\s()-]*,?\sor\s$"
)
_DIAL_BEFORE = re.compile(r"\b[Dd]ial\s$")


def _say_called(found: Found, context: Context) -> str | None:
    """A number after "call", "ring", "phone" or "helpline" is one to call ("Call
    112 anywhere", and "999" in "call 111 or 999"), unless a counted noun follows
    ("call 150 patients"); after "dial" it always is."""
    if not _DIAL_BEFORE.search(found.before) and _COUNTED_AFTER.match(found.after):
        return None
    if found.before.endswith("or ") and not _CALLED_BEFORE_OR.search(found.before):
        return None
    return _say(found, context)


def _say_short_code(found: Found, context: Context) -> str:
    keyword = (found.group("keyword") or "").lower()
    number = digit_by_digit(found.group("number") or "", context.language)
    return f"{keyword} {found.group('to')} {number}"


# After these words a number is one to call ("Dial 911", "Fax: 020 7946 0000").
_CALLING = (
    r"(?:(?<=\b[Dd]ial\s)|(?<=\b[Cc]all\s)|(?<=\b[Rr]ing\s)|(?<=\b[Pp]hone\s)|(?<=\b[Pp]hone:\s)"
    r"|(?<=\b[Tt]el\s)|(?<=\b[Tt]el:\s)|(?<=\bTEL:\s)|(?<=\b[Tt]el\.\s)|(?<=\b[Ff]ax\s)"
    r"|(?<=\b[Ff]ax:\s)|(?<=[Hh]elpline\s)|(?<=[Hh]elpline:\s)|(?<=[Hh]otline\s)"
    r"|(?<=[Hh]otline:\s)|(?<=\bor\s))"
)


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
            r"(?<![\w(.,-])(?:1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-]|[.,]\d)",
            _say,
        ),
        Rule(
            "telephone: trunk zero",
            SemioticClass.TELEPHONE,
            r"(?<![\w(.,-])(?:\(0\d{2,4}\)|0\d{2,4})\s?\d{3,4}[\s-]\d{3,4}(?![\w-]|[.,]\d)",
            _say,
        ),
        Rule(
            "telephone: after a word for calling",
            SemioticClass.TELEPHONE,
            rf"{_CALLING}(?:\d{{3,5}}|1(?=[\s-]\d{{3}}))(?:[\s-]\d{{3,4}}){{0,3}}(?![\w.,:/-]\d|[\w%\u00b0-])",
            _say_called,
        ),
        Rule(
            "telephone: short code",
            SemioticClass.TELEPHONE,
            r"(?<=\b[Tt]ext\s)(?P<keyword>[A-Z]{2,12})\s(?P<to>to)\s(?P<number>\d{4,6})(?![\w.,]\d)",
            _say_short_code,
        ),
    ]
