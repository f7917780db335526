"""The words a language says its numbers, units, dates and abbreviations with.

Everything a verbalizer needs to know of a language is here, read from the
tab-separated tables in ``tables/<language>/``, so that a second language is a
folder of tables rather than a rewrite: German and French are two such
folders. Number words come from ``num2words``, which covers dozens of
languages (a language's ``number-splits`` table cuts the compounds espeak-ng
mispronounces, "zweitausendvierundzwanzig" into "zwei tausend vier und
zwanzig"). A language with no tables of its own still says its numbers in its
own words, and keeps only the language-neutral rules; its ``settings`` table
lists the classes its tables are complete for.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

_TABLES = Path(__file__).with_name("tables")
# Settings whose value is a blank, which a table cannot hold as itself.
_NAMED_VALUES = {"space": " ", "none": ""}


def _rows(folder: Path, name: str) -> list[list[str]]:
    """The rows of a table, without its header and comment lines."""
    path = folder / f"{name}.tsv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.reader(stream, delimiter="\t") if row and row[0].strip()]
    return [[cell.strip() for cell in row] for row in rows[1:] if not row[0].startswith("#")]


def table_rows(name: str, code: str | None = None) -> list[list[str]]:
    """The rows of a table a class reads for itself: a language's
    (``tables/<code>/``), or one every language shares (``tables/``)."""
    return _rows(_TABLES / code if code else _TABLES, name)


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


@dataclass(frozen=True)
class DateStyle:
    """How a language says a date: the day as an ordinal or a cardinal (French says
    "le quinze mars" but "le premier mars"), and the order of its parts."""

    day_first: str = "the {day} of {month}, {year}"
    month_first: str = "{month} {day}, {year}"
    month_year: str = "{month} {year}"
    day: str = "ordinal"
    first_day: str = ""
    day_marks: tuple[str, ...] = ("st", "nd", "rd", "th")
    numeric_day_first: bool = False


@dataclass(frozen=True)
class TimeStyle:
    """How a language says a time of day: English has its own reading ("nine oh
    five", "nine o'clock"); other languages a pattern ("{hours} Uhr {minutes}"),
    the marks written between or after the numbers ("14 h 30", "14:30 Uhr"), and
    the word for "one" in an hour ("vingt et une heures")."""

    said: str = ""
    said_on_the_hour: str = ""
    said_at_one: str = ""
    one: str = ""
    marks: tuple[str, ...] = (":",)
    after: str = ""
    marks_before_after: tuple[str, ...] = ()


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
    # Words written in capitals ("PATH", "README") and how they are said ("read me").
    capital_words: dict[str, str] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    months: dict[str, str] = field(default_factory=dict)
    days: dict[str, str] = field(default_factory=dict)
    dosage: dict[str, str] = field(default_factory=dict)
    treatment_words: frozenset[str] = frozenset()
    roman_keywords: frozenset[str] = frozenset()
    staging_words: frozenset[str] = frozenset()
    regnal_names: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    year_nouns: frozenset[str] = frozenset()
    decade_words: frozenset[str] = frozenset()
    ordinal_endings: dict[str, str] = field(default_factory=dict)
    ordinal_marks: tuple[str, ...] = ()
    decimal_mark: str = "."
    group_mark: str = ","
    classes: tuple[str, ...] | None = None
    capitalised_nouns: bool = False
    decade_ending: str = ""
    date_style: DateStyle = DateStyle()
    time_style: TimeStyle = TimeStyle()

    @property
    def complete(self) -> bool:
        """Whether this language has the full set of rules (English, this turn)."""
        return self.classes == ("all",)

    def word(self, key: str) -> str:
        """One of the language's connecting words ("to", "point", "minus"); a language
        that lacks one keeps the written form to its own voice (``complete`` says which)."""
        return self.words[key]

    @property
    def says_numbers(self) -> bool:
        """Whether numbers are said in words here; without tables, the engine's own
        voice for the language reads the digits."""
        return "minus" in self.words


class _SplitCompounds:
    """A num2words converter whose words are cut where the ``number-splits`` table
    says: at a scale part ("hundert", "tausend") always, and at a joining part
    ("und") only in a word already cut, so "achtunddreißig" stays whole (espeak-ng
    says it well) and "neunzehnhundertneunundneunzig" does not."""

    def __init__(self, base: Any, scale: list[str], joining: list[str]) -> None:
        self._base = base
        self._scale = re.compile("|".join(map(re.escape, scale)))
        self._every = re.compile("(" + "|".join(map(re.escape, scale + joining)) + ")")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)

    def _split(self, words: str) -> str:
        said = []
        for word in words.split(" "):
            if self._scale.search(word):
                word = " ".join(self._every.sub(r" \1 ", word).split())
            said.append(word)
        return " ".join(said)

    def to_cardinal(self, number: Any, **options: Any) -> str:
        return self._split(self._base.to_cardinal(number, **options))

    def to_ordinal(self, number: Any, **options: Any) -> str:
        return self._split(self._base.to_ordinal(number, **options))

    def to_year(self, number: Any, **options: Any) -> str:
        return self._split(self._base.to_year(number, **options))


def _num2words_code(code: str) -> str:
    """num2words' name for a language; English words are Narrator's own
    (``english_numbers``), so English never imports num2words."""
    base = code.split("-")[0].split("_")[0]
    if base == "en":
        return "en"
    from num2words import CONVERTER_CLASSES

    if code in CONVERTER_CLASSES:
        return code
    return base if base in CONVERTER_CLASSES else "en"


def _numbers(code: str, folder: Path) -> str:
    """The num2words language to say numbers with; with a ``number-splits`` table, a
    converter of its own, registered under "<code>-split"."""
    base = _num2words_code(code)
    splits = _rows(folder, "number-splits")
    if not splits:
        return base
    scale = [row[0] for row in splits if len(row) < 2 or row[1] == "scale"]
    joining = [row[0] for row in splits if len(row) > 1 and row[1] != "scale"]
    from num2words import CONVERTER_CLASSES

    name = f"{base}-split"
    CONVERTER_CLASSES.setdefault(name, _SplitCompounds(CONVERTER_CLASSES[base], scale, joining))
    return name


@cache
def english() -> Language:
    return _load("en")


def _setting(settings: dict[str, str], key: str, default: str) -> str:
    value = settings.get(key, default)
    return _NAMED_VALUES.get(value, value)


def _marks(settings: dict[str, str], key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if key not in settings:
        return default
    return tuple(_NAMED_VALUES.get(mark, mark) for mark in settings[key].split())


def _date_style(settings: dict[str, str]) -> DateStyle:
    default = DateStyle()
    return DateStyle(
        day_first=settings.get("date, day first", default.day_first),
        month_first=settings.get("date, month first", default.month_first),
        month_year=settings.get("date, month and year", default.month_year),
        day=settings.get("date, day said as", default.day),
        first_day=settings.get("date, first day", default.first_day),
        day_marks=_marks(settings, "date, day marks", default.day_marks),
        numeric_day_first=settings.get("date, numeric order") == "day first",
    )


def _time_style(settings: dict[str, str]) -> TimeStyle:
    default = TimeStyle()
    return TimeStyle(
        said=settings.get("time", default.said),
        said_on_the_hour=settings.get("time, on the hour", default.said_on_the_hour),
        said_at_one=settings.get("time, at one", default.said_at_one),
        one=settings.get("time, one said as", default.one),
        marks=_marks(settings, "time, marks", default.marks),
        after=settings.get("time, written after", default.after),
        marks_before_after=_marks(settings, "time, marks only before the word after", ()),
    )


@cache
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
    classes = tuple(settings["classes"].split()) if "classes" in settings else None
    return Language(
        code=code,
        numbers=_numbers(code, folder),
        words=_pairs(folder, "words"),
        units=units,
        currencies=currencies,
        magnitudes=_pairs(folder, "magnitudes"),
        abbreviations=tuple(
            Abbreviation(row[0], row[1], row[2] if len(row) > 2 else "any")
            for row in _rows(folder, "abbreviations")
        ),
        word_acronyms=frozenset(_pairs(folder, "word-acronyms")),
        capital_words=_pairs(folder, "capital-words"),
        symbols=_pairs(folder, "symbols"),
        months=_pairs(folder, "months"),
        days=_pairs(folder, "days"),
        dosage=_pairs(folder, "dosage"),
        treatment_words=frozenset(_pairs(folder, "treatment-words")),
        roman_keywords=frozenset(_pairs(folder, "roman-keywords")),
        staging_words=frozenset(_pairs(folder, "staging-words")),
        regnal_names=frozenset(_pairs(folder, "regnal-names")),
        year_words=frozenset(_pairs(folder, "year-words")),
        year_nouns=frozenset(_pairs(folder, "year-nouns")),
        decade_words=frozenset(_pairs(folder, "decade-words")),
        ordinal_endings=_pairs(folder, "ordinal-endings"),
        ordinal_marks=_marks(settings, "ordinal marks", ()),
        decimal_mark=_setting(settings, "decimal mark", "."),
        group_mark=_setting(settings, "group mark", ","),
        classes=classes,
        capitalised_nouns=settings.get("nouns capitalised") == "yes",
        decade_ending=settings.get("decade ending", ""),
        date_style=_date_style(settings),
        time_style=_time_style(settings),
    )


@cache
def language_for(code: str) -> Language:
    """The tables for an article's language ("en-GB" takes English's, "de-AT" German's)."""
    code = (code or "en").replace("_", "-")
    base = code.split("-")[0].lower()
    if base == "en":
        return english()
    if (_TABLES / base).is_dir() and any((_TABLES / base).glob("*.tsv")):
        return _load(base)
    return Language(code=base, numbers=_num2words_code(base))
