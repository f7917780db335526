"""English number words, said as num2words says them, without importing num2words.

num2words covers dozens of languages and loads them all when imported (about
30 ms, at every start, before the first sentence can be said). English is
the language of most articles, and its number words are a small table and
one rule, so they are said here; a test checks they are word for word what
num2words says. Other languages still come from num2words.

The words are num2words' less its hyphens and commas ("twenty four",
"one million two hundred thousand"): a hyphen would be named at punctuation
level "all", and a comma is a pause no reader makes inside a number.
"""

from __future__ import annotations

_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = (
    "zero",
    "ten",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
SCALES = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
    "sextillion",
    "septillion",
    "octillion",
    "nonillion",
)
_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
# One thousand nonillion: beyond it, numbers are read digit by digit anyway.
LARGEST = 10 ** (3 * (len(SCALES) + 1)) - 1


def _below_hundred(value: int) -> str:
    if value < 20:
        return _ONES[value]
    tens, ones = divmod(value, 10)
    return _TENS[tens] if not ones else f"{_TENS[tens]} {_ONES[ones]}"


def _below_thousand(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    if not hundreds:
        return _below_hundred(rest)
    said = f"{_ONES[hundreds]} hundred"
    return said if not rest else f"{said} and {_below_hundred(rest)}"


def cardinal(value: int) -> str:
    """ "one thousand and five", "two million three hundred thousand"."""
    if not 0 <= value <= LARGEST:
        raise ValueError(f"no English words for {value}")
    if value < 1000:
        return _below_thousand(value)
    groups = []
    while value:
        value, group = divmod(value, 1000)
        groups.append(group)
    said = []
    for scale, group in reversed(list(enumerate(groups))):
        if not group:
            continue
        words = _below_thousand(group)
        said.append(f"{words} {SCALES[scale - 1]}" if scale else words)
    if groups[0] and groups[0] < 100 and len(said) > 1:
        said[-1] = f"and {said[-1]}"
    return " ".join(said)


def ordinal(value: int) -> str:
    """ "twenty first", "one hundredth", "twelfth"."""
    words = cardinal(value).split(" ")
    last = words[-1]
    if last in _ORDINALS:
        words[-1] = _ORDINALS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def year(value: int) -> str:
    """A year in pairs ("nineteen oh five", "twenty twenty four", "nineteen hundred");
    where pairs are not said ("2005", "1000"), the cardinal."""
    high, low = divmod(value, 100)
    if high == 0 or (high % 10 == 0 and low < 10) or high >= 100:
        return cardinal(value)
    if low == 0:
        return f"{cardinal(high)} hundred"
    if low < 10:
        return f"{cardinal(high)} oh {_ONES[low]}"
    return f"{cardinal(high)} {cardinal(low)}"
