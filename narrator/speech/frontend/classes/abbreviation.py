"""Abbreviations with a full stop: titles, Latin and citation abbreviations, from the
language's ``abbreviations`` table.

Where decides between readings: "St. Mary's" (before a name) is "Saint
Mary's" and "Baker St." (after one) is "Baker Street"; "no. 16" is
"number 16" but "the answer is no." stays "no"; "pp. 511" is "page 511"
and "pp. 511-520" "pages"; "Mr. and Mrs. Smith" are both titles. An
abbreviation that may end a clause ("etc.", "et al.") keeps its full stop as
a pause there.
"""

from __future__ import annotations

import re
from functools import cache

from narrator.speech.frontend.language import Abbreviation, Language
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

# A name after the title, or another title and its name ("Mr. and Mrs. Smith").
_NAME_AFTER = re.compile(r"\s*(?:(?:and|&)\s+)?[A-Z]")
_NUMBER_AFTER = re.compile(r"\s*(?:[^\W\d_]?\d|[IVXLC]+\b)")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'\u2019-]*|\d+)\s*$")
_SINGLE_NUMBER = re.compile(r"\s*\d+(?:[.,]\d+)*(?!\d|[.,]\d|\s?[-\u2013\u2014]\s?\d)")


@cache
def _by_written(language: Language) -> dict[str, tuple[Abbreviation, ...]]:
    table: dict[str, list[Abbreviation]] = {}
    for entry in language.abbreviations:
        table.setdefault(entry.written.lower(), []).append(entry)
    return {written: tuple(entries) for written, entries in table.items()}


def _applies(entry: Abbreviation, found: Found) -> bool:
    after, before = found.after, found.before
    if entry.where == "number":
        return bool(_NUMBER_AFTER.match(after))
    if entry.where == "name":
        return bool(_NAME_AFTER.match(after))
    if entry.where == "after":
        return bool(_NAME_BEFORE.search(before))
    return True


def _say(found: Found, context: Context) -> str | None:
    written = re.sub(r"\s+", " ", found.written).lower()
    entries = _by_written(context.language).get(written, ())
    entry = next((entry for entry in entries if _applies(entry, found)), None)
    if entry is None:
        return None
    said = entry.said
    following = found.after.lstrip()
    if written == "pp." and _SINGLE_NUMBER.match(found.after):
        said = "page"
    if not following:
        return said + "."
    if entry.where == "end" and not following[0].islower():
        return said + ","
    if (
        entry.where == "after"
        and following[:1].isupper()
        and written in ("st.", "ave.", "rd.", "blvd.")
    ):
        return said + "."
    return said


def rules(language: Language) -> list[Rule]:
    written = sorted({entry.written for entry in language.abbreviations}, key=len, reverse=True)
    alternatives = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in written)
    return [
        Rule(
            "abbreviation",
            SemioticClass.ABBREVIATION,
            rf"(?<![\w.])(?:{alternatives})(?![\w])",
            _say,
            re.IGNORECASE,
        )
    ]
