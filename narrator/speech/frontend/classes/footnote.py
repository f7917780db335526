"""Footnote markers: "reduced by 40%[3]" is "reduced by forty percent, note 3", never
"forty percent three" and never merged into the number ("in 2019²" is not
"two thousand and nineteen squared" when it is a note).

A marker is "[3]", "[3, 4]", "[3–5]" or Markdown's "[^3]" after a word or a
number, or superscript digits straight after a word or a closing mark; a
superscript after a single letter is a power (``scientific``). With
``footnotes`` off, markers are dropped.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.written_numbers import SUPERSCRIPT_DIGITS, SUPERSCRIPTS
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_NUMBERS = re.compile(r"\d+")


def _say(found: Found, context: Context) -> str:
    if not context.footnotes:
        return " "
    language = context.language
    notes = (found.group("notes") or "").translate(SUPERSCRIPTS)
    numbers = [cardinal_words(number, language) for number in _NUMBERS.findall(notes)]
    joiner = (
        f" {language.word('to')} "
        if re.search(r"[\u2013-]", notes) and len(numbers) == 2
        else " and "
    )
    word = language.word("note") + ("s" if len(numbers) > 1 else "")
    return f", {word} {joiner.join(numbers)},"


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "footnote: bracketed",
            SemioticClass.FOOTNOTE,
            r"(?<=[\w%.,;:)\u201d\"'])\[\^?(?P<notes>\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*)\]",
            _say,
        ),
        Rule(
            "footnote: superscript",
            SemioticClass.FOOTNOTE,
            rf"(?:(?<=[^\W\d_]{{2}})|(?<=[.,;:)\u201d%]))(?P<notes>[{SUPERSCRIPT_DIGITS}]+(?:[,\u2013-][{SUPERSCRIPT_DIGITS}]+)*)",
            _say,
        ),
    ]
