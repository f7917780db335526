"""Spoken forms made ahead of the listener, while the reader waits for keys.

A script's spoken forms are made when first heard or shown (so a big article
opens at once), but a key that lands on a sentence whose form is not made yet
waits for the text front end, and its first use of a kind of text (a number,
a unit) waits for that rule's expression to compile. Made in a background
thread from the reading place on, they are ready before a key asks: the thread
gives way to the reader at Python's switch interval, so a key waits a few
milliseconds at most. Making a spoken form twice is harmless: it is the same
string, and the utterance keeps one.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from narrator.speech.utterance import Utterance

AHEAD = 5000
"""How many utterances from the reading place on are made ahead (a long article's
rest is made as it is reached)."""


def make_ahead(utterances: Sequence[Utterance], start: int) -> threading.Thread:
    """Start making the spoken forms of ``utterances[start:start + AHEAD]``, then of
    the ones before ``start`` (a listener may go back), in a daemon thread."""
    first = max(0, min(start, len(utterances)))
    order = [*utterances[first : first + AHEAD], *utterances[max(0, first - AHEAD) : first]]

    def make() -> None:
        for utterance in order:
            _ = utterance.spoken

    thread = threading.Thread(target=make, name="spoken-ahead", daemon=True)
    thread.start()
    return thread
