"""The tokenizer's fast scan finds exactly what trying every character finds.

The fast scan skips plain words where no rule starts; a rule that can start
at a plain word must say so (``Rule.starts``, or a table the grammar reads),
or its matches would silently be lost. This checks the two scans agree on
the whole corpus, the reference article and arbitrary text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spoken_corpus import load_corpus

from narrator.content.loader import load_article
from narrator.speech.frontend.clean import clean
from narrator.speech.frontend.first_chars import first_chars
from narrator.speech.frontend.language import language_for
from narrator.speech.frontend.rule import Context
from narrator.speech.frontend.tokenizer import grammar, tokenize
from narrator.speech.script import build_script
from narrator.speech.settings import Punctuation

ROOT = Path(__file__).resolve().parents[1]


def both_scans(text: str, language: str = "en") -> tuple[list[tuple], list[tuple]]:
    written = clean(text)
    context = Context(written, language_for(language), Punctuation.SOME)
    fast = tokenize(written, context)
    everywhere = tokenize(written, context, everywhere=True)
    return (
        [(span.start, span.end, span.rule, span.said) for span in fast],
        [(span.start, span.end, span.rule, span.said) for span in everywhere],
    )


def corpus_texts() -> list[tuple[str, str]]:
    return [(case.written, case.language) for case in load_corpus()]


def article_texts() -> list[str]:
    script = build_script(load_article(ROOT / "content" / "anastrozole-dosing.yaml"))
    return sorted({utterance.text for utterance in script.utterances})


@pytest.mark.parametrize(("text", "language"), corpus_texts())
def test_the_fast_scan_agrees_on_the_corpus(text: str, language: str) -> None:
    fast, everywhere = both_scans(text, language)
    assert fast == everywhere


def test_the_fast_scan_agrees_on_the_reference_article() -> None:
    for text in article_texts():
        fast, everywhere = both_scans(text)
        assert fast == everywhere, text


WORDS = st.sampled_from(
    [
        *("the", "Take", "5", "mg", "bid", "March", "15,", "et", "al.", "Dr.", "St.", "IV"),
        *("of", "phone", "555-0100", "in", "1999", "$5m", "(see", "Fig.", "2)", "x", "\u00b2"),
        "/day",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=12))
def test_the_fast_scan_agrees_on_any_text(words: list[str]) -> None:
    fast, everywhere = both_scans(" ".join(words))
    assert fast == everywhere


def test_no_rule_is_kept_by_its_guard_from_a_place_where_it_matches() -> None:
    """Each rule's one-character guard (``first_chars``) lets through every place
    where the rule alone matches, on the corpus and the reference article."""
    texts = [clean(text) for text, _ in corpus_texts()] + [clean(t) for t in article_texts()]
    for rule in grammar(language_for("en")).rules:
        first = first_chars(rule.pattern, rule.flags)
        if first is None:
            continue
        guard = re.compile(first)
        for text in texts:
            for place in range(len(text)):
                if rule.compiled.match(text, place):
                    assert guard.match(text, place), (rule.name, text[place:])


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?<![\w.])(?=[\d.])\d+", r"[\d]"),
        (r"(?:ab|c)?d", r"[acd]"),
        (r"(?i:x)y", r"[Xx]"),
        (r"[^\W\d_]+", r"[\w]"),
        (r"\b(?:PO|IV)\b", r"[IP]"),
    ],
)
def test_first_chars_reads_the_characters_a_pattern_begins_with(pattern: str, first: str) -> None:
    assert first_chars(pattern) == first


@pytest.mark.parametrize("pattern", [r".x", r"[^a]b", r"x*", r"(?P<a>a)(?P=a)?"])
def test_first_chars_errs_on_the_side_of_any_character(pattern: str) -> None:
    assert first_chars(pattern) in (None, "[a]")
