"""Sentence splitting that survives the way articles and citations are written.

A sentence is the unit the cursor steps over and the synthesizer is handed,
so a wrong split is heard twice: as an odd pause and as a jump that lands
mid-thought. Splits are returned as character spans into the original text
so the screen can highlight exactly what the voice is saying.

A full stop ends a sentence only when it is followed by whitespace (decimals
such as 3.5 and abbreviations such as e.g. never are) and the next word does
not start with a lowercase letter, unless the word before it is a known
abbreviation or an initial ("Hayes, F. J. et al.").
"""

from __future__ import annotations

import re

# Abbreviations that are never the last word of a sentence: a title or a
# citation word always has something after it.
_NEVER_FINAL = frozenset(
    {
        "approx",
        "cf",
        "ch",
        "dr",
        "e.g",
        "ed",
        "eds",
        "eq",
        "fig",
        "figs",
        "i.e",
        "jr",
        "mr",
        "mrs",
        "ms",
        "mt",
        "pp",
        "prof",
        "sr",
        "st",
        "viz",
        "vol",
        "vols",
        "vs",
    }
)
# Abbreviations that are citation words only before a number ("no. 16", "p. 4").
_BEFORE_NUMBER = frozenset({"no", "nos", "p"})
# Abbreviations that may end a sentence: they do when a capital letter follows.
_MAY_BE_FINAL = frozenset({"etc", "al"})

# A closing bracket or curly quote after the marks belongs to the sentence, even after
# a space ("[ file ... ]"): it never starts the next one.
_TERMINATOR = re.compile(r"[.!?\u2026]+(?:[\"'\u201d\u2019)\]}]|\s+[\u201d\u2019)\]}])*(?=\s|$)")
_OPENERS = "\"'\u201c\u2018([{"
_INITIAL = re.compile(r"[A-Z]\.")
_NEXT_IS_INITIAL = re.compile(r"[A-Z]\.(?:\s|$)|et al\b")
_WORD_START = re.compile(r"\S")

# Every look at the text around a full stop goes by index, never by copying what
# is before or after it: a paragraph of a hundred thousand sentences would
# otherwise be copied a hundred thousand times.


def _next_word(text: str, index: int) -> int:
    """Where the first character that is not a space at or after ``index`` is
    (``len(text)`` if none)."""
    found = _WORD_START.search(text, index)
    return len(text) if found is None else found.start()


def _end_before(text: str, index: int) -> int:
    """Where the text before ``index`` ends, trailing spaces left out."""
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index


def _word_before(text: str, end: int) -> str:
    """The word that a terminator at ``end`` closes, without opening punctuation."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _is_initial(text: str, word_start: int, following: int) -> bool:
    """A lone capital and a full stop in a name: "Howell, A. et al", "Hayes, F. J."."""
    before = _end_before(text, word_start)
    return (
        text[before - 1 : before] == ","
        or bool(_INITIAL.fullmatch(text, max(before - 2, 0), before))
        or bool(_NEXT_IS_INITIAL.match(text, following))
    )


def _is_enumerator(text: str, word_start: int) -> bool:
    """A number opening a sentence, as in "1. Take the tablet. 2. Wait.", numbers it."""
    before = _end_before(text, word_start)
    if before == 0 or text[before - 1] in ("!", "?", ":", "\u2026"):
        return True
    if text[before - 1] != ".":
        return False
    previous = _word_before(text, before - 1).lower()
    return previous not in _NEVER_FINAL and previous not in _BEFORE_NUMBER


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = _next_word(text, match.end())
    if following == len(text):
        return True
    first = text[following]
    if first.islower():
        return False
    marks = match.group().rstrip("\"'\u201d\u2019)]} \t\n")
    if marks != ".":
        return True
    word = _word_before(text, match.start())
    lowered = word.lower()
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _BEFORE_NUMBER:
        return not first.isdigit()
    if lowered in _MAY_BE_FINAL:
        return first.isupper()
    if len(word) == 1 and word.isupper():
        return not _is_initial(text, match.start() - 1, following)
    if word.isdigit() and len(word) <= 2:
        return not _is_enumerator(text, match.start() - len(word))
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``, in order.

    Spans exclude the whitespace between sentences; together they cover every
    other character, so joining them loses nothing the reader could hear.
    """
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for match in _TERMINATOR.finditer(text):
        if match.end() <= start or not _ends_sentence(text, match):
            continue
        spans.append((start, match.end()))
        start = _next_word(text, match.end())
    end = _end_before(text, len(text))
    if start < end:
        spans.append((start, end))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``split_sentences``)."""
    return [text[start:end] for start, end in split_sentences(text)]
