"""The spoken form and the sentence splitter do work in proportion to the text.

A paragraph of 100,000 combining marks on one letter took 28 s in
``narrator script``, and runs of hyphens or dots minutes: the marks are said as
spaces and a pattern starting with spaces was retried from each space of the
run; a rule failing at each hyphen rescanned the rest of the run; the sentence
splitter copied the rest of the paragraph at every full stop. These tests
count the work itself (the timings are rows of ``scripts/bench.py``).
"""

from __future__ import annotations

import re

import pytest

from narrator.speech.frontend import normalize, tokenizer, words
from narrator.speech.frontend.language import language_for
from narrator.speech.frontend.rule import Context
from narrator.speech.lexicon import EMPTY
from narrator.speech.sentences import split_sentences
from narrator.speech.settings import Punctuation
from narrator.speech.spoken import spoken_form

MARKS = "\u0301" * 100_000


def test_a_letter_under_a_hundred_thousand_marks_is_said_as_the_letter() -> None:
    assert spoken_form(f"Take a{MARKS} daily.", lexicon=EMPTY) == "Take á daily."
    assert spoken_form(f"Take a{MARKS} \u2014 daily \u221e.", lexicon=EMPTY).startswith("Take á")


class CountingText(str):
    """A text that counts the characters copied out of it by slicing."""

    copied = 0

    def __getitem__(self, key: int | slice) -> str:
        piece = str.__getitem__(self, key)
        CountingText.copied += len(piece)
        return piece


@pytest.mark.parametrize(
    "paragraph",
    ["Take it. " * 20_000, "A. B. " * 20_000, "1. Take. 2. Wait. " * 10_000, "e.g. x " * 20_000],
)
def test_the_sentence_splitter_copies_no_more_than_the_sentences(paragraph: str) -> None:
    CountingText.copied = 0
    split_sentences(CountingText(paragraph))
    assert CountingText.copied <= 4 * len(paragraph)  # quadratic, it was thousands of times


@pytest.mark.parametrize("paragraph", ["-" * 20_000, "a-" * 10_000, "." * 20_000, "1," * 10_000])
def test_rules_look_a_bounded_way_ahead_of_each_place(
    paragraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked = []
    grammar = tokenizer.grammar(language_for("en"))
    at = type(grammar).at

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, start: int, end: int) -> re.Match[str] | None:
            looked.append(end - start)
            return self.pattern.match(text, start, end)

    monkeypatch.setattr(type(grammar), "at", lambda self, char: Counted(at(self, char)))
    context = Context(paragraph, language_for("en"), Punctuation.SOME, True)
    tokenizer.tokenize(paragraph, context)
    assert looked and max(looked) <= tokenizer.MATCH_REACH


SPACE_LED = re.compile(r"(?:^|\||\(\?:)\\s[*+]")
"""An alternative that begins by taking spaces."""


@pytest.mark.parametrize(
    "pattern",
    [words._DASH, words._SEPARATOR, normalize._SEPARATOR],
    ids=["dash", "words separator", "separator"],
)
def test_a_pattern_that_begins_with_spaces_starts_at_a_run_s_first_space(
    pattern: re.Pattern[str],
) -> None:
    """Otherwise each space of a run is a new start that rescans the run."""
    unanchored = [m.start() for m in SPACE_LED.finditer(pattern.pattern)]
    assert unanchored == [], f"{pattern.pattern!r} takes spaces unanchored at {unanchored}"
