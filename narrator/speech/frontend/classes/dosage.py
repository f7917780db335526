"""Prescription shorthand: routes and frequencies, "500 mg PO bid" is "five hundred
milligrams by mouth twice a day", "q4h" is "every four hours", "q4–6h prn" is
"every four to six hours as needed".

Routes are said in words only where they follow a dose or come before a
frequency; "IV fluids" elsewhere stays letters. The words are the language's
``dosage`` table.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_ROUTES = frozenset({"PO", "IV", "IM", "SC", "SQ", "SL", "PR", "subcut"})
_DOSE_BEFORE = re.compile(
    r"(?:\d\s?(?:mg|mcg|\u00b5g|g|mL|ml|L|units?|U|IU|mEq|mmol|tabs?|tablets?|capsules?|caps?|drops?|puffs?)\.?|\d)\s+$"
    r"|\b(?:given|administered|dosed|injected|taken|route|routes|by|via|or|and)\s+$",
    re.IGNORECASE,
)
_FREQUENCY_AFTER = re.compile(
    r"\s+(?:q\d|bid|tid|qid|qd|qod|prn|hs|daily|once|twice|every|stat)\b", re.IGNORECASE
)
# Frequencies are said in words only in a prescription ("a bid for", "stat sheets").
_PRESCRIPTION_NEAR = re.compile(
    r"\d\s?(?:mg|mcg|\u00b5g|g|mL|ml|units?|U|IU|tabs?|tablets?|caps?|capsules?|puffs?|drops?)\b"
    r"|\b(?:PO|IV|IM|SC|SL|PRN|BID|TID|QID)\b|\bq\d|\b(?:take|tablet|dose|dosing|inject)",
    re.IGNORECASE,
)


def _every(found: Found, context: Context) -> str:
    language = context.language
    low, high = found.group("low") or "", found.group("high")
    unit = (found.group("unit") or "h").lower()
    hours = cardinal_words(low, language)
    if high:
        hours = f"{hours} {language.word('to')} {cardinal_words(high, language)}"
    plural = bool(high) or low != "1"
    name = {"h": "hour", "d": "day", "w": "week", "min": "minute", "m": "minute"}.get(unit, "hour")
    return f"every {hours} {name}{'s' if plural else ''}"


def _say_shorthand(found: Found, context: Context) -> str | None:
    written = found.written
    table = context.language.dosage
    said = table.get(written) or table.get(written.lower()) or table.get(written.upper())
    if said is None:
        return None
    if written.upper() in _ROUTES or written == "subcut":
        if not (_DOSE_BEFORE.search(found.before) or _FREQUENCY_AFTER.match(found.after)):
            return None
        return said
    if not _PRESCRIPTION_NEAR.search(context.text):
        return None
    return said


def rules(language: Language) -> list[Rule]:
    shorthand = sorted(language.dosage, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in shorthand)
    return [
        Rule(
            "dosage: every so many hours",
            SemioticClass.DOSAGE,
            r"(?<![\w.])[qQ]\.?\s?(?P<low>\d{1,2})(?:\s?[\u2013-]\s?(?P<high>\d{1,2}))?\s?(?P<unit>h|hr|hrs|d|w|wk|min)\.?(?![\w])",
            _every,
        ),
        Rule(
            "dosage: route or frequency",
            SemioticClass.DOSAGE,
            rf"(?<![\w.])(?:{alternatives})(?![\w])",
            _say_shorthand,
            re.IGNORECASE,
        ),
    ]
