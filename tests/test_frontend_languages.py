"""German and French articles say their numbers, dates, times and units in their own
language, from their folders of tables; a language without tables keeps the
neutral rules and leaves its digits to its own voice."""

from __future__ import annotations

import pytest

from narrator.speech.frontend.classes import rules_for
from narrator.speech.frontend.language import language_for
from narrator.speech.spoken import spoken_form


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Täglich 1,25 mg einnehmen.", "Täglich eins Komma zwei fünf Milligramm einnehmen."),
        ("Bis zu 250 mg/Tag.", "Bis zu zwei hundert fünfzig Milligramm pro Tag."),
        ("Puls 60–80 pro Minute.", "Puls sechzig bis achtzig pro Minute."),
        ("Seit dem 1. Januar 2021.", "Seit dem ersten Januar zwei tausend ein und zwanzig."),
        (
            "Der 21. Juni 1990 war heiß.",
            "Der einundzwanzigste Juni neunzehn hundert neunzig war heiß.",
        ),
        ("Am 03.04.2022 kam er.", "Am dritten April zwei tausend zwei und zwanzig kam er."),
        ("Termin um 8:15 Uhr.", "Termin um acht Uhr fünfzehn."),
        ("Ab 18 Uhr geschlossen.", "Ab achtzehn Uhr geschlossen."),
        ("Etwa 2.500 Patienten.", "Etwa zwei tausend fünf hundert Patienten."),
        ("2020 Patienten nahmen teil.", "zwei tausend zwanzig Patienten nahmen teil."),
        ("Im Jahr 2020 nahmen", "Im Jahr zwei tausend zwanzig nahmen"),
        ("Er wurde 3. und sie 4.", "Er wurde drei. und sie vier."),
        ("Die 2. Dosis folgt.", "Die zweite Dosis folgt."),
        ("Achtunddreißig ist 38.", "Achtunddreißig ist achtunddreißig."),
        ("Bei −2 °C lagern.", "Bei minus zwei Grad Celsius lagern."),
        ("Von 1990 bis 2000.", "Von neunzehn hundert neunzig bis zwei tausend."),
        ("Er kam am 3.", "Er kam am drei."),
        ("Am 3. Oktober.", "Am dritten Oktober."),
        ("Um 14.30 Uhr.", "Um vierzehn Uhr dreißig."),
        ("In den 1980er Jahren.", "In den neunzehn hundert achtziger Jahren."),
        ("Es kostet 14.300 Euro.", "Es kostet vierzehn tausend drei hundert Euro."),
        ("Um 1:30 Uhr.", "Um ein Uhr dreißig."),
        ("Rund 45 % z.B. hier.", "Rund fünfundvierzig Prozent zum Beispiel hier."),
    ],
)
def test_german_is_said_in_german(written: str, said: str) -> None:
    assert spoken_form(written, language="de") == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Prendre 2,5 g par jour.", "Prendre deux virgule cinq grammes par jour."),
        ("De 5 à 10 mg.", "De cinq à dix milligrammes."),
        ("Une dose de 2–4 ml.", "Une dose de deux à quatre millilitres."),
        ("Le 1er mai 2019.", "Le premier mai deux mille dix-neuf."),
        ("Né le 21 juillet 1969.", "Né le vingt et un juillet mille neuf cent soixante-neuf."),
        ("Le 14/07/2020.", "Le quatorze juillet deux mille vingt."),
        ("À 8h15 le matin.", "À huit heures quinze le matin."),
        ("Fermé à 18 h.", "Fermé à dix-huit heures."),
        ("Depuis 1 h 05.", "Depuis une heure cinq."),
        ("Le 2e jour.", "Le deuxième jour."),
        ("Au XIXe siècle.", "Au dix-neuvième siècle."),
        ("Le roi et Ce livre.", "Le roi et Ce livre."),
        ("Le 14 juillet à 21h30.", "Le quatorze juillet à vingt et une heures trente."),
        ("Environ 12 500 cas.", "Environ douze mille cinq cents cas."),
        ("Température de −3,5 °C.", "Température de moins trois virgule cinq degrés Celsius."),
        ("Un taux de 80 %.", "Un taux de quatre-vingts pour cent."),
        ("Voir p. 12, etc.", "Voir page douze, et cetera."),
    ],
)
def test_french_is_said_in_french(written: str, said: str) -> None:
    assert spoken_form(written, language="fr") == said.replace("-", " ")


def test_a_language_without_tables_keeps_only_the_neutral_rules() -> None:
    said = spoken_form("Die HPG-Achse 40\u201350 Stunden", language="nl")
    assert said == "Die H.P.G Achse 40\u201350 Stunden"


def test_the_classes_a_language_has_are_its_settings_table() -> None:
    german = {rule.kind for rule in rules_for(language_for("de"))}
    english = {rule.kind for rule in rules_for(language_for("en"))}
    assert german < english
    assert language_for("de-AT") is language_for("de")
    assert language_for("de").decimal_mark == ","
    assert language_for("fr").group_mark == " "
