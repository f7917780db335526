"""The library: narrator add, the list with its details, and search across articles
through the FTS5 index (incremental, rebuilt when corrupt or old, shared safely)."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from narrator.cli import main
from narrator.content.library import library_articles, library_folder
from narrator.reading.bookmarks import Bookmark
from narrator.reading.library_index import SCHEMA_VERSION, LibraryIndex, fts_query, place_key
from narrator.reading.library_list import Listed, SortOrder, default_index, library_list, when
from narrator.reading.store import ArticleState, Store
from narrator.speech.utterance import Place

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PAGE = FIXTURES / "dosing-page.html"
BOOK = FIXTURES / "small-book-epub3.epub"
REPORT = FIXTURES / "report-pandoc.docx"


def article(folder: Path, name: str, title: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(
        f"id: {name}\ntitle: {title}\nsections:\n  - id: one\n    title: One\n    blocks:\n"
        f"      - paragraph: {text}\n",
        encoding="utf-8",
    )
    return path


def test_add_imports_each_kind_into_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(PAGE), str(BOOK), str(REPORT)]) == 0
    names = sorted(p.name for p in library_folder().iterdir())
    assert names == ["dosing-page.yaml", "report-pandoc.yaml", "small-book-epub3.yaml"]
    err = capsys.readouterr().err
    assert "added Estrogen and Dosing (dosing-page.html) as" in err
    assert main(["add", str(PAGE)]) == 0
    assert "updated Estrogen and Dosing" in capsys.readouterr().err
    assert len(list(library_folder().iterdir())) == 3


def test_add_writes_nothing_when_one_file_is_bad(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(PAGE), str(FIXTURES / "drm.epub")]) == 1
    assert not library_folder().exists() or not list(library_folder().iterdir())
    assert "protected by DRM" in capsys.readouterr().err


def test_two_articles_with_one_id_are_both_kept(tmp_path: Path) -> None:
    assert main(["add", str(article(tmp_path, "notes", "First notes", "One."))]) == 0
    other = tmp_path / "other"
    other.mkdir()
    assert main(["add", str(article(other, "notes", "Other notes", "Two."))]) == 0
    assert sorted(p.name for p in library_folder().iterdir()) == ["notes-2.yaml", "notes.yaml"]


def test_the_list_says_title_kind_minutes_progress_and_bookmarks(tmp_path: Path) -> None:
    assert main(["add", str(PAGE), str(BOOK)]) == 0
    store = Store()
    page = library_folder() / "dosing-page.yaml"
    place = Place("dose-table", 0, 1, 0)
    bookmark = Bookmark("Dose table", place, "2026-01-01T00:00:00+00:00")
    store.save_article("dosing-page", page, ArticleState(progress=place, bookmarks=(bookmark,)))
    listed = library_list(store)
    assert listed[0].entry.title == "Estrogen and Dosing"  # read last: first
    said = listed[0].said(rate=180)
    assert said.startswith("Estrogen and Dosing, web page, 1 minute, ")
    assert said.endswith(" percent, last read today, 1 bookmark")
    assert 0 < (listed[0].percent or 0) < 100
    others = [item.said(180) for item in listed[1:]]
    assert any(s.startswith("A Small Book of Doses, EPUB book, ") for s in others)
    assert all(s.endswith("not started") for s in others)
    titles = [item.entry.title for item in library_list(store, order=SortOrder.TITLE)]
    assert titles == sorted(titles, key=str.casefold)


def test_the_list_says_when_in_words() -> None:
    now = time.mktime((2026, 3, 10, 12, 0, 0, 0, 0, -1))
    day = 24 * 60 * 60
    assert when(now - 60, now) == "today"
    assert when(now - day, now) == "yesterday"
    assert when(now - 3 * day, now) == "3 days ago"
    assert when(now - 30 * day, now) == "on 8 February 2026"


def test_minutes_follow_the_rate() -> None:
    from narrator.reading.library_index import Entry

    item = Listed(Entry(Path("a.yaml"), "a", "A", None, 1800), None, None, 0)
    assert item.minutes(180) == 10
    assert item.minutes(360) == 5


def test_search_counts_matches_and_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(PAGE), str(REPORT)]) == 0
    capsys.readouterr()
    assert main(["search", "twelve", "weeks"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 matches in 1 article."  # the text and the figure, twice
    assert out[1].startswith("Quarterly Dosing Report (")
    assert out[2] == "  summary/0.0.0\tThe report covers twelve weeks.[1]"
    assert main(["search", "estrogen", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["articles"] == 3  # the reference article too
    titles = [result["title"] for result in found["results"]]
    assert "Estrogen and Dosing" in titles
    assert main(["search", "nothingmatchesthis"]) == 1
    assert capsys.readouterr().out == "No matches for nothingmatchesthis.\n"


def test_the_query_is_words_never_fts_syntax() -> None:
    query = fts_query('estro* OR "x" NEAR(a b) -c')
    assert query == '"estro" "OR" "x" "NEAR" "a" "b" "c"*'
    assert fts_query("  ") == ""


def test_the_index_follows_changes_incrementally(tmp_path: Path) -> None:
    index = LibraryIndex(tmp_path / "index.sqlite")
    one = article(tmp_path, "one", "One", "Apples are red.")
    two = article(tmp_path, "two", "Two", "Pears are green.")
    assert [e.title for e in index.refresh([one, two])] == ["One", "Two"]
    assert index.search("apples").matches == 1
    time.sleep(0.01)
    article(tmp_path, "one", "One", "Plums are purple.")
    index.refresh([one, two])
    assert index.search("apples").matches == 0
    assert index.search("plums").hits[0].place == Place("one", 0, 0, 0)
    two.unlink()
    assert [e.title for e in index.refresh([one])] == ["One"]
    assert index.search("pears").matches == 0


def test_a_broken_article_is_listed_with_its_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [\n", encoding="utf-8")
    (entry,) = LibraryIndex(tmp_path / "i.sqlite").refresh([broken])
    assert entry.problem is not None and entry.problem.startswith("line ")


def test_a_corrupt_index_is_rebuilt_and_deleting_it_loses_nothing(tmp_path: Path) -> None:
    index = LibraryIndex(tmp_path / "index.sqlite")
    one = article(tmp_path, "one", "One", "Apples are red.")
    index.refresh([one])
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"index.sqlite{suffix}").unlink(missing_ok=True)
    (tmp_path / "index.sqlite").write_bytes(b"this is not a database" * 200)
    assert index.refresh([one])[0].title == "One"
    assert index.search("apples").matches == 1


def test_an_index_of_an_older_version_is_rebuilt(tmp_path: Path) -> None:
    file = tmp_path / "index.sqlite"
    one = article(tmp_path, "one", "One", "Apples are red.")
    LibraryIndex(file).refresh([one])
    with sqlite3.connect(file) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(SCHEMA_VERSION - 1),))
    assert LibraryIndex(file).search("apples").matches == 0  # rebuilt empty: a cache
    LibraryIndex(file).refresh([one])
    assert LibraryIndex(file).search("apples").matches == 1


def _hammer(folder: str, index_file: str, rounds: int) -> None:
    index = LibraryIndex(Path(index_file))
    paths = sorted(Path(folder).glob("*.yaml"))
    for number in range(rounds):
        path = paths[number % len(paths)]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Fruit", "Fruit", 1), encoding="utf-8")
        index.reindex(path)
        assert index.search("fruit").matches >= 1


def test_two_processes_share_the_index_without_corrupting_it(tmp_path: Path) -> None:
    for number in range(6):
        article(tmp_path, f"a{number}", f"A{number}", f"Fruit number {number}.")
    index_file = tmp_path / "shared.sqlite"
    LibraryIndex(index_file).refresh(sorted(tmp_path.glob("*.yaml")))
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_hammer, args=(str(tmp_path), str(index_file), 15)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    with sqlite3.connect(index_file) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert LibraryIndex(index_file).search("fruit").matches == 6


def test_the_library_holds_the_bundled_articles_and_the_listeners() -> None:
    assert main(["add", str(PAGE)]) == 0
    names = [p.name for p in library_articles()]
    assert names == ["anastrozole-dosing.yaml", "dosing-page.yaml"]
    assert default_index().path.name == "library-index.sqlite"
    hits = default_index().search("balancing").hits  # "balance" too: words in any form
    page = [place_key(h.place) for h in hits if h.entry.title == "Estrogen and Dosing"]
    assert page[0].startswith("dose-table/")
    assert any(h.entry.article_id == "anastrozole-dosing" for h in hits)


def test_an_index_that_cannot_be_written_gives_way_to_a_private_one(tmp_path: Path) -> None:
    one = article(tmp_path, "one", "One", "Apples are red.")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        index = LibraryIndex(locked / "sub" / "index.sqlite")
        if os.access(locked, os.W_OK):  # root writes anywhere: make the file a folder
            index = LibraryIndex(tmp_path)
        assert index.refresh([one])[0].title == "One"
        assert index.search("apples", [one]).matches == 1
        assert index.path.parent == Path(tempfile.gettempdir())
    finally:
        locked.chmod(0o700)
