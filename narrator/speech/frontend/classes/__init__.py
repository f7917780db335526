"""The semiotic classes' rules, in the order the tokenizer tries them.

More specific patterns come first: markup and footnote marks before anything
(they are never said as symbols), addresses and identifiers before the
numbers inside them, dates and times before ranges and ratios, measures and
money before bare numbers, and spelled letters last. A language without
tables of its own keeps only the language-neutral classes, and its numbers
are left to its own voice.
"""

from __future__ import annotations

from functools import cache

from narrator.speech.frontend.classes import (
    abbreviation,
    cardinal,
    date,
    decade,
    dosage,
    electronic,
    footnote,
    fraction,
    identifier,
    letters,
    markup,
    math,
    measure,
    money,
    ordinal,
    range_,
    ratio,
    roman,
    scientific,
    telephone,
    time,
    year,
)
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.rule import Rule

_NEUTRAL = (markup, footnote, electronic, letters)
_ALL = (
    markup,
    footnote,
    electronic,
    identifier,
    telephone,
    date,
    time,
    scientific,
    decade,
    money,
    dosage,
    range_,
    measure,
    ratio,
    fraction,
    ordinal,
    year,
    math,
    cardinal,
    abbreviation,
    roman,
    letters,
)


@cache
def rules_for(language: Language) -> tuple[Rule, ...]:
    if language.complete:
        modules = _ALL
    elif language.says_numbers:
        modules = (markup, footnote, electronic, range_, measure, fraction, cardinal, letters)
    else:
        modules = _NEUTRAL
    return tuple(rule for module in modules for rule in module.rules(language))
