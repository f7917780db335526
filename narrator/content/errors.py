"""Errors a user may see: each renders as one line that names the place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.nearest import nearest


@dataclass(frozen=True)
class Problem:
    """One mistake in an article file, at a 1-based line and column.

    The message quotes what the file held and the path is whatever the file
    was called; both are made visible when the problem is formed (here, not by
    each builder), so no escape code from a file reaches a terminal.
    """

    path: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}:{self.column}: {self.message}"


class ArticleError(NarratorError):
    """An article could not be loaded; ``problems`` lists every mistake found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid article"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


def unknown_section(article_id: str, section_id: str, known: Sequence[str]) -> NarratorError:
    """The one message for a ``--section`` the article does not have, whichever
    command was given it; ``known`` are the ids a reader can go to (the virtual
    references and glossary sections included), so the user can pick one."""
    guess = nearest(section_id, known)
    hint = f" (did you mean `{guess}`?)" if guess else ""
    return NarratorError(
        f"no section `{section_id}` in {article_id}{hint}; its sections are: {', '.join(known)}"
    )
