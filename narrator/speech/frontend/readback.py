"""The numbers a listener hears in an English spoken form, read back from its words.

This is the guard on the front end's one safety promise: a number's value,
sign and order survive speech. Whatever the verbalizers say, reading their
words back must give the written numbers again, so this module is written
against what a listener would understand (and against ``num2words``' English,
its inverse), never against the verbalizers themselves.

Conventions, each what a listener takes the words to mean:

- Cardinals with scale words: "one hundred and five" and "one hundred five"
  are 105, "twelve hundred" is 1200, "two million three hundred thousand" is
  2300000 (a following group must be smaller than the scale before it, so
  "two thousand three thousand" is two numbers), and "one thousand million"
  is 1000000000. A comma is a pause a listener hears between numbers, so it
  ends one: "two million, three" is 2000000 and 3 (num2words writes a comma
  inside a number; the front end never says one). "a hundred", "a million"
  are 100 and 1000000.
- Decimals: "point" followed by single digit words ("zero", "oh", "nought",
  "one" … "nine"): "three point one four", "point five", "zero point zero two
  five". A scale word after a decimal multiplies it: "two point five billion".
- Signs: "minus" or "negative" directly before a number makes it negative,
  except right after a number, where it is the operator ("ten minus three" is
  10 and 3).
- Ordinals are their number: "twenty-first" is 21, "one hundredth" is 100
  (as num2words says the ordinal; the fraction one hundredth is heard the
  same, so it is read as the ordinal), "third" is 3.
- Years as num2words says them: two groups of 10 to 99 said one after the
  other are one number, "nineteen ninety-nine" 1999, "twenty twenty-four"
  2024, "nineteen oh five" 1905, "ten thirty" 1030 (so a time said "ten
  thirty" reads back as 1030: compare a time as hours times 100 plus minutes).
  "two thousand and twenty-four" and "nineteen hundred" are plain cardinals.
  Decades and centuries are their first year: "the eighties" 80, "the
  nineteen nineties" 1990, "the eighteen hundreds" 1800 (as "the '80s",
  "1990s" and "1800s" read back); "hundreds of patients" is no number.
  Years below 1000, which num2words says "nine ninety-nine", read back as two
  numbers.
- Fractions: "one half", "a half", "a quarter", "three quarters", "two
  thirds", "five eighths", "seven hundredths" (a numerator of one takes a
  singular denominator, any other a plural), mixed "one and a half", "two and
  three quarters", and "x over y". "half" alone ("half the dose",
  "half-life") and "a third" (also "a third dose") are words, not numbers.
- Digits left as digits: "10", "2.5", ".5", "-3" with a hyphen-minus or a
  minus sign U+2212 (a sign only when no letter or digit is glued before it,
  so "5-10" is 5 and 10), "1,000" (commas before groups of three), and
  dotted versions "2.0.1" as 2, 0, 1.
- "second" right after a number or after "per" is the unit of time, not the
  ordinal: "one second" is 1, "per second" is nothing.
- Any other word, and any other mark, separates numbers: "five to ten" is 5
  and 10, "five, ten" is 5 and 10.

Values are ``Fraction``: exact, never float, and equal to ``int`` and
``Decimal`` values of the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from narrator.speech.frontend.english_numbers import SCALES

_UNITS = {
    "zero": 0,
    "nought": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_HUNDRED = 100
_SCALES = {
    # the words Narrator says for powers of a thousand, and one beyond its largest
    name: 10 ** (3 * power)
    for power, name in enumerate((*SCALES, "decillion"), start=1)
}
_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _ordinal(cardinal: str) -> str:
    """The ordinal word of a cardinal word: "one" → "first", "twenty" → "twentieth"."""
    if cardinal in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[cardinal]
    if cardinal.endswith("y"):
        return cardinal[:-1] + "ieth"
    return cardinal + "th"


def _ordinals(cardinals: dict[str, int]) -> dict[str, int]:
    return {_ordinal(word): value for word, value in cardinals.items() if word != "nought"}


# Decades: "the eighties" is 80 as "the '80s" is, "the nineteen nineties" 1990.
_DECADES = {word[:-1] + "ies": value for word, value in _TENS.items()}
_ORDINAL_UNITS = _ordinals(_UNITS)
_ORDINAL_TEENS = _ordinals(_TEENS)
_ORDINAL_TENS = _ordinals(_TENS)
_ORDINAL_SCALES = _ordinals({"hundred": _HUNDRED, **_SCALES})
_DIGITS = {**_UNITS, "oh": 0}
# "one third", "one quarter": first, second and zeroth are never denominators.
_DENOMINATORS = {
    "half": 2,
    "quarter": 4,
    **{
        word: value
        for word, value in {**_ORDINAL_UNITS, **_ORDINAL_TEENS, **_ORDINAL_TENS}.items()
        if value > 2
    },
}
_PLURAL_DENOMINATORS = {
    "halves": 2,
    "quarters": 4,
    **{word + "s": value for word, value in _DENOMINATORS.items() if value not in (2, 4)},
    "fourths": 4,
    **{word + "s": value for word, value in _ORDINAL_SCALES.items()},
}
_SIGNS = frozenset({"minus", "negative"})
_TIME_UNIT = "second"

_TOKEN = re.compile(
    r"(?P<dotted>\d+(?:\.\d+){2,})"
    r"|(?P<numeral>(?:(?<![^\W_])[-\u2212])?(?:\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|\.\d+))"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<mark>\S)"
)
# "twenty-first", "oh-five": a hyphen inside a word group joins, it does not separate.
_JOINING_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


@dataclass(frozen=True)
class _Numeral:
    """Digits left as digits: already a value."""

    value: Fraction


_Token = str | _Numeral


def _tokens(spoken: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(_JOINING_HYPHEN.sub(" ", spoken.lower())):
        if match["dotted"]:
            tokens += [_Numeral(Fraction(int(part))) for part in match["dotted"].split(".")]
        elif match["numeral"]:
            digits = match["numeral"].replace(",", "").replace("\u2212", "-")
            tokens.append(_Numeral(Fraction(digits)))
        else:
            tokens.append(match[0])
    return tokens


@dataclass(frozen=True)
class _Heard:
    """A number found at some place in the tokens, and where it ends."""

    value: Fraction
    end: int
    ordinal: bool = False
    # Said as one group of 10 to 99 ("nineteen", "ninety-nine"): may be half a year.
    two_digit: bool = False


class _Reader:
    """Reads numbers off a list of tokens, each method at a given position."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens

    def word(self, at: int) -> str | None:
        token = self.tokens[at] if at < len(self.tokens) else None
        return token if isinstance(token, str) else None

    def tens_or_less(self, at: int) -> _Heard | None:
        """0 to 99 as one group: "seven", "fifteen", "ninety-nine", "twenty-first"."""
        word = self.word(at)
        if word in _TENS:
            value, after = _TENS[word], self.word(at + 1)
            if after in _UNITS and _UNITS[after] > 0:
                return _Heard(Fraction(value + _UNITS[after]), at + 2, two_digit=True)
            if after in _ORDINAL_UNITS and _ORDINAL_UNITS[after] > 0:
                return _Heard(Fraction(value + _ORDINAL_UNITS[after]), at + 2, ordinal=True)
            return _Heard(Fraction(value), at + 1, two_digit=True)
        for table, ordinal, two_digit in (
            (_TEENS, False, True),
            (_UNITS, False, False),
            (_DECADES, False, False),
            (_ORDINAL_TENS, True, False),
            (_ORDINAL_TEENS, True, False),
            (_ORDINAL_UNITS, True, False),
        ):
            if word in table:
                return _Heard(Fraction(table[word]), at + 1, ordinal, two_digit)
        return None

    def below_thousand(self, at: int) -> _Heard | None:
        """A group before a scale word: "three hundred and five", "twelve hundred", "a"."""
        if self.word(at) == "a" and (
            self.word(at + 1) in ("hundred", "hundredth") or self.word(at + 1) in _SCALES
        ):
            head: _Heard | None = _Heard(Fraction(1), at + 1)
        else:
            head = self.tens_or_less(at)
        if head is None or head.ordinal:
            return head
        after = self.word(head.end)
        if after == "hundredth":
            return _Heard(head.value * _HUNDRED, head.end + 1, ordinal=True)
        if after == "hundreds" and head.two_digit:
            return _Heard(head.value * _HUNDRED, head.end + 1)
        if after != "hundred":
            return head
        value, end = head.value * _HUNDRED, head.end + 1
        tail = self.tens_or_less(end + 1) if self.word(end) == "and" else self.tens_or_less(end)
        if tail is None:
            return _Heard(value, end)
        return _Heard(value + tail.value, tail.end, tail.ordinal)

    def cardinal(self, at: int) -> _Heard | None:
        """A whole number or ordinal in words, scale by decreasing scale."""
        group = self.below_thousand(at)
        total, last_scale = Fraction(0), None
        while group is not None and not group.ordinal:
            scale_word = self.word(group.end)
            scale = _SCALES.get(scale_word or "") or _ORDINAL_SCALES.get(scale_word or "")
            if scale is None or scale < 1000 or group.value == 0:
                break
            if last_scale is not None and scale >= last_scale:
                break
            total, last_scale = total + group.value * scale, scale
            end = group.end + 1
            if scale_word in _ORDINAL_SCALES:
                return _Heard(total, end, ordinal=True)
            following = self.after_scale(end, scale)
            if following is None:
                larger = _SCALES.get(self.word(end) or "")
                if larger is not None and larger > scale:
                    # "one thousand million": a larger scale multiplies what came before.
                    return _Heard(total * larger, end + 1)
                return _Heard(total, end)
            group = following
        if group is None:
            return None
        return _Heard(total + group.value, group.end, group.ordinal, group.two_digit and total == 0)

    def after_scale(self, at: int, scale: int) -> _Heard | None:
        """The smaller group that goes on a number after its scale word, if one does."""
        if self.word(at) == "and":
            at += 1
        group = self.below_thousand(at)
        if group is None or group.value == 0:  # no number goes on with "zero"
            return None
        next_scale = _SCALES.get(self.word(group.end) or "")
        if next_scale is not None and next_scale >= scale:
            return None
        return group

    def year(self, century: _Heard) -> _Heard | None:
        """The second half of a year said in pairs: "nineteen | ninety-nine", "| oh five"."""
        if not (century.two_digit and 10 <= century.value <= 99):
            return None
        at = century.end
        if self.word(at) == "oh" and _UNITS.get(self.word(at + 1) or "", 0) > 0:
            return _Heard(century.value * 100 + _UNITS[self.word(at + 1) or ""], at + 2)
        rest = self.tens_or_less(at)
        if rest is None or rest.value < 10:
            return None
        after = self.word(rest.end)
        if after in ("hundred", "hundredth", "point") or after in _SCALES:
            return None
        return _Heard(century.value * 100 + rest.value, rest.end, rest.ordinal)

    def decimal(self, whole: Fraction, at: int) -> _Heard | None:
        """ "point" and single digits after a whole part: "point one four"."""
        if self.word(at) != "point" or self.word(at + 1) not in _DIGITS:
            return None
        digits, end = "", at + 1
        while self.word(end) in _DIGITS:
            digits += str(_DIGITS[self.word(end) or ""])
            end += 1
        return self.scaled(_Heard(whole + Fraction(int(digits), 10 ** len(digits)), end))

    def fraction(self, at: int) -> _Heard | None:
        """A fraction in words: "a half", "one quarter", "three quarters", "x over y"."""
        if self.word(at) == "a" and self.word(at + 1) in ("half", "quarter"):
            return _Heard(Fraction(1, _DENOMINATORS[self.word(at + 1) or ""]), at + 2)
        numerator = self.cardinal(at)
        if numerator is None or numerator.ordinal:
            return None
        return self.over(numerator)

    def over(self, numerator: _Heard) -> _Heard | None:
        """A whole number with its denominator after it, if it has one."""
        word, end = self.word(numerator.end), numerator.end + 1
        singular = numerator.value == 1
        if singular and word in _DENOMINATORS:
            return _Heard(Fraction(1, _DENOMINATORS[word]), end)
        if not singular and word in _PLURAL_DENOMINATORS:
            return _Heard(numerator.value / _PLURAL_DENOMINATORS[word], end)
        if word == "over":
            denominator = self.whole(end)
            if denominator is not None and denominator.value != 0:
                return _Heard(numerator.value / denominator.value, denominator.end)
        return None

    def whole(self, at: int) -> _Heard | None:
        """A whole number said in words or left as digits."""
        token = self.tokens[at] if at < len(self.tokens) else None
        if isinstance(token, _Numeral):
            return _Heard(token.value, at + 1)
        return self.cardinal(at)

    def number(self, at: int) -> _Heard | None:
        """The unsigned number that starts at ``at``, if one does."""
        token = self.tokens[at]
        if isinstance(token, _Numeral):
            return self.scaled(_Heard(token.value, at + 1))
        if token == "point":
            return self.decimal(Fraction(0), at)
        heard = (self.fraction(at) if token == "a" else None) or self.cardinal(at)
        if heard is None or heard.ordinal:
            return heard
        return (
            self.year(heard)
            or self.decimal(heard.value, heard.end)
            or self.over(heard)
            or self.mixed(heard)
            or heard
        )

    def scaled(self, heard: _Heard) -> _Heard:
        """Digits or a decimal times the scale word after it: "2.5 million"."""
        scale = _SCALES.get(self.word(heard.end) or "")
        return heard if scale is None else _Heard(heard.value * scale, heard.end + 1)

    def mixed(self, whole: _Heard) -> _Heard | None:
        """A whole number and a fraction: "one and a half", "two and three quarters"."""
        if whole.value.denominator != 1 or self.word(whole.end) != "and":
            return None
        part = self.fraction(whole.end + 1)
        if part is None or part.value >= 1:
            return None
        return _Heard(whole.value + part.value, part.end)


def heard_numbers(spoken: str) -> list[Fraction]:
    """The numbers a listener hears in ``spoken``, in order and with their signs."""
    reader = _Reader(_tokens(spoken))
    numbers: list[Fraction] = []
    at, last_end = 0, -1
    while at < len(reader.tokens):
        word = reader.word(at)
        after_number = at == last_end
        if word == _TIME_UNIT and (after_number or reader.word(at - 1) == "per"):
            at += 1
            continue
        sign = 1
        if word in _SIGNS and not after_number and at + 1 < len(reader.tokens):
            heard = reader.number(at + 1)
            sign = -1
        else:
            heard = reader.number(at)
        if heard is None:
            at += 1
            continue
        numbers.append(sign * heard.value)
        at = last_end = heard.end
    return numbers
