"""The pieces an utterance is cut into, and what each is said as.

Text normalization (Sproat and Jaitly's challenge, NeMo's tagger and
verbalizer, Google's Kestrel) names the kinds of written token that a reader
does not say as written "semiotic classes". Keeping the class, the rule and
the written place of every piece lets ``narrator script --explain`` show why
something was said as it was, and lets the screen find the written words the
voice is saying.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class SemioticClass(str, Enum):
    WORDS = "words"
    RESPELLED = "respelled"
    CARDINAL = "cardinal"
    DECIMAL = "decimal"
    FRACTION = "fraction"
    ORDINAL = "ordinal"
    RANGE = "range"
    RATIO = "ratio"
    MEASURE = "measure"
    MONEY = "money"
    DATE = "date"
    TIME = "time"
    YEAR = "year"
    TELEPHONE = "telephone"
    ELECTRONIC = "electronic"
    LETTERS = "letters"
    ROMAN = "roman"
    MATH = "math"
    SCIENTIFIC = "scientific"
    IDENTIFIER = "identifier"
    ABBREVIATION = "abbreviation"
    DOSAGE = "dosage"
    MARKUP = "markup"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class Span:
    """``written[start:end]`` of the cleaned text, said as ``said`` by ``rule``."""

    start: int
    end: int
    kind: SemioticClass
    rule: str
    written: str
    said: str


@dataclass(frozen=True)
class SpokenText:
    """What the voice says for a text, with the pieces it was made of."""

    text: str
    spans: tuple[Span, ...]
