"""Footnote markers: "reduced by 40%[3]" is "reduced by forty percent, note 3", never
"forty percent three" and never merged into the number ("in 2019²" is not
"two thousand and nineteen squared" when it is a note).

A marker is "[3]", "[3, 4]", "[3–5]", "¹⁻³" or Markdown's "[^3]" after a word or a
number (or after a word and a space, IEEE's "shown in [12]", "in note twelve"),
or superscript digits straight after a word of three letters or more, a
closing mark or a year ("in 1998³"). A superscript after a single letter or
two ("x²", "mc²"), after π ("πr²"), after a unit ("mmol²") or after any other
number ("10⁵") is a power (``scientific``, ``measure``). With
``footnotes`` off, markers are dropped.

HTML's "<sup>3</sup>" after a word is a note too (``markup``).

A reference's "337(6096):816" is its volume, issue and pages: "three hundred
and thirty-seven, issue six thousand and ninety-six, page eight hundred and
sixteen" ("pages 816 to 821" for a range).
"""

from __future__ import annotations

import re
from itertools import pairwise

from narrator.speech.frontend.classes.written_numbers import SUPERSCRIPT_DIGITS, SUPERSCRIPTS
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, digit_by_digit, year_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_NUMBERS = re.compile(r"\d+")
_PAUSES = frozenset(".,;:!?)")
# "as shown in [12]": the reference is part of the sentence, said with no pause.
_REFERRING = re.compile(r"\b(?:in|see|of|from|by|and|to|also|cf\.|e\.g\.,?)\s$", re.IGNORECASE)
_CLOSING = frozenset('.,;:)\u201d"%')
_OPERATOR_BEFORE = re.compile(r"[=+\u00d7*/^\u2212-]\s*$")
_WORD_BEFORE = re.compile(r"[^\W\d_\u2080-\u2089]+$")
# Letters that name quantities in formulas, not words ("πr²", "Δx²").
_GREEK = re.compile(r"[\u0370-\u03ff]")


def note_words(notes: str, before: str, after: str, context: Context) -> str:
    """ "notes 9 to 11" for the marker ``notes`` between ``before`` and ``after``,
    with a pause either side unless the text makes one there itself."""
    if not context.footnotes:
        return " "
    language = context.language
    notes = notes.translate(SUPERSCRIPTS)
    numbers = [cardinal_words(number, language) for number in _NUMBERS.findall(notes)]
    joiner = (
        f" {language.word('to')} "
        if re.search(r"[\u2013-]", notes) and len(numbers) == 2
        else " and "
    )
    word = language.word("note") + ("s" if len(numbers) > 1 else "")
    pause_after = "" if after[:1] in _PAUSES else ","
    pause_before = " " if before.rstrip()[-1:] in _PAUSES else ", "
    return f"{pause_before}{word} {joiner.join(numbers)}{pause_after}"


def _say(found: Found, context: Context) -> str:
    return note_words(found.group("notes") or "", found.before, found.after, context)


def _say_bracketed(found: Found, context: Context) -> str | None:
    """ "[3]" straight after a word or a number is a note; after a space ("as shown
    in [12, 14]", IEEE's style) only when its numbers rise from one up, as
    references do: "[0, 1]" is an interval. No note is numbered zero: "argv[0]"
    is an index."""
    if (found.group("notes") or "").startswith("0"):
        return None
    if found.before[-1:].isspace():
        numbers = [int(number) for number in _NUMBERS.findall(found.group("notes") or "")]
        if numbers[0] < 1 or any(b <= a for a, b in pairwise(numbers)):
            return None
        if _REFERRING.search(found.before):
            return " " + note_words(found.group("notes") or "", "", found.after, context).lstrip(
                ", "
            )
    return _say(found, context)


def is_note_place(before: str, language: Language) -> bool:
    """Whether a superscript after ``before`` is a note: after a word of three
    letters or more that is no unit or formula ("large²"), or after a closing
    mark ("trials.¹", "(2019)²") or a percentage, or with nothing before it (the
    note's own number, opening its text)."""
    if before[-1:] in _CLOSING or not before.strip():
        return True
    word = _WORD_BEFORE.search(before)
    return bool(
        word
        and len(word.group()) >= 3
        and word.group() not in language.units
        and not _GREEK.search(word.group())
    )


def _say_superscript(found: Found, context: Context) -> str | None:
    """A superscript after a word is a note unless the word is a unit or a formula."""
    if not is_note_place(found.before, context.language):
        return None
    return _say(found, context)


def _say_after_year(found: Found, context: Context) -> str | None:
    """ "in 1998³" is "in nineteen ninety-eight, note three": no text squares a year,
    but papers put a note after one. After an operator ("= 2019²") it is a power."""
    if _OPERATOR_BEFORE.search(found.before):
        return None
    year = year_words(int(found.group("year") or ""), context.language)
    return f"{year}{_say(found, context)}"


def _page(written: str, language: Language) -> str:
    """A page number; an electronic one ("e1002512") is its letter and digits."""
    if written[:1].isalpha():
        return f"{written[0].upper()} {digit_by_digit(written[1:], language)}"
    return cardinal_words(written, language)


def _say_volume_issue_pages(found: Found, context: Context) -> str:
    language = context.language
    volume = cardinal_words(found.group("volume") or "", language)
    pages = [_page(page, language) for page in re.split(r"[\u2013-]", found.group("pages") or "")]
    to = f" {language.word('to')} "
    said_pages = f"pages {to.join(pages)}" if len(pages) > 1 else f"page {pages[0]}"
    issue = to.join(
        cardinal_words(number, language) for number in _NUMBERS.findall(found.group("issue") or "")
    )
    return f"{volume}, issue {issue}, {said_pages}"


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "footnote: volume, issue and pages",
            SemioticClass.FOOTNOTE,
            r"(?<![\w.,])(?P<volume>\d{1,4})\((?P<issue>\d{1,5}(?:[\u2013-]\d{1,5})?)\):\s?"
            r"(?P<pages>[a-zA-Z]?\d+(?:[\u2013-][a-zA-Z]?\d+)?)(?![\w.,]\d|\w)",
            _say_volume_issue_pages,
        ),
        Rule(
            "footnote: bracketed",
            SemioticClass.FOOTNOTE,
            r"(?:(?<=[\w%.,;:)\u201d\"'])|(?<=[^\W\d_]\s))"
            r"\[\^?(?P<notes>\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*)\]",
            _say_bracketed,
        ),
        Rule(
            "footnote: superscript",
            SemioticClass.FOOTNOTE,
            rf"(?:(?<=[^\W\d_\u2080-\u2089]{{3}})|(?<=[.,;:)\u201d\"%]))"
            rf"(?P<notes>[{SUPERSCRIPT_DIGITS}]+(?:[,\u2013\u207b-][{SUPERSCRIPT_DIGITS}]+)*)",
            _say_superscript,
        ),
        Rule(
            "footnote: superscript after a year",
            SemioticClass.FOOTNOTE,
            rf"(?<![\w.,\u2212+-])(?P<year>(?:1[5-9]|20)\d\d)"
            rf"(?P<notes>[{SUPERSCRIPT_DIGITS}]+(?:[,\u2013\u207b-][{SUPERSCRIPT_DIGITS}]+)*)"
            rf"(?![{SUPERSCRIPT_DIGITS}\u207b\u207a\w])",
            _say_after_year,
        ),
    ]
