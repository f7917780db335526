"""Sound cues: where they go, what "instead of words" leaves out, and that they are heard.

The audio tests play through the real speaker (null device) with a recording
and a speech log, and find each tone in the WAV where the log says it was
heard; headings told apart by pitch are checked by the voice's own pitch.
"""

from __future__ import annotations

import array
import itertools
import json
import math
import threading
import wave
from pathlib import Path

from listening import reference

from narrator.reading.cues import Cues
from narrator.reading.cursor import END, Cursor
from narrator.speech.audio import SAMPLE_RATE
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.settings import Announcements, SoundCues, Verbosity
from narrator.speech.speaker import Speaker
from narrator.speech.tones import Cue, Tone, notes, tone_pcm
from narrator.speech.utterance import Role, Utterance, cue_utterance


def cursor() -> Cursor:
    return Cursor.for_article(reference(), Verbosity())


def cues(mode: SoundCues, heading_pitch: bool = False) -> Cues:
    verbosity = Verbosity(cues=mode, announcements=Announcements(heading_pitch=heading_pitch))
    return Cues(cursor(), verbosity)


def tones(said: list[Utterance]) -> list[str]:
    return [u.text for u in said if u.tone is not None]


def test_cues_mark_headings_by_level_elements_terms_and_ends() -> None:
    with_speech = cues(SoundCues.WITH_SPEECH)
    script = with_speech.cursor.utterances
    structure = with_speech.cursor.structure
    top, nested = structure.sections[0], structure.sections[2]
    assert tones(with_speech.around(script[top.start], top.start)) == ["heading 1"]
    assert tones(with_speech.around(script[nested.start], nested.start)) == ["heading 2"]
    table = next(e for e in with_speech.cursor.elements if e.kind.value == "table")
    said = with_speech.around(script[table.start], table.start)
    words = [u for u in said if u.tone is None]
    assert tones(said)[0] == "table" and words[0].spoken.startswith("Table, 3 rows")
    term = with_speech.cursor.uses[0].index
    assert "term" in tones(with_speech.around(script[term], term))
    last = top.end - 1
    assert tones(with_speech.around(script[last], last))[-1] == "section end"
    end = with_speech.cursor.announcer.say(END)
    assert [u.text for u in with_speech.around(end, -1)] == ["article end", END]
    assert tones(cues(SoundCues.OFF).around(script[table.start], table.start)) == []


def test_instead_of_words_the_tone_replaces_the_kind() -> None:
    instead = cues(SoundCues.INSTEAD)
    script = instead.cursor.utterances
    listed = next(e for e in instead.cursor.elements if e.kind.value == "list")
    tone, opening = instead.around(script[listed.start], listed.start)
    assert (tone.text, opening.spoken) == ("list", "6 items.")
    figure = next(e for e in instead.cursor.elements if e.kind.value == "figure")
    said = instead.around(script[figure.start], figure.start)[1]
    assert not said.spoken.startswith("Image") and said.text == script[figure.start].text
    assert [u.text for u in instead.around(instead.cursor.announcer.say(END), -1)] == [
        "article end"
    ]


def test_headings_can_be_said_higher_by_level() -> None:
    pitched = cues(SoundCues.OFF, heading_pitch=True)
    script = pitched.cursor.utterances
    top, nested = pitched.cursor.structure.sections[0], pitched.cursor.structure.sections[2]
    high = pitched.around(script[top.start], top.start)[0].pitch
    lower = pitched.around(script[nested.start], nested.start)[0].pitch
    assert high > lower > 0
    assert pitched.around(script[1], 1)[0].pitch == 0


def test_each_cue_is_a_short_audible_tone_at_its_notes() -> None:
    for cue in Cue:
        tone = Tone(cue, 2 if cue is Cue.HEADING else 0)
        samples = array.array("h", tone_pcm(tone, SAMPLE_RATE))
        seconds = len(samples) / SAMPLE_RATE
        assert 0.02 < seconds < 0.35, cue
        assert max(samples) > 5000, cue
    assert notes(Tone(Cue.HEADING, 1))[0][0] > notes(Tone(Cue.HEADING, 6))[0][0]


def _frequency(samples: array.array) -> float:
    """The dominant frequency of a stretch of samples, by its zero crossings."""
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings * SAMPLE_RATE / len(samples)


def _speak_and_record(tmp_path: Path, utterances: list[Utterance]) -> tuple[array.array, list]:
    done = threading.Event()
    last = utterances[-1]

    def on_event(event: SpeechEvent) -> None:
        if event.utterance is last and event.kind is SpeechEventKind.FINISHED:
            done.set()

    wav, log = tmp_path / "out.wav", tmp_path / "log.jsonl"
    with Speaker(on_event=on_event, null_audio=True, audio_out=wav, speech_log=log) as speaker:
        speaker.speak(utterances)
        assert done.wait(30)
    with wave.open(str(wav)) as recording:
        samples = array.array("h", recording.readframes(recording.getnframes()))
    records = [json.loads(line) for line in log.read_text().splitlines()]
    return samples, records


def test_cues_are_in_the_recording_at_the_times_the_speech_log_gives(tmp_path: Path) -> None:
    words = Utterance("Estrogen.", "Estrogen.", None, Role.ANNOUNCEMENT)
    table, figure = Tone(Cue.TABLE), Tone(Cue.FIGURE)
    samples, records = _speak_and_record(
        tmp_path, [cue_utterance(table), words, cue_utterance(figure)]
    )
    cue_events = [r for r in records if r["event"] == "cue"]
    assert [r["text"] for r in cue_events] == ["table", "figure"]
    started = next(r for r in records if r["event"] == "started" and r["text"] == "Estrogen.")
    # the recording holds what was heard, back to back: its first sample is the first cue
    origin = cue_events[0]["time"]
    for record, tone in zip(cue_events, (table, figure), strict=True):
        at = round((record["time"] - origin) * SAMPLE_RATE)
        assert _tone_near(samples, tone, at), record
    # and the words start where the first tone ends
    table_length = len(tone_pcm(table, SAMPLE_RATE)) // 2
    assert abs((started["time"] - origin) * SAMPLE_RATE - table_length) < TIMING * SAMPLE_RATE


# How far the speech log's time may be from the sample in the recording: the log
# stamps the audio thread's clock, which a loaded machine wakes a little late.
TIMING = 0.04


def _tone_near(samples: array.array, tone: Tone, at: int) -> bool:
    """The tone's first note sounds in ``samples`` within ``TIMING`` of sample ``at``
    (looked for in 2 ms steps, a note's middle half at a time)."""
    frequency, seconds = notes(tone)[0]
    length = int(seconds * SAMPLE_RATE) // 2
    slack = int(TIMING * SAMPLE_RATE)
    for start in range(max(0, at - slack), at + slack, SAMPLE_RATE // 500):
        stretch = samples[start + length // 2 : start + length + length // 2]
        audible = len(stretch) == length and _rms(stretch) > 3000
        if audible and abs(_frequency(stretch) - frequency) < frequency * 0.05:
            return True
    return False


def _rms(samples: array.array) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def _voice_pitch(samples: array.array) -> float:
    """The median fundamental frequency of the voiced stretches, by autocorrelation
    (a voice's zero crossings follow its formants, not its pitch)."""
    frame, lowest, highest = 800, 70, 400
    pitches = []
    for start in range(0, len(samples) - frame - SAMPLE_RATE // lowest, frame * 2):
        part = samples[start : start + frame + SAMPLE_RATE // lowest]
        if _rms(part) < 1500:
            continue
        best = max(
            range(SAMPLE_RATE // highest, SAMPLE_RATE // lowest),
            key=lambda lag: sum(part[n] * part[n + lag] for n in range(0, frame, 2)),
        )
        pitches.append(SAMPLE_RATE / best)
    assert pitches, "no voiced stretch"
    return sorted(pitches)[len(pitches) // 2]


def test_a_heading_said_higher_has_a_higher_voice(tmp_path: Path) -> None:
    text = "Intermediate dosing."
    plain = Utterance(text, text, None, Role.HEADING)
    higher = Utterance(text, text, None, Role.HEADING, pitch=40)
    for folder in ("plain", "higher"):
        (tmp_path / folder).mkdir()
    low, _ = _speak_and_record(tmp_path / "plain", [plain])
    high, _ = _speak_and_record(tmp_path / "higher", [higher])
    assert _rms(low) > 500 and _rms(high) > 500
    assert _voice_pitch(high) > _voice_pitch(low) * 1.15
