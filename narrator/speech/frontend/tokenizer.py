"""Cutting a text into spans of semiotic classes, in one pass.

All the rules of a language are joined into one regular expression (each
rule's groups renamed so they cannot clash), so a text is scanned once
whatever the number of rules: building a long article's script stays fast.
Where a rule declines its match, the rules after it are tried at the same
place; where all decline, the character is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from narrator.speech.frontend.classes import rules_for
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import Span

_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREFERENCE = re.compile(r"\(\?P=(\w+)\)")


def _scoped(rule: Rule, index: int) -> str:
    prefix = f"r{index}_"
    pattern = _GROUP.sub(rf"(?P<{prefix}\1>", rule.pattern)
    pattern = _BACKREFERENCE.sub(rf"(?P={prefix}\1)", pattern)
    if rule.flags & re.IGNORECASE:
        pattern = f"(?i:{pattern})"
    return f"(?P<r{index}>{pattern})"


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    master: re.Pattern[str]


@cache
def grammar(language: Language) -> Grammar:
    rules = rules_for(language)
    master = re.compile("|".join(_scoped(rule, index) for index, rule in enumerate(rules)))
    return Grammar(rules, master)


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
    for rule in grammar.rules[declined + 1 :]:
        match = rule.compiled.match(text, start, end)
        if match is not None and match.end() > start:
            span = _said(rule, Found(match, "", match.start(), match.end()), context)
            if span is not None:
                return span
    return None


def tokenize(text: str, context: Context, start: int = 0, end: int | None = None) -> list[Span]:
    """The spans of every class but prose found in ``text[start:end]``, in order.

    Rules see the text around the piece (a lexicon word before "-releasing"
    leaves a hyphen inside a word, not an option), but match only inside it.
    """
    end = len(text) if end is None else end
    found: list[Span] = []
    rules = grammar(context.language)
    position = start
    while position < end:
        match = rules.master.search(text, position, end)
        if match is None:
            break
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        match_start, match_end = match.span()
        if match_end == match_start:
            position = match_start + 1
            continue
        span = _said(
            rules.rules[index], Found(match, f"r{index}_", match_start, match_end), context
        )
        if span is None:
            span = _next_taker(rules, index, text, match_start, end, context)
        if span is None:
            position = match_start + 1
            continue
        found.append(span)
        position = span.end
    return found
