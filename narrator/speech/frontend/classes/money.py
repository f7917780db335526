"""Money: "$5" is "five dollars", "$2.5bn" is "two point five billion dollars",
"€300m" is "three hundred million euros", "$5.99" is "five dollars and
ninety-nine cents", "USD 100" is "one hundred US dollars"; before its noun
an amount is an adjective, "a $5 fee" is "a five dollar fee" and "a $3m
bonus" "a three million dollar bonus".

The amount is said before the currency, as a reader says it; the currency
symbols and codes, and magnitude suffixes, are the language's tables.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.measure import attributive
from narrator.speech.frontend.classes.written_numbers import SIGN, unsigned
from narrator.speech.frontend.language import Currency, Language
from narrator.speech.frontend.number_words import (
    Number,
    cardinal_words,
    is_one,
    number_words,
    parse,
)
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass


def _alternatives(names: list[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def _amount(
    number: Number,
    magnitude: str | None,
    currency: Currency,
    language: Language,
    adjective: bool = False,
) -> str:
    """The amount in words; ``adjective`` for an amount before its noun ("a $5 fee"
    is "a five dollar fee", "a $0.99 app" "a ninety-nine cent app"), where a whole
    amount's currency is singular."""
    if magnitude:
        scale = language.magnitudes.get(magnitude) or language.magnitudes.get(magnitude.lower(), "")
        name = currency.singular if adjective else currency.plural
        return f"{number_words(number, language)} {scale} {name}"
    name = currency.singular if is_one(number) or adjective else currency.plural
    fraction = number.fraction
    if adjective and fraction is not None and len(fraction) == 2 and number.whole in ("", "0"):
        cents = cardinal_words(str(int(fraction)), language)
        return f"{cents} {currency.cent_singular}"
    if fraction is not None and len(fraction) == 2:
        whole = Number(number.negative, number.whole or "0")
        dollars = whole.whole != "0" or fraction == "00"
        cents = int(fraction)
        cent_name = currency.cent_singular if cents == 1 else currency.cent_plural
        cents_said = f"{cardinal_words(str(cents), language)} {cent_name}"
        if not dollars:
            return f"{language.word('minus')} {cents_said}" if number.negative else cents_said
        name = currency.singular if is_one(whole) else currency.plural
        main = f"{number_words(whole, language)} {name}"
        return main if cents == 0 else f"{main} {language.word('and')} {cents_said}"
    return f"{number_words(number, language)} {name}"


def _say(found: Found, context: Context) -> str | None:
    language = context.language
    written = found.group("currency") or found.group("code") or ""
    currency = language.currencies.get(written) or language.currencies.get(written.upper())
    if currency is None:
        return None
    number = parse((found.group("sign") or "") + (found.group("amount") or ""), language)
    adjective = attributive(found.before, found.after, language)
    said = _amount(number, found.group("magnitude"), currency, language, adjective)
    high = found.group("high")
    if high:
        high_number = parse(high, language)
        high_said = _amount(high_number, found.group("magnitude"), currency, language, adjective)
        return f"{number_words(number, language)} {language.word('to')} {high_said}"
    return said


def rules(language: Language) -> list[Rule]:
    symbols = [name for name in language.currencies if not name.isalpha()]
    codes = [name for name in language.currencies if name.isalpha()]
    amount = unsigned(language)
    magnitudes = _alternatives(list(language.magnitudes))
    magnitude = rf"(?:\s?(?P<magnitude>{magnitudes})(?![^\W\d_]))?"
    high = rf"(?:\s?[\u2013-]\s?(?:{_alternatives(symbols)})?(?P<high>{amount}))?"
    return [
        Rule(
            "money: symbol then amount",
            SemioticClass.MONEY,
            rf"(?P<sign>{SIGN})?(?P<currency>{_alternatives(symbols)})\s?(?P<amount>{amount}){high}{magnitude}",
            _say,
        ),
        Rule(
            "money: code then amount",
            SemioticClass.MONEY,
            rf"\b(?P<code>{_alternatives(codes)})\s?(?P<amount>{amount}){high}{magnitude}",
            _say,
        ),
        Rule(
            "money: amount then code",
            SemioticClass.MONEY,
            rf"(?<![\w.])(?P<amount>{amount}){magnitude}\s(?P<code>{_alternatives(codes)})\b",
            _say,
        ),
    ]
