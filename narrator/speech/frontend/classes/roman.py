"""Roman numerals, where the words around them say so: "World War II" is "World War
two", "Type II diabetes" is "type two diabetes", "Henry VIII" is "Henry the
eighth", "(iv)" opening a list item is "four".

Capital letters that only look like a numeral ("I" the pronoun, "MIX", "CD",
"IV" the route of a drug) stay what they are: a numeral needs a keyword
before it (the language's ``roman-keywords``), a name before it, or to stand
alone as an enumerator.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, ordinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")
# Words that start a sentence or are common capitals, not names of kings.
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "And",
        "Or",
        "But",
        "With",
        "By",
        "To",
        "From",
        "Is",
        "Was",
        "See",
        "Table",
        "Figure",
    }
)


def value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        amount = _VALUES[char]
        following = _VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -amount if amount < following else amount
    return total


def _say_enumerator(found: Found, context: Context) -> str | None:
    numeral = (found.group("numeral") or "").upper()
    if not _VALID.fullmatch(numeral):
        return None
    return cardinal_words(str(value(numeral)), context.language)


def _say(found: Found, context: Context) -> str | None:
    numeral = found.group("numeral") or ""
    if not _VALID.fullmatch(numeral):
        return None
    language = context.language
    before = _WORD_BEFORE.search(found.before)
    word = before.group(1) if before else ""
    if word.lower() in language.roman_keywords:
        return cardinal_words(str(value(numeral)), language)
    named = word[:1].isupper() and word[1:].islower() and word not in _NOT_NAMES
    if (numeral == "I" and word.lower() in language.regnal_names) or (len(numeral) > 1 and named):
        return f"the {ordinal_words(value(numeral), language)}"
    return None


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "roman: enumerator",
            SemioticClass.ROMAN,
            r"(?:(?<=^\()|(?<=\s\())(?P<numeral>(?![xX]\))(?:[ivx]{1,5}|[IVX]{1,5}))(?=\))",
            _say_enumerator,
        ),
        Rule(
            "roman: numeral",
            SemioticClass.ROMAN,
            r"(?<![\w'\u2019-])(?P<numeral>[IVXLCDM]{1,7})(?![\w'\u2019])",
            _say,
        ),
    ]
