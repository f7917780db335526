"""Measures: a number and its unit, "5 mg/kg/day" is "five milligrams per kilogram
per day", "37 °C" is "thirty-seven degrees Celsius", "50%" is "fifty percent",
"6 L/100 km" is "six liters per one hundred kilometers", "9.81 m/s²" is "nine
point eight one meters per second squared".

Units and their words are the language's ``units`` table; a compound unit
is its units joined by "per" (the first in the plural after any number but
one). A measure used as an adjective keeps its unit singular, as speech
does: "a 5 m wall" is "a five meter wall", "a 10 mg dose" "a ten milligram
dose" (``attributive``), as does a hyphen ("a 10-mg tablet"). "m" after a
number is metres; after a currency it is "million" (``money``). "g" in a
centrifuge ("spun at 3000 g") is the letter g, a multiple of gravity, not
grams.
"""

from __future__ import annotations

import re
from functools import cache

from narrator.speech.frontend.alternation import alternation
from narrator.speech.frontend.classes.written_numbers import (
    context_words,
    signed,
    word_after,
    word_before,
)
from narrator.speech.frontend.language import Language, Unit
from narrator.speech.frontend.number_words import Number, is_one, number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_POWERS = {"\u00b2": "squared", "\u00b3": "cubed"}
_PER_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s?(.*)")
_CENTRIFUGE = re.compile(r"\b(?:centrifug\w*|spun|spin|spinning|rcf)\b", re.IGNORECASE)


# A word that may be a unit, looked up in ``say`` rather than spelled out in the
# pattern (``is_unit``): it never ends in a full stop, which ends a sentence.
UNIT_WORD = r"[^\W\d_](?:[^\s,;:!?()\[\]]*[^\s,;:!?()\[\].])?"


@cache
def _unit_regex(language: Language) -> re.Pattern[str]:
    return re.compile(unit_pattern(language))


def is_unit(written: str, language: Language) -> bool:
    """Whether ``written`` is a unit or a compound of units of the language."""
    return _unit_regex(language).fullmatch(written) is not None


def one_unit(language: Language) -> str:
    """Any single unit of the language's table, the longest where several match (as a
    trie: the table is long, and every rule with a unit embeds it)."""
    return alternation(language.units)


def unit_pattern(language: Language) -> str:
    """One unit or a compound of units ("mg", "mg/kg/day", "mL/min/1.73 m²",
    "L/100 km", "m/s²")."""
    one = one_unit(language)
    # After a slash, any word is what the amount is per ("mg/dose", "units/day"),
    # and a unit may have a count ("L/100 km") or a power ("m/s²").
    per = rf"(?:\d+(?:\.\d+)?\s?)?(?:{one})[\u00b2\u00b3]?(?![^\W_])|[a-z]{{2,}}"
    return rf"(?:{one})(?:\s?/\s?(?:{per}))*(?![^\W_])"


def _part_words(part: str, language: Language, plural: bool) -> str:
    """One unit of a compound in words: "s²" is "second squared", "100 km" is
    "one hundred kilometers"."""
    counted = _PER_NUMBER.fullmatch(part)
    if counted and counted.group(2):
        count = parse(counted.group(1), language)
        unit = _part_words(counted.group(2), language, not is_one(count))
        return f"{number_words(count, language)} {unit}"
    entry = language.units.get(part)
    if entry is None and part[-1:] in _POWERS and part[:-1] in language.units:
        base = language.units[part[:-1]]
        return f"{base.plural if plural else base.singular} {language.word(_POWERS[part[-1]])}"
    entry = entry or Unit(part, part, part)
    return entry.plural if plural else entry.singular


def _unit_words(unit: str, language: Language, plural: bool) -> str:
    """The words of a (compound) unit: the first unit in the plural if ``plural``."""
    parts = [part.strip() for part in unit.split("/")]
    return f" {language.word('per')} ".join(
        _part_words(part, language, plural and number == 0) for number, part in enumerate(parts)
    )


def attributive(before: str, after: str, language: Language) -> bool:
    """Whether a measure stands as an adjective before its noun ("a 5 m wall", "the
    10 mg tablets"): a determiner just before it and a word after it that is not a
    function word. Its unit is then singular, whatever the number."""
    if word_before(before) not in context_words(language, "determiner"):
        return False
    following = word_after(after)
    return bool(following) and following not in context_words(language, "function")


def say_measure(number: Number, unit: str, language: Language, adjective: bool = False) -> str:
    return f"{number_words(number, language)} {say_unit(number, unit, language, adjective)}"


def say_unit(number: Number | None, unit: str, language: Language, adjective: bool = False) -> str:
    plural = not adjective and (number is None or not is_one(number))
    return _unit_words(unit.strip(), language, plural)


def _say(found: Found, context: Context) -> str | None:
    unit = found.group("unit") or ""
    number = parse(found.group("number") or "", context.language)
    if unit == "x" and _is_variable(found):
        return None
    if unit == "K" and _SCREEN_AFTER.match(found.after):
        return None  # "a 4K display" is a resolution, said "four K"
    if unit == "g" and _CENTRIFUGE.search(found.before[-60:]):
        return f"{number_words(number, context.language)} g"
    # "a 10-mg tablet": a hyphen joins a measure used as an adjective.
    hyphen = found.group("joint") == "-"
    adjective = hyphen or attributive(found.before, found.after, context.language)
    said = say_measure(number, unit, context.language, adjective)
    # A unit's full stop that also ends the sentence ("0.01 in.") still ends it.
    return said + "." if unit.endswith(".") and _SENTENCE_AFTER.match(found.after) else said


_SENTENCE_AFTER = re.compile(r"\s*(?:$|[A-Z\u201c\"(])")
_SCREEN_AFTER = re.compile(
    r"\s+(?:display|screen|monitor|TV|television|video|resolution|stream|content)", re.IGNORECASE
)
# After "m", these say it measures (metres), not counts (a million).
_MEASURED = frozenset({"tall", "long", "high", "wide", "deep", "away", "across", "below", "above"})


def _say_magnitude(found: Found, context: Context) -> str | None:
    """ "40k fans" is "forty thousand fans", "1.2M rows" "one point two million rows";
    "m" is a million only before a counted plural ("2.4m visitors"), so "a 5m wall"
    stays metres (the next rule)."""
    language = context.language
    magnitude, counted = found.group("magnitude") or "", found.group("counted") or ""
    if magnitude == "m" and (not counted.endswith("s") or counted in _MEASURED):
        return None
    scale = language.magnitudes.get(magnitude)
    if not scale:
        return None
    number = parse(found.group("number") or "", language)
    return f"{number_words(number, language)} {scale}"


# "f(x) = 2x": after an equals sign or an operator, x is a variable.
_EQUATION_BEFORE = re.compile(r"[=+\u2212<>\u2264\u2265]\s?$")
_ALGEBRA_AFTER = re.compile(r"\s?[-\u2212+=<>\u2264\u2265)]\s?[\w(]")


def _is_variable(found: Found) -> bool:
    """ "3x − 4", "y = 2x", "2xy": x after a number is a variable, not "times"."""
    after = found.after
    return after[:1].isalpha() or _is_algebra(after) or bool(_EQUATION_BEFORE.search(found.before))


def _is_algebra(after: str) -> bool:
    """ "3x − 4", "2x + 1": a variable, not "three times"."""
    return bool(_ALGEBRA_AFTER.match(after))


_DIMENSION = re.compile(r"\s?[x\u00d7]\s?")
_SIZE = re.compile(r"(.*?\d)\s?([^\d\s]*)")
# The words a length's unit ends with: only lengths are sizes ("2 x 3 cm"); "3 x
# 500 mg" is three times a dose.
_LENGTHS = ("meter", "metre", "foot", "feet", "inch", "inches", "mile", "miles", "meters")


def _say_dimensions(found: Found, context: Context) -> str | None:
    """ "2 cm × 3 cm" is "two centimeters by three centimeters", "2 x 3 x 4 mm" "two by
    three by four millimeters"; a unit before a noun is singular."""
    language = context.language
    sizes = [_SIZE.fullmatch(size.strip()) for size in _DIMENSION.split(found.group("sizes") or "")]
    if any(size is None for size in sizes) or not sizes[-1].group(2):
        return None
    units = [size.group(2) for size in sizes if size.group(2)]
    if any(language.units.get(unit) is None for unit in units):
        return None
    if not all(language.units[unit].plural.endswith(_LENGTHS) for unit in units):
        return None
    adjective = attributive(found.before, found.after, language)
    said = []
    for size in sizes:
        number = parse(size.group(1), language)
        unit = size.group(2)
        said.append(
            say_measure(number, unit, language, adjective)
            if unit
            else number_words(number, language)
        )
    return f" {language.word('by')} ".join(said)


def _say_per(found: Found, context: Context) -> str:
    unit = _unit_words(found.group("unit") or "", context.language, False)
    return f"{context.language.word('per')} {unit}"


def _say_compound(found: Found, context: Context) -> str:
    return say_unit(None, found.group("unit") or "", context.language)


def rules(language: Language) -> list[Rule]:
    unit = unit_pattern(language)
    one = one_unit(language)
    number = signed(language)
    # Any short word may be a size's unit; ``_say_dimensions`` looks it up.
    size = rf"{number}(?:[ \u00a0]?(?![x\u00d7]\s?\d)[^\W\d_]{{1,4}}[\u00b2\u00b3]?)?"
    return [
        Rule(
            "measure: dimensions",
            SemioticClass.MEASURE,
            rf"(?<![\w.])(?P<sizes>{size}(?:\s?[x\u00d7]\s?{size})+)(?![^\W_])",
            _say_dimensions,
        ),
        Rule(
            "measure: magnitude after a number",
            SemioticClass.MEASURE,
            rf"(?P<number>{number})(?P<magnitude>k|M|bn|B|m)(?=\s+(?P<counted>[a-z]{{2,}}))",
            _say_magnitude,
        ),
        Rule(
            "measure: number and unit",
            SemioticClass.MEASURE,
            # Not a letter of an abbreviation ("42 U.S.C." is no unit).
            rf"(?P<number>{number})(?P<joint>[ \u00a0\u2009\u202f]|-(?!x))?(?P<unit>{unit})"
            r"(?!\.[^\W\d_])",
            _say,
        ),
        Rule(
            "measure: compound unit",
            SemioticClass.MEASURE,
            rf"(?<![\w/])(?P<unit>(?:{one})(?:/(?:{one}))+)(?![\w/])",
            _say_compound,
        ),
        Rule(
            "measure: per unit",
            SemioticClass.MEASURE,
            rf"(?:(?<=[A-Za-z]{{3}})\s?/\s?|(?<=\d)/|(?<![\w/])(?i:per)\s)(?P<unit>{unit})",
            _say_per,
            starts=frozenset({"per"}),
        ),
    ]
