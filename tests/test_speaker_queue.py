"""The speech queue with real synthesis into miniaudio's null device (no sound card needed)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from narrator.speech import worker
from narrator.speech.engines.base import Voice
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.settings import VoiceSettings
from narrator.speech.speaker import Priority, Speaker
from narrator.speech.utterance import Place, Role, Utterance

FAST = VoiceSettings(rate=450)


def utterance(text: str, sentence: int = 0, role: Role = Role.PARAGRAPH) -> Utterance:
    return Utterance(text, text, Place("fundamentals", 0, 0, sentence), role)


class Heard:
    """Collects speech events and lets a test wait for one."""

    def __init__(self) -> None:
        self.events: list[SpeechEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: SpeechEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, test: Callable[[SpeechEvent], bool], timeout: float = 10.0) -> SpeechEvent:
        with self._changed:
            found = self._changed.wait_for(
                lambda: next((e for e in self.events if test(e)), None), timeout
            )
        assert found is not None, f"no such event in {[e.kind for e in self.events]}"
        return found

    def kinds(self, text: str | None = None) -> list[str]:
        return [
            e.kind.value
            for e in self.events
            if text is None or (e.utterance and e.utterance.text == text)
        ]


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def speaker(heard: Heard, tmp_path: Path) -> Iterator[Speaker]:
    with Speaker(
        FAST,
        on_event=heard,
        audio_out=tmp_path / "out.wav",
        speech_log=tmp_path / "log.jsonl",
        null_audio=True,
    ) as speaker:
        yield speaker


def ends(heard: Heard, text: str) -> SpeechEvent:
    return heard.wait_for(
        lambda e: (
            e.kind.value in ("finished", "interrupted", "error")
            and e.utterance is not None
            and e.utterance.text == text
        )
    )


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as recording:
        return recording.getnframes() / recording.getframerate()


def test_utterances_play_in_order_with_words_timed_by_playback(
    speaker: Speaker, heard: Heard, tmp_path: Path
) -> None:
    first, second = utterance("Hello there, listener."), utterance("And goodbye.", 1)
    speaker.speak([first, second])
    assert speaker.speaking
    ends(heard, second.text)
    assert heard.kinds(first.text) == ["started", "word", "word", "word", "finished"]
    assert heard.kinds(second.text)[0] == "started" and heard.kinds(second.text)[-1] == "finished"
    times = [e.time for e in heard.events]
    assert times == sorted(times)
    words = [e for e in heard.events if e.kind is SpeechEventKind.WORD and e.utterance == first]
    assert [first.spoken[w.start : w.start + w.length] for w in words] == [
        "Hello",
        "there",
        "listener",
    ]
    started, finished = heard.events[0], heard.events[4]
    # heard in real time (some 0.4 s, by a few milliseconds either way), not when
    # synthesized (a few milliseconds)
    assert finished.time - started.time > 0.3
    assert not speaker.speaking
    speaker.close()
    log = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert log[0]["event"] == "started" and log[0]["place"]["section"] == "fundamentals"
    assert log[0]["role"] == "paragraph" and log[0]["spoken"] == first.spoken
    spoken_time = heard.events[-1].time - started.time
    assert abs(wav_seconds(tmp_path / "out.wav") - spoken_time) < 0.1


def test_stop_cuts_mid_utterance_and_the_recording_ends_there(
    speaker: Speaker, heard: Heard, tmp_path: Path
) -> None:
    long = utterance("This sentence is long enough that it will surely be cut before the end.")
    speaker.speak([long, utterance("Never heard.")])
    started = heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED)
    time.sleep(0.4)
    stopped_at = time.monotonic()
    speaker.stop()
    interrupted = heard.wait_for(lambda e: e.kind is SpeechEventKind.INTERRUPTED)
    assert interrupted.time - stopped_at < 0.035
    assert not speaker.speaking
    speaker.close()
    assert "Never heard." not in [e.utterance.text for e in heard.events if e.utterance]
    assert abs(wav_seconds(tmp_path / "out.wav") - (interrupted.time - started.time)) < 0.05


def test_speak_interrupts_and_flushes(speaker: Speaker, heard: Heard) -> None:
    speaker.speak(
        [utterance("One two three four five six seven eight nine ten."), utterance("Old.")]
    )
    heard.wait_for(lambda e: e.kind is SpeechEventKind.WORD)
    speaker.speak([utterance("New.")])
    ends(heard, "New.")
    assert heard.kinds("One two three four five six seven eight nine ten.")[-1] == "interrupted"
    assert heard.kinds("Old.") == []


def test_enqueue_appends_after_what_is_queued(speaker: Speaker, heard: Heard) -> None:
    speaker.speak([utterance("First.")])
    speaker.enqueue([utterance("Second.")])
    ends(heard, "Second.")
    assert [e.utterance.text for e in heard.events if e.kind is SpeechEventKind.FINISHED] == [
        "First.",
        "Second.",
    ]


def test_notifications_never_cut_and_important_speech_is_never_cut_by_text(
    speaker: Speaker, heard: Heard
) -> None:
    speaker.speak([utterance("Important words come first.")], Priority.IMPORTANT)
    speaker.speak([utterance("A notification.")], Priority.NOTIFICATION)
    speaker.speak([utterance("Then text.")], Priority.TEXT)
    ends(heard, "Then text.")
    assert heard.kinds("Important words come first.")[-1] == "finished"
    assert heard.kinds("A notification.") == []


def test_pause_holds_the_place_and_resume_continues(
    speaker: Speaker, heard: Heard, tmp_path: Path
) -> None:
    text = "Pause me in the middle of this rather long sentence, then carry on."
    speaker.speak([utterance(text)])
    started = heard.wait_for(lambda e: e.kind is SpeechEventKind.WORD and e.start > 0)
    speaker.pause()
    assert speaker.paused
    paused_at = time.monotonic()
    time.sleep(0.6)
    words_while_paused = [
        e
        for e in heard.events
        if e.kind is SpeechEventKind.WORD and paused_at + 0.05 < e.time < paused_at + 0.6
    ]
    speaker.resume()
    finished = ends(heard, text)
    assert finished.kind is SpeechEventKind.FINISHED and words_while_paused == []
    speaker.close()
    assert wav_seconds(tmp_path / "out.wav") > finished.time - started.time  # the pause is in it


def test_configure_applies_to_the_next_utterance(speaker: Speaker, heard: Heard) -> None:
    text = "The same words, at two speeds."
    speaker.speak([utterance(text)])
    fast = ends(heard, text).time - heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED).time
    speaker.configure(VoiceSettings(rate=150))
    heard.events.clear()
    speaker.speak([utterance(text)])
    slow = ends(heard, text).time - heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED).time
    assert slow > 1.8 * fast


@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "stopped"])
def test_an_engine_that_fails_before_an_utterance_is_heard_is_replaced_and_it_is_heard(
    speaker: Speaker, heard: Heard, fault: signal.Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed worker, or a stopped one (SIGSTOP: hung), is replaced and the utterance
    made again: nothing is lost. A stopped one used to be waited on for the whole
    silence timeout, and its utterance was then lost with an error."""
    monkeypatch.setattr(worker, "SILENCE_TIMEOUT", 60.0)  # the stop is found, not timed out
    speaker.speak([utterance("Warm up.")])
    ends(heard, "Warm up.")
    pid = speaker._worker.pid
    os.kill(pid, fault)
    speaker.speak([utterance("Said all the same.")])
    assert ends(heard, "Said all the same.").kind is SpeechEventKind.FINISHED
    assert speaker._worker.pid != pid
    assert not _alive(pid)


def test_an_engine_silent_past_the_timeout_is_replaced(
    speaker: Speaker, heard: Heard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a hung engine cannot be seen to be stopped, the silence timeout finds it."""
    monkeypatch.setattr(worker, "SILENCE_TIMEOUT", 0.5)
    monkeypatch.setattr(worker, "_stopped", lambda process: False)
    speaker.speak([utterance("Warm up.")])
    ends(heard, "Warm up.")
    os.kill(speaker._worker.pid, signal.SIGSTOP)
    speaker.speak([utterance("Unstuck.")])
    assert ends(heard, "Unstuck.").kind is SpeechEventKind.FINISHED


LONG = " ".join(["A long sentence, made while it is already being heard."] * 200)


def test_a_text_no_longer_wanted_stops_being_made_and_the_engine_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child is told to stop: the sentence asked for next is not made after the
    whole of one a key dropped (some 5,000 buffers of audio here)."""
    synthesizer = worker.SynthesisWorker()
    kinds: list[bytes] = []
    next_frame = synthesizer._next_frame

    def counted(timeout: float, doing: str) -> worker.Frame:
        frame = next_frame(timeout, doing)
        kinds.append(frame[0])
        return frame

    monkeypatch.setattr(synthesizer, "_next_frame", counted)
    made, after, again = bytearray(), bytearray(), bytearray()
    try:
        synthesizer.synthesize(LONG, FAST, made.extend, lambda _: None, wanted=lambda: not made)
        buffers = kinds.count(b"A")
        synthesizer.synthesize("Said whole.", FAST, after.extend, lambda _: None)
        synthesizer.synthesize("Said whole.", FAST, again.extend, lambda _: None)
    finally:
        synthesizer.close()
    assert 0 < buffers < 200
    # the next text is said whole, as ever (espeak-ng's length varies by a few samples)
    assert len(again) > 0.1 * 22050 * 2
    assert abs(len(after) - len(again)) < 0.02 * len(again)


def test_a_synthesizer_whose_parent_is_gone_stops_at_once_and_exits_by_itself() -> None:
    """Closed while it makes a long text, the child stops within its grace time instead
    of finishing the text first and being killed."""
    synthesizer = worker.SynthesisWorker()
    synthesizer._request({"text": LONG, "voice": {"rate": 450}})
    process = synthesizer._process
    assert process is not None
    synthesizer.close()
    assert process.returncode == 0


def test_what_a_new_utterance_cuts_is_no_longer_made(
    speaker: Speaker, heard: Heard, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: dict[str, Callable[[], bool]] = {}
    synthesize = speaker._worker.synthesize

    def spy(text: str, *args: object, wanted: Callable[[], bool]) -> None:
        asked[text] = wanted
        synthesize(text, *args, wanted=wanted)  # type: ignore[arg-type]

    monkeypatch.setattr(speaker._worker, "synthesize", spy)
    speaker.speak([utterance("First."), utterance(LONG)])
    heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED)
    # the long one being made ahead (on a busy machine "First." can be heard before)
    deadline = time.monotonic() + 10
    while LONG not in asked and time.monotonic() < deadline:
        time.sleep(0.01)
    speaker.speak([utterance("Next.")])
    assert ends(heard, "Next.").kind is SpeechEventKind.FINISHED
    assert asked["First."]() is False  # cut while heard: the rest of it is not made
    assert asked[LONG]() is False
    assert asked["Next."]() is True
    assert heard.kinds(LONG) == []


def test_an_engine_that_crashes_while_an_utterance_is_heard_reports_it_and_goes_on(
    speaker: Speaker, heard: Heard
) -> None:
    speaker.speak([utterance(LONG)])
    heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED)
    os.kill(speaker._worker.pid, signal.SIGKILL)
    error = ends(heard, LONG)
    assert error.kind is SpeechEventKind.ERROR
    assert "crashed" in error.message and "\n" not in error.message
    speaker.speak([utterance("Back again.")])
    assert ends(heard, "Back again.").kind is SpeechEventKind.FINISHED


@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "stopped"])
def test_closing_after_an_engine_fault_ends_the_engine_at_once(
    heard: Heard, fault: signal.Signals, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting took seconds after a fault: it waited on the stopped engine."""
    monkeypatch.setattr(worker, "SILENCE_TIMEOUT", 60.0)
    speaker = Speaker(FAST, on_event=heard, null_audio=True)
    speaker.speak([utterance(LONG)])
    heard.wait_for(lambda e: e.kind is SpeechEventKind.STARTED)
    pid = speaker._worker.pid
    os.kill(pid, fault)
    closing = threading.Thread(target=speaker.close)
    closing.start()
    closing.join(5.0)
    assert not closing.is_alive(), "closing waited on the failed engine"
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    """Whether ``pid`` is still a process (reaped children are not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_missing_engine_is_one_clear_line_and_drops_the_rest(
    heard: Heard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NARRATOR_ESPEAK", "/nonexistent/libespeak-ng.so.1")
    with Speaker(on_event=heard, null_audio=True) as speaker:
        speaker.speak([utterance("Nothing."), utterance("Nor this.")])
        error = ends(heard, "Nothing.")
        time.sleep(0.1)
        assert not speaker.speaking
    assert error.kind is SpeechEventKind.ERROR
    assert error.message.startswith("Speech is unavailable: espeak-ng could not be loaded")
    assert "\n" not in error.message
    assert heard.kinds("Nor this.") == []


def test_voices_come_from_the_engine(speaker: Speaker) -> None:
    assert any("en-us" in voice.languages for voice in speaker.voices())


class _ListingWorker(worker.SynthesisWorker):
    """A synthesizer that says when the voice list was asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.listed = threading.Event()

    def voices(self) -> list[Voice]:
        self.listed.set()
        return super().voices()


@pytest.mark.parametrize("chosen", [None, "gmw/en"])
def test_the_voice_list_a_language_needs_is_asked_for_before_any_text(
    chosen: str | None,
) -> None:
    """The title waited some 10 ms for that round trip: it is made while the first text
    is still being prepared. A listener's own voice needs no list."""
    synthesizer = _ListingWorker()
    with Speaker(
        VoiceSettings(voice=chosen), language="en-GB", null_audio=True, worker=synthesizer
    ) as speaker:
        assert synthesizer.listed.wait(10 if chosen is None else 1) is (chosen is None)
        speaker.speak([utterance("Hello.")])
        assert speaker.voices()


def test_a_listener_that_raises_does_not_silence_the_voice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reported: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: reported.append(args.exc_value))
    heard = Heard()

    def listener(event: SpeechEvent) -> None:
        heard(event)
        raise RuntimeError("listener bug")

    with Speaker(FAST, on_event=listener, null_audio=True) as speaker:
        speaker.speak([utterance("One."), utterance("Two.", 1)])
        assert ends(heard, "Two.").kind is SpeechEventKind.FINISHED
    assert reported and all(isinstance(error, RuntimeError) for error in reported)


def test_a_speech_log_that_cannot_be_written_is_one_notice_and_speech_goes_on(
    heard: Heard,
) -> None:
    """``--speech-log /dev/full`` ended every reader with an internal error."""
    speaker = Speaker(FAST, on_event=heard, speech_log=Path("/dev/full"), null_audio=True)
    speaker.speak([utterance("Heard all the same."), utterance("And this.")])
    assert ends(heard, "And this.").kind is SpeechEventKind.FINISHED
    speaker.close()
    notices = [e.message for e in heard.events if e.kind is SpeechEventKind.NOTICE]
    assert notices == [
        "The speech log /dev/full cannot be written (No space left on device); speech goes on"
    ]
