"""Spoken forms are made ahead of the listener, from the reading place on."""

from __future__ import annotations

from narrator.reading import ahead
from narrator.speech.utterance import Role, Utterance


def test_the_forms_from_the_place_on_and_just_before_are_made_in_the_background() -> None:
    made: list[int] = []

    def utterance(number: int) -> Utterance:
        def spoken() -> str:
            made.append(number)
            return f"sentence {number}"

        return Utterance(f"Sentence {number}.", spoken, None, Role.PARAGRAPH)

    utterances = [utterance(n) for n in range(10)]
    ahead.make_ahead(utterances, 4).join(timeout=10)
    assert made == [4, 5, 6, 7, 8, 9, 0, 1, 2, 3]
    assert [u.spoken for u in utterances[:2]] == ["sentence 0", "sentence 1"]
    assert len(made) == 10  # made once, kept


def test_only_so_many_are_made_ahead(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ahead, "AHEAD", 3)
    made: list[int] = []
    utterances = [
        Utterance(str(n), lambda n=n: made.append(n) or str(n), None, Role.PARAGRAPH)
        for n in range(10)
    ]
    ahead.make_ahead(utterances, 5).join(timeout=10)
    assert made == [5, 6, 7, 2, 3, 4]
