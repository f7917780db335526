"""Ordinals written in a language's own way: German "der 3. Platz" is "der dritte
Platz" and "am 3. Tag" "am dritten Tag"; French "3e" and "3ème" are
"troisième", "1er" is "premier", "le XXe siècle" is "le vingtième siècle"
(a numeral of two letters or more: "Le" and "Ce" are words, and "Ier" is
left to the voice).

The marks are the language's ``ordinal marks`` setting. A German ordinal's
full stop is also a sentence's, so "3." is an ordinal only between a word of
the ``ordinal-endings`` table (an article or a preposition), which also gives
the ending the case needs ("am" takes "-n"), and the word it counts; "von 1990
bis 2000." is no two thousandth. English ordinals ("1st") are
``ordinal``.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.roman import VALID_NUMERAL, value
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import ordinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


def ending(before: str, language: Language) -> str | None:
    """The ending the word before an ordinal asks for ("am" → "n"), or ``None`` when
    there is no such word."""
    word = _WORD_BEFORE.search(before)
    if word is None:
        return None
    return language.ordinal_endings.get(word.group(1).lower())


def say_ordinal(value: int, before: str, language: Language) -> str:
    """An ordinal in words, with the ending the word before it asks for."""
    return ordinal_words(value, language) + (ending(before, language) or "")


def _say(found: Found, context: Context) -> str | None:
    language = context.language
    value = int(found.group("value") or "0")
    mark = found.group("mark") or ""
    if mark == "." and (
        ending(found.before, language) is None or not _WORD_AFTER.match(found.after)
    ):
        return None
    return say_ordinal(value, found.before, language)


def _say_roman(found: Found, context: Context) -> str | None:
    numeral = found.group("numeral") or ""
    if not VALID_NUMERAL.fullmatch(numeral):
        return None
    return say_ordinal(value(numeral), found.before, context.language)


def rules(language: Language) -> list[Rule]:
    marks = sorted(language.ordinal_marks, key=len, reverse=True)
    if not marks:
        return []
    alternatives = "|".join(re.escape(mark) for mark in marks)
    found = [
        Rule(
            "ordinal: written mark",
            SemioticClass.ORDINAL,
            rf"(?<![\w.,])(?P<value>\d{{1,3}})(?P<mark>{alternatives})(?![\w]|\.\d)",
            _say,
        )
    ]
    lettered = [mark for mark in marks if mark.isalpha()]
    if lettered:
        found.append(
            Rule(
                "ordinal: Roman numeral and written mark",
                SemioticClass.ORDINAL,
                rf"(?<![\w.,])(?P<numeral>[IVXLC]{{2,7}})(?:{'|'.join(lettered)})(?![\w])",
                _say_roman,
            )
        )
    return found
