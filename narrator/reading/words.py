"""Words of a sentence, as a listener steps through them and asks them spelled.

A screen reader's word keys (ctrl+arrows) and its "say the word, twice to
spell it" key work on the written text, so a listener can find out how a
drug name is written, letter by letter, or by the phonetic alphabet where
letters sound alike ("m" and "n").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters and digits, with the marks that sit inside one ("1.5", "don't",
# "peri-menopausal"); the punctuation around it is not part of it.
_WORD = re.compile("\\w(?:[\\w'\u2019.,/-]*\\w)?")

PHONETIC = {
    "a": "alpha",
    "b": "bravo",
    "c": "charlie",
    "d": "delta",
    "e": "echo",
    "f": "foxtrot",
    "g": "golf",
    "h": "hotel",
    "i": "india",
    "j": "juliett",
    "k": "kilo",
    "l": "lima",
    "m": "mike",
    "n": "november",
    "o": "oscar",
    "p": "papa",
    "q": "quebec",
    "r": "romeo",
    "s": "sierra",
    "t": "tango",
    "u": "uniform",
    "v": "victor",
    "w": "whiskey",
    "x": "x-ray",
    "y": "yankee",
    "z": "zulu",
}
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_MARKS = {
    ".": "dot",
    ",": "comma",
    "-": "dash",
    "/": "slash",
    "'": "apostrophe",
    "\u2019": "apostrophe",
    "_": "underscore",
}


@dataclass(frozen=True)
class Word:
    """``text[start:end]`` of the sentence it is in."""

    text: str
    start: int
    end: int


def words_of(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


def _letter(character: str, *, phonetic: bool) -> str:
    lower = character.lower()
    if character.isdigit() and character.isascii():
        return _DIGITS[int(character)]
    if lower in PHONETIC:
        name = PHONETIC[lower] if phonetic else character.upper()
        return f"capital {name}" if character.isupper() else name
    return _MARKS.get(character, character)


def spelled(word: str, *, phonetic: bool = False) -> str:
    """``word`` letter by letter, each a separate word the voice says as a letter:
    "capital a, n, a"; ``phonetic``: "capital alpha, november, alpha"."""
    return ", ".join(_letter(character, phonetic=phonetic) for character in word)
