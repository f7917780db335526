"""The characters a rule's match can begin with, read from its own pattern.

The tokenizer's joined grammar tries its rules one after another at every
place it looks; a rule guarded by a one-character lookahead of the
characters it can begin with fails at once where it cannot match, so the
hundred rules cost little more than the few that can start there. The set
is read from Python's own parse of the pattern and errs on the side of
"any character": a guard may let a rule try where it then fails, never
keep it from a place where it would match.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _constants as sre
    from re import _parser
except ImportError:  # Python 3.10 keeps them under their old names
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ANY = None
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_SPACE: r"\s",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = tuple(
    getattr(sre, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre, name)
)


def _literal(code: int, ignore_case: bool) -> set[str]:
    char = chr(code)
    if ignore_case:
        return {re.escape(char.lower()), re.escape(char.upper())}
    return {re.escape(char)}


# A negated class excluding every character of the other kind of a category ("[^\W_]",
# "[^\W\d_]") holds only characters of that category: a word character, say.
_NEGATED = {
    sre.CATEGORY_NOT_WORD: r"\w",
    sre.CATEGORY_NOT_DIGIT: r"\d",
    sre.CATEGORY_NOT_SPACE: r"\s",
}


def _in(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    if items and items[0][0] is sre.NEGATE:
        within = [
            _NEGATED[value] for op, value in items if op is sre.CATEGORY and value in _NEGATED
        ]
        return set(within[:1]) or _ANY
    parts: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            parts |= _literal(value, ignore_case)
        elif op is sre.RANGE:
            low, high = value
            parts.add(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
            if ignore_case:
                parts.add(f"{re.escape(chr(low)).upper()}-{re.escape(chr(high)).upper()}")
                parts.add(f"{re.escape(chr(low)).lower()}-{re.escape(chr(high)).lower()}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            parts.add(_CATEGORIES[value])
        else:
            return _ANY
    return parts


def _first(items: Any, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items, and whether it can be empty."""
    found: set[str] = set()
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return found | _literal(value, ignore_case), False
        if op is sre.IN:
            chars = _in(value, ignore_case)
            return (None if chars is None else found | chars), False
        if op is sre.SUBPATTERN:
            _, add_flags, _, body = value
            chars, empty = _first(body, ignore_case or bool(add_flags & re.IGNORECASE))
        elif op is sre.BRANCH:
            chars, empty = set(), False
            for alternative in value[1]:
                branch, branch_empty = _first(alternative, ignore_case)
                if branch is None:
                    return _ANY, False
                chars |= branch
                empty = empty or branch_empty
        elif op in _REPEATS:
            low, _, body = value
            chars, empty = _first(body, ignore_case)
            empty = empty or low == 0
        elif hasattr(sre, "ATOMIC_GROUP") and op is sre.ATOMIC_GROUP:
            chars, empty = _first(value, ignore_case)
        else:
            return _ANY, False
        if chars is None:
            return _ANY, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[...]``) holding every character a match of ``pattern``
    can begin with, or ``None`` where it could begin with any."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    chars, empty = _first(parsed.data, bool(flags & re.IGNORECASE))
    if chars is None or empty or not chars:
        return None
    return "[" + "".join(sorted(chars)) + "]"
