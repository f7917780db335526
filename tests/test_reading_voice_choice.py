"""Faster, slower and next voice, as both readers and the speech commands decide them."""

from __future__ import annotations

import pytest
from fake_speaker import VOICES

from narrator.errors import NarratorError
from narrator.reading.voice_choice import (
    NO_VOICES,
    RATE_STEP,
    faster,
    for_this_run,
    next_voice,
    slower,
)
from narrator.speech.engines.base import Voice
from narrator.speech.settings import MAX_RATE, MIN_RATE, VoiceSettings
from narrator.speech.voices import require_installed, speakers_of

CARIBBEAN = Voice("gmw/en-029", "English (Caribbean)", ("en-029",))
BRITISH = Voice("gmw/en", "English (Great Britain)", ("en-gb",))
AMERICAN = Voice("gmw/en-US", "English (America)", ("en-us",))
GERMAN = Voice("gmw/de", "German", ("de",))
FRENCH = Voice("roa/fr", "French (France)", ("fr-fr",))
INSTALLED = [CARIBBEAN, BRITISH, AMERICAN, GERMAN, FRENCH]


def test_faster_and_slower_step_the_rate_and_say_it_briefly() -> None:
    up = faster(VoiceSettings(rate=180))
    assert (up.voice.rate, up.said) == (180 + RATE_STEP, f"Rate {180 + RATE_STEP}")
    down = slower(VoiceSettings(rate=180))
    assert (down.voice.rate, down.said) == (180 - RATE_STEP, f"Rate {180 - RATE_STEP}")


def test_the_rate_stops_at_its_limits_and_says_where_it_stopped() -> None:
    assert faster(VoiceSettings(rate=MAX_RATE - 5)).said == f"Rate {MAX_RATE}, maximum"
    assert faster(VoiceSettings(rate=MAX_RATE)).voice.rate == MAX_RATE
    assert slower(VoiceSettings(rate=MIN_RATE + 5)).said == f"Rate {MIN_RATE}, minimum"
    assert slower(VoiceSettings(rate=MIN_RATE)).voice.rate == MIN_RATE


@pytest.mark.parametrize(("rate", "kept"), [(0, MIN_RATE), (250, 250), (10_000, MAX_RATE)])
def test_voice_values_are_clamped_in_one_place(rate: int, kept: int) -> None:
    clamped = VoiceSettings(rate=rate, pitch=500, volume=3.0).clamped()
    assert (clamped.rate, clamped.pitch, clamped.volume) == (kept, 100, 1.0)
    assert VoiceSettings(pitch=-4, volume=-1.0).clamped() == VoiceSettings(pitch=0, volume=0.0)


def test_a_rate_change_keeps_the_rest_of_the_voice() -> None:
    voice = VoiceSettings(voice="gmw/de", rate=200, pitch=30, volume=0.5)
    assert faster(voice).voice == VoiceSettings(voice="gmw/de", rate=220, pitch=30, volume=0.5)


def test_next_voice_takes_turns_among_the_articles_language_and_says_the_name() -> None:
    voice = VoiceSettings(voice="gmw/en-029", rate=220)
    heard = []
    for _ in range(4):
        change = next_voice(voice, INSTALLED, "en")
        voice = change.voice
        heard.append(change.said)
    assert heard == [
        "Voice: English (Great Britain)",
        "Voice: English (America)",
        "Voice: English (Caribbean)",
        "Voice: English (Great Britain)",
    ]
    assert voice.rate == 220


def test_with_no_voice_chosen_the_first_press_moves_on_from_the_languages_own() -> None:
    change = next_voice(VoiceSettings(), INSTALLED, "en")
    assert change.voice.voice == "gmw/en-US"  # gmw/en is the one heard for "en"


def test_a_language_no_voice_speaks_takes_turns_among_all_voices() -> None:
    voices = []
    voice = VoiceSettings()
    for _ in range(len(INSTALLED)):
        voice = next_voice(voice, INSTALLED, "ja").voice
        voices.append(voice.voice)
    assert voices == [v.id for v in INSTALLED]


def test_a_chosen_voice_of_another_language_gives_way_to_the_articles() -> None:
    change = next_voice(VoiceSettings(voice="roa/fr"), INSTALLED, "de-AT")
    assert change.said == "Voice: German"


def test_no_installed_voice_is_said_and_changes_nothing() -> None:
    voice = VoiceSettings(voice="gmw/en")
    assert next_voice(voice, [], "en").voice == voice
    assert next_voice(voice, [], "en").said == NO_VOICES


def test_speakers_of_a_language_include_every_variant() -> None:
    assert speakers_of(INSTALLED, "en-AU") == [CARIBBEAN, BRITISH, AMERICAN]
    assert speakers_of(INSTALLED, "") == []


def test_the_command_line_overrides_the_saved_voice_for_this_run() -> None:
    saved = VoiceSettings(voice="gmw/de", rate=300, pitch=20)
    assert for_this_run(saved, rate=None, voice_id=None) == saved
    assert for_this_run(saved, rate=150, voice_id="gmw/en") == VoiceSettings(
        voice="gmw/en", rate=150, pitch=20
    )


def test_a_named_voice_must_be_installed() -> None:
    require_installed("gmw/de", INSTALLED)
    with pytest.raises(NarratorError, match=r"no installed voice `gmw/xx`.*narrator voices"):
        require_installed("gmw/xx", INSTALLED)


def test_next_voice_skips_voices_for_another_writing_system() -> None:
    shavian = Voice("gmw/en-Shaw", "English (Shavian alphabet)", ("en-shaw",))
    installed = [BRITISH, shavian, AMERICAN]
    said = [next_voice(VoiceSettings(voice=v.id), installed, "en").said for v in installed]
    assert "Voice: English (Shavian alphabet)" not in said
    assert next_voice(VoiceSettings(voice=BRITISH.id), installed, "en").voice.voice == AMERICAN.id
    only = next_voice(VoiceSettings(voice=BRITISH.id), [BRITISH, shavian], "en-Shaw")
    assert only.voice.voice == shavian.id


def test_pitch_and_volume_step_within_their_range_and_say_it() -> None:
    from narrator.reading.voice_choice import higher, louder, lower, quieter

    assert higher(VoiceSettings(pitch=50)).said == "Pitch 60"
    assert higher(VoiceSettings(pitch=100)).voice.pitch == 100
    assert lower(VoiceSettings(pitch=0)).said == "Pitch 0"
    assert quieter(VoiceSettings(volume=1.0)).said == "Volume 90 percent"
    assert louder(VoiceSettings(volume=1.0)).voice.volume == 1.0
    assert quieter(VoiceSettings(volume=0.05)).said == "Volume 0 percent"


def test_the_voices_list_has_the_language_s_voices_then_the_heard_one_s_variants() -> None:
    from narrator.reading.voice_choice import next_voice, voice_choices

    installed = [
        *VOICES,
        Voice("gmw/de", "German", ("de",)),
        Voice("f3", "f3", (), variant=True, gender="female"),
        Voice("Alicia", "Alicia", (), variant=True, gender="female"),
    ]
    listed, heard = voice_choices(VoiceSettings(voice="gmw/en-US"), installed, "en")
    assert [v.id for v in listed] == [
        "gmw/en",
        "gmw/en-US",
        "gmw/en-US+f3",
        "gmw/en-US+Alicia",
    ]
    assert heard == 1
    assert listed[2].name == "English (America), f3, female"
    # a variant is heard: the list starts on it; v goes on to the next voice, plainly
    listed, heard = voice_choices(VoiceSettings(voice="gmw/en+Alicia"), installed, "en")
    assert listed[heard].id == "gmw/en+Alicia"
    assert (
        next_voice(VoiceSettings(voice="gmw/en+Alicia"), installed, "en").voice.voice == "gmw/en-US"
    )
    require_installed("gmw/en+f3", installed)
    with pytest.raises(NarratorError):
        require_installed("gmw/en+f9", installed)
