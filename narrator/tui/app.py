"""The Textual application: owns the voice, the saved state and the crash handling.

Screens decide what to say; the app says it. The speaker reports from its own
thread, so its events are posted as messages (``post_message`` is thread-safe
and, unlike ``call_from_thread``, never blocks the speaker's thread — a UI
call such as ``stop()`` that waits on that thread can therefore never
deadlock). A crash inside the app goes to the crash log and leaves one line on
the terminal, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar
from weakref import WeakSet

from rich.console import Console
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from narrator.crash import CrashStream
from narrator.exit_codes import ExitCode
from narrator.reading.announce import Announcer
from narrator.reading.session import Speech, SpeechMaker
from narrator.reading.store import Settings, Store
from narrator.speech.events import NOTICES, SpeechEvent
from narrator.speech.output import SpeechOutput
from narrator.speech.settings import VoiceSettings
from narrator.speech.speaker import Speaker
from narrator.speech.utterance import Utterance
from narrator.tui.driver import reader_driver
from narrator.tui.messages import Say, Silence

HIGH_CONTRAST = Theme(
    name="narrator-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    warning="#ffff00",
    error="#ff8080",
    success="#80ff80",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
)
STANDARD_THEME = "textual-dark"


NO_OUTPUT_OPTIONS = SpeechOutput()
DEFAULT_SETTINGS = Settings()


class SpeechHappened(Message):
    """A speaker event, brought onto the UI thread."""

    def __init__(self, event: SpeechEvent) -> None:
        super().__init__()
        self.event = event


class NarratorApp(App[int]):
    CSS_PATH = "narrator.tcss"
    ENABLE_COMMAND_PALETTE = False
    TITLE = "Narrator"
    # Ctrl+C is what a terminal user presses to leave: it quits like q (each
    # screen keeps its place as it closes), never a toast asking for Ctrl+Q, and
    # ends with the status every Narrator command ends with on Ctrl+C.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "quit", show=False, priority=True),
        Binding("ctrl+c", "interrupt", "quit", show=False, priority=True),
    ]

    def __init__(
        self,
        first_screen: Screen[None],
        *,
        output: SpeechOutput = NO_OUTPUT_OPTIONS,
        store: Store | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        notice: str = "",
        voice: SpeechMaker | None = None,
    ) -> None:
        super().__init__(driver_class=reader_driver())
        self._make_voice = voice or self._real_voice
        self._first_screen = first_screen
        self.output = output
        self.store = store or Store()
        self.settings = settings
        self.announcer = Announcer()
        self._speaker: Speech | None = None
        self.notice = notice
        self.crash_stream = CrashStream()
        self.error_console = Console(file=self.crash_stream, color_system=None, width=100)
        self.speech_heard: Signal[SpeechEvent] = Signal(self, "speech-heard")
        self._followers: WeakSet[Screen[None]] = WeakSet()
        self.register_theme(HIGH_CONTRAST)

    def on_mount(self) -> None:
        self._apply_theme()
        self._speaker = self._make_voice(self._hear)
        self.push_screen(self._first_screen)

    def action_interrupt(self) -> None:
        self.exit(return_code=ExitCode.INTERRUPTED)

    def _real_voice(self, hear: Callable[[SpeechEvent], None]) -> Speaker:
        return Speaker(
            self.settings.voice,
            on_event=hear,
            audio_out=self.output.audio_out,
            speech_log=self.output.speech_log,
            null_audio=self.output.null_audio,
        )

    def _hear(self, event: SpeechEvent) -> None:
        """Called on the speaker's thread: hand the event to the UI thread."""
        self.post_message(SpeechHappened(event))

    def on_unmount(self) -> None:
        if self._speaker is not None:
            self._speaker.close()

    @property
    def speaker(self) -> Speech:
        """The voice; it exists from mount to unmount, while screens are shown."""
        if self._speaker is None:
            raise RuntimeError("the speaker exists only while the app runs")
        return self._speaker

    # ---------------------------------------------------------------- speech

    def speak(self, utterances: Sequence[Utterance]) -> None:
        """Cut what is being said and say ``utterances``."""
        if utterances:
            self.speaker.speak(list(utterances))

    def say(self, text: str) -> None:
        """Cut what is being said and say ``text`` (the reader's own words)."""
        self.speak(self.announcer.sentences(text))

    def on_say(self, message: Say) -> None:
        self.say(message.text)

    def on_silence(self, message: Silence) -> None:
        self.speaker.stop()

    def on_speech_happened(self, message: SpeechHappened) -> None:
        """The reader, even under a pop-up, follows the voice (``speech_heard``); with no
        reader open, a notice from the speaker is shown here."""
        if not self.is_running:
            return  # shutting down: the screens that would follow the voice are being taken apart
        event = message.event
        if any(screen.is_attached for screen in self._followers):
            self.speech_heard.publish(event)
        elif event.kind in NOTICES and event.message:
            self.show_notice(event.message)

    def follow_speech(self, screen: Screen[None], hear: Callable[[SpeechEvent], None]) -> None:
        """``screen`` hears every speech event from now on, in order, even under a pop-up;
        it shows the speaker's notices itself."""
        self._followers.add(screen)
        self.speech_heard.subscribe(screen, hear, immediate=True)

    def show_notice(self, notice: str) -> None:
        """A notice outside the reader, as a toast (the reader shows its own)."""
        self.notice = notice
        self.notify(notice, timeout=8, markup=False)

    @property
    def voice(self) -> VoiceSettings:
        return self.settings.voice

    def use_settings(self, settings: Settings) -> None:
        """The listener changed a setting (the reading session saved it): the next
        reader opens with it, and the theme follows the contrast setting."""
        self.settings = settings
        self._apply_theme()

    @property
    def high_contrast(self) -> bool:
        return self.settings.high_contrast

    def _apply_theme(self) -> None:
        self.theme = HIGH_CONTRAST.name if self.high_contrast else STANDARD_THEME

    @property
    def crash_line(self) -> str | None:
        """The one line to print after the app ended on an unhandled error."""
        return self.crash_stream.line()
