"""The "did you mean" of every message: the name nearest to one mistyped."""

from __future__ import annotations

from collections.abc import Sequence


def nearest(word: str, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    """``word`` if it is one of ``choices``, else the closest of them (difflib's ratio at
    least ``cutoff``), or None."""
    if word in choices:
        return word
    import difflib  # only for a mistake: every start loads an article, mistakes are rare

    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return close[0] if close else None
