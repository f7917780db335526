"""Where articles are found: a folder's article files, the articles that ship with
Narrator, and the listener's library of the articles ``narrator add`` imported.
Every command and reader that takes a folder lists it here."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from narrator.content.formats import IMPORTABLE_SUFFIXES
from narrator.content.regular_files import kind_of
from narrator.errors import NarratorError

ARTICLE_SUFFIXES = (".yaml", ".yml")
APP = "narrator"


def data_folder() -> Path:
    """The platform's data folder for Narrator (``$XDG_DATA_HOME/narrator`` on Linux)."""
    return user_data_path(APP)


def library_folder() -> Path:
    """Where ``narrator add`` keeps the articles it imported."""
    return data_folder() / "library"


def library_articles() -> list[Path]:
    """The library: the bundled articles, then the listener's own, each by name."""
    own = library_folder()
    found = [p for p in sorted(bundled_articles().iterdir()) if is_article_file(p)]
    if own.is_dir():
        found += sorted(p for p in own.iterdir() if is_article_file(p))
    return found


def bundled_articles() -> Path:
    """The folder of articles that ships inside the package."""
    from importlib.resources import files  # 2 ms, that opening a named article never needs

    return Path(str(files("narrator.articles")))


def openable(path: Path | None) -> Path:
    """The article or folder to open (the bundled articles when none is named); a
    folder of one article is that article, so it opens as fast as naming it. A
    missing one, a folder with none, or a file to convert first, is the user's
    one-line error."""
    path = path if path is not None else bundled_articles()
    if not path.exists():
        raise NarratorError(f"{path}: no such file or folder")
    kind = kind_of(path.stat().st_mode)
    if kind not in (None, "a folder"):
        raise NarratorError(f"{path} is {kind}, not an article file or a folder")
    if path.is_file() and path.suffix.lower() in IMPORTABLE_SUFFIXES:
        converted = path.with_suffix(".yaml").name
        raise NarratorError(
            f"{path} is not an article yet; add it to your library: narrator add {path} "
            f"(or convert it: narrator import {path} -o {converted})"
        )
    if path.is_dir() and len(articles := articles_in(path)) == 1:
        return articles[0]
    return path


def is_article_file(path: Path) -> bool:
    return path.suffix in ARTICLE_SUFFIXES and path.is_file()


def articles_in(folder: Path) -> list[Path]:
    """The folder's own article files, by name; a folder with none is the user's error."""
    found = sorted(path for path in folder.iterdir() if is_article_file(path))
    if not found:
        raise NarratorError(f"{folder}: no articles (*.yaml) in this folder")
    return found
