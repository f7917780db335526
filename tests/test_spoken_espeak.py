"""The spoken forms, checked against what espeak-ng actually says for them.

espeak-ng is asked for the phonemes of each spoken form (``heard.phonemes``,
in a child process, so this test never shares the engine with the speech
tests): the page's ∞ must not become "infinity", a range must not have a
"dash" in it, and an initial A must be the letter, not the article.
"""

from __future__ import annotations

import pytest

from narrator.speech.heard import phonemes
from narrator.speech.message import spoken_message
from narrator.speech.spoken import spoken_form

espeakng_loader = pytest.importorskip("espeakng_loader")

INFINITY = "\u026anf\u02c8\u026an\u026ati"
DASH = "d\u02c8a\u0283"
LETTER_A = "\u02c8e\u026a"


def test_espeak_says_the_raw_page_wrong_and_the_spoken_form_right() -> None:
    written = [
        "Bone Mineral Density Loss \u221e Estrogen plays a vital role.",
        "a half-life of 40-50 hours",
        "Howell, A. et al. \u201cEffect of anastrozole.\u201d",
        "aromatase inhibitors (AIs).",
    ]
    raw = phonemes(written)
    said = phonemes([spoken_form(text) for text in written])
    assert INFINITY in raw[0] and INFINITY not in said[0]
    assert DASH in raw[1] and DASH not in said[1]
    assert " t\u0259 " in said[1] or " tu\u02d0 " in said[1]
    assert LETTER_A not in raw[2].split("|")[1] and LETTER_A in said[2].split("|")[1]
    assert "e\u026a\u02c8a\u026a z" in said[3]  # the letters A, I, then a plural z


def test_plural_and_word_like_abbreviations_sound_as_people_say_them() -> None:
    written = ["aromatase inhibitors (AIs).", "two GnRHs", "deep REM sleep", "a YAML file"]
    ais, gnrhs, rem, yaml = phonemes([spoken_form(text) for text in written])
    assert "d\u02c8\u0252t" not in ais  # no "dot"
    assert "\u02c8a\u026a z" in ais and "\u02c8\u025bs" not in ais  # "eye z", not "ess"
    assert gnrhs.endswith("e\u026at\u0283\u026az")  # "aitchiz"
    assert rem.split()[1] == "\u0279\u02c8\u025bm"  # one word, "rem"
    assert "j\u02c8am\u0259l" in yaml


def test_a_message_names_its_file_not_the_folders_on_the_way() -> None:
    written = "/tmp/c1/cfg/narrator/settings.json could not be read"
    raw, said = phonemes([spoken_form(written), spoken_message(written)])
    assert "sl\u02c8a\u0283" in raw  # the article's rules say "slash"
    assert "sl\u02c8a\u0283" not in said and said.startswith(
        "s\u02c8\u025bt\u026a\u014bz d\u02c8\u0252t"
    )
