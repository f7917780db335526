"""Each spoken-form rule: what a careful human reader would say for the text."""

from __future__ import annotations

import pytest

from narrator.speech.lexicon import Lexicon
from narrator.speech.settings import Punctuation
from narrator.speech.spoken import spoken_form


def say(text: str, punctuation: Punctuation = Punctuation.SOME, **options: object) -> str:
    return spoken_form(text, punctuation=punctuation, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Bone Mineral Density Loss \u221e Estrogen plays a vital role.",
            "Bone Mineral Density Loss: Estrogen plays a vital role.",
        ),
        ("Meaning \u221e Cardiovascular health", "Meaning: Cardiovascular health"),
        ("\u221e", ""),
        ("density\u221e5-year", "density: five year"),
    ],
)
def test_the_infinity_separator_is_a_pause(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a half-life of 40-50 hours", "a half-life of forty to fifty hours"),
        ("within 3-4 days", "within three to four days"),
        ("within 7-10 days.", "within seven to ten days."),
        (
            "pp. 4324-4328.",
            "pages four thousand three hundred and twenty four to "
            "four thousand three hundred and twenty eight.",
        ),
        ("within 7\u201310 days", "within seven to ten days"),
        ("1999 \u2013 2005", "nineteen ninety nine to two thousand and five"),
        ("2.5-3.5 mg", "two point five to three point five milligrams"),
        ("1,000-2,000 people", "one thousand to two thousand people"),
    ],
)
def test_number_ranges_are_said_with_to(written: str, said: str) -> None:
    assert say(written) == said


def test_dates_and_codes_with_several_hyphens_are_not_ranges() -> None:
    assert "to" not in say("on 2005-06-01").split()
    assert say("COVID-19") == "COVID nineteen"


def test_negative_numbers_are_minus() -> None:
    assert say("a change of -5 points") == "a change of minus five points"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Endocrinology & Metabolism", "Endocrinology and Metabolism"),
        ("a 50% drop", "a fifty percent drop"),
        ("at 37\u00b0C", "at thirty seven degrees Celsius"),
        ("a 90\u00b0 angle", "a ninety degree angle"),
        ("2 + 2 = 4", "two plus two equals four"),
        ("men and/or women", "men and or women"),
        ("peri-/post-menopausal", "peri or post-menopausal"),
        ("peri- or post-menopausal", "peri or post-menopausal"),
        ("10 mg/week", "ten milligrams per week"),
        ("estrogen/testosterone ratio", "estrogen or testosterone ratio"),
        ("see 1/2", "see one half"),
        ("costs $5 or \u00a31", "costs five dollars or one pound"),
    ],
)
def test_symbols_are_said_as_words(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("0.5 mg twice weekly", "zero point five milligrams twice weekly"),
        ("1 mg daily", "one milligram daily"),
        ("20 pg/mL", "twenty picograms per milliliter"),
        ("200 mg/dL", "two hundred milligrams per deciliter"),
        ("1000 IU", "one thousand international units"),
        ("mg without a number", "mg without a number"),
    ],
)
def test_units_after_a_number_are_said_in_full(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("the body\u2019s signals", "the body's signals"),
        ("a physiological \u201ccoldness\u201d here", "a physiological coldness here"),
        ("the \u2018Arimidex\u2019 trial", "the Arimidex trial"),
        ("balance\u2014and more", "balance, and more"),
        ("balance \u2013 and more", "balance, and more"),
        ("balance -- and more", "balance, and more"),
    ],
)
def test_quotes_and_dashes_are_not_read_out(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "vol. 23, no. 16S, 2005, pp. 511.",
            "volume twenty three, number sixteen S, two thousand and five, "
            "page five hundred and eleven.",
        ),
        ("vol. 10, no. s3", "volume ten, number S three"),
        ("nos. s3", "numbers S three"),
        (
            "pp. 4324-4328.",
            "pages four thousand three hundred and twenty four to "
            "four thousand three hundred and twenty eight.",
        ),
        ("pp. 1,234, 2001", "page one thousand two hundred and thirty four, two thousand and one"),
        ("see p. 12", "see page twelve"),
        ("agents, e.g. anastrozole", "agents, for example anastrozole"),
        ("one agent, i.e. anastrozole", "one agent, that is anastrozole"),
        ("anastrozole vs. tamoxifen", "anastrozole versus tamoxifen"),
        ("bones, joints, etc.", "bones, joints, et cetera."),
        ("Dr. Hayes", "Doctor Hayes"),
        ("the answer is no. Then", "the answer is no. Then"),
    ],
)
def test_citation_abbreviations_are_said_in_full(written: str, said: str) -> None:
    assert say(written) == said


def test_et_al_is_said_with_a_pause_before_a_title() -> None:
    said = say("Howell, A. et al. \u201cEffect of anastrozole.\u201d Journal.")
    assert said == "Howell, A, et al, Effect of anastrozole. Journal."


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Howell, A. et al.", "Howell, A, et al."),
        ("Hayes, F. J. et al.", "Hayes, F.J, et al."),
        ("Azim, H. A. et al.", "Azim, H.A, et al."),
        ("by A. Smith", "by A, Smith"),
    ],
)
def test_initials_are_said_as_letters(written: str, said: str) -> None:
    assert say(written) == said
    assert "period" not in say(written, Punctuation.ALL)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("the HPG axis", "the H.P.G axis"),
        ("TRT and HRT", "T.R.T and H.R.T"),
        ("GnRH, LH and FSH", "G.N.R.H, L.H and F.S.H"),
        ("BMD and LDL", "B.M.D and L.D.L"),
        ("estradiol (E2)", "estradiol (E two)"),
        ("the ATAC trial", "the A.T.A.C trial"),
        ("aromatase inhibitors (AIs)", "aromatase inhibitors (A.I.'s)"),
        ("two GnRHs", "two G.N.R.H's"),
        ("deep REM sleep", "deep rem sleep"),
        ("a YAML file, JSON data", "a YAML file, JSON data"),
        ("vitamin B12", "vitamin B twelve"),
        ("the HPG axis\u2019s role", "the H.P.G axis's role"),
        ("HRT\u2019s effects", "H.R.T's effects"),
    ],
)
def test_abbreviations_in_capitals_are_spelled(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    "word",
    ["NASA", "AIDS", "McDonald", "pH", "Anastrozole", "I", "A", "IV", "XI"],
)
def test_words_and_letters_like_numerals_are_not_spelled(word: str) -> None:
    assert say(word) == word


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Type II", "Type two"),
        ("World War I", "World War one"),
        ("Henry VIII", "Henry the eighth"),
        ("Charles I", "Charles the first"),
        ("(iii) the third", "(three) the third"),
        ("I think so", "I think so"),
        ("Then I went", "Then I went"),
    ],
)
def test_roman_numerals_are_numbers_only_where_the_words_around_say_so(
    written: str, said: str
) -> None:
    assert say(written) == said


def test_text_in_capitals_throughout_is_not_spelled() -> None:
    assert say("THE RISKS OF UNDERDOSING") == "THE RISKS OF UNDERDOSING"


def test_the_lexicon_overrides_every_rule_whole_words_any_case() -> None:
    lexicon = Lexicon({"Anastrozole": "an-ass-truh-zole", "HPG": "the H P G"})
    assert say("Anastrozole and ANASTROZOLE", lexicon=lexicon) == (
        "an-ass-truh-zole and an-ass-truh-zole"
    )
    assert say("Anastrozole\u2019s effect", lexicon=lexicon) == "an-ass-truh-zole's effect"
    assert say("anastrozoles", lexicon=lexicon) == "anastrozoles"
    assert say("the HPG axis", lexicon=lexicon) == "the the H P G axis"


def test_a_respelling_in_capitals_is_kept_as_written() -> None:
    lexicon = Lexicon({"Anastrozole": "an ASS troh zohl"})
    assert say("Anastrozole", lexicon=lexicon) == "an ASS troh zohl"


def test_markup_is_never_read_and_escapes_removed() -> None:
    assert say("<speak>hi</speak>") == "hi"
    assert say("**bold** and `code`<!-- a comment -->") == "bold and code"
    assert say("Ben &amp; Jerry") == "Ben and Jerry"
    assert say("\x1b[31mred\x1b[0m text\x07") == "red text"
    assert say("[bold]x[/bold]") == "(bold)x(slash bold)"
    assert say("tab\there\nnew\x00line") == "tab here new line"


def test_punctuation_none_says_no_symbols_but_keeps_units() -> None:
    said = say("a 50% drop & more (mostly): \u201cyes\u201d; +2", Punctuation.NONE)
    assert said == "a fifty percent drop more (mostly): yes; two"


def test_punctuation_some_gives_pauses_not_names() -> None:
    said = say("Agents (AIs): \u201cyes\u201d; [x]")
    assert said == "Agents (A.I.'s): yes; (x)"


def test_punctuation_all_names_brackets_colons_and_quotes() -> None:
    said = say("Agents (AIs): \u201cyes\u201d; the body\u2019s", Punctuation.ALL)
    assert said == (
        "Agents left paren A.I.'s right paren colon quote yes quote semicolon the body's"
    )


def test_punctuation_all_names_hyphens_but_not_in_ranges() -> None:
    said = say("once-daily for 3-4 days", Punctuation.ALL)
    assert said == "once dash daily for three to four days"


def test_punctuation_all_still_says_ranges_and_separators_as_a_reader_would() -> None:
    said = say("Loss \u221e 40-50 hours", Punctuation.ALL)
    assert said == "Loss: forty to fifty hours"


def test_punctuation_levels_are_accepted_by_name() -> None:
    assert say("(x)", "all") == "left paren x right paren"  # type: ignore[arg-type]


def test_other_languages_keep_only_the_neutral_rules() -> None:
    said = spoken_form("Die HPG-Achse \u221e 40\u201350 Stunden, vgl. S. 4", language="de")
    assert said == "Die H.P.G Achse: vierzig bis fünfzig Stunden, vergleiche Seite vier"
