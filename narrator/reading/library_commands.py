"""``narrator add``, ``narrator library`` and ``narrator search``: the library from the
command line. Each takes plain values and returns the exit status; what the user
must read goes to stdout (results) or stderr (one line each)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from narrator.content.commands import converted
from narrator.content.formats import IMPORTABLE_SUFFIXES
from narrator.content.library import ARTICLE_SUFFIXES, library_articles, library_folder
from narrator.content.loader import load_article, load_article_text
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.exit_codes import ExitCode
from narrator.reading.library_index import Found, LibraryIndex, place_key
from narrator.reading.library_list import Listed, SortOrder, default_index, library_list
from narrator.reading.store import Store, write_atomically


def add(files: Sequence[Path], index: LibraryIndex | None = None) -> ExitCode:
    """Imports each file into the library (an article file is checked and copied).
    Every file is read and converted before any is written, so one bad file adds
    nothing; adding a file again replaces the article it gave before."""
    folder = library_folder()
    ready: list[tuple[Path, Article, str]] = []
    for file in files:
        suffix = file.suffix.lower()
        if suffix in ARTICLE_SUFFIXES:
            article = load_article(file)
            text = file.read_text(encoding="utf-8")
        elif suffix in IMPORTABLE_SUFFIXES:
            text = converted(file, str(file))
            article = load_article_text(text, str(file))
        else:
            known = ", ".join((*ARTICLE_SUFFIXES, *IMPORTABLE_SUFFIXES))
            raise NarratorError(f"cannot add {file}: the name must end in {known}")
        ready.append((file, article, text))
    taken: set[Path] = set()
    placed = []
    for file, article, text in ready:
        target = _place_for(folder, article, taken)
        taken.add(target)
        placed.append((file, article, text, target))
    for file, article, text, target in placed:
        replaced = target.exists()
        try:
            write_atomically(target, text)
        except OSError as error:
            raise NarratorError(f"cannot write {target}: {error.strerror or error}") from None
        verb = "updated" if replaced else "added"
        print(f"{verb} {article.title} ({file.name}) as {target}", file=sys.stderr)
    (index or default_index()).refresh(library_articles())
    return ExitCode.OK


def _place_for(folder: Path, article: Article, taken: set[Path]) -> Path:
    """``<id>.yaml``; when another article holds that name, ``<id>-2.yaml``…; the same
    article (same title and source) is replaced."""
    number = 1
    while True:
        name = article.id if number == 1 else f"{article.id}-{number}"
        target = folder / f"{name}.yaml"
        if target in taken:
            number += 1
            continue
        if not target.exists():
            return target
        try:
            there = load_article(target)
        except NarratorError:
            return target  # a broken file of ours: the new import mends it
        if there.title == article.title and there.source == article.source:
            return target
        number += 1


def show(order: SortOrder, *, as_json: bool = False, store: Store | None = None) -> ExitCode:
    """``narrator library``: one line per article, as the list says it."""
    store = store or Store()
    rate = store.settings().value.voice.rate
    listed = library_list(store, order=order)
    if as_json:
        print(
            json.dumps([_listed_json(item, rate) for item in listed], ensure_ascii=False, indent=2)
        )
        return ExitCode.OK
    for item in listed:
        print(f"{item.said(rate)}\t{item.entry.path}")
    return ExitCode.OK


def _listed_json(item: Listed, rate: int) -> dict[str, Any]:
    entry = item.entry
    return {
        "title": entry.title,
        "id": entry.article_id,
        "path": str(entry.path),
        "kind": entry.kind.value if entry.kind else None,
        "minutes": item.minutes(rate),
        "percent": item.percent,
        "last_read": item.read,
        "bookmarks": item.bookmarks,
        "problem": entry.problem,
    }


def search(words: Sequence[str], *, as_json: bool = False) -> ExitCode:
    """``narrator search WORDS``: every sentence holding all the words, by article;
    exit 1 when nothing matches."""
    index = default_index()
    paths = library_articles()
    index.refresh(paths)
    found = index.search(" ".join(words), paths)
    if as_json:
        print(json.dumps(found_json(found), ensure_ascii=False, indent=2))
    else:
        print(summary(found))
        for entry, hits in found.by_article():
            print(f"{entry.title} ({entry.path})")
            for hit in hits:
                print(f"  {place_key(hit.place)}\t{' '.join(hit.text.split())}")
    return ExitCode.OK if found.matches else ExitCode.FAILED


def summary(found: Found) -> str:
    """ "12 matches in 3 articles", or "No matches for …"."""
    if not found.matches:
        return f"No matches for {found.query}."
    matches = "1 match" if found.matches == 1 else f"{found.matches} matches"
    articles = "1 article" if found.articles == 1 else f"{found.articles} articles"
    shown = f" (the first {len(found.hits)} listed)" if len(found.hits) < found.matches else ""
    return f"{matches} in {articles}{shown}."


def found_json(found: Found) -> dict[str, Any]:
    return {
        "query": found.query,
        "matches": found.matches,
        "articles": found.articles,
        "results": [
            {
                "title": entry.title,
                "id": entry.article_id,
                "path": str(entry.path),
                "matches": [
                    {
                        "place": place_key(hit.place),
                        "section": hit.place.section,
                        "text": hit.text,
                    }
                    for hit in hits
                ],
            }
            for entry, hits in found.by_article()
        ],
    }
