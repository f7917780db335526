"""Finding typed text in what is read.

Matches are spans into ``Utterance.text`` (the words as written, as the
screen shows them), so the screen can mark a match and the cursor can land
on the sentence that holds it. Letter case, runs of spaces and the kind of
apostrophe or dash never stop a match: a listener types what they heard.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from narrator.speech.utterance import Utterance

_EQUIVALENT = {
    "'": "['\u2019\u2018]",
    "\u2019": "['\u2019\u2018]",
    "\u2018": "['\u2019\u2018]",
    '"': '["\u201c\u201d]',
    "\u201c": '["\u201c\u201d]',
    "\u201d": '["\u201c\u201d]',
    "-": "[-\u2010\u2011\u2013\u2014]",
    "\u2013": "[-\u2010\u2011\u2013\u2014]",
    "\u2014": "[-\u2010\u2011\u2013\u2014]",
}


@dataclass(frozen=True)
class Match:
    """``utterances[index].text[start:end]`` is what was searched for."""

    index: int
    start: int
    end: int


def _pattern(query: str) -> re.Pattern[str] | None:
    words = query.split()
    if not words:
        return None
    parts = ["".join(_EQUIVALENT.get(char, re.escape(char)) for char in word) for word in words]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def find_matches(utterances: Sequence[Utterance], query: str) -> tuple[Match, ...]:
    """Every place ``query`` occurs, in reading order; none for a blank query."""
    pattern = _pattern(query)
    if pattern is None:
        return ()
    return tuple(
        Match(index, found.start(), found.end())
        for index, utterance in enumerate(utterances)
        for found in pattern.finditer(utterance.text)
    )
