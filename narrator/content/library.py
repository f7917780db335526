"""Where articles are found: a folder's article files, and the articles that ship
with Narrator. Every command and reader that takes a folder lists it here."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from narrator.content.regular_files import kind_of
from narrator.errors import NarratorError

ARTICLE_SUFFIXES = (".yaml", ".yml")


def bundled_articles() -> Path:
    """The folder of articles that ships inside the package."""
    return Path(str(files("narrator.articles")))


def openable(path: Path | None) -> Path:
    """The article or folder to open (the bundled articles when none is named); a
    missing one, or a file to convert first, is the user's one-line error."""
    from narrator.content.importers import MARKDOWN_SUFFIXES, PAGE_TEXT_SUFFIXES

    path = path if path is not None else bundled_articles()
    if not path.exists():
        raise NarratorError(f"{path}: no such file or folder")
    kind = kind_of(path.stat().st_mode)
    if kind not in (None, "a folder"):
        raise NarratorError(f"{path} is {kind}, not an article file or a folder")
    if path.is_file() and path.suffix.lower() in MARKDOWN_SUFFIXES + PAGE_TEXT_SUFFIXES:
        converted = path.with_suffix(".yaml").name
        raise NarratorError(
            f"{path} is not an article yet; convert it first: narrator import {path} -o {converted}"
        )
    return path


def is_article_file(path: Path) -> bool:
    return path.suffix in ARTICLE_SUFFIXES and path.is_file()


def articles_in(folder: Path) -> list[Path]:
    """The folder's own article files, by name; a folder with none is the user's error."""
    found = sorted(path for path in folder.iterdir() if is_article_file(path))
    if not found:
        raise NarratorError(f"{folder}: no articles (*.yaml) in this folder")
    return found
