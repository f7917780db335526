"""How particular words are said, overriding every other spoken-form rule.

Synthesizers mispronounce drug names and jargon (espeak-ng says Anastrozole
wrong), and no rule can guess them, so the article's ``pronunciations`` and
the user's own lexicon file map a word to a respelling the synthesizer gets
right. The user's file wins: it is the listener's ear that is the judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

import yaml

from narrator.content.folding import fold, folded
from narrator.content.limits import MAX_BYTES, describe_character
from narrator.content.regular_files import TooLarge, read_regular
from narrator.controls import CONTROL
from narrator.errors import NarratorError


def _frozen(entries: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({fold(word): said for word, said in entries.items()})


_MARK = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining marks: a word followed by one ("e" + acute) is another word."""


@dataclass(frozen=True)
class Lexicon:
    """Words (matched whole, folded by the one rule of ``narrator.content.folding``)
    and how to say them."""

    entries: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", _frozen(self.entries))

    def __hash__(self) -> int:
        return hash(frozenset(self.entries.items()))

    def merged(self, overrides: Lexicon | None) -> Lexicon:
        """This lexicon with ``overrides``' entries winning where both have a word."""
        if overrides is None or not overrides.entries:
            return self
        return Lexicon({**self.entries, **overrides.entries})

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        words = sorted(self.entries, key=len, reverse=True)
        alternatives = "|".join(re.escape(word) for word in words)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?![\w{_MARK}])")

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Where each lexicon word stands in ``text``: ``(start, end, respelling)``."""
        pattern = self._pattern
        if pattern is None:
            return
        searched = folded(text)
        for match in pattern.finditer(searched.text):
            start, end = searched.span(match.start(), match.end())
            yield start, end, self.entries[match.group()]


EMPTY = Lexicon()


def _problem(path: Path, line: int, message: str) -> NarratorError:
    return NarratorError(f"{path}:{line}: {message}")


def load_lexicon(path: Path) -> Lexicon:
    """The user's lexicon file: a YAML mapping ``word: respelling``.

    Any mistake is one ``path:line: message`` error, so a listener who edits
    the file by hand learns exactly which line to fix.
    """
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise _problem(path, 1, "the lexicon is not UTF-8 text") from None
    except TooLarge as error:
        raise NarratorError(f"{path}: the lexicon is {error.size} bytes; far too large") from None
    except OSError as error:
        raise NarratorError(f"{path}: cannot read the lexicon: {error.strerror}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise _problem(path, line, f"not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise _problem(path, 1, f"not valid YAML: {error}") from None
    if root is None:
        return EMPTY
    if not isinstance(root, yaml.MappingNode):
        raise _problem(path, root.start_mark.line + 1, "expected lines of `word: respelling`")
    entries: dict[str, str] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not str(key.value).strip():
            raise _problem(path, line, "a word must be plain text")
        if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            raise _problem(path, line, f"`{key.value}` needs a respelling as plain text")
        control = CONTROL.search(f"{key.value}{value.value}")
        if control:
            character = describe_character(control.group())
            raise _problem(path, line, f"`{key.value}` holds the control character {character}")
        entries[str(key.value).strip()] = str(value.value).strip()
    return Lexicon(entries)


def load_listener_lexicon(path: Path) -> tuple[Lexicon | None, str | None]:
    """The listener's standing lexicon (in their config folder), read so that reading
    always goes on: no file means no lexicon; a broken file is left unused and the
    one-line notice says which line to fix."""
    if not path.exists():
        return None, None
    try:
        return load_lexicon(path), None
    except NarratorError as error:
        return None, f"Your lexicon is not used: {error}"
