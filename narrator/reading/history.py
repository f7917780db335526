"""What was said, to hear again, and where the listener was, to go back to.

Speech history (NVDA's review of the last messages) keeps every utterance the
listener heard, the reader's own words included ("No next table"), so a
missed announcement can be heard again without moving the reading place.
The back stack keeps the places a jump left, as a browser's back button does.
"""

from __future__ import annotations

from collections import deque

from narrator.speech.utterance import Place, Utterance

HISTORY_SIZE = 200
BACK_SIZE = 50


class SpeechHistory:
    """The last ``HISTORY_SIZE`` utterances heard, and a review position among them.

    The position counts back from the newest, so utterances heard while
    reviewing do not move what ``[`` says next.
    """

    def __init__(self, size: int = HISTORY_SIZE) -> None:
        self._heard: deque[Utterance] = deque(maxlen=size)
        self._back: int | None = None  # 1 is the newest

    def __len__(self) -> int:
        return len(self._heard)

    @property
    def utterances(self) -> tuple[Utterance, ...]:
        """Oldest first."""
        return tuple(self._heard)

    def heard(self, utterance: Utterance) -> None:
        self._heard.append(utterance)
        if self._back is not None:
            self._back = min(self._back + 1, len(self._heard))

    def older(self) -> Utterance | None:
        """One further back; None at the oldest (the position stays there)."""
        back = 1 if self._back is None else self._back + 1
        if back > len(self._heard):
            return None
        self._back = back
        return self._heard[-back]

    def newer(self) -> Utterance | None:
        """One nearer the present; None past the newest (reviewing ends)."""
        if self._back is None or self._back <= 1:
            self._back = None
            return None
        self._back -= 1
        return self._heard[-self._back]

    @property
    def reviewed(self) -> Utterance | None:
        """The utterance being reviewed, if the listener is reviewing."""
        return self._heard[-self._back] if self._back is not None else None

    def stop_reviewing(self) -> None:
        self._back = None


class BackStack:
    """The last ``BACK_SIZE`` places jumps came from, newest last."""

    def __init__(self, size: int = BACK_SIZE) -> None:
        self._places: deque[Place] = deque(maxlen=size)

    def __len__(self) -> int:
        return len(self._places)

    def push(self, place: Place) -> None:
        if not self._places or self._places[-1] != place:
            self._places.append(place)

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None
