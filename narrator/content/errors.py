"""Errors a user may see: each renders as one line that names the place."""

from __future__ import annotations

from dataclasses import dataclass


class NarratorError(Exception):
    """A problem to report to the user in one line, never as a traceback."""


@dataclass(frozen=True)
class Problem:
    """One mistake in an article file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ArticleError(NarratorError):
    """An article could not be loaded; ``problems`` lists every mistake found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid article"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
