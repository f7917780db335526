"""The words a language says its numbers, units and abbreviations with.

Everything a verbalizer needs to know of a language is here, read from the
tab-separated tables in ``tables/<language>/``, so that a second language is a
folder of tables rather than a rewrite. Number words come from ``num2words``,
which covers dozens of languages; a language with no tables of its own still
says its numbers in its own words, and keeps only the language-neutral rules.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from num2words import CONVERTER_CLASSES

_TABLES = Path(__file__).with_name("tables")


def _rows(folder: Path, name: str) -> list[list[str]]:
    """The rows of a table, without its header and comment lines."""
    path = folder / f"{name}.tsv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.reader(stream, delimiter="\t") if row and row[0].strip()]
    return [[cell.strip() for cell in row] for row in rows[1:] if not row[0].startswith("#")]


def _pairs(folder: Path, name: str) -> dict[str, str]:
    return {row[0]: row[1] if len(row) > 1 else "" for row in _rows(folder, name)}


@dataclass(frozen=True)
class Unit:
    """A unit's written form and its words: ``singular`` after one, ``plural`` otherwise."""

    written: str
    singular: str
    plural: str


@dataclass(frozen=True)
class Currency:
    written: str
    singular: str
    plural: str
    cent_singular: str
    cent_plural: str


@dataclass(frozen=True)
class Abbreviation:
    """A written abbreviation (with its full stop), its words, and where it applies:
    ``any``, ``number`` (only before a number), ``name`` (before a capitalised
    name) or ``after`` (after a capitalised word or a number)."""

    written: str
    said: str
    where: str


@dataclass(frozen=True, eq=False)
class Language:
    code: str
    numbers: str
    words: dict[str, str] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    currencies: dict[str, Currency] = field(default_factory=dict)
    magnitudes: dict[str, str] = field(default_factory=dict)
    abbreviations: tuple[Abbreviation, ...] = ()
    word_acronyms: frozenset[str] = frozenset()
    symbols: dict[str, str] = field(default_factory=dict)
    months: dict[str, str] = field(default_factory=dict)
    dosage: dict[str, str] = field(default_factory=dict)
    roman_keywords: frozenset[str] = frozenset()
    regnal_names: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    decimal_mark: str = "."
    group_mark: str = ","

    @property
    def complete(self) -> bool:
        """Whether this language has the full set of rules (English, this turn)."""
        return bool(self.units)

    def word(self, key: str) -> str:
        """One of the language's connecting words ("to", "point", "minus"); a language
        that lacks one keeps the written form to its own voice (``complete`` says which)."""
        return self.words[key]

    @property
    def says_numbers(self) -> bool:
        """Whether numbers are said in words here; without tables, the engine's own
        voice for the language reads the digits."""
        return "minus" in self.words


def _num2words_code(code: str) -> str:
    if code in CONVERTER_CLASSES:
        return code
    base = code.split("-")[0].split("_")[0]
    return base if base in CONVERTER_CLASSES else "en"


@cache
def english() -> Language:
    return _load("en")


def _load(code: str) -> Language:
    folder = _TABLES / code
    units = {
        row[0]: Unit(row[0], row[1], row[2] if len(row) > 2 and row[2] else row[1] + "s")
        for row in _rows(folder, "units")
    }
    currencies = {
        row[0]: Currency(row[0], row[1], row[2], row[3], row[4])
        for row in _rows(folder, "currencies")
    }
    settings = _pairs(folder, "settings")
    return Language(
        code=code,
        numbers=_num2words_code(code),
        words=_pairs(folder, "words"),
        units=units,
        currencies=currencies,
        magnitudes=_pairs(folder, "magnitudes"),
        abbreviations=tuple(
            Abbreviation(row[0], row[1], row[2] if len(row) > 2 else "any")
            for row in _rows(folder, "abbreviations")
        ),
        word_acronyms=frozenset(_pairs(folder, "word-acronyms")),
        symbols=_pairs(folder, "symbols"),
        months=_pairs(folder, "months"),
        dosage=_pairs(folder, "dosage"),
        roman_keywords=frozenset(_pairs(folder, "roman-keywords")),
        regnal_names=frozenset(_pairs(folder, "regnal-names")),
        year_words=frozenset(_pairs(folder, "year-words")),
        decimal_mark=settings.get("decimal mark", "."),
        group_mark=settings.get("group mark", ","),
    )


@cache
def language_for(code: str) -> Language:
    """The tables for an article's language ("en-GB" takes English's, "de-AT" German's)."""
    code = (code or "en").replace("_", "-")
    base = code.split("-")[0].lower()
    if base == "en":
        return english()
    if (_TABLES / base).is_dir():
        return _load(base)
    return Language(code=base, numbers=_num2words_code(base))
