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


# Most abbreviations have one shape, a short word and its full stop, with more
# letters and stops after it ("e.g.", "Prof.", "n.b."): the rule matches that
# shape and looks the word up in the table, instead of trying every entry in
# turn. Entries of other shapes ("et al.", "p. ex.", "WWII") are matched by name.
_SHAPE = r"[^\W\d_]{1,7}\.(?:[^\W\d_]{1,3}\.){0,3}"
_OF_THE_SHAPE = re.compile(_SHAPE)


def _alternatives(names: list[str]) -> str:
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in ordered)


def rules(language: Language) -> list[Rule]:
    others = {entry.written for entry in language.abbreviations}
    others = {name for name in others if not _OF_THE_SHAPE.fullmatch(name)}
    # Longer dotted names ("p. ex.") before the shape, which would take "p."; names
    # without a stop ("approx") after it, and never before one.
    dotted = [name for name in others if name.endswith(".")]
    undotted = [name for name in others if not name.endswith(".")]
    pieces = [f"(?:{_alternatives(dotted)})"] if dotted else []
    pieces.append(_SHAPE)
    if undotted:
        pieces.append(rf"(?:{_alternatives(undotted)})(?!\.)")
    return [
        Rule(
            "abbreviation",
            SemioticClass.ABBREVIATION,
            rf"(?<![\w.])(?:{'|'.join(pieces)})(?![\w])",
            _say,
            re.IGNORECASE,
        )
    ]
