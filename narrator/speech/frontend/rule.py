"""A rule of the front end: one written pattern of one semiotic class, and how to say it.

Each class's module lists its rules; the tokenizer tries them in one pass, in
the order ``classes.rules`` gives, so a more specific pattern (a date) is
found before a more general one (a range, then a number). A rule's ``say``
may decline a match (``None``) when the context shows it is not that class
("I" the pronoun is no Roman numeral); the next rule is then tried there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from narrator.speech.frontend.compiled_patterns import compiled
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.span import SemioticClass
from narrator.speech.settings import Punctuation


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides its match: the whole text being said,
    its language and the listener's punctuation level."""

    text: str
    language: Language
    punctuation: Punctuation
    footnotes: bool = True

    @cached_property
    def shouting(self) -> bool:
        """Text in capitals throughout (a heading set in caps) is words, not abbreviations."""
        words = re.findall(r"[^\W\d_]{2,}", self.text)
        capitals = sum(word.isupper() for word in words)
        return capitals >= 3 and capitals * 5 >= len(words) * 3


class Found:
    """One rule's match, with the rule's own group names."""

    __slots__ = ("_match", "_prefix", "end", "start", "text")

    def __init__(self, match: re.Match[str], prefix: str, start: int, end: int) -> None:
        self._match = match
        self._prefix = prefix
        self.start = start
        self.end = end
        self.text = match.string

    def group(self, name: str | None = None) -> str | None:
        if name is None:
            return self.text[self.start : self.end]
        try:
            return self._match.group(f"{self._prefix}{name}")
        except IndexError:
            return None

    @property
    def written(self) -> str:
        return self.text[self.start : self.end]

    @property
    def before(self) -> str:
        return self.text[: self.start]

    @property
    def after(self) -> str:
        return self.text[self.end :]


Say = Callable[[Found, Context], "str | None"]


@dataclass(frozen=True)
class Rule:
    """``pattern`` (a regular expression with named groups of its own) said by ``say``."""

    name: str
    kind: SemioticClass
    pattern: str
    say: Say
    flags: int = 0
    # Plain words this rule's matches may begin with ("phone" in "phone 555 0100"):
    # the tokenizer tries the rules at plain words only when some rule starts so.
    starts: frozenset[str] = frozenset()

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """The rule alone, compiled only when a rule before it declines at a place
        (the tokenizer's one joined pattern finds everything else)."""
        return compiled(self.pattern, self.flags)
