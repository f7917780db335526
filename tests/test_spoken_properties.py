"""Whatever an article holds, the spoken form is safe to hand to the synthesizer."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from narrator.speech.frontend.readback import heard_numbers
from narrator.speech.lexicon import Lexicon
from narrator.speech.settings import Punctuation
from narrator.speech.spoken import spoken_form

LEXICON = Lexicon({"Anastrozole": "an-ass-truh-zole", "odd": "\u221e\x07 <b>"})
TRICKY = st.sampled_from(
    [
        "\u221e",
        "-",
        "\u2013",
        "\u2014",
        "40-50",
        "e.g.",
        "et al.",
        "A.",
        "HPG",
        "AIs",
        "\x1b[31m",
        "\x1b]0;title\x07",
        "<speak>",
        "&",
        "%",
        "/",
        "\u00b0",
        "\u201c",
        "\u2019",
        "Anastrozole",
        "odd",
        "no.",
        "\u200b",
        "\ud800",
        " ",
        "\n",
    ]
)
TEXT = st.one_of(st.text(), st.lists(st.one_of(TRICKY, st.text(max_size=3))).map("".join))


@given(TEXT, st.sampled_from(list(Punctuation)), st.sampled_from(["en", "en-GB", "de"]))
def test_any_text_gives_clean_speech_and_never_raises(
    text: str, punctuation: Punctuation, language: str
) -> None:
    said = spoken_form(text, lexicon=LEXICON, punctuation=punctuation, language=language)
    assert "\u221e" not in said
    assert not any(unicodedata.category(char).startswith("C") for char in said)
    assert said == said.strip()
    assert "  " not in said


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(["-", "\u2013"]))
def test_a_range_of_numbers_is_never_said_with_a_dash(low: int, high: int, dash: str) -> None:
    said = spoken_form(f"within {low}{dash}{high} days")
    assert said.startswith("within ") and said.endswith(" days")
    assert " to " in said and "dash" not in said and "minus" not in said
    assert heard_numbers(said) == [low, high]
