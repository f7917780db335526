"""The one case-folding rule by which words are looked up: pronunciations, glossary terms.

Lower-casing a word is not enough and matching with ``re.IGNORECASE`` is not
the same rule: "STRASSE" is "straße", "ﬁle" is "file", "ΣΟΦΌΣ" is "σοφός",
and the regular expression engine takes Turkish dotless "ı" for "I" while
``str.lower`` does not, so a word could be found and then not be known. Text
is therefore folded (Unicode full case folding, the Turkish i's as one) and
searched folded; ``Folded`` maps what was found back to the written text.
Folding can lengthen a character ("ß" is "ss"), so offsets are mapped, not
assumed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

_TURKISH_I = str.maketrans({"ı": "i", "İ": "i"})
"""Dotted capital İ folds to "i" plus a combining dot, and dotless ı folds to
itself: both are made plain "i", so a Turkish word matches in either case
whatever the keyboard, at the cost of "ı" and "i" being one letter here."""


def fold(text: str) -> str:
    """``text`` in the form every lookup compares: two spellings of one word, in any
    case, fold to the same string."""
    return text.translate(_TURKISH_I).casefold()


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for searching, with the way back to the text as written."""

    original: str
    text: str
    ends: tuple[int, ...] | None
    """Where each written character's folding ends in ``text``; None when every
    character folds to one (offsets are then the same in both)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The written characters that ``text[start:end]`` was folded from."""
        if self.ends is None:
            return start, end
        first = bisect_right(self.ends, start)
        last = bisect_right(self.ends, end - 1) + 1 if end > start else first
        return first, min(last, len(self.original))


def folded(text: str) -> Folded:
    whole = fold(text)
    if len(whole) == len(text):
        return Folded(text, whole, None)
    return Folded(text, whole, tuple(accumulate(len(fold(char)) for char in text)))
