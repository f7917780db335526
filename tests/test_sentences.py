"""Sentence splitting: abbreviations, initials, decimals, quotes and ellipses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from narrator.speech.sentences import sentences, split_sentences

HOWELL = (
    "Howell, A. et al. \u201cEffect of anastrozole on bone mineral density \u221e 5-year results"
    " from the \u2018Arimidex\u2019, Tamoxifen, Alone or in Combination (ATAC) trial.\u201d"
    " Journal of Clinical Oncology, vol. 23, no. 16S, 2005, pp. 511."
)


def test_plain_sentences_split_at_full_stops() -> None:
    assert sentences("One thing. Another thing! A third? Done") == [
        "One thing.",
        "Another thing!",
        "A third?",
        "Done",
    ]


def test_spans_exclude_the_whitespace_between_sentences() -> None:
    text = "  First one.   Second one.  "
    assert split_sentences(text) == [(2, 12), (15, 26)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Agents (e.g. anastrozole) and others, i.e. letrozole, vs. tamoxifen. "
        "Dr. Hayes wrote it, see vol. 84, no. 11, pp. 4324-4328 and p. 12. Next."
    )
    assert sentences(text) == [
        "Agents (e.g. anastrozole) and others, i.e. letrozole, vs. tamoxifen.",
        "Dr. Hayes wrote it, see vol. 84, no. 11, pp. 4324-4328 and p. 12.",
        "Next.",
    ]


def test_no_is_a_word_unless_a_number_follows() -> None:
    assert sentences("The answer was no. Then we left.") == [
        "The answer was no.",
        "Then we left.",
    ]


def test_et_al_and_etc_end_a_sentence_only_before_a_capital() -> None:
    assert sentences("Smith et al. found this. They agreed.") == [
        "Smith et al. found this.",
        "They agreed.",
    ]
    assert sentences("Bones, joints, etc. Mood too.") == ["Bones, joints, etc.", "Mood too."]
    assert sentences("Bones, joints, etc. and mood.") == ["Bones, joints, etc. and mood."]


def test_initials_are_not_sentence_ends() -> None:
    text = "Hayes, F. J. et al. \u201cAromatase inhibition in the human male.\u201d Journal."
    assert split_sentences(text)[0][1] > text.index("male")
    assert sentences("Rochira, V. et al. reported it.") == ["Rochira, V. et al. reported it."]


def test_a_capital_letter_ending_a_sentence_still_ends_it() -> None:
    assert sentences("They lacked vitamin A. The trial ended.") == [
        "They lacked vitamin A.",
        "The trial ended.",
    ]


def test_numbered_steps_keep_their_number() -> None:
    assert sentences("Steps: 1. Take the tablet. 2. Wait a week. It took 2. Then more.") == [
        "Steps: 1. Take the tablet.",
        "2. Wait a week.",
        "It took 2.",
        "Then more.",
    ]


def test_decimals_are_not_split() -> None:
    assert sentences("The dose rose to 3.5 mg. It was 0.25 before.") == [
        "The dose rose to 3.5 mg.",
        "It was 0.25 before.",
    ]


def test_a_sentence_ending_inside_quotes_ends_after_the_closing_quote() -> None:
    text = "She asked \u201cIs it too low?\u201d The doctor checked. \u201cYes.\u201d"
    assert sentences(text) == [
        "She asked \u201cIs it too low?\u201d",
        "The doctor checked.",
        "\u201cYes.\u201d",
    ]


def test_a_question_in_quotes_followed_by_lowercase_continues() -> None:
    assert sentences("\u201cWhy?\u201d she asked. Then left.") == [
        "\u201cWhy?\u201d she asked.",
        "Then left.",
    ]


def test_ellipses() -> None:
    assert sentences("It fades\u2026 and returns. Wait... Then stop.") == [
        "It fades\u2026 and returns.",
        "Wait...",
        "Then stop.",
    ]


def test_a_reference_is_split_at_most_after_its_title() -> None:
    spans = split_sentences(HOWELL)
    assert len(spans) <= 2
    assert HOWELL[spans[0][0] : spans[0][1]].endswith("trial.\u201d")


@given(st.text())
def test_spans_are_ordered_in_bounds_and_cover_every_non_space(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].isspace() or position == start
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert text[position:].isspace() or position == len(text)


@given(st.lists(st.sampled_from(["Dr.", "A.", "e.g.", "3.5", "\u201cHi.\u201d", "no.", "x", "\n"])))
def test_spans_lose_no_character_of_abbreviation_heavy_text(words: list[str]) -> None:
    text = " ".join(words)
    covered = "".join(text[start:end] for start, end in split_sentences(text))
    assert "".join(covered.split()) == "".join(text.split())


def test_a_closing_bracket_after_a_space_stays_with_its_sentence() -> None:
    """A manual's synopsis ("[ file ... ]") was split before its "]", and the
    bracket was said alone as a sentence of its own."""
    assert sentences("bc [ -hlwsqv ] [long-options] [ file ... ]") == [
        "bc [ -hlwsqv ] [long-options] [ file ... ]"
    ]
    assert sentences("Take it (see the note. ) Then go.") == [
        "Take it (see the note. )",
        "Then go.",
    ]
