"""Years and decades: "in 1999" is "in nineteen ninety-nine", "since 2019" is
"since twenty nineteen", "in 1066" is "in ten sixty-six" (decades are ``decade``).

A four-digit number is a year where the words before it say so ("in",
"since", a month: the language's ``year-words``), where it stands alone in
brackets or a citation, or where nothing countable follows it; "1999
patients" stays a count, but "a 2019 study" (the language's ``year-nouns``) is
a year. In a language that capitalises its nouns (German)
a capital after the number is a noun counted, not a name. A year before
1100 needs a year word ("in 1066"): "1024 bytes." is no year.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import year_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*[,(]?\s*$")
_COUNTED = re.compile(r"\s*[^\W\d_]{2,}")
_EARLY_YEAR = re.compile(r"10\d\d")


def is_year(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1100 <= int(written) <= 2099


def say_year(written: str, language: Language) -> str:
    return year_words(int(written), language)


def said_to_be_a_year(before: str, language: Language) -> bool:
    """Whether the words before a number say it is a year ("in", "since", a month)."""
    word_before = _WORD_BEFORE.search(before)
    word = word_before.group(1).lower() if word_before else ""
    return word in language.year_words


def in_year_context(before: str, after: str, language: Language) -> bool:
    """Whether a number standing between ``before`` and ``after`` reads as a year:
    the words before say so ("in", "since", a month, a bracket or a citation's
    comma), or nothing countable follows it ("1999 patients" is a count)."""
    if said_to_be_a_year(before, language) or before.rstrip().endswith(("(", ",")):
        return True
    counted = _COUNTED.match(after)
    if not counted or counted.group().strip().lower() in language.year_nouns:
        return True
    return after.lstrip()[:1].isupper() and not language.capitalised_nouns


def _say_year(found: Found, context: Context) -> str | None:
    written = found.group("year") or ""
    language = context.language
    if _EARLY_YEAR.fullmatch(written):
        following = _COUNTED.match(found.after)
        counted = following and following.group().strip().lower() not in language.year_words
        if not said_to_be_a_year(found.before, language) or counted:
            return None
        return say_year(written, language)
    if not is_year(written) or not in_year_context(found.before, found.after, language):
        return None
    return say_year(written, language)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "year",
            SemioticClass.YEAR,
            r"(?<![\w.,\u2013\u2212-])(?P<year>\d{4})(?![\w]|[.,]\d|[\u2013-]\d)",
            _say_year,
        ),
    ]
