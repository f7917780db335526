"""The Textual application: owns the voice, the saved state and the crash handling.

Screens decide what to say; the app says it. The speaker reports from its own
thread, so its events are posted as messages (``post_message`` is thread-safe
and, unlike ``call_from_thread``, never blocks the speaker's thread — a UI
call such as ``stop()`` that waits on that thread can therefore never
deadlock). A crash inside the app goes to the crash log and leaves one line on
the terminal, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme

from narrator.crash import record
from narrator.reading.announce import Announcer
from narrator.reading.store import Settings, Store
from narrator.speech.events import NOTICES, SpeechEvent
from narrator.speech.settings import Verbosity, VoiceSettings
from narrator.speech.speaker import Priority, Speaker
from narrator.speech.utterance import Utterance
from narrator.tui.messages import Say

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
CRASH_EXIT = 70


@dataclass(frozen=True)
class SpeechOutput:
    """Where the voice goes (``--audio-out``, ``--speech-log``, ``--no-audio``)."""

    audio_out: Path | None = None
    speech_log: Path | None = None
    null_audio: bool = False


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
    # screen keeps its place as it closes), never a toast asking for Ctrl+Q.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "quit", show=False, priority=True),
        Binding("ctrl+c", "quit", "quit", show=False, priority=True),
    ]

    def __init__(
        self,
        first_screen: Screen[None],
        *,
        output: SpeechOutput = NO_OUTPUT_OPTIONS,
        store: Store | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        notice: str = "",
    ) -> None:
        super().__init__()
        self._first_screen = first_screen
        self.output = output
        self.store = store or Store()
        self.settings = settings
        self.announcer = Announcer()
        self._speaker: Speaker | None = None
        self.notice = notice
        self.crash_line = ""
        self.register_theme(HIGH_CONTRAST)

    def on_mount(self) -> None:
        self._apply_theme()
        self._speaker = Speaker(
            self.settings.voice,
            on_event=self._hear,
            audio_out=self.output.audio_out,
            speech_log=self.output.speech_log,
            null_audio=self.output.null_audio,
        )
        self.push_screen(self._first_screen)

    def _hear(self, event: SpeechEvent) -> None:
        """Called on the speaker's thread: hand the event to the UI thread."""
        self.post_message(SpeechHappened(event))

    def on_unmount(self) -> None:
        if self._speaker is not None:
            self._speaker.close()

    @property
    def speaker(self) -> Speaker:
        """The voice; it exists from mount to unmount, while screens are shown."""
        if self._speaker is None:
            raise RuntimeError("the speaker exists only while the app runs")
        return self._speaker

    # ---------------------------------------------------------------- speech

    def speak(self, utterances: Sequence[Utterance]) -> None:
        """Cut what is being said and say ``utterances``."""
        if utterances:
            self.speaker.speak(list(utterances), Priority.TEXT)

    def say(self, text: str) -> None:
        """Cut what is being said and say ``text`` (the reader's own words)."""
        self.speak(self.announcer.sentences(text))

    def on_say(self, message: Say) -> None:
        self.say(message.text)

    def on_speech_happened(self, message: SpeechHappened) -> None:
        if not self.is_running:
            return  # shutting down: the screens that would follow the voice are being taken apart
        event = message.event
        if event.kind in NOTICES and event.message:
            self.show_notice(event.message)
        handler = self._listener("follow_speech")
        if handler is not None:
            handler(event)

    def show_notice(self, notice: str) -> None:
        """A notice stays under the status line until the next one (a toast would
        cover the status); a screen without that line shows it as a toast."""
        self.notice = notice
        handler = self._listener("show_notice")
        if handler is not None:
            handler(notice)
        else:
            self.notify(notice, timeout=8, markup=False)

    def _listener(self, name: str) -> Callable[..., None] | None:
        """The method ``name`` of the topmost screen that has it: the reader keeps
        following the voice while a dialog is open over it."""
        for screen in reversed(self.screen_stack):
            handler = getattr(screen, name, None)
            if callable(handler):
                return handler
        return None

    @property
    def voice(self) -> VoiceSettings:
        return self.settings.voice

    def change_voice(self, voice: VoiceSettings) -> None:
        """Use ``voice`` from the next utterance, and remember it for next time."""
        self._remember(replace(self.settings, voice=voice))
        self.speaker.configure(voice)

    def change_verbosity(self, verbosity: Verbosity) -> None:
        """Remember ``verbosity`` for next time (the screen remakes its script)."""
        self._remember(replace(self.settings, verbosity=verbosity))

    def _remember(self, settings: Settings) -> None:
        """Use ``settings`` from now on and save what changed (not this run's options)."""
        problem = self.store.remember(self.settings, settings)
        self.settings = settings
        if problem:
            self.show_notice(problem)

    @property
    def high_contrast(self) -> bool:
        return self.settings.high_contrast

    def _apply_theme(self) -> None:
        self.theme = HIGH_CONTRAST.name if self.high_contrast else STANDARD_THEME

    def toggle_contrast(self) -> str:
        """Switch the high-contrast theme, and remember it for next time; returns what to say."""
        self._remember(replace(self.settings, high_contrast=not self.high_contrast))
        self._apply_theme()
        return f"High contrast {'on' if self.high_contrast else 'off'}"

    # --------------------------------------------------------------- crashes

    def _handle_exception(self, error: Exception) -> None:
        log = record(error)
        self.crash_line = f"narrator: internal error: {error} (details in {log})"
        super()._handle_exception(error)
        self._return_code = CRASH_EXIT

    def _print_error_renderables(self) -> None:
        """After a crash, print the one line (the traceback is in the crash log)."""
        if not self.crash_line:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        self.error_console.print(Text(self.crash_line), soft_wrap=True)
        sys.stderr.flush()
