"""Say-all: the cursor follows the voice, moves restart the reading, stale events are ignored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reading_fixtures import ARTICLE, UTTERANCES

from narrator.reading.cursor import Cursor
from narrator.reading.sayall import SayAll
from narrator.speech.events import SpeechEventKind
from narrator.speech.utterance import Utterance


@dataclass(frozen=True)
class Event:
    kind: str
    utterance: Utterance | None
    time: float = 0.0


@dataclass
class FakeSpeaker:
    spoken: list[list[Utterance]] = field(default_factory=list)
    paused: bool = False
    speaking: bool = True
    stops: int = 0

    def speak(self, utterances: Sequence[Utterance]) -> None:
        self.spoken.append(list(utterances))
        self.paused = False

    def stop(self) -> None:
        self.stops += 1

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False


def reading(index: int = 0, rate: int = 180) -> tuple[SayAll, FakeSpeaker, Cursor]:
    speaker = FakeSpeaker()
    cursor = Cursor(ARTICLE, UTTERANCES, index=index)
    return SayAll(speaker, cursor, rate=lambda: rate), speaker, cursor


def test_start_speaks_from_the_cursor_to_the_end_and_the_cursor_follows_the_voice() -> None:
    say_all, speaker, cursor = reading(index=3)
    say_all.start()
    run = speaker.spoken[-1]
    assert [u.text for u in run] == [*(u.text for u in UTTERANCES[3:]), "End of article"]
    assert say_all.handle(Event(SpeechEventKind.STARTED, run[0])) and cursor.index == 3
    assert not say_all.handle(Event(SpeechEventKind.WORD, run[0]))
    assert say_all.handle(Event(SpeechEventKind.STARTED, run[2])) and cursor.index == 5
    assert not say_all.handle(Event(SpeechEventKind.FINISHED, run[2]))
    assert say_all.active
    say_all.handle(Event(SpeechEventKind.STARTED, run[-2]))
    assert not say_all.handle(Event(SpeechEventKind.FINISHED, run[-2]))
    assert not say_all.handle(Event(SpeechEventKind.STARTED, run[-1]))  # "End of article"
    assert say_all.handle(Event(SpeechEventKind.FINISHED, run[-1]))
    assert not say_all.active and cursor.index == len(UTTERANCES) - 1


def test_a_move_restarts_from_where_it_landed_and_old_events_are_ignored() -> None:
    say_all, speaker, cursor = reading()
    say_all.start()
    old = speaker.spoken[-1]
    say_all.handle(Event(SpeechEventKind.STARTED, old[1]))
    move = cursor.next_section()
    say_all.restart_from(move)
    new = speaker.spoken[-1]
    assert [u.text for u in new] == [
        "Intermediate",
        *(u.text for u in UTTERANCES[move.index + 1 :]),
        "End of article",
    ]
    assert not say_all.handle(Event(SpeechEventKind.INTERRUPTED, old[1]))
    assert not say_all.handle(Event(SpeechEventKind.STARTED, old[2]))
    assert say_all.active and cursor.index == move.index
    say_all.handle(Event(SpeechEventKind.STARTED, new[0]))
    assert cursor.index == move.index
    say_all.handle(Event(SpeechEventKind.STARTED, new[1]))
    assert cursor.index == move.index + 1


def test_restarting_on_the_same_sentence_survives_the_late_interruption() -> None:
    say_all, speaker, cursor = reading(index=2)
    say_all.start()
    first = speaker.spoken[-1]
    say_all.handle(Event(SpeechEventKind.STARTED, first[0]))
    say_all.restart_from(cursor.go_to(2))
    assert not say_all.handle(Event(SpeechEventKind.INTERRUPTED, first[0]))
    assert say_all.active


def test_being_cut_by_other_speech_ends_say_all() -> None:
    say_all, speaker, _ = reading()
    say_all.start()
    run = speaker.spoken[-1]
    say_all.handle(Event(SpeechEventKind.STARTED, run[0]))
    assert say_all.handle(Event(SpeechEventKind.INTERRUPTED, run[0]))
    assert not say_all.active


def test_space_starts_pauses_and_resumes_and_stop_silences() -> None:
    say_all, speaker, _ = reading()
    say_all.toggle()
    assert say_all.active and not say_all.paused
    say_all.toggle()
    assert say_all.paused and speaker.paused
    say_all.toggle()
    assert not say_all.paused
    say_all.stop()
    assert not say_all.active and speaker.stops == 1
    assert not say_all.handle(Event(SpeechEventKind.STARTED, speaker.spoken[-1][3]))


def test_events_from_other_speech_are_not_say_all_s_business() -> None:
    say_all, _, cursor = reading(index=4)
    say_all.start()
    assert not say_all.handle(Event(SpeechEventKind.STARTED, UTTERANCES[9]))
    assert not say_all.handle(Event(SpeechEventKind.NOTICE, None))
    assert cursor.index == 4


def test_a_move_that_stays_says_why_then_reads_the_sentence_it_stayed_on() -> None:
    say_all, speaker, cursor = reading(index=len(UTTERANCES) - 1)
    say_all.restart_from(cursor.next_sentence())
    said = [u.text for u in speaker.spoken[-1]]
    assert said == ["End of article", UTTERANCES[-1].text, "End of article"]
    say_all.handle(Event(SpeechEventKind.FINISHED, speaker.spoken[-1][-1]))
    assert not say_all.active


def test_a_failed_sentence_is_skipped_and_say_all_goes_on() -> None:
    say_all, speaker, _ = reading()
    say_all.start()
    run = speaker.spoken[-1]
    assert not say_all.handle(Event(SpeechEventKind.ERROR, run[1]))
    assert say_all.active and say_all.as_text is None


def test_a_landing_is_read_to_its_end_with_the_cursor_following() -> None:
    say_all, speaker, cursor = reading()
    say_all.follow(cursor.next_paragraph())
    run = speaker.spoken[-1]
    assert [u.text for u in run] == ["Estrogen levels matter.", "They change with age."]
    assert not say_all.active
    say_all.handle(Event(SpeechEventKind.STARTED, run[0]))
    assert say_all.handle(Event(SpeechEventKind.STARTED, run[1])) and cursor.index == 2
    assert say_all.handle(Event(SpeechEventKind.FINISHED, run[1]))
    say_all.toggle()
    assert say_all.active
    assert [u.text for u in speaker.spoken[-1]] == [
        *(u.text for u in UTTERANCES[3:]),
        "End of article",
    ]


def test_after_the_opening_space_starts_at_the_first_paragraph() -> None:
    say_all, speaker, cursor = reading()
    say_all.follow(cursor.opening(resumed=False))
    run = speaker.spoken[-1]
    assert [u.text for u in run] == ["Dosing.", "Fundamentals"]
    say_all.handle(Event(SpeechEventKind.STARTED, run[0]))
    say_all.handle(Event(SpeechEventKind.STARTED, run[1]))
    say_all.handle(Event(SpeechEventKind.FINISHED, run[1]))
    say_all.toggle()
    assert speaker.spoken[-1][0].text == "Estrogen levels matter."


def test_a_sentence_cut_short_is_read_again_by_space() -> None:
    say_all, speaker, cursor = reading()
    say_all.follow(cursor.next_sentence())
    say_all.handle(Event(SpeechEventKind.STARTED, speaker.spoken[-1][0]))
    say_all.handle(Event(SpeechEventKind.INTERRUPTED, speaker.spoken[-1][0]))
    say_all.start()
    assert speaker.spoken[-1][0].text == "Estrogen levels matter."


def test_with_no_voice_say_all_reads_on_as_text_at_the_rate() -> None:
    say_all, speaker, cursor = reading(index=5, rate=120)
    say_all.start()
    run = speaker.spoken[-1]
    speaker.speaking = False
    assert say_all.handle(Event(SpeechEventKind.ERROR, run[0], time=100.0))
    assert say_all.active and say_all.as_text is run[0] and cursor.index == 5
    seconds = len(run[0].spoken.split()) * 0.5
    assert not say_all.tick(100.0 + seconds - 0.01)
    assert say_all.tick(100.0 + seconds) and cursor.index == 6
    assert say_all.as_text is run[1]
    say_all.toggle()
    assert say_all.paused and not say_all.tick(200.0) and cursor.index == 6
    say_all.toggle()
    assert not say_all.tick(200.0 + 0.5) and say_all.tick(200.0 + 1.5)
    assert cursor.index == 7
    now = 300.0
    while say_all.tick(now):
        now += 100.0
    assert not say_all.active and cursor.index == len(UTTERANCES) - 1
    say_all.toggle()
    assert say_all.active


def test_with_no_voice_a_landing_is_shown_as_text_then_reading_stops() -> None:
    say_all, speaker, cursor = reading()
    say_all.follow(cursor.next_paragraph())
    run = speaker.spoken[-1]
    speaker.speaking = False
    say_all.handle(Event(SpeechEventKind.ERROR, run[0], time=1.0))
    assert say_all.tick(60.0) and cursor.index == 2
    assert say_all.tick(120.0) and say_all.as_text is None and not say_all.active
    assert not say_all.tick(180.0) and cursor.index == 2


def test_stop_ends_reading_as_text() -> None:
    say_all, speaker, cursor = reading()
    say_all.start()
    speaker.speaking = False
    say_all.handle(Event(SpeechEventKind.ERROR, speaker.spoken[-1][0], time=1.0))
    say_all.stop()
    assert not say_all.active and not say_all.tick(100.0) and cursor.index == 0
