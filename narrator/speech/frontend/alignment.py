"""Where in the written text lies the word the voice is saying.

The engine reports words by their place in the spoken form ("forty" in
"forty to fifty milligrams"), which is not the written text ("40-50 mg").
Every span keeps its written place, so the word heard is found by its rank
among the spans' spoken words: a word of a number, a date or a unit marks
the whole written piece it came from, and a word of prose marks its own
written word.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from narrator.speech.frontend.span import SemioticClass, Span, SpokenText

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Written prose as words and the symbols said as words ("&" is "and").
_WRITTEN_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def written_place(spoken: SpokenText, start: int, length: int) -> tuple[int, int] | None:
    """The written ``(start, end)`` of the word at ``spoken.text[start:start+length]``,
    or ``None`` where the spoken form cannot be traced back word by word."""
    heard = _words(spoken.text)
    rank = next(
        (number for number, word in enumerate(heard) if word.start() <= start < word.end()), None
    )
    if rank is None:
        return None
    owners = [(span, index) for span in spoken.spans for index, _ in enumerate(_words(span.said))]
    if len(owners) != len(heard):
        return None
    span, index = owners[rank]
    if span.kind is not SemioticClass.WORDS:
        return span.start, span.end
    return _in_prose(span, index)


def _in_prose(span: Span, index: int) -> tuple[int, int]:
    """The written word (or symbol) of a prose span that its ``index``-th spoken word
    says, by aligning the two token by token."""
    written = list(_WRITTEN_TOKEN.finditer(span.written))
    said = [word.group().lower() for word in _words(span.said)]
    matcher = SequenceMatcher(a=[token.group().lower() for token in written], b=said)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= index < j2 and i2 > i1:
            first, last = (
                (written[i1 + index - j1],) * 2
                if tag == "equal"
                else (written[i1], written[i2 - 1])
            )
            return span.start + first.start(), span.start + last.end()
    return span.start, span.end
