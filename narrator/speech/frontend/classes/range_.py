"""Ranges and scores: "40-50 hours" is "forty to fifty hours", "2.5–5 mg" is "two
point five to five milligrams", "1999–2005" is "nineteen ninety-nine to two
thousand and five"; "won 3–1" is "won three one", "a 4-0 rout" "a four zero rout".

A hyphen or dash between two numbers is "to", and a unit written once after
the second number is said once, as a reader does. Two signs ("−5 to −10")
keep their minus. Years stay years. A measure range used as an adjective
keeps its unit singular ("a 2–3 cm incision").

Two one-digit numbers are a score, said side by side, when the second is not
above the first (a range rises: "6–4, 6–3", "2-2", "a 1-0 win"), or when a
sport's word is near ("they lost 0–1 at home"). A noun after them makes them
a range ("won 2-3 games", "within 5-3 days") unless it is a sport's own word
or the pair stands as an adjective ("a 3–2 thriller"); a ``ratio`` noun
("a 2-1 ratio") keeps "to". The words are the ``sport`` and ``ratio`` roles
of the language's ``number-context`` table. Larger scores
("112–104") are said with "to", as ranges are. After a ``label`` word ("Table
2-3", "Figure 4-1") the two numbers name one thing and are said side by side.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.measure import attributive, say_unit, unit_pattern
from narrator.speech.frontend.classes.written_numbers import (
    SIGN,
    context_words,
    signed,
    unsigned,
    word_after,
    word_before,
)
from narrator.speech.frontend.classes.year import (
    in_year_context,
    is_year,
    say_year,
)
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import Number, number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

# A minus sign between spaced numbers is subtraction ("5 − 3"), not a range.
_DASH = r"(?:\s?[\u2013\u2014]\s?|-|\u2212)"
_WORDS = re.compile(r"[^\W\d_][\w-]*")
_CLAUSE_END = re.compile(r"[.;!?]\s")


def _is_goals(number: Number) -> bool:
    return not number.negative and number.fraction is None and len(number.whole) == 1


def _near_sport(found: Found, language: Language) -> bool:
    """A sport's word in the same clause, within a few words of the numbers."""
    sport = context_words(language, "sport")
    before = _CLAUSE_END.split(found.before[-50:])[-1]
    after = _CLAUSE_END.split(found.after[:30])[0]
    near = _WORDS.findall(before)[-4:] + _WORDS.findall(after)[:3]
    return any(word.lower() in sport for word in near)


def _is_score(found: Found, low: Number, high: Number, language: Language) -> bool:
    if not (_is_goals(low) and _is_goals(high)):
        return False
    falling = int(high.whole) <= int(low.whole)
    following = word_after(found.after)
    if following in context_words(language, "ratio"):
        return False
    if following and following not in context_words(language, "function"):
        # A noun after: "a 4-0 rout" is a score, "within 5-3 days" a range.
        adjective = word_before(found.before) in context_words(language, "determiner")
        return following in context_words(language, "sport") or (falling and adjective)
    return falling or _near_sport(found, language)


def _is_label(found: Found, low: Number, high: Number, language: Language) -> bool:
    """ "Table 2-3", "Figure 4-1": one thing's number, said side by side."""
    whole = not (low.negative or high.negative or low.fraction or high.fraction)
    return whole and word_before(found.before) in context_words(language, "label")


def _score(low: Number, high: Number, language: Language) -> str:
    return f"{number_words(low, language)} {number_words(high, language)}"


def _short_second_year(found: Found, low_written: str, high: Number, language: Language) -> bool:
    """ "the war of 1939–45": a second year written short, after the first's last two
    digits, where a word before says these are years (the ``years`` role: "in",
    "during"); else "(1700-10)" and "reduced by 1700-10" are two counts."""
    if len(high.whole) != 2 or high.fraction is not None or not is_year(low_written):
        return False
    if int(high.whole) <= int(low_written[-2:]):
        return False
    return word_before(found.before) in context_words(language, "years")


def _say(found: Found, context: Context) -> str | None:
    language = context.language
    low_written, high_written = found.group("low") or "", found.group("high") or ""
    low, high = parse(low_written, language), parse(high_written, language)
    unit = found.group("unit")
    first_unit = found.group("first_unit")
    if first_unit == "x" or unit == "x":
        return None
    if not unit and not first_unit and _is_score(found, low, high, language):
        return _score(low, high, language)
    if not unit and not first_unit and _is_label(found, low, high, language):
        return _score(low, high, language)
    years = not unit and in_year_context(found.before, found.after, language)
    if years and is_year(low_written) and is_year(high_written):
        low_said, high_said = say_year(low_written, language), say_year(high_written, language)
    elif _short_second_year(found, low_written, high, language):
        # "1939–45": the second year is written short.
        low_said = say_year(low_written, language)
        high_said = say_year(low_written[:2] + high.whole, language)
    else:
        low_said, high_said = number_words(low, language), number_words(high, language)
    adjective = attributive(found.before, found.after, language)
    if first_unit:
        low_said = f"{low_said} {say_unit(low, first_unit, language, adjective)}"
    said = f"{low_said} {language.word('to')} {high_said}"
    if unit:
        said = f"{said} {say_unit(high, unit, language, adjective)}"
    return said


def rules(language: Language) -> list[Rule]:
    number = signed(language)
    unit = unit_pattern(language)
    space = "[ \u00a0\u2009\u202f]?"
    return [
        Rule(
            "range: number to number",
            SemioticClass.RANGE,
            rf"(?<![\w.,\-\u2013\u2014/:])(?P<low>{number})(?:{space}(?P<first_unit>{unit}))?"
            rf"{_DASH}(?P<high>(?:{SIGN})?{unsigned(language)})"
            rf"(?:{space}(?P<unit>{unit}))?(?![\d\-\u2013\u2014/:]|[.,]\d)",
            _say,
        )
    ]
