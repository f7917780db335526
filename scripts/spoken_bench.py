"""How often Narrator says the corpus right, beside raw espeak-ng, and what it gets wrong.

Run ``python scripts/spoken_bench.py`` (``--markdown`` for the README table,
``--category NAME`` for one category, ``--failures N`` to list more or fewer,
``--json`` for a machine-readable result). Each case of ``tests/data/spoken``
is judged by sound: Narrator's ``spoken_form`` of the written text and, as
the naive ``pyttsx3.say()`` baseline, the written text itself are handed to
espeak-ng, and a case is right when its phonemes match those of an accepted
reading (``narrator.speech.heard``). All texts go to one espeak-ng batch.

A Narrator failure is *meaning-changing* when a listener would take a
different fact from it than from every accepted reading: the numbers heard
(value, sign, order; ``heard_numbers``) differ, or the meaning words differ
(units, "per", signs and operators, percent and per mille, currency names;
``MEANING_WORDS`` below). Alternative readings may legitimately say other
numbers ("twelve hundred" for "twelve" o'clock), so a failure that matches
any one reading in both is not counted as changing the meaning. The check is
English; German and French failures are listed with the others.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the corpus and its loader are test material

from spoken_corpus import Case, load_corpus  # noqa: E402

from narrator.speech.frontend.readback import heard_numbers  # noqa: E402
from narrator.speech.heard import phonemes_in_languages, sound_key  # noqa: E402
from narrator.speech.spoken import spoken_form  # noqa: E402

# Words that carry a fact a listener acts on: a dose's unit, a rate's "per",
# a sign, a currency. Each is compared in its base form (see ``_meaning``).
MEANING_WORDS = frozenset(
    {
        # mass, volume, amount of substance, activity
        "gram", "milligram", "microgram", "nanogram", "picogram", "kilogram",
        "litre", "millilitre", "decilitre", "mole", "millimole", "micromole", "nanomole",
        "milliequivalent", "unit", "international",
        # length, area, volume, time, speed, temperature, energy
        "metre", "kilometre", "centimetre", "millimetre", "micrometre", "nanometre",
        "micron", "inch", "mile", "knot", "square", "cubic", "squared", "cubed",
        "millisecond", "minute", "hour", "day", "week", "month", "year",
        "degree", "celsius", "fahrenheit", "kelvin", "watt", "kilowatt", "volt",
        "hertz", "gigahertz", "kilopascal", "megabit", "megabyte",
        # rates and proportions
        "per", "percent", "permille", "to",
        # signs and operators
        "minus", "plus", "times", "over", "divided", "equal", "equals", "less", "greater",
        # money
        "dollar", "euro", "pound", "yen", "cent", "pence",
    }
)  # fmt: skip
# Spellings and phrases that mean the same thing, folded before comparing.
_SAME_MEANING = [
    (re.compile(r"\bper cent\b"), "percent"),
    (re.compile(r"\b(?:parts )?per (?:mille|thousand)\b"), "permille"),
    (re.compile(r"\bnegative\b"), "minus"),
    (re.compile(r"\bkilos?\b"), "kilogram"),
    (re.compile(r"(meter|liter)"), lambda match: match[1][:-2] + "re"),
    (re.compile(r"\ban hour\b"), "per hour"),
    (re.compile(r"\ba (day|week|month|year)\b"), r"per \1"),
]


def _meaning(said: str) -> Counter[str]:
    """The meaning words of ``said`` in base form, with how often each is said."""
    text = said.lower()
    for pattern, replacement in _SAME_MEANING:
        text = pattern.sub(replacement, text)
    words = [re.sub(r"(?<=[a-z]{3})(?:e?s)$", "", word) for word in re.findall(r"[a-z]+", text)]
    return Counter(word for word in words if word in MEANING_WORDS)


@dataclass(frozen=True)
class Judged:
    case: Case
    said: str
    right: bool
    raw_right: bool
    meaning_changed: str  # why the meaning changed, or "" when it did not


def _meaning_change(case: Case, said: str) -> str:
    if not case.language.startswith("en"):
        return ""
    heard = heard_numbers(said)
    numbers_kept = any(_same_numbers(heard, heard_numbers(reading)) for reading in case.said)
    meaning = _meaning(said)
    if numbers_kept and any(meaning == _meaning(reading) for reading in case.said):
        return ""
    expected = heard_numbers(case.said[0])
    if not numbers_kept:
        return f"numbers heard [{_numbers(heard)}], expected [{_numbers(expected)}]"
    missing = sorted(_meaning(case.said[0]) - meaning)
    extra = sorted(meaning - _meaning(case.said[0]))
    return f"meaning words missing {missing}, extra {extra}"


def _same_numbers(heard: list[Fraction], reading: list[Fraction]) -> bool:
    """Equal numbers, or the same digits when the reading spells them digit by digit.

    "PMID three one four five" and "PMID 3145" keep the identifier; a merged
    footnote ("2019" and note "2" said as 20192) does not, since a reading
    that says "twenty nineteen" is not spelled digit by digit.
    """
    if heard == reading:
        return True
    digit_by_digit = all(number in range(10) for number in reading)
    return digit_by_digit and "".join(map(_number, heard)) == "".join(map(_number, reading))


def _numbers(values: list[Fraction]) -> str:
    return ", ".join(_number(value) for value in values)


def _number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def judge(cases: list[Case]) -> list[Judged]:
    """Each case judged by sound, for Narrator and for raw espeak-ng, in one espeak batch."""
    said = [spoken_form(case.written, language=case.language) for case in cases]
    texts = [(text, case.language) for text, case in zip(said, cases, strict=True)]
    texts += [(case.written, case.language) for case in cases]
    texts += [(reading, case.language) for case in cases for reading in case.said]
    keys = [sound_key(heard) for heard in phonemes_in_languages(texts)]
    narrator, raw, readings = (
        keys[: len(cases)],
        keys[len(cases) : 2 * len(cases)],
        keys[2 * len(cases) :],
    )
    judged, at = [], 0
    for index, case in enumerate(cases):
        accepted = set(readings[at : at + len(case.said)])
        at += len(case.said)
        right = narrator[index] in accepted
        changed = "" if right else _meaning_change(case, said[index])
        judged.append(Judged(case, said[index], right, raw[index] in accepted, changed))
    return judged


def _percent(count: int, total: int) -> str:
    return f"{100 * count / total:.1f} %" if total else "-"


def table_rows(judged: list[Judged]) -> list[tuple[str, str, str, str]]:
    """One row per category, then the overall line: cases, Narrator, raw espeak-ng."""
    rows = []
    for category in sorted({item.case.category for item in judged}):
        items = [item for item in judged if item.case.category == category]
        rows.append(_row(category, items))
    rows.append(_row("overall", judged))
    return rows


def _row(name: str, items: list[Judged]) -> tuple[str, str, str, str]:
    narrator = sum(item.right for item in items)
    raw = sum(item.raw_right for item in items)
    return name, str(len(items)), _percent(narrator, len(items)), _percent(raw, len(items))


HEADER = ("category", "cases", "Narrator", "raw espeak-ng")


def print_table(rows: list[tuple[str, str, str, str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|---|--:|--:|--:|")
        for name, *cells in rows:
            name = f"**{name}**" if name == "overall" else name
            print("| " + " | ".join([name, *cells]) + " |")
        return
    width = max(len(row[0]) for row in rows)
    print(f"{HEADER[0]:<{width}}  {HEADER[1]:>5}  {HEADER[2]:>9}  {HEADER[3]:>13}")
    for name, cases, narrator, raw in rows:
        if name == "overall":
            print("-" * (width + 34))
        print(f"{name:<{width}}  {cases:>5}  {narrator:>9}  {raw:>13}")


def print_failures(judged: list[Judged], limit: int) -> None:
    changed = [item for item in judged if not item.right and item.meaning_changed]
    other = [item for item in judged if not item.right and not item.meaning_changed]
    print(f"\nMeaning-changing failures: {len(changed)}")
    for item in changed:
        _print_failure(item)
        print(f"    ! {item.meaning_changed}")
    print(f"\nOther failures: {len(other)}" + (f" (first {limit})" if len(other) > limit else ""))
    for item in other[:limit]:
        _print_failure(item)


def _print_failure(item: Judged) -> None:
    print(f"  [{item.case.category}] {item.case.written}")
    print(f"    said:     {item.said}")
    print(f"    expected: {item.case.said[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a GitHub table")
    parser.add_argument("--category", help="judge only this category")
    parser.add_argument("--failures", type=int, default=25, help="how many other failures to list")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    options = parser.parse_args(argv)
    cases = load_corpus()
    if options.category:
        cases = [case for case in cases if case.category == options.category]
        if not cases:
            parser.error(f"no category {options.category!r}")
    judged = judge(cases)
    rows = table_rows(judged)
    if options.json:
        result = {
            "table": [dict(zip(HEADER, row, strict=True)) for row in rows],
            "failures": [
                {**asdict(item.case), "spoken": item.said, "meaning_changed": item.meaning_changed}
                for item in judged
                if not item.right
            ],
        }
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print_table(rows, options.markdown)
    if not options.markdown:
        print_failures(judged, options.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
