"""Finding where an article uses its glossary terms.

The reader jumps between terms (t / T), marks them on screen and picks the
definition to speak, so every caller must agree on what counts as a use:
whole words, any letter case, a term's aliases, and its singular or plural.
One compiled pattern per glossary keeps that agreement and makes the search
cheap enough to run over every sentence of an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from narrator.content.folding import fold, folded
from narrator.content.model import GlossaryEntry

_SEPARATOR = r"(?:\s+|\s*[-\u2010\u2011]\s*)"
_APOSTROPHES = "'\u2019"


@dataclass(frozen=True)
class TermOccurrence:
    """One use of a glossary entry: ``text[start:end]`` is the words as written."""

    entry: GlossaryEntry
    start: int
    end: int


def _words(phrase: str) -> list[str]:
    return [word for word in re.split(r"[\s\-\u2010\u2011]+", phrase.strip()) if word]


def _key(phrase: str) -> str:
    """The form two spellings of a term share: folded case, single spaces, one apostrophe."""
    return " ".join(_words(fold(phrase).replace("\u2019", "'")))


def _number_forms(word: str) -> set[str]:
    """``word`` with its likely singular or plural, so "inhibitor" finds "inhibitors"."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return {word, word[:-3] + "y"}
    if lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        return {word, word[:-2]}
    if lower.endswith("s") and not lower.endswith(("ss", "is", "us")):
        return {word, word[:-1]}
    if lower.endswith("y") and len(word) > 1 and lower[-2] not in "aeiou":
        return {word, word[:-1] + "ies"}
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    return {word, word + "s"}


def _spellings(entry: GlossaryEntry) -> Iterable[str]:
    for name in (entry.term, *entry.aliases):
        words = _words(name)
        if not words:
            continue
        for last in _number_forms(words[-1]):
            if last:  # "S" is no plural of "": a one-letter term stays itself
                yield " ".join([*words[:-1], last])


def _pattern(spelling: str) -> str:
    apostrophe = f"[{_APOSTROPHES}]"
    return _SEPARATOR.join(
        "".join(apostrophe if char in _APOSTROPHES else re.escape(char) for char in word)
        for word in spelling.split(" ")
    )


class TermFinder:
    """Finds the uses of one glossary's terms in any text.

    When spellings overlap ("estrogen levels" inside "when estrogen levels"),
    the longest one starting at a place wins, as a reader would take it.
    """

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.glossary = tuple(glossary)
        self._entries: dict[str, GlossaryEntry] = {}
        for entry in self.glossary:
            for spelling in _spellings(entry):
                self._entries.setdefault(_key(spelling), entry)
        spellings = sorted(self._entries, key=len, reverse=True)
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(_pattern(s) for s in spellings) + r")(?!\w)")
            if spellings
            else None
        )

    def find(self, text: str) -> list[TermOccurrence]:
        """Every use of a term in ``text``, left to right, never overlapping."""
        if self._regex is None:
            return []
        searched = folded(text)
        return [
            TermOccurrence(self._entries[_key(match.group())], *searched.span(*match.span()))
            for match in self._regex.finditer(searched.text)
        ]

    def entry(self, name: str) -> GlossaryEntry | None:
        """The entry ``name`` spells (its term, an alias, a singular or a plural)."""
        return self._entries.get(_key(name))
