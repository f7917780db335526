"""The front end's safety promise: every written number is heard with its value, sign
and order.

Numbers are generated in every class and context the front end knows, said,
and read back from the spoken words (``readback``, written against what a
listener understands, not against the verbalizers). A lost sign, a fraction
flattened into another number, a dropped exponent or two numbers merged
into one all fail here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from narrator.speech.frontend.readback import heard_numbers
from narrator.speech.settings import Punctuation
from narrator.speech.spoken import spoken_form

Written = tuple[str, list[Fraction]]

WHOLE = st.integers(0, 10**12)
SMALL = st.integers(0, 999)
PLACES = st.integers(1, 4)
MINUS = st.sampled_from(["-", "\u2212", "\u2013"])
BEFORE = st.sampled_from(["", "Take ", "about ", "(", "reduced by ", "Results: ", "and "])
AFTER = st.sampled_from(["", ".", " daily", ")", ", then", " in total.", ";"])
UNITS = st.sampled_from(["mg", "mcg", "\u00b5g", "mL", "mmol/L", "mg/kg/day", "%", "\u00b0C", "kg"])


def grouped(value: int) -> str:
    return f"{value:,}" if value >= 10_000 else str(value)


@st.composite
def cardinals(draw: st.DrawFn) -> Written:
    value = draw(WHOLE)
    return grouped(value), [Fraction(value)]


@st.composite
def decimals(draw: st.DrawFn) -> Written:
    whole, places = draw(st.integers(0, 99_999)), draw(PLACES)
    digits = draw(st.integers(0, 10**places - 1))
    written = f"{whole}.{digits:0{places}d}"
    return written, [Fraction(Decimal(written))]


@st.composite
def negatives(draw: st.DrawFn) -> Written:
    written, values = draw(st.one_of(cardinals(), decimals()))
    if values[0] == 0:
        return written, values
    return draw(MINUS) + written, [-values[0]]


@st.composite
def ranges(draw: st.DrawFn) -> Written:
    low, high = draw(st.integers(0, 5000)), draw(st.integers(0, 5000))
    dash = draw(st.sampled_from(["-", "\u2013", " \u2013 "]))
    unit = draw(st.sampled_from(["", " mg", " hours", "%", " days"]))
    return f"{low}{dash}{high}{unit}", [Fraction(low), Fraction(high)]


@st.composite
def measures(draw: st.DrawFn) -> Written:
    written, values = draw(st.one_of(cardinals(), decimals()))
    space = draw(st.sampled_from(["", " "]))
    return f"{written}{space}{draw(UNITS)}", values


@st.composite
def money(draw: st.DrawFn) -> Written:
    symbol = draw(st.sampled_from(["$", "\u20ac", "\u00a3"]))
    magnitude = draw(st.sampled_from(["", "m", "bn", " million", " billion"]))
    # Before a magnitude, news writes at most three digits ("$250m", "$2.5bn").
    whole = draw(st.integers(0, 999 if magnitude else 999_999))
    if magnitude:
        tenths = draw(st.integers(0, 9))
        written = f"{whole}.{tenths}" if tenths else str(whole)
        scale = 10**6 if "m" in magnitude else 10**9
        return f"{symbol}{written}{magnitude}", [Fraction(Decimal(written)) * scale]
    return f"{symbol}{grouped(whole)}", [Fraction(whole)]


@st.composite
def vulgar_fractions(draw: st.DrawFn) -> Written:
    char, value = draw(
        st.sampled_from(
            [
                ("\u00bd", Fraction(1, 2)),
                ("\u00bc", Fraction(1, 4)),
                ("\u00be", Fraction(3, 4)),
                ("\u2153", Fraction(1, 3)),
                ("\u215b", Fraction(1, 8)),
            ]
        )
    )
    whole = draw(st.integers(0, 20))
    if whole:
        return f"{whole}{char}", [whole + value]
    return char, [value]


@st.composite
def slash_fractions(draw: st.DrawFn) -> Written:
    denominator = draw(st.sampled_from([2, 3, 4, 5, 8, 10]))
    numerator = draw(st.integers(1, denominator - 1))
    return f"{numerator}/{denominator} of", [Fraction(numerator, denominator)]


@st.composite
def powers(draw: st.DrawFn) -> Written:
    exponent = draw(st.integers(-12, 30))
    superscript = str(exponent).translate(
        str.maketrans(
            "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
        )
    )
    mantissa, values = draw(decimals())
    return f"{mantissa} \u00d7 10{superscript}", [values[0], Fraction(10), Fraction(exponent)]


@st.composite
def ordinals(draw: st.DrawFn) -> Written:
    value = draw(st.integers(1, 10_000))
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"the {value}{suffix}", [Fraction(value)]


@st.composite
def years(draw: st.DrawFn) -> Written:
    year = draw(st.integers(1100, 2099))
    return f"in {year}", [Fraction(year)]


@st.composite
def ratios(draw: st.DrawFn) -> Written:
    left, right = draw(st.integers(1, 10_000)), draw(st.integers(1, 10_000))
    return f"a {left}:{right} dilution", [Fraction(left), Fraction(right)]


@st.composite
def footnoted(draw: st.DrawFn) -> Written:
    """A footnote marker after a number is a note, never part of the number."""
    written, values = draw(st.one_of(cardinals(), measures()))
    note = draw(st.integers(1, 99))
    return f"{written}[{note}]", [*values, Fraction(note)]


SUPERSCRIPT = str.maketrans(
    "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


@st.composite
def statistics(draw: st.DrawFn) -> Written:
    """A study's "n=120" and "p=0.05" are numbers, not code said digit by digit."""
    name = draw(st.sampled_from(["n", "N", "p", "k", "r"]))
    written, values = draw(st.one_of(cardinals(), decimals()))
    space = draw(st.sampled_from(["", " "]))
    return f"({name}{space}={space}{written})", values


@st.composite
def superscript_notes(draw: st.DrawFn) -> Written:
    """A superscript note after a word, a percentage, a closing mark or a year is a
    note: "large²" and "in 2019²" are never squared, and the year stays whole."""
    note = draw(st.integers(1, 99))
    marker = str(note).translate(SUPERSCRIPT)
    before = draw(st.sampled_from(["year", "word", "percent", "bracket"]))
    if before == "year":
        year = draw(st.integers(1500, 2099))
        return f"in {year}{marker}", [Fraction(year), Fraction(note)]
    if before == "percent":
        value = draw(SMALL)
        return f"fell {value}%{marker}", [Fraction(value), Fraction(note)]
    word = draw(st.sampled_from(["trials", "reported", "significant", "Smith et al."]))
    if before == "bracket":
        return f"({word}){marker}", [Fraction(note)]
    return f"{word}{marker}", [Fraction(note)]


@st.composite
def scores(draw: st.DrawFn) -> Written:
    """A score is said side by side or with "to", never merged ("3–1", "a 4-0 rout")."""
    home, away = draw(st.integers(0, 150)), draw(st.integers(0, 150))
    dash = draw(st.sampled_from(["-", "\u2013"]))
    frame = draw(st.sampled_from(["won {}", "lost {} at home", "a {} win", "drew {}", "ended {}"]))
    return frame.format(f"{home}{dash}{away}"), [Fraction(home), Fraction(away)]


@st.composite
def adjectival_measures(draw: st.DrawFn) -> Written:
    """A measure or an amount before its noun ("a 5 m wall", "a $3m bonus")."""
    written, values = draw(st.one_of(cardinals(), decimals(), money()))
    if not written[:1].isdigit():
        return f"a {written} bonus", values
    unit = draw(st.sampled_from(["m", "mm", "kg", "mg", "km", "V", "mL/h", "\u00b0"]))
    return f"a {written} {unit} wall", values


@st.composite
def spaced_thousands(draw: st.DrawFn) -> Written:
    """SI style: "1 500", "12 000 000", with plain, thin or no-break spaces."""
    value = draw(st.integers(1000, 10**9))
    space = draw(st.sampled_from([" ", "\u2009", "\u00a0"]))
    return f"{value:,}".replace(",", space), [Fraction(value)]


@st.composite
def notation_with_units(draw: st.DrawFn) -> Written:
    """ "9.11 × 10⁻³¹ kg", "250 ×10⁹/L": the unit is said after the power."""
    written, values = draw(powers())
    unit = draw(st.sampled_from([" kg", " m", "/L", " mol", "/mL"]))
    return f"{written}{unit}", values


@st.composite
def attached_magnitudes(draw: st.DrawFn) -> Written:
    """ "40k fans", "1.2M rows", "2.4m visitors": the magnitude is part of the number
    (written, as news writes it, after at most three whole digits)."""
    whole, tenths = draw(st.integers(1, 999)), draw(st.integers(0, 9))
    written = f"{whole}.{tenths}" if tenths else str(whole)
    values = [Fraction(Decimal(written))]
    letter, scale = draw(st.sampled_from([("k", 1000), ("M", 10**6), ("m", 10**6), ("bn", 10**9)]))
    return f"{written}{letter} visitors", [values[0] * scale]


CLASSES: list[Callable[[], st.SearchStrategy[Written]]] = [
    cardinals,
    decimals,
    negatives,
    ranges,
    measures,
    money,
    vulgar_fractions,
    slash_fractions,
    powers,
    ordinals,
    years,
    ratios,
    footnoted,
    superscript_notes,
    statistics,
    scores,
    adjectival_measures,
    spaced_thousands,
    notation_with_units,
    attached_magnitudes,
]
WRITTEN = st.one_of([strategy() for strategy in CLASSES])


@given(WRITTEN, BEFORE, AFTER, st.sampled_from(list(Punctuation)))
@settings(max_examples=1500, deadline=None)
@example(("1\u00bd", [Fraction(3, 2)]), "Take ", " tablets", Punctuation.SOME)
@example(("10\u2075", [Fraction(10), Fraction(5)]), "", " cells", Punctuation.SOME)
@example(("\u22125", [Fraction(-5)]), "", " \u00b0C", Punctuation.NONE)
@example(("10 000", [Fraction(10_000)]), "", " people", Punctuation.SOME)
@example((".5", [Fraction(1, 2)]), "a ", " mg dose", Punctuation.SOME)
def test_every_number_is_heard_with_its_value_sign_and_order(
    written: Written, before: str, after: str, punctuation: Punctuation
) -> None:
    text, values = written
    said = spoken_form(before + text + after, punctuation=punctuation)
    assert heard_numbers(said) == values, said


@given(st.lists(st.one_of(cardinals(), decimals(), negatives()), min_size=2, max_size=5))
@settings(max_examples=300, deadline=None)
def test_numbers_in_a_list_stay_apart_and_in_order(numbers: list[Written]) -> None:
    text = ", ".join(written for written, _ in numbers)
    said = spoken_form(f"Values: {text}.")
    assert heard_numbers(said) == [value for _, values in numbers for value in values], said
