"""Abbreviations, Roman numerals, prescription shorthand, times and years: each
reading decided by the words around it, on cases written beside the corpus."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.speech.frontend.readback import heard_numbers
from narrator.speech.spoken import spoken_form


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Rev. Jackson spoke", "Reverend Jackson spoke"),
        ("Gen. Grant and Col. Mustard", "General Grant and Colonel Mustard"),
        ("Sgt. Pepper", "Sergeant Pepper"),
        ("Gov. Newsom signed it", "Governor Newsom signed it"),
        ("Acme Corp. and Beta Inc. merged", "Acme Corporation and Beta Incorporated merged"),
        ("Tel. 555 0100", "telephone five five five, zero one zero zero"),
        ("see sect. 3", "see section three"),
        ("St. Andrew's Church", "Saint Andrew's Church"),
        ("Elm St. was closed", "Elm Street was closed"),
    ],
)
def test_titles_and_abbreviations_are_said_in_full(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Napoleon III ruled France", "Napoleon the third ruled France"),
        ("Pope Pius XII", "Pope Pius the twelfth"),
        ("Apollo XI landed", "Apollo eleven landed"),
        ("Final Fantasy VII is long", "Final Fantasy seven is long"),
        ("Grade V tumour", "Grade five tumour"),
        ("Appendix C lists them", "Appendix C lists them"),
        ("Hepatitis C", "Hepatitis C"),
        ("So I left", "So I left"),
        ("Phase I trial", "Phase one trial"),
    ],
)
def test_roman_numerals_need_a_keyword_a_ruler_or_a_title(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Give IV fluids now.", "Give I.V fluids now."),
        ("Begin IV vancomycin.", "Begin I.V vancomycin."),
        ("Change IM to PO.", "Change I.M to P.O."),
        ("Ceftriaxone 2 g IV daily.", "Ceftriaxone two grams intravenously daily."),
        ("Stage IV disease", "Stage four disease"),
        ("Henry IV was crowned", "Henry the fourth was crowned"),
    ],
)
def test_a_route_is_never_a_numeral_in_a_text_about_treatment(written: str, said: str) -> None:
    assert spoken_form(written) == said
    assert "fourth" not in spoken_form(written) or "Henry" in written


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Take 2 tablets tid.", "Take two tablets three times a day."),
        ("Inject 10 units qhs.", "Inject ten units every night at bedtime."),
        ("A $2bn bid failed.", "bid failed."),
        ("Their bid was rejected.", "Their bid was rejected."),
        ("The stat sheet is out.", "The stat sheet is out."),
    ],
)
def test_frequencies_are_words_only_in_a_prescription(written: str, said: str) -> None:
    assert spoken_form(written).endswith(said)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Clinic 8:30am–4:30pm", "Clinic eight thirty A.M to four thirty P.M"),
        ("Shift 07:00–19:00", "Shift oh seven hundred to nineteen hundred"),
        ("Meet at 12:00, leave at 14:00.", "Meet at twelve hundred, leave at fourteen hundred."),
        ("Meet at 3:00.", "Meet at three o'clock."),
        ("Mix 1:10 with water", "Mix one to ten with water"),
    ],
)
def test_times_of_day(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("In 1066 the Normans came", "In ten sixty six the Normans came"),
        ("since 1016,", "since ten sixteen"),
        ("in 1024 samples", "in one thousand and twenty four samples"),
        ("1024 bytes.", "one thousand and twenty four bytes."),
    ],
)
def test_early_years_need_a_year_word(written: str, said: str) -> None:
    assert spoken_form(written) == said


# The safety promise for the classes above: every number written in a date, a time
# or a year is heard back with its value and in its order.

MONTHS = st.sampled_from(["January", "March", "May", "July", "October", "December"])
HALF_DAY = st.sampled_from(["am", "pm", " a.m.", " PM"])


def _clock(hours: int, minutes: int) -> list[list[Fraction]]:
    """What a listener may take from a time: its hours and minutes, or, for "ten oh
    one", the digits run together as a clock face shows them (readback hears 1001)."""
    if not minutes:
        return [[Fraction(hours)]]
    return [[Fraction(hours), Fraction(minutes)], [Fraction(hours * 100 + minutes)]]


@given(st.integers(1100, 2099), st.sampled_from(["In ", "Since ", "By ", "(", "until "]))
def test_a_year_is_heard_as_itself(year: int, before: str) -> None:
    assert heard_numbers(spoken_form(f"{before}{year}.")) == [Fraction(year)]


@given(st.integers(1000, 1099))
def test_an_early_year_is_heard_as_itself(year: int) -> None:
    assert heard_numbers(spoken_form(f"In {year} the king died.")) == [Fraction(year)]


@given(st.integers(1, 12), st.integers(0, 59), HALF_DAY)
def test_a_time_of_day_is_heard_as_its_hours_and_minutes(
    hours: int, minutes: int, half: str
) -> None:
    said = spoken_form(f"Take it at {hours}:{minutes:02d}{half} daily.")
    assert heard_numbers(said) in _clock(hours, minutes)


@given(st.integers(1, 12), st.integers(1, 12), HALF_DAY, HALF_DAY)
def test_a_range_of_times_is_heard_in_order(first: int, second: int, one: str, two: str) -> None:
    said = spoken_form(f"Open {first}{one}\u2013{second}{two}.")
    assert heard_numbers(said) == [Fraction(first), Fraction(second)]


@given(MONTHS, st.integers(1, 28), st.integers(1100, 2099))
def test_a_date_is_heard_as_its_day_and_year(month: str, day: int, year: int) -> None:
    for written in (f"{month} {day}, {year}", f"{day} {month} {year}"):
        assert heard_numbers(spoken_form(f"On {written}, it rained.")) == [
            Fraction(day),
            Fraction(year),
        ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Mr. and Mrs. Jones", "Mister and Missus Jones"),
        ("Stage IIIb cancer", "Stage three B cancer"),
        ("Type IIa fibres", "Type two A fibres"),
        ("The CDC said", "The C.D.C said"),
        ("Give 4 mg IV/PO q6h.", "Give four milligrams intravenously or by mouth every six hours."),
        ("Apply cream bid.", "Apply cream twice a day."),
        ("At 0600 hours.", "At oh six hundred hours."),
        ("Doses at 8:00 and 20:00", "Doses at eight o'clock and twenty hundred"),
        (
            "A 2019 study and the 2020 census",
            "A twenty nineteen study and the twenty twenty census",
        ),
        ("2000 studies were found", "two thousand studies were found"),
    ],
)
def test_more_readings_decided_by_the_words_around(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_count_of_hours_is_no_military_time() -> None:
    said = spoken_form("After 1500 hours of flight")
    assert heard_numbers(said) == [Fraction(1500)]
    assert said.endswith("hundred hours of flight")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Born on the 1st of May.", "Born on the first of May."),
        ("Clinic closes at 5 p.m.", "Clinic closes at five P.M."),
        ("Seen at 10.15 pm.", "Seen at ten fifteen P.M."),
        ("Charles II's court", "Charles the second's court"),
        ("Henry V spoke", "Henry the fifth spoke"),
        ("After WWI and WWII ended", "After World War One and World War Two ended"),
        ("Take 1 tab q.d.", "Take one tab once a day."),
        ("Ointment applied bid to the rash.", "Ointment applied twice a day to the rash."),
    ],
)
def test_readings_at_the_edges_of_a_sentence(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("From June 3–5, 2025.", "From June third to fifth, twenty twenty five."),
        ("Held 8–10 May 2023.", "Held the eighth to tenth of May, twenty twenty three."),
        ("Updated 2023/11/01", "Updated November first, twenty twenty three"),
        (
            "Seen on 25.12.2023 at home.",
            "Seen on the twenty fifth of December, twenty twenty three at home.",
        ),
        ("Version 2.10.3 is out.", "Version two point ten point three is out."),
    ],
)
def test_ranges_of_days_and_other_ways_of_writing_dates(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The book I read was long.", "The book I read was long."),
        ("The class I teach is small.", "The class I teach is small."),
        ("Books I loved.", "Books I loved."),
        ("patients with type I diabetes", "patients with type one diabetes"),
        ("Part I of the report", "Part one of the report"),
        ("Phase I/II trial", "Phase one slash two trial"),
        ("Stages I–III disease", "Stages one to three disease"),
        ("Type I and II errors", "Type one and two errors"),
        ("Lines I-IV", "Lines I-IV"),
    ],
)
def test_i_is_a_pronoun_unless_a_keyword_numbers_it(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Music of the 80s.", "Music of the eighties."),
        ("In the mid-70s.", "In the mid seventies."),
        ("Hold for 30s.", "Hold for thirty seconds."),
    ],
)
def test_a_short_decade_needs_a_word_that_says_so(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Amoxicillin 500 mg PO od", "Amoxicillin five hundred milligrams by mouth once a day"),
        (
            "500 mg PO tid x 7 days",
            "five hundred milligrams by mouth three times a day for seven days",
        ),
        (
            "Ondansetron 4 mg IV q8h prn nausea",
            "Ondansetron four milligrams intravenously every eight hours as needed for nausea",
        ),
        ("Take 1 tablet prn for pain", "Take one tablet as needed for pain"),
    ],
)
def test_a_prescription_says_its_course_and_what_a_prn_dose_is_for(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Open Mon–Fri", "Open Monday to Friday"),
        ("Fri, 31 Jan", "Friday, the thirty first of January"),
        ("Clinic: Mon, Wed, Fri", "Clinic: Monday, Wednesday, Friday"),
        ("Sun exposure", "Sun exposure"),
        ("read The Sun.", "read The Sun."),
        ("they wed in June", "they wed in June"),
        ("Pain score 7/10", "Pain score seven out of ten"),
        ("GCS 15/15", "G.C.S fifteen out of fifteen"),
        ("cranial nerve VII", "cranial nerve seven"),
    ],
)
def test_days_scores_and_numbered_nerves(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_leaflets_month_and_year_is_a_date() -> None:
    assert spoken_form("Revised: 04/2023") == "Revised: April twenty twenty three"
