"""Roman numerals, where the words around them say so: "World War II" is "World War
two", "Type II diabetes" is "type two diabetes", "Henry VIII" is "Henry the
eighth", "Rocky IV" is "Rocky four", "(iv)" opening a list item is "four".

Capital letters that only look like a numeral stay what they are: "I" the
pronoun, "MIX", "Smith MD", "Appendix C", and "IV" the route of a drug in a
text about treatment ("Start IV antibiotics", which ``dosage`` says). A
numeral needs a keyword before it (the language's ``roman-keywords``: a
cardinal; a lone "I" only after a capitalised keyword or a staging word, so
"the book I read" keeps its pronoun), a ruler's name before it
(``regnal-names``: "the eighth"), another capitalised word before it (a
title: a cardinal), or to stand alone as an enumerator. After a keyword or a
title only numerals of I, V and X are taken ("Grade C" and "Smith MD" are
letters).
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.dosage import is_route, treatment_near
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, ordinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
VALID_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Numerals a keyword or a title takes: "Type II", "Rocky IV", "Apollo XI", "Super Bowl LVIII";
# not "Appendix C" or "Smith MD", which are letters.
_COUNTING = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")
# Words that start a sentence or are common capitals, not names or titles.
_NOT_NAMES = frozenset(
    {"The", "A", "An", "In", "On", "At", "Of", "For", "And", "Or", "But", "With", "By", "To"}
    | {"From", "Is", "Was", "See", "Table", "Figure"}
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
    if not VALID_NUMERAL.fullmatch(numeral):
        return None
    return cardinal_words(str(value(numeral)), context.language)


def _ordinal(numeral: str, language: Language) -> str:
    return f"{language.word('the')} {ordinal_words(value(numeral), language)}".strip()


def _is_keyword(word: str, language: Language) -> bool:
    """A keyword or its plural ("Stages I–III", "Classes I and II")."""
    word = word.lower()
    keywords = language.roman_keywords
    return (
        word in keywords or word[:-1] in keywords or (word.endswith("es") and word[:-2] in keywords)
    )


def _numbers_an_i(word: str, language: Language) -> bool:
    """Whether "I" after ``word`` is one: after a keyword as a title ("Part I",
    "World War I") or a staging word ("type I diabetes"), but not "the book I
    read" or "books I read"."""
    if word.lower() not in language.roman_keywords:
        return False
    return word[:1].isupper() or word.lower() in language.staging_words


def _say_pair(found: Found, context: Context) -> str | None:
    """Two numerals after a keyword: "Stages I–III" is "stages one to three", "Phase
    I/II" "phase one slash two", "Type I and II" "type one and two"."""
    language = context.language
    before = _WORD_BEFORE.search(found.before)
    if before is None or not _is_keyword(before.group(1), language):
        return None
    first, second = found.group("first") or "", found.group("second") or ""
    if not (VALID_NUMERAL.fullmatch(first) and VALID_NUMERAL.fullmatch(second)):
        return None
    joint = (found.group("joint") or "").strip()
    if joint in ("-", "\u2013"):
        joint = language.word("to")
    elif joint == "/":
        joint = language.word("slash")
    said = [cardinal_words(str(value(numeral)), language) for numeral in (first, second)]
    return f"{said[0]} {joint} {said[1]}"


def _say(found: Found, context: Context) -> str | None:
    said = _say_numeral(found, context)
    if said is None or not found.group("possessive"):
        return said
    return f"{said}'s"


def _say_numeral(found: Found, context: Context) -> str | None:
    numeral = found.group("numeral") or ""
    if not VALID_NUMERAL.fullmatch(numeral):
        return None
    language = context.language
    before = _WORD_BEFORE.search(found.before)
    word = before.group(1) if before else ""
    counting = bool(_COUNTING.fullmatch(numeral)) and (len(numeral) > 1 or numeral in "IVX")
    substage = found.group("substage")
    if _is_keyword(word, language):
        if not counting or (numeral == "I" and not _numbers_an_i(word, language)):
            return None
        said = cardinal_words(str(value(numeral)), language)
        return f"{said} {substage.upper()}" if substage else said
    if substage:
        return None
    if word.lower() in language.regnal_names and (len(numeral) > 1 or numeral in "IV"):
        return _ordinal(numeral, language)
    titled = word[:1].isupper() and word[1:].islower() and word not in _NOT_NAMES
    if not titled or len(numeral) < 2 or not counting:
        return None
    if is_route(numeral, language) and treatment_near(context):
        return None
    return cardinal_words(str(value(numeral)), language)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "roman: enumerator",
            SemioticClass.ROMAN,
            r"(?:(?<=^\()|(?<=\s\())(?P<numeral>(?![xX]\))(?:[ivx]{1,5}|[IVX]{1,5}))(?=\))",
            _say_enumerator,
        ),
        Rule(
            "roman: two numerals after a keyword",
            SemioticClass.ROMAN,
            r"(?<![\w'\u2019-])(?P<first>[IVX]{1,5})"
            r"(?P<joint>\s?[\u2013-]\s?|/|\s(?:and|or|to)\s)(?P<second>[IVX]{1,5})(?![\w'\u2019])",
            _say_pair,
        ),
        Rule(
            "roman: numeral",
            SemioticClass.ROMAN,
            r"(?<![\w'\u2019-])(?P<numeral>[IVXLCDM]{1,7})(?P<substage>[a-cA-C](?=\b))?"
            r"(?P<possessive>['\u2019]s)?(?![\w'\u2019])",
            _say,
        ),
    ]
