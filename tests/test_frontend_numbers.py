"""The number and measure classes, on sentences of our own (not the corpus's): each
rule is checked on cases it was not written for, so that it generalizes."""

from __future__ import annotations

import pytest

from narrator.speech.frontend.readback import heard_numbers
from narrator.speech.spoken import spoken_form


def say(text: str) -> str:
    return spoken_form(text)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a 10 mg dose", "a ten milligram dose"),
        ("The 20 kg sacks were heavy.", "The twenty kilogram sacks were heavy."),
        ("an 80 kg man", "an eighty kilogram man"),
        ("a 100 mL/h infusion", "a one hundred milliliter per hour infusion"),
        ("a 2–3 cm incision", "a two to three centimeter incision"),
        ("a 5 × 10 cm scar", "a five by ten centimeter scar"),
        ("a 90° angle", "a ninety degree angle"),
    ],
)
def test_a_measure_before_its_noun_keeps_its_unit_singular(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The wall is 5 m high.", "The wall is five meters high."),
        ("the 5 km of road", "the five kilometers of road"),
        ("a 5 mg or 10 mg dose", "a five milligrams or ten milligrams dose"),
        ("It weighs 10 kg.", "It weighs ten kilograms."),
        ("Take 2 mg daily.", "Take two milligrams daily."),
    ],
)
def test_a_measure_that_is_no_adjective_keeps_its_plural(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a $20 ticket", "a twenty dollar ticket"),
        ("a £1.5bn contract", "a one point five billion pound contract"),
        ("the €50m budget", "the fifty million euro budget"),
        ("a $0.25 stamp", "a twenty five cent stamp"),
        ("It cost $20.", "It cost twenty dollars."),
        ("Debt hit $1.2trn.", "Debt hit one point two trillion dollars."),
    ],
)
def test_money_before_its_noun_is_an_adjective(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Chelsea beat Spurs 2–0.", "Chelsea beat Spurs two zero."),
        ("It finished 3-3.", "It finished three three."),
        ("a 5-4 majority", "a five four majority"),
        ("They trailed 1–2 at the break.", "They trailed one two at the break."),
        ("a 2-1 victory", "a two one victory"),
        ("The Bulls won 101–99.", "The Bulls won one hundred and one to ninety nine."),
        ("Set two went 7–5.", "Set two went seven five."),
    ],
)
def test_small_scores_are_said_side_by_side(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("They won 2-3 games.", "They won two to three games."),
        ("Rest for 3-5 days.", "Rest for three to five days."),
        ("within 5-3 days", "within five to three days"),
        ("Take 1-2 tablets.", "Take one to two tablets."),
    ],
)
def test_ranges_are_not_scores(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("A charge of 1.6 × 10⁻¹⁹ C.",
         "A charge of one point six times ten to the minus nineteen C."),
        ("WBC 7.5 × 10⁹/L", "W.B.C seven point five times ten to the nine per liter"),
        ("a dose of 2 × 10⁶ cells", "a dose of two times ten to the six cells"),
        ("A distance of 3.1 × 10¹⁶ m.",
         "A distance of three point one times ten to the sixteen meters."),
        ("Grows as 2ⁿ.", "Grows as two to the n."),
        ("The volume is πr²h.", "The volume is pi r squared h."),
        ("Use a² + b².", "Use eh squared plus b squared."),
    ],
)  # fmt: skip
def test_scientific_notation_and_powers(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Flow of 4 L/min.", "Flow of four liters per minute."),
        ("A gradient of 10 mmHg/s.", "A gradient of ten millimeters of mercury per second."),
        ("Gravity is 9.8 m/s².", "Gravity is nine point eight meters per second squared."),
        ("Use 5 L/100 km.", "Use five liters per one hundred kilometers."),
        ("Give 2 mg per kg.", "Give two milligrams per kilogram."),
        ("Paid per hour.", "Paid per hour."),
        ("Samples were centrifuged at 1500 g for 10 min.",
         "Samples were centrifuged at one thousand five hundred g for ten minutes."),
    ],
)  # fmt: skip
def test_compound_units(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("If k ≤ 3, repeat.", "If k is less than or equal to three, repeat."),
        ("Require a > 0.", "Require eh is greater than zero."),
        ("Score > 10 points.", "Score greater than ten points."),
        ("Then 6 × 7 = 42.", "Then six times seven equals forty two."),
        ("Solve 2x + 3 = 7.", "Solve two x plus three equals seven."),
        ("Take 2x daily.", "Take two times daily."),
        ("So 9 − 4 = 5.", "So nine minus four equals five."),
    ],
)
def test_equations(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("About 7 300 people.", "About seven thousand three hundred people."),
        ("A 4 000 m peak.", "A four thousand meter peak."),
        ("Values 1 2 3.", "Values one two three."),
        ("The 2,500th visitor.", "The two thousand five hundredth visitor."),
        ("Add 3 1/2 cups water.", "Add three and a half cups water."),
        ("Take 1½ tsp.", "Take one and a half teaspoons."),
        ("BP 140/90 mmHg", "B.P one hundred and forty over ninety millimeters of mercury"),
        ("Highs of 25 ºC.", "Highs of twenty five degrees Celsius."),
    ],
)
def test_grouped_numbers_fractions_and_ordinals(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a 10-mg tablet", "a ten milligram tablet"),
        ("a 3-mm margin", "a three millimeter margin"),
        ("A 2 in. screw.", "A two inch screw."),
        ("It is 4 in. Then stop.", "It is four inches. Then stop."),
        ("A 5 mM buffer", "A five millimolar buffer"),
        ("a 3 cm × 4 cm mass", "a three centimeter by four centimeter mass"),
        ("a 2 x 3 x 4 mm cube", "a two by three by four millimeter cube"),
        ("It measured 4 × 5 cm.", "It measured four by five centimeters."),
        ("Take 3 x 500 mg.", "Take three times five hundred milligrams."),
    ],
)
def test_hyphens_inches_and_dimensions(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("y = 2x", "y equals two x"),
        ("e^x", "e to the x"),
        ("Add 2.5e-3 mol.", "Add two point five times ten to the minus three moles."),
        ("Set lr to 1e-5.", "Set lr to one times ten to the minus five."),
        ("Use ½ tablet.", "Use one half tablet."),
    ],
)
def test_variables_and_units_after_notation(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a 2-1 ratio", "a two to one ratio"),
        ("the $5 they paid", "the five dollars they paid"),
        ("the 10 mg it contains", "the ten milligrams it contains"),
    ],
)
def test_words_that_undo_a_score_or_an_adjective(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Gain of −3 dB", "Gain of minus three decibels"),
        ("MCV 90 fL", "M.C.V ninety femtoliters"),
        ("a 10 k\u03a9 resistor", "a ten kilohm resistor"),
        ("Ozone at 70 ppb", "Ozone at seventy parts per billion"),
    ],
)
def test_more_units(written: str, said: str) -> None:
    assert say(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("See Table 2-3.", "See Table two three."),
        ("see Fig. 3-5", "see figure three five"),
        ("in the table. 2-3 days later", "in the table. two to three days later"),
        ("pp. 109-118", "pages one hundred and nine to one hundred and eighteen"),
        ("Each 5 mL contains 25 mg.", "Each five milliliters contains twenty five milligrams."),
    ],
)
def test_labels_and_verbs_around_numbers(written: str, said: str) -> None:
    assert say(written) == said


def test_a_count_of_doses_before_a_strength_is_never_grouped_into_one_number() -> None:
    said = spoken_form("Take 2 500 mg tablets daily.")
    assert heard_numbers(said) == [2, 500], said
    assert heard_numbers(spoken_form("Weight 5 000 kg.")) == [5000]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("40k fans", "forty thousand fans"),
        ("1.2M rows", "one point two million rows"),
        ("2.4m visitors", "two point four million visitors"),
        ("a 5m wall", "a five meter wall"),
        ("RR 16/min", "R.R sixteen per minute"),
        ("100 Mbit/s", "one hundred megabits per second"),
        ("1013 hPa", "one thousand and thirteen hectopascals"),
        ("a 4K display", "a four K display"),
        ("42 U.S.C. 1983", "forty two U.S.C. nineteen eighty three"),
    ],
)
def test_magnitudes_and_units_written_tight_against_a_number(written: str, said: str) -> None:
    assert spoken_form(written) == said
