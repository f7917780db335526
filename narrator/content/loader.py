"""Loading articles: the one way every part of Narrator gets an Article.

Problems are gathered, not raised one by one, so a writer fixes a file in
one pass; any input at all gives an Article or an ArticleError.
"""

from __future__ import annotations

from pathlib import Path

from narrator.content.build import Builder
from narrator.content.errors import ArticleError, Problem
from narrator.content.limits import MAX_BYTES
from narrator.content.model import Article
from narrator.content.regular_files import TooLarge, read_regular
from narrator.content.yamlnodes import alias_problems, collector_paused, compose, decode, too_large


def load_article(path: Path) -> Article:
    return load_article_text(read_limited(path), str(path))


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing before reading what is too large to be an article
    and, without waiting on it, anything that is not a regular file."""
    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge as error:
        raise too_large(str(path), error.size) from None
    except OSError as error:
        raise ArticleError(
            [Problem(str(path), 1, 1, f"cannot read the file: {error.strerror or error}")]
        ) from None


def load_article_text(text: str | bytes, name: str) -> Article:
    """The article in ``text``; ``name`` is the path that problems will show."""
    source = decode(text, name)
    builder = Builder(name)
    with collector_paused():
        article = builder.article(compose(source, name))
    builder.problems.extend(alias_problems(source, name))
    if article is None or builder.problems:
        raise ArticleError(sorted(builder.problems, key=lambda p: (p.line, p.column)))
    return article
