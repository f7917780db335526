"""One regular expression for many words, as a trie: "mg|mcg|mL" becomes "m(?:g|cg|L)".

Python's regular expressions try the alternatives of "a|b|c" one by one and
compile each on its own; the units, currencies and abbreviations tables hold
hundreds of entries, so a flat alternation made the joined grammar slow to
compile (the first sentence waited for it) and slow to scan. A trie shares
every prefix, and still prefers the longest entry where one is the prefix of
another ("mmHg" before "mm").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _trie(words: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def _pattern(node: dict[str, dict]) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    # Longer branches first, so that "mmHg" is tried before "mm".
    branches.sort(key=len, reverse=True)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, the longest where several match."""
    unique = {word for word in words if word}
    if not unique:
        return "(?!)"
    return f"(?:{_pattern(_trie(unique))})"
