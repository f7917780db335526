"""One case-folding rule for every lookup: pronunciations and glossary terms.

A word whose lower case differs from its source in length or form (Turkish
dotless ı, German ß, ligatures, Greek final sigma) must be found in any case
and never crash the script: it did when the pattern matched by one rule
(``re.IGNORECASE``) and the entry was looked up by another (``str.casefold``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrator.content.folding import fold, folded
from narrator.content.loader import load_article_text
from narrator.content.model import GlossaryEntry
from narrator.content.terms import TermFinder
from narrator.speech.lexicon import Lexicon
from narrator.speech.script import build_script
from narrator.speech.settings import Verbosity

SPELLINGS = [
    # Turkish: dotted and dotless i, both ways round
    ("ıspanak", ["ISPANAK", "Ispanak", "ıspanak"]),
    ("İstanbul", ["İSTANBUL", "istanbul", "İstanbul", "ISTANBUL"]),
    ("kılıç", ["KILIÇ", "Kılıç"]),
    # German: ß is "ss" in capitals, and ẞ is its capital
    ("Straße", ["STRASSE", "strasse", "Strasse", "STRAẞE"]),
    ("Maß", ["MASS", "maß"]),
    # Greek: final sigma, and the accent kept in capitals
    ("σοφός", ["ΣΟΦΌΣ", "Σοφός", "σοφόσ"]),
    ("Σίσυφος", ["ΣΊΣΥΦΟΣ", "σίσυφος"]),
    # ligatures fold to their letters
    ("ﬁle", ["FILE", "file", "ﬁle"]),
    ("efﬁcacy", ["EFFICACY", "efficacy", "efﬁcacy"]),
]
CASES = [(word, written) for word, forms in SPELLINGS for written in forms]


@pytest.mark.parametrize(("word", "written"), CASES)
def test_a_word_folds_alike_in_every_case(word: str, written: str) -> None:
    assert fold(word) == fold(written)


@pytest.mark.parametrize(("word", "written"), CASES)
def test_a_pronunciation_is_found_in_any_case_and_spans_the_written_word(
    word: str, written: str
) -> None:
    text = f"Take {written}, then rest."
    found = list(Lexicon({word: "RESPELT"}).find(text))
    start = text.index(written)
    assert found == [(start, start + len(written), "RESPELT")]


@pytest.mark.parametrize(("word", "written"), CASES)
def test_a_glossary_term_is_found_in_any_case_and_spans_the_written_word(
    word: str, written: str
) -> None:
    text = f"Take {written}, then rest."
    entry = GlossaryEntry(word, "defined")
    found = TermFinder([entry]).find(text)
    start = text.index(written)
    assert [(o.entry, o.start, o.end) for o in found] == [(entry, start, start + len(written))]


@pytest.mark.parametrize(
    ("word", "paragraph"),
    [("ıspanak", "ISPANAK daily."), ("Straße", "The STRASSE ends."), ("ﬁle", "One FILE.")],
)
def test_the_script_says_an_article_s_pronunciation_of_such_a_word(
    word: str, paragraph: str
) -> None:
    """The crash: exit 70 from ``narrator script`` (KeyError in the lookup)."""
    text = (
        f"id: a\ntitle: T\npronunciations:\n  {word}: respelt\n"
        f"sections:\n  - id: s\n    title: S\n    blocks:\n      - paragraph: {paragraph}\n"
    )
    script = build_script(load_article_text(text, "a.yaml"), verbosity=Verbosity(), lexicon=None)
    assert "respelt" in script.utterances[-1].spoken


def test_a_word_is_not_found_inside_a_longer_one_or_before_a_combining_mark() -> None:
    lexicon = Lexicon({"s": "ess", "e": "ee"})
    assert list(lexicon.find("ß")) == []  # "ss" folded: not the word "s"
    assert list(lexicon.find("e\u0301")) == []  # é, written as e and an accent


def test_offsets_map_back_through_characters_that_fold_longer() -> None:
    searched = folded("ßa ﬃ İb")
    assert searched.text == "ssa ffi ib"
    assert searched.span(0, 3) == (0, 2)
    assert searched.span(4, 7) == (3, 4)
    assert searched.span(8, 10) == (5, 7)


LETTERS = st.text(st.sampled_from("aAiIıİsSßẞ\u03c3\u03c2ΣﬁﬃǅǆΐΩ\u0301 -'"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(LETTERS.filter(str.strip), min_size=1, max_size=4), LETTERS)
def test_any_words_in_any_text_are_found_without_error_within_the_text(
    words: list[str], text: str
) -> None:
    lexicon = Lexicon({word: "x" for word in words})
    for start, end, said in lexicon.find(text):
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]) in lexicon.entries
        assert said == "x"
    glossary = [GlossaryEntry(word, "d") for word in words if any(c.isalpha() for c in word)]
    for occurrence in TermFinder(glossary).find(text):
        assert 0 <= occurrence.start < occurrence.end <= len(text)


def test_a_one_letter_term_has_no_empty_plural_that_matches_everywhere() -> None:
    assert TermFinder([GlossaryEntry("S", "d")]).find("no such letter here") == []
