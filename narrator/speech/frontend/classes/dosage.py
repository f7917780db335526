"""Prescription shorthand: routes and frequencies, "500 mg PO bid" is "five hundred
milligrams by mouth twice a day", "q4h" is "every four hours", "q4–6h prn" is
"every four to six hours as needed", "IV/PO" is "intravenously or by mouth".

A route is said in words where it follows a dose or comes before a frequency;
elsewhere in a text about treatment it is spelled, as a nurse says it
("Start IV antibiotics" is "start I V antibiotics", never "the fourth"). A
frequency is said in words only in a prescription: a dose, a route or a
dosing verb shortly before it ("1 tablet bid"), never "a $10bn bid". The
words are the language's ``dosage`` table; the words that make a text about
treatment are its ``treatment-words``.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.letters import spelled
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_ROUTES = frozenset({"PO", "IV", "IM", "SC", "SQ", "SL", "PR", "subcut"})
_DOSE = (
    r"\d\s?(?:mg|mcg|\u00b5g|g|mL|ml|L|units?|U|IU|mEq|mmol|tabs?|tablets?|capsules?|caps?"
    r"|drops?|puffs?|sprays?|patch(?:es)?|suppositor(?:y|ies)|vials?|ampoules?)\.?"
)
_DOSE_BEFORE = re.compile(
    rf"(?:{_DOSE}|\d)\s+$"
    r"|\b(?:given|administered|dosed|injected|taken|route|routes|by|via|or|and)\s+$"
    r"|(?:PO|IV|IM|SC|SQ|SL|PR)/$",
    re.IGNORECASE,
)
_FREQUENCY_AFTER = re.compile(
    r"\s+(?:q\d|bid|tid|qid|qd|qod|prn|hs|daily|once|twice|every|stat)\b", re.IGNORECASE
)
# What makes a frequency part of a prescription: a dose, a route or a dosing verb
# in the words just before it, in the same sentence.
_PRESCRIPTION_BEFORE = re.compile(
    rf"(?:{_DOSE}|\b(?:PO|IV|IM|SC|SQ|SL|PR|prn|PRN)|\bq\.?\s?\d+\s?h|\b(?:take|takes|taken|give|given"
    r"|apply|applied|inject|injected|inhale|inhaled|instil|instill|instilled|administered"
    r"|dose|doses|dosing)\b)[^.;!?]{0,24}$",
    re.IGNORECASE,
)
_DOSE_ANYWHERE = re.compile(_DOSE + r"(?![^\W\d_])")
_SHORTHAND_ROUTE = re.compile(r"\b(?:PO|IV|IM|SC|SQ|SL)\b")
_WORD = re.compile(r"[^\W\d_]+")
_TIME_UNITS = {"h": "hour", "d": "day", "w": "week", "min": "minute", "m": "minute"}


def is_route(written: str, language: Language) -> bool:
    """Whether ``written`` is a route of administration's shorthand ("IV", "PO")."""
    return written in _ROUTES and written in language.dosage


def treatment_near(context: Context) -> bool:
    """Whether the text is about treatment: a dose, two route shorthands, or one of
    the language's ``treatment-words`` ("antibiotics", "fluids", "infusion")."""
    text = context.text
    if _DOSE_ANYWHERE.search(text) or len(_SHORTHAND_ROUTE.findall(text)) >= 2:
        return True
    words = context.language.treatment_words
    return any(word.lower() in words for word in _WORD.findall(text))


def _every(found: Found, context: Context) -> str:
    language = context.language
    low, high = found.group("low") or "", found.group("high")
    unit = (found.group("unit") or "h").lower()
    hours = cardinal_words(low, language)
    if high:
        hours = f"{hours} {language.word('to')} {cardinal_words(high, language)}"
    plural = bool(high) or low != "1"
    name = _TIME_UNITS.get(unit, "hour")
    said = f"every {hours} {name}{'s' if plural else ''}"
    # "q8h." may end the sentence: its full stop stays a pause there.
    if found.written.endswith(".") and not found.after.lstrip()[:1].islower():
        said += "."
    return said


def _route_reading(found: Found, context: Context) -> str | None:
    """How a route is said here: in "words" after a dose or before a frequency, as
    "letters" elsewhere in a text about treatment, or not at all (``None``)."""
    if _DOSE_BEFORE.search(found.before) or _FREQUENCY_AFTER.match(found.after):
        return "words"
    if found.written.replace("/", "").isupper() and treatment_near(context):
        return "letters"
    return None


def _say_routes(found: Found, context: Context) -> str | None:
    """One route ("IV") or either of two ("IV/PO" is "intravenously or by mouth")."""
    table = context.language.dosage
    routes = found.written.split("/")
    if not all(route.upper() in _ROUTES or route == "subcut" for route in routes):
        return None
    reading = _route_reading(found, context)
    if reading is None:
        return None
    if reading == "words":
        said = [table.get(route) or table[route.upper()] for route in routes]
    else:
        said = [spelled(route) for route in routes]
    return f" {context.language.word('or')} ".join(said)


def _say_shorthand(found: Found, context: Context) -> str | None:
    written = found.written
    if "/" in written:
        return _say_routes(found, context)
    table = context.language.dosage
    said = table.get(written) or table.get(written.lower()) or table.get(written.upper())
    if said is None:
        return None
    if written.upper() in _ROUTES or written == "subcut":
        return _say_routes(found, context)
    if not _PRESCRIPTION_BEFORE.search(found.before[-60:]):
        return None
    # "q.d." may end the sentence: its full stop stays a pause there.
    if written.endswith(".") and not found.after.lstrip()[:1].islower():
        return said + "."
    # "prn pain" is "as needed for pain": what it is needed for follows.
    if written.lower().rstrip(".") in _FOR_WHAT and _REASON_AFTER.match(found.after):
        return f"{said} for"
    return said


_FOR_WHAT = frozenset({"prn", "p.r.n"})
_REASON_AFTER = re.compile(r"\s+(?!for\b|and\b|or\b|up\b|to\b|until\b|max\b)[a-z]{3,}\b")


def _say_course(found: Found, context: Context) -> str:
    """ "x 7 days" after a dose or frequency is its course: "for seven days"."""
    days = cardinal_words(found.group("count") or "", context.language)
    return f"for {days} {found.group('unit')}"


def rules(language: Language) -> list[Rule]:
    shorthand = sorted(language.dosage, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in shorthand)
    return [
        Rule(
            "dosage: course",
            SemioticClass.DOSAGE,
            r"(?<=[a-z)] )[x\u00d7]\s?(?P<count>\d{1,3})\s(?P<unit>days?|weeks?|months?|doses?)\b",
            _say_course,
            starts=frozenset({"x"}),
        ),
        Rule(
            "dosage: every so many hours",
            SemioticClass.DOSAGE,
            r"(?<![\w.])[qQ]\.?\s?(?P<low>\d{1,2})(?:\s?[\u2013-]\s?(?P<high>\d{1,2}))?\s?(?P<unit>h|hr|hrs|d|w|wk|min)\.?(?![\w])",
            _every,
        ),
        Rule(
            "dosage: route or frequency",
            SemioticClass.DOSAGE,
            rf"(?<![\w.])(?:{alternatives})(?:/(?:{alternatives}))?(?![\w])",
            _say_shorthand,
            re.IGNORECASE,
        ),
    ]
