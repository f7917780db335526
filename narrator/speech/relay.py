"""Speech events for a listener who is not there yet: held until it is, then passed on.

The reader's voice starts (and says the article's title) before the full-screen
UI has loaded; what the voice reports meanwhile is kept, in order, for the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from narrator.speech.events import SpeechEvent

Hear = Callable[[SpeechEvent], None]


class EventRelay:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: list[SpeechEvent] = []
        self._hear: Hear | None = None

    def __call__(self, event: SpeechEvent) -> None:
        """Called on the speaker's thread."""
        with self._lock:
            hear = self._hear
            if hear is None:
                self._held.append(event)
                return
        hear(event)

    def attach(self, hear: Hear) -> None:
        """From now on events go to ``hear``, the held ones first."""
        with self._lock:
            held, self._held = self._held, []
            for event in held:
                hear(event)
            self._hear = hear
