"""The title said before the screen was built: the opening waits for it, a key cuts it.

``narrator PATH`` says the article's title while Textual loads; the reader's
opening then follows the title without cutting it short. A listener who
presses a key meanwhile must hear that key's answer at once, as after any
other utterance, not after the rest of the title.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fake_speaker import LATENCY, FakeSpeaker
from listening import SIZE, reference

from narrator.reading.announce import Announcer
from narrator.reading.store import Settings, Store
from narrator.speech import announce
from narrator.speech.events import SpeechEvent
from narrator.speech.utterance import Role
from narrator.tui.app import NarratorApp
from narrator.tui.launch import Opener


def _title_being_said() -> tuple[
    FakeSpeaker, Callable[[Callable[[SpeechEvent], None]], FakeSpeaker]
]:
    article = reference()
    speaker = FakeSpeaker()
    announcer = Announcer.for_article(article, Settings().verbosity, None)
    speaker.speak(announcer.sentences(announce.sentence(article.title)))
    speaker.advance(LATENCY)

    def voice(hear: Callable[[SpeechEvent], None]) -> FakeSpeaker:
        speaker.on_event = hear
        return speaker

    return speaker, voice


def _app(
    tmp_path: Path, voice: Callable[[Callable[[SpeechEvent], None]], FakeSpeaker]
) -> NarratorApp:
    store = Store(tmp_path / "config", tmp_path / "state")
    screen = Opener(store, Settings()).reader(reference(), tmp_path / "a.yaml", title_said=True)
    return NarratorApp(screen, store=store, voice=voice)


async def test_the_opening_waits_for_the_title(tmp_path: Path) -> None:
    speaker, voice = _title_being_said()
    async with _app(tmp_path, voice).run_test(size=SIZE) as pilot:
        await pilot.pause()
        speaker.until_silent()
        await pilot.pause()
    heard = speaker.texts()
    assert heard[0] == reference().title + "."
    assert heard.count(heard[0]) == 1
    first_line = speaker.said[1]
    assert first_line.time >= speaker.said[0].time + 5 * 0.3  # the whole title was heard


async def test_a_key_during_the_title_is_answered_at_once(tmp_path: Path) -> None:
    speaker, voice = _title_being_said()
    async with _app(tmp_path, voice).run_test(size=SIZE) as pilot:
        await pilot.pause()
        speaker.advance(0.5)  # a word or two of the title
        pressed = speaker.now
        await pilot.press("down")
        await pilot.pause()
        answer = speaker.until_heard(lambda u: u.role is not Role.ANNOUNCEMENT)
    assert answer.time <= pressed + 2 * LATENCY
    assert reference().title + "." not in speaker.texts(1)


def test_the_real_voice_gives_up_the_title_for_a_key(tmp_path: Path) -> None:
    """The title is ordinary speech to the real speaker: anything said next cuts it."""
    import queue

    from narrator.reading.first_words import say_the_title
    from narrator.speech.events import SpeechEventKind
    from narrator.speech.output import SpeechOutput
    from narrator.speech.utterance import Utterance

    events: queue.SimpleQueue[SpeechEvent] = queue.SimpleQueue()
    store = Store(tmp_path / "config", tmp_path / "state")
    path = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
    first = say_the_title(path, SpeechOutput(null_audio=True), store)
    first.relay.attach(events.put)

    def next_event(kind: SpeechEventKind) -> SpeechEvent:
        while (event := events.get(timeout=20)).kind is not kind:
            pass
        return event

    try:
        title = next_event(SpeechEventKind.STARTED).utterance
        first.speaker.speak([Utterance("Next paragraph.", "Next paragraph.", None, Role.PARAGRAPH)])
        cut = next_event(SpeechEventKind.INTERRUPTED)
        assert cut.utterance is title
        assert next_event(SpeechEventKind.STARTED).utterance.text == "Next paragraph."
    finally:
        first.speaker.close()
