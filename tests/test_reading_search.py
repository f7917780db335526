"""Search: what was typed is found whatever its case, spacing, apostrophes or dashes."""

from __future__ import annotations

from narrator.reading.search import Match, find_matches
from narrator.speech.utterance import Place, Role, Utterance


def said(*texts: str) -> list[Utterance]:
    return [Utterance(t, t, Place("s", 0, 0, n), Role.PARAGRAPH) for n, t in enumerate(texts)]


def test_matches_are_spans_of_the_written_text_in_reading_order() -> None:
    utterances = said("The body\u2019s  signals.", "A 40\u201350 hour half-life.", "Signals!")
    assert find_matches(utterances, "BODY'S signals") == (Match(0, 4, 19),)
    assert find_matches(utterances, "40-50") == (Match(1, 2, 7),)
    assert find_matches(utterances, "signals") == (Match(0, 12, 19), Match(2, 0, 7))
    assert find_matches(utterances, "[a-z]+") == ()
    assert find_matches(utterances, "   ") == ()
