"""Real espeak-ng synthesis through pyttsx3's bindings: audio, timing, rate, voices."""

from __future__ import annotations

import array
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrator.speech.engines.base import MAX_PIECE_CHARS, EngineError, WordMark, split_for_engine
from narrator.speech.engines.espeak import EspeakEngine
from narrator.speech.settings import VoiceSettings

DEFAULT = VoiceSettings()
SENTENCE = "Anastrozole lowers estrogen, and the dose is titrated with care."


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    return EspeakEngine()


def synthesize(
    engine: EspeakEngine, text: str, settings: VoiceSettings = DEFAULT
) -> tuple[array.array, list[WordMark]]:
    pcm = bytearray()
    words: list[WordMark] = []
    count = engine.synthesize(text, settings, pcm.extend, words.append)
    samples = array.array("h", bytes(pcm))
    assert len(samples) == count
    return samples, words


def rms(samples: array.array) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def test_a_sentence_becomes_audible_speech_of_plausible_length(engine: EspeakEngine) -> None:
    samples, _ = synthesize(engine, SENTENCE)
    seconds = len(samples) / engine.sample_rate
    assert engine.sample_rate == 22050
    assert 2.0 < seconds < 8.0
    assert rms(samples) > 500


def test_a_faster_rate_gives_shorter_audio(engine: EspeakEngine) -> None:
    slow, _ = synthesize(engine, SENTENCE, VoiceSettings(rate=120))
    fast, _ = synthesize(engine, SENTENCE, VoiceSettings(rate=450))
    fastest, _ = synthesize(engine, SENTENCE, VoiceSettings(rate=500))
    assert len(fast) < len(slow) * 0.5
    assert len(fastest) <= len(fast)


def test_volume_scales_the_signal(engine: EspeakEngine) -> None:
    loud, _ = synthesize(engine, SENTENCE, VoiceSettings(volume=1.0))
    quiet, _ = synthesize(engine, SENTENCE, VoiceSettings(volume=0.3))
    assert rms(quiet) < rms(loud) * 0.6


def test_words_are_timed_in_order_and_point_into_the_text(engine: EspeakEngine) -> None:
    samples, words = synthesize(engine, SENTENCE)
    said = [SENTENCE[w.start : w.start + w.length] for w in words]
    assert said[:3] == ["Anastrozole", "lowers", "estrogen"]
    assert said[-1] == "care"
    offsets = [w.sample for w in words]
    assert offsets == sorted(offsets) and offsets[-1] < len(samples)
    assert len(set(offsets)) == len(offsets)


def test_word_offsets_count_characters_not_bytes(engine: EspeakEngine) -> None:
    text = "Café naïve résumé done."
    _, words = synthesize(engine, text)
    assert text[words[-1].start : words[-1].start + words[-1].length] == "done"


def test_text_longer_than_the_engine_takes_is_said_in_pieces(engine: EspeakEngine) -> None:
    text = " ".join(f"Sentence number {n} has a few words, and then it ends." for n in range(60))
    samples, words = synthesize(engine, text, VoiceSettings(rate=450))
    assert len(text) > 3 * MAX_PIECE_CHARS
    assert text[words[-1].start : words[-1].start + words[-1].length] == "ends"
    assert [w.sample for w in words] == sorted(w.sample for w in words)
    assert len(samples) / engine.sample_rate > 60


def test_pieces_cover_the_text_and_cut_after_clauses() -> None:
    text = "alpha beta, gamma delta. " * 100
    pieces = split_for_engine(text, limit=120)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 120 for _, piece in pieces)
    assert all(text[offset:].startswith(piece) for offset, piece in pieces)
    assert all(piece.rstrip()[-1] in ",." for _, piece in pieces[:-1])


@given(
    text=st.text(alphabet=st.sampled_from("ab ,.;\n\u00e9"), max_size=600), limit=st.integers(8, 90)
)
def test_pieces_always_rebuild_the_text_within_the_limit(text: str, limit: int) -> None:
    pieces = split_for_engine(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(0 < len(piece) <= limit for _, piece in pieces if text)
    assert [offset for offset, _ in pieces] == [
        sum(len(piece) for _, piece in pieces[:index]) for index in range(len(pieces))
    ]


def test_a_text_without_spaces_is_still_cut() -> None:
    pieces = split_for_engine("x" * 250, limit=100)
    assert [len(piece) for _, piece in pieces] == [100, 100, 50]


def test_an_unknown_voice_is_one_clear_error(engine: EspeakEngine) -> None:
    with pytest.raises(EngineError, match="unknown voice 'no-such-voice'"):
        synthesize(engine, "Hello.", VoiceSettings(voice="no-such-voice"))


def test_voices_change_between_utterances(engine: EspeakEngine) -> None:
    german, _ = synthesize(engine, "Guten Tag.", VoiceSettings(voice="de"))
    english, _ = synthesize(engine, "Guten Tag.", VoiceSettings(voice="en-us"))
    assert german and english and german != english


def test_voices_list_the_installed_languages(engine: EspeakEngine) -> None:
    voices = engine.voices()
    assert len(voices) > 50
    english = [voice for voice in voices if "en-us" in voice.languages]
    assert english and english[0].id and english[0].name


def test_ctrl_c_in_the_audio_sink_stops_synthesis_and_is_raised_not_printed(
    engine: EspeakEngine, capfd: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_: bytes) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        engine.synthesize(SENTENCE, DEFAULT, interrupted)
    assert capfd.readouterr().err == ""
    samples, _ = synthesize(engine, SENTENCE)
    assert len(samples) > engine.sample_rate  # the next text is said whole


def _measured_words_per_minute(engine: EspeakEngine, rate: int) -> float:
    """Words per minute heard, from the length of the audio of the reference article's
    first paragraphs (espeak-ng's own rate is nominal)."""
    from pathlib import Path

    from narrator.content.loader import load_article
    from narrator.speech.script import build_script
    from narrator.speech.utterance import Role

    article = load_article(
        Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
    )
    paragraphs = [u for u in build_script(article).utterances if u.role is Role.PARAGRAPH]
    text = " ".join(u.spoken for u in paragraphs[:6])
    samples, _ = synthesize(engine, text, VoiceSettings(rate=rate))
    return len(text.split()) / (len(samples) / engine.sample_rate) * 60


def test_the_top_rate_is_a_thousand_words_per_minute_measured(engine: EspeakEngine) -> None:
    from narrator.speech.settings import MAX_RATE, MIN_RATE

    assert MAX_RATE == 1000
    assert _measured_words_per_minute(engine, MAX_RATE) >= 950
    assert 160 <= _measured_words_per_minute(engine, 180) <= 200
    assert _measured_words_per_minute(engine, MIN_RATE) <= 90
