"""The semiotic classes' rules, in the order the tokenizer tries them.

More specific patterns come first: markup and footnote marks before anything
(they are never said as symbols), shell syntax before money ("$HOME" is no
sum), Roman numerals before the route shorthand that looks like one ("Stage
IV" is a numeral, "Start IV antibiotics" a route) and prescription
shorthand before code identifiers ("qAM" is "every morning"), addresses
before the numbers inside them, dates before identifiers ("15.03.2024" is
no version number), identifiers before the numbers inside them, dates and
times before ranges and ratios, measures and money before bare numbers, and
spelled letters last. English has every class;
another language has the classes its ``settings`` table lists (German and
French: numbers, measures, dates, times, years, ordinals, abbreviations); a
language without tables of its own keeps only the language-neutral classes,
and its numbers are left to its own voice.
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
    shell,
    telephone,
    time,
    written_ordinal,
    year,
)
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.rule import Rule

_NEUTRAL = (markup, footnote, shell, electronic, letters)
_ALL = (
    markup,
    footnote,
    shell,
    roman,
    dosage,
    electronic,
    date,
    identifier,
    telephone,
    time,
    scientific,
    decade,
    money,
    range_,
    measure,
    ratio,
    fraction,
    ordinal,
    written_ordinal,
    year,
    math,
    cardinal,
    abbreviation,
    letters,
)
_BY_NAME = {module.__name__.rsplit(".", 1)[-1].rstrip("_"): module for module in _ALL}


@cache
def rules_for(language: Language) -> tuple[Rule, ...]:
    if language.complete:
        modules = _ALL
    elif language.classes:
        named = set(language.classes)
        modules = tuple(module for name, module in _BY_NAME.items() if name in named)
    elif language.says_numbers:
        modules = (
            markup,
            footnote,
            shell,
            electronic,
            range_,
            measure,
            fraction,
            cardinal,
            letters,
        )
    else:
        modules = _NEUTRAL
    return tuple(rule for module in modules for rule in module.rules(language))
