"""Glossary term uses: whole words, any case, aliases, singular and plural, longest first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.content.model import GlossaryEntry
from narrator.content.terms import TermFinder

LEVELS = GlossaryEntry("estrogen levels", "Concentrations.")
TRT = GlossaryEntry("testosterone replacement therapy", "A treatment.", aliases=("TRT",))
INHIBITORS = GlossaryEntry("aromatase inhibitors", "Blockers.")
THERAPY = GlossaryEntry("therapy", "Treatment.")
WHEN = GlossaryEntry("when estrogen levels", "A teaser.", teaser=True)
BODY = GlossaryEntry("body\u2019s response", "How it answers.")
FINDER = TermFinder([LEVELS, TRT, INHIBITORS, THERAPY, WHEN, BODY])


def found(text: str) -> list[tuple[str, str]]:
    return [(text[o.start : o.end], o.entry.term) for o in FINDER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ESTROGEN LEVELS rose", [("ESTROGEN LEVELS", "estrogen levels")]),
        ("estrogen level", [("estrogen level", "estrogen levels")]),
        ("an aromatase inhibitor", [("aromatase inhibitor", "aromatase inhibitors")]),
        ("on TRT.", [("TRT", "testosterone replacement therapy")]),
        ("TRTs", [("TRTs", "testosterone replacement therapy")]),
        ("therapies", [("therapies", "therapy")]),
        ("estrogen\n levels", [("estrogen\n levels", "estrogen levels")]),
        ("estrogen-levels", [("estrogen-levels", "estrogen levels")]),
        ("the body's response", [("body's response", "body\u2019s response")]),
        ("STRT and therapyX and xestrogen levels", []),
        (
            "testosterone replacement therapy",
            [("testosterone replacement therapy", "testosterone replacement therapy")],
        ),
        ("when estrogen levels drop", [("when estrogen levels", "when estrogen levels")]),
        ("TRT, then therapy", [("TRT", TRT.term), ("therapy", "therapy")]),
    ],
)
def test_uses_are_found_as_a_reader_would_see_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_an_entry_is_found_by_any_of_its_names() -> None:
    assert FINDER.entry("trt") == TRT
    assert FINDER.entry("Aromatase  Inhibitor") == INHIBITORS
    assert FINDER.entry("nothing") is None


def test_an_empty_glossary_finds_nothing() -> None:
    assert TermFinder([]).find("estrogen levels") == []


@given(st.text(max_size=80))
def test_uses_never_overlap_and_always_spell_their_entry(text: str) -> None:
    end = 0
    for occurrence in FINDER.find(text):
        assert occurrence.start >= end
        assert FINDER.entry(text[occurrence.start : occurrence.end]) == occurrence.entry
        end = occurrence.end
