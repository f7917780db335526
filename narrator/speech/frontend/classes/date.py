"""Dates: "2024-03-15" and "15 March 2024" are "March fifteenth, twenty twenty-four"
and "the fifteenth of March, twenty twenty-four"; "March 15, 2024" is "March
fifteenth, twenty twenty-four", "March 15–17" "March fifteenth to
seventeenth", "2024/03/15" as the ISO form; "3/15/2024" (month first, as in
the US) and "15/03/2024" (day first, when the day cannot be a month)
likewise.

Month names are the language's ``months`` table, and how a date is said its
``settings``: German "am 15. März 2024" is "am fünfzehnten März zwei tausend
vier und zwanzig" (the ordinal's ending from ``ordinal-endings``), French "le
15 mars 2024" is "le quinze mars deux mille vingt-quatre" ("le 1er mars" is
"le premier mars").
"""

from __future__ import annotations

import re

from narrator.speech.frontend.alternation import alternation
from narrator.speech.frontend.classes.written_ordinal import say_ordinal
from narrator.speech.frontend.classes.year import is_year
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, year_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _month_number(written: str, language: Language) -> int | None:
    """The month a written name or abbreviation stands for ("Mar", "March", "3")."""
    if written.isdigit():
        number = int(written)
        return number if 1 <= number <= 12 else None
    name = written.rstrip(".").lower()
    for number, month in language.months.items():
        if month.lower() == name or (len(name) >= 3 and month.lower().startswith(name)):
            return int(number)
    return None


def _day_words(day: int, language: Language, before: str) -> str:
    style = language.date_style
    if day == 1 and style.first_day:
        return style.first_day
    if style.day == "cardinal":
        return cardinal_words(str(day), language)
    return say_ordinal(day, before, language)


def date_words(
    year: str | None,
    month: int,
    day: int | None,
    language: Language,
    day_first: bool,
    before: str = "",
    last_day: int | None = None,
) -> str:
    """A date in the words and order of the language's ``settings``; ``before`` is the
    text before it, whose last word may ask for an ending ("am fünfzehnten"), and
    ``last_day`` the end of a range of days ("March 15–17")."""
    style = language.date_style
    month_name = language.months[str(month)]
    said_year = year_words(int(year), language) if year else ""
    if day is None:
        pattern = style.month_year
        said_day = ""
    else:
        pattern = style.day_first if day_first else style.month_first
        said_day = _day_words(day, language, before)
        if last_day is not None:
            said_day = f"{said_day} {language.word('to')} {_day_words(last_day, language, before)}"
    said = " ".join(pattern.format(day=said_day, month=month_name, year=said_year).split())
    first, _, rest = said.partition(" ")
    if rest and before.rstrip().lower().endswith(f" {first.lower()}"):
        said = rest  # "on the 4th of July": the text has said "the" already
    return said.rstrip(" ,")


def _with_full_stop(said: str | None, found: Found, language: Language) -> str | None:
    """A month written in full takes no full stop of its own: "am 3. Oktober." ends
    the sentence, and its pause stays."""
    month = found.group("month") or ""
    if said is None or not month.endswith(".") or found.group("year"):
        return said
    return said + "." if month[:-1] in language.months.values() else said


def _valid(month: int | None, day: int | None) -> bool:
    return month is not None and (day is None or 1 <= day <= 31)


def _say_iso(found: Found, context: Context) -> str | None:
    month, day = (
        _month_number(found.group("month") or "", context.language),
        int(found.group("day") or 0),
    )
    if not _valid(month, day) or not is_year(found.group("year") or ""):
        return None
    return date_words(found.group("year"), month or 1, day, context.language, day_first=False)


def _looks_like_version(found: Found) -> bool:
    """ "2.7.18" and "3.5.10" are versions: a date written with dots and a year of
    two digits pads its day and month ("03.05.10")."""
    first, second = found.group("first") or "", found.group("second") or ""
    year = found.group("year") or ""
    return found.group("mark") == "." and len(year) == 2 and (len(first) < 2 or len(second) < 2)


def _say_numeric(found: Found, context: Context) -> str | None:
    if _looks_like_version(found):
        return None
    first, second = int(found.group("first") or 0), int(found.group("second") or 0)
    year = found.group("year") or ""
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    if not is_year(year):
        return None
    month_first = not context.language.date_style.numeric_day_first
    if month_first and 1 <= first <= 12 and 1 <= second <= 31:
        month, day, day_first = first, second, False
    elif 1 <= second <= 12 and 1 <= first <= 31:
        month, day, day_first = second, first, True
    else:
        return None
    return date_words(year, month, day, context.language, day_first, found.before)


def _say_day_month(found: Found, context: Context) -> str | None:
    month = _month_number(found.group("month") or "", context.language)
    day = int(found.group("day") or 0)
    if not _valid(month, day):
        return None
    last = _last_day(found, day)
    if last == 0:
        return None
    said = date_words(
        found.group("year"), month or 1, day, context.language, True, found.before, last
    )
    return _with_full_stop(said, found, context.language)


def _last_day(found: Found, day: int) -> int | None:
    """The last day of a range ("15–17"), ``None`` for one day, 0 if it is no range."""
    last = found.group("last")
    if last is None:
        return None
    return int(last) if day < int(last) <= 31 else 0


def _say_month_day(found: Found, context: Context) -> str | None:
    month = _month_number(found.group("month") or "", context.language)
    day = found.group("day")
    if not _valid(month, int(day) if day else None):
        return None
    last = _last_day(found, int(day)) if day else None
    if last == 0:
        return None
    return date_words(
        found.group("year"),
        month or 1,
        int(day) if day else None,
        context.language,
        day_first=False,
        before=found.before,
        last_day=last,
    )


def _say_days(found: Found, context: Context) -> str | None:
    """ "Mon–Fri" is "Monday to Friday"; "Fri, 31 Jan" is "Friday, …". A day is
    written in capitals and followed by a comma, a dash, a date or its end, so
    "Sun exposure" and "Sat down" stay words."""
    days = context.language.days
    first, last = found.group("first") or "", found.group("last")
    if last:
        return f"{days[first]} {context.language.word('to')} {days[last]}"
    if _THE_BEFORE.search(found.before):
        return None  # "The Sun" is a newspaper
    if found.group("dot"):
        # "Wed." is a day; its full stop still ends a sentence where one ends.
        ends = not found.after.strip() or found.after.lstrip()[:1].isupper()
        return days[first] + ("." if ends else "")
    return days[first] if _AFTER_A_DAY.match(found.after) else None


_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_AFTER_A_DAY = re.compile(r"\s*$|,|\s+\d|\s*[\u2013-]")


def rules(language: Language) -> list[Rule]:
    names = alternation(
        name for month in language.months.values() for name in (month, month[:3], month[:4])
    )
    month = rf"(?P<month>{names}\.?)"
    marks = "|".join(re.escape(mark) for mark in language.date_style.day_marks)
    ordinal = rf"(?:{marks})?" if marks else ""
    of = rf"(?:{re.escape(language.words['of'])}\s)?" if "of" in language.words else ""
    last = rf"(?:\s?[\u2013-]\s?(?P<last>\d{{1,2}}){ordinal})?"
    day_rules = []
    if language.days:
        day = "|".join(sorted(map(re.escape, language.days), key=len, reverse=True))
        day_rules.append(
            Rule(
                "date: day of the week",
                SemioticClass.DATE,
                rf"\b(?P<first>{day})(?P<dot>\.)?(?:\s?[\u2013-]\s?(?P<last>{day})\.?)?(?![\w])",
                _say_days,
                starts=frozenset(language.days),
            )
        )
    return [
        *day_rules,
        Rule(
            "date: ISO",
            SemioticClass.DATE,
            r"(?<![\w./-])(?P<year>\d{4})(?P<mark>[-/])(?P<month>\d{2})(?P=mark)(?P<day>\d{2})(?![\w/-])",
            _say_iso,
        ),
        Rule(
            "date: numeric",
            SemioticClass.DATE,
            r"(?<![\w./-])(?P<first>\d{1,2})(?P<mark>[/.-])(?P<second>\d{1,2})(?P=mark)(?P<year>\d{4}|\d{2})(?![\w/-]|\.\w)",
            _say_numeric,
        ),
        Rule(
            "date: day month year",
            SemioticClass.DATE,
            rf"(?<![\w.])(?P<day>\d{{1,2}}){ordinal}{last}\s{of}{month}(?![\w])(?:,?\s(?P<year>\d{{4}})(?!\w))?",
            _say_day_month,
        ),
        Rule(
            "date: month day year",
            SemioticClass.DATE,
            rf"\b{month}\s(?P<day>\d{{1,2}}){ordinal}{last}(?![\w:])(?:,?\s(?P<year>\d{{4}})(?!\w))?",
            _say_month_day,
        ),
        Rule(
            "date: month year",
            SemioticClass.DATE,
            rf"\b{month}\s(?P<year>\d{{4}})(?!\w)",
            _say_month_day,
        ),
        Rule(
            "date: numeric month and year",
            SemioticClass.DATE,
            # "revised 04/2023": a month of two digits and a year (a leaflet's date).
            r"(?<![\w./-])(?P<month>0[1-9]|1[0-2])/(?P<year>(?:19|20)\d{2})(?![\w/-]|\.\d)",
            _say_month_day,
        ),
    ]
