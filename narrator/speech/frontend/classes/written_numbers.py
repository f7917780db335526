"""How numbers are written, as regular-expression pieces the class rules share.

One definition of "a written number" serves every class, so a measure, a
range and a money amount all accept the same numbers ("1,000", "2.5", ".5",
"10 000", "−3").
"""

from __future__ import annotations

import re
from functools import cache

from narrator.speech.frontend.language import Language, table_rows

# Signs a number may carry: hyphen-minus, the minus sign, and the en dash
# that typesetters use for minus ("–5 °C").
SIGN = "[-\u2212\u2013]"
# No sign after a word, a digit or a closing bracket ("COVID-19", "3-4" are not negatives).
SIGN_ALLOWED = r"(?<![\w.,)\]\u00b2\u00b3\u00b9\u2070-\u209f])"
# Thousands grouped by spaces: thin and no-break spaces always; a plain space
# in "10 000", "1 500" or "1 000 000" (SI style), but not in a list of numbers
# ("1 2 3", "1 500 2 000").
THIN_SPACE = "[\u00a0\u2009\u202f]"
SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
SUPERSCRIPTS = str.maketrans(SUPERSCRIPT_DIGITS + "\u207b\u207a", "0123456789-+")
VULGAR = {
    "\u00bd": (1, 2),
    "\u2153": (1, 3),
    "\u2154": (2, 3),
    "\u00bc": (1, 4),
    "\u00be": (3, 4),
    "\u2155": (1, 5),
    "\u2156": (2, 5),
    "\u2157": (3, 5),
    "\u2158": (4, 5),
    "\u2159": (1, 6),
    "\u215a": (5, 6),
    "\u2150": (1, 7),
    "\u215b": (1, 8),
    "\u215c": (3, 8),
    "\u215d": (5, 8),
    "\u215e": (7, 8),
    "\u2151": (1, 9),
    "\u2152": (1, 10),
}


# "Take 2 500 mg tablets" is two tablets of 500 mg, never 2,500 mg: a count of
# doses before a strength is not a number grouped by a space.
_COUNT_OF_DOSES = (
    r"(?!\s?(?:mg|mcg|\u00b5g|g|mL|ml|IU|units?)\s(?:tablets?|capsules?|caps?|tabs?|pills?"
    r"|doses?|vials?|ampoules?|ampules?|injections?|sachets?|patches|puffs?|suppositor))"
)


def _grouped(language: Language) -> str:
    group = re.escape(language.group_mark)
    decimal = re.escape(language.decimal_mark)
    return (
        rf"\d{{1,3}}(?:{group}\d{{3}})+(?!\d)"
        rf"|\d{{1,3}}(?:{THIN_SPACE}\d{{3}})+(?!\d)"
        rf"|\d{{2,3}}(?: \d{{3}})+(?![\d{decimal}]\d)"
        rf"|\d(?: \d{{3}})+(?![\d{decimal}]\d| \d){_COUNT_OF_DOSES}"
    )


def unsigned(language: Language) -> str:
    """A number without its sign: grouped ("1,000,000", "10 000"), plain, or
    with a leading decimal mark (".5")."""
    decimal = re.escape(language.decimal_mark)
    # The lookahead fails at once where no number starts: most places of a text.
    return (
        rf"(?=[\d{decimal}])"
        rf"(?:(?:{_grouped(language)}|\d+)(?:{decimal}\d+)?|(?<![\w.]){decimal}\d+)(?!\d)"
    )


def signed(language: Language) -> str:
    decimal = re.escape(language.decimal_mark)
    return rf"(?=[\d{decimal}\-\u2212\u2013])(?:{SIGN_ALLOWED}{SIGN})?{unsigned(language)}"


def signed_decimal(language: Language) -> str:
    """A number with a fraction part ("2.5", "−0.25", ".5")."""
    decimal = re.escape(language.decimal_mark)
    whole = rf"(?=[\d{decimal}\-\u2212\u2013])(?:{_grouped(language)}|\d+|(?<![\w.]))"
    return rf"(?:{SIGN_ALLOWED}{SIGN})?{whole}{decimal}\d+(?!\d)"


@cache
def _context_table(code: str) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in table_rows("number-context", code):
        if len(row) > 1:
            roles.setdefault(row[1], set()).add(row[0].lower())
    return {role: frozenset(words) for role, words in roles.items()}


def context_words(language: Language, role: str) -> frozenset[str]:
    """The words of ``role`` in the language's ``number-context`` table: "determiner"
    (before a measure used as an adjective), "function" (after a measure, not the
    noun it describes) and "sport" (near a score). A language without the table
    has none, and its numbers keep their plain readings."""
    return _context_table(language.code).get(role, frozenset())


_WORD_BEFORE = re.compile(r"(?<![\w'-])([^\W\d_][\w'-]*\.?)\s+$")
_WORD_AFTER = re.compile(r"^\s*([^\W\d_][\w'-]*)")


def word_before(text: str) -> str:
    """The word just before ``text``'s end, in lower case, with its full stop if it
    has one ("fig." of "Fig. 3-5"; "" if a mark or nothing comes between)."""
    match = _WORD_BEFORE.search(text[-40:])
    return match.group(1).lower() if match else ""


def word_after(text: str) -> str:
    """The first word of ``text`` in lower case ("" if a number or a mark comes first)."""
    match = _WORD_AFTER.match(text[:40])
    return match.group(1).lower() if match else ""
