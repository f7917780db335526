"""Cutting a text into spans of semiotic classes, in one pass.

All the rules of a language are joined into one regular expression (each
rule's groups renamed so they cannot clash), so a text is scanned once
whatever the number of rules. Where a rule declines its match, the rules
after it are tried at the same place; where all decline, the character is
prose.

Most of an article is plain words ("the", "Estrogen,"), where no rule can
start, so the joined expression is tried only inside the other tokens and
at the plain words some rule starts with (a month, "bid", "et" of "et al.").
That makes the scan about ten times faster than trying every character;
``everywhere=True`` is the reference scan it must agree with.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from narrator.speech.frontend.alternation import alternation
from narrator.speech.frontend.classes import rules_for
from narrator.speech.frontend.compiled_patterns import compiled, compiled_all
from narrator.speech.frontend.guard_cache import rules_first_chars
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import Span

_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREFERENCE = re.compile(r"\(\?P=(\w+)\)")


def _scoped(rule: Rule, index: int, first: str | None) -> str:
    # Replaced by functions: a template would be parsed anew for each rule's prefix.
    prefix = f"r{index}_"
    pattern = _GROUP.sub(lambda group: f"(?P<{prefix}{group[1]}>", rule.pattern)
    pattern = _BACKREFERENCE.sub(lambda name: f"(?P={prefix}{name[1]})", pattern)
    if rule.flags & re.IGNORECASE:
        pattern = f"(?i:{pattern})"
    guard = f"(?={first})" if first else ""
    return f"(?P<r{index}>{guard}{pattern})"


# A word no rule starts at unless it is one of the grammar's ``starters``: letters,
# capitalised or not, with closing punctuation but no full stop or colon after it.
_PLAIN = r"(?:[a-z]+|[A-Z][a-z]+)"
_CLOSING = r"[,;!?)\]\"'\u2019\u201d]*"


# Characters that rules treat alike, so one joined expression serves them all. A
# number may begin with a sign or a decimal point: they share the digits' joining,
# the largest, so it is compiled once.
_KINDS = {
    "number": "0123456789-.+\u2212\u2013",
    "upper": string.ascii_uppercase,
    "lower": string.ascii_lowercase,
    "space": " \t\n\r\f\v\u00a0\u2009\u202f",
}
_NEVER = re.compile("(?!)")
MATCH_REACH = 300
"""How far past its start a rule may look. No class is said from more (the
longest are web addresses and paths, and one of 300 characters is already no
sentence); without a bound, a rule failing at every place of a run of hyphens
or dots rescanned the rest of the run each time, and a paragraph of them took
minutes (``scripts/bench.py`` has a row for such a paragraph)."""


_KIND_OF = {char: kind for kind, chars in _KINDS.items() for char in chars}


def _kind(char: str) -> str:
    return _KIND_OF.get(char, char)


@dataclass
class Grammar:
    """A language's rules, joined. Each place is tried with the rules that can begin
    with its character (a digit, a capital, a small letter, a space, or that very
    mark), joined in their order, so a place costs the few rules that may start
    there rather than all of them; each such joining is compiled when first needed."""

    rules: tuple[Rule, ...]
    joined: tuple[str, ...]
    guards: tuple[re.Pattern[str] | None, ...]
    # The tokens worth trying: all but plain words that start no rule.
    tokens: re.Pattern[str]
    _by_kind: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def at(self, char: str) -> re.Pattern[str]:
        """The joined rules that may begin with ``char``."""
        kind = _kind(char)
        pattern = self._by_kind.get(kind)
        if pattern is None:
            chars = _KINDS.get(kind, kind)
            joined = [
                part
                for part, guard in zip(self.joined, self.guards, strict=True)
                if guard is None or any(guard.match(c) for c in chars)
            ]
            pattern = compiled("|".join(joined)) if joined else _NEVER
            self._by_kind[kind] = pattern
        return pattern

    @cached_property
    def master(self) -> re.Pattern[str]:
        """All the rules joined: the reference scan of every character."""
        return re.compile("|".join(self.joined))


def _starters(rules: tuple[Rule, ...], language: Language) -> set[str]:
    """The plain words that some rule may start at."""
    words = {word for rule in rules for word in rule.starts}
    for month in language.months.values():
        words.update(month[:length] for length in range(3, len(month) + 1))
    words.update(language.dosage)
    words.update(entry.written.split()[0] for entry in language.abbreviations)
    return {word.lower() for word in words if re.fullmatch(_PLAIN, word, re.IGNORECASE)}


@cache
def grammar(language: Language) -> Grammar:
    rules = rules_for(language)
    firsts = rules_first_chars(rules)
    joined = tuple(
        _scoped(rule, index, first)
        for index, (rule, first) in enumerate(zip(rules, firsts, strict=True))
    )
    starters = alternation(_starters(rules, language))
    tokens = rf"(?<!\S)(?:(?!{_PLAIN}{_CLOSING}(?!\S))\S+|(?i:{starters}){_CLOSING}(?!\S))"
    # Compiled together: one cache file for them all.
    *compiled_guards, compiled_tokens = compiled_all(
        [(first, 0) for first in firsts if first] + [(tokens, 0)]
    )
    found = iter(compiled_guards)
    guards = tuple(next(found) if first else None for first in firsts)
    return Grammar(rules, joined, guards, compiled_tokens)


def _places(grammar: Grammar, text: str, start: int, end: int) -> Iterator[int]:
    """Every place in ``text[start:end]`` where a rule may start: inside the tokens
    worth trying, at their start (and the space before it, which a rule may take:
    "a \u00bd tablet"), and wherever a letter does not follow a letter nor a digit
    a digit (no rule starts inside a word or a number)."""
    for token in grammar.tokens.finditer(text, start, end):
        first, last = token.span()
        if first > start:
            yield first - 1
        yield first
        for place in range(first + 1, last):
            char, before = text[place], text[place - 1]
            if not (char.isalpha() and before.isalpha()) and not (
                char.isdecimal() and before.isdecimal()
            ):
                yield place


def _said(rule: Rule, found: Found, context: Context) -> Span | None:
    """The span ``rule`` makes of ``found``, or ``None`` if it declines. A rule that
    fails on an input it did not foresee declines too: the text is still said,
    by the next rule or as prose, and reading never stops on it."""
    try:
        said = rule.say(found, context)
    except (ArithmeticError, LookupError, ValueError, TypeError):
        return None
    if said is None:
        return None
    return Span(found.start, found.end, rule.kind, rule.name, found.written, said)


def _next_taker(
    grammar: Grammar, declined: int, text: str, start: int, end: int, context: Context
) -> Span | None:
    """The first rule after the ``declined`` one that matches at ``start`` and takes it."""
    reach = min(end, start + MATCH_REACH)
    for rule in grammar.rules[declined + 1 :]:
        match = rule.compiled.match(text, start, reach)
        if match is not None and match.end() > start:
            span = _said(rule, Found(match, "", match.start(), match.end()), context)
            if span is not None:
                return span
    return None


def _matches(
    grammar: Grammar, text: str, start: int, end: int, everywhere: bool
) -> Iterator[re.Match[str]]:
    """The joined expression's matches from left to right, tried where a rule may start."""
    if everywhere:
        position = start
        while (match := grammar.master.search(text, position, end)) is not None:
            yield match
            position = match.start() + 1
        return
    for place in _places(grammar, text, start, end):
        match = grammar.at(text[place]).match(text, place, min(end, place + MATCH_REACH))
        if match is not None:
            yield match


def tokenize(
    text: str, context: Context, start: int = 0, end: int | None = None, everywhere: bool = False
) -> list[Span]:
    """The spans of every class but prose found in ``text[start:end]``, in order.

    Rules see the text around the piece (a lexicon word before "-releasing"
    leaves a hyphen inside a word, not an option), but match only inside it.
    """
    end = len(text) if end is None else end
    found: list[Span] = []
    rules = grammar(context.language)
    position = start
    for match in _matches(rules, text, start, end, everywhere):
        match_start, match_end = match.span()
        if match_start < position or match_end == match_start:
            continue
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        found_here = Found(match, f"r{index}_", match_start, match_end)
        span = _said(rules.rules[index], found_here, context)
        if span is None:
            span = _next_taker(rules, index, text, match_start, end, context)
        if span is not None:
            found.append(span)
            position = span.end
    return found
