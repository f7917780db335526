"""Scientific notation and powers: "1.2 × 10⁻⁵" is "one point two times ten to the
minus five", "6.02e23" is "six point zero two times ten to the twenty-three",
"10⁵" is "ten to the five", "x²" is "x squared", "mc²" is "m c squared", "πr²"
is "pi r squared", "4ⁿ" is "four to the n". A unit after the notation is
said after it: "9.11 × 10⁻³¹ kg" is "... to the minus thirty-one kilograms",
"250 ×10⁹/L" is "... times ten to the nine per liter".

Superscript digits are read as exponents, never flattened into the number
before them ("10⁵" is not "one hundred and five"), and an exponent's minus
is kept.
"""

from __future__ import annotations

import unicodedata

from narrator.speech.frontend.classes.measure import UNIT_WORD, is_unit, say_unit
from narrator.speech.frontend.classes.written_numbers import (
    SIGN,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPTS,
    signed,
)
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import number_words, parse
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_SUPER = f"[\u207b\u207a]?[{SUPERSCRIPT_DIGITS}]+|\u207f"
# Superscript letters an exponent may be ("2ⁿ").
_SUPER_LETTERS = str.maketrans({"\u207f": "n"})
# A variable or a product of two ("x", "mc", "πr") before a power.
_VARIABLES = "(?<![\\w])[a-zA-Z\u0391-\u03c9]{1,2}"


# espeak-ng says a lone "a" as the article; a variable a is the letter.
_LETTER_SAID = {"a": "eh", "A": "eh"}


def variable_words(letters: str) -> str:
    """Letters of a formula one by one, Greek ones by name ("πr" is "pi r")."""
    said = []
    for letter in letters:
        if "\u0370" <= letter <= "\u03ff":
            said.append(unicodedata.name(letter, letter).split()[-1].lower())
        else:
            said.append(_LETTER_SAID.get(letter, letter))
    return " ".join(said)


def power_words(exponent: str, language: Language) -> str:
    """ "to the minus five" for an exponent of −5; "squared" and "cubed" for 2 and 3."""
    exponent = exponent.translate(SUPERSCRIPTS).replace("\u2212", "-").replace("\u2013", "-")
    letters = exponent.translate(_SUPER_LETTERS)
    if letters.isalpha():
        return f"{language.word('power')} {variable_words(letters)}"
    number = parse(exponent, language)
    if not number.negative and number.fraction is None and number.whole in ("2", "3"):
        return language.word("squared" if number.whole == "2" else "cubed")
    return f"{language.word('power')} {number_words(number, language)}"


def _say_notation(found: Found, context: Context) -> str:
    language = context.language
    mantissa = number_words(parse(found.group("mantissa") or "", language), language)
    base = number_words(parse(found.group("base") or "10", language), language)
    exponent = found.group("exponent") or found.group("super") or ""
    # "10²" in notation is "ten to the two", not "ten squared".
    said_exponent = number_words(parse(exponent.translate(SUPERSCRIPTS), language), language)
    power = f"{language.word('power')} {said_exponent}"
    said = f"{mantissa} {language.word('times')} {base} {power}"
    return said


def _say_notation_and_unit(found: Found, context: Context) -> str | None:
    """ "9.11 × 10⁻³¹ kg", "250 ×10⁹/L", "1.5e-3 mol": the unit (the table's) after
    the power."""
    language = context.language
    unit, per = found.group("unit"), found.group("per")
    if not is_unit(unit or per or "", language):
        return None
    said = _say_notation(found, context) if found.group("base") else _say_e(found, context)
    if per:
        return f"{said} {language.word('per')} {say_unit(parse('1', language), per, language)}"
    return f"{said} {say_unit(None, unit or '', language)}"


def _say_e(found: Found, context: Context) -> str:
    language = context.language
    mantissa = number_words(parse(found.group("mantissa") or "", language), language)
    exponent = number_words(parse(found.group("exponent") or "", language), language)
    return f"{mantissa} {language.word('times')} ten {language.word('power')} {exponent}"


def _say_power(found: Found, context: Context) -> str:
    language = context.language
    base = found.group("base") or ""
    said_base = (
        number_words(parse(base, language), language)
        if base[:1].isdigit() or base[:1] in "-\u2212" or base[:1] == language.decimal_mark
        else variable_words(base)
    )
    exponent = found.group("super") or found.group("caret") or ""
    return f"{said_base} {power_words(exponent, language)}"


def rules(language: Language) -> list[Rule]:
    number = signed(language)
    times = r"\s?[\u00d7x\u00b7*]\s?"
    with_unit = rf"(?:[ \u00a0\u2009\u202f](?P<unit>{UNIT_WORD})|/(?P<per>{UNIT_WORD}))"
    e_notation = rf"(?<![\w.])(?P<mantissa>{SIGN}?\d+(?:\.\d+)?)[eE](?P<exponent>[-+\u2212]?\d+)"
    notation = (
        rf"(?P<mantissa>{number}){times}(?P<base>10)"
        rf"(?:(?P<super>{_SUPER})|\^\(?(?P<exponent>{SIGN}?\d+)\)?)"
    )
    return [
        Rule(
            "scientific: times ten to a power and a unit",
            SemioticClass.SCIENTIFIC,
            notation + with_unit,
            _say_notation_and_unit,
        ),
        Rule(
            "scientific: times ten to a power",
            SemioticClass.SCIENTIFIC,
            notation,
            _say_notation,
        ),
        Rule(
            "scientific: e notation and a unit",
            SemioticClass.SCIENTIFIC,
            rf"{e_notation}(?![\w]|\.\w){with_unit}",
            _say_notation_and_unit,
        ),
        Rule(
            "scientific: e notation",
            SemioticClass.SCIENTIFIC,
            rf"{e_notation}(?![\w]|\.\w)",
            _say_e,
        ),
        Rule(
            "scientific: power",
            SemioticClass.SCIENTIFIC,
            rf"(?P<base>{number}|{_VARIABLES}(?=[\u207b\u207a\u207f{SUPERSCRIPT_DIGITS}^]))(?:(?P<super>{_SUPER})|\^\(?(?P<caret>{SIGN}?\d+|[a-zA-Z](?![\w]))\)?)",
            _say_power,
        ),
    ]
