"""The library's index: every article's title, kind and length, and every sentence a
listener hears, searchable across articles with SQLite's FTS5.

The index is a cache: deleting it loses nothing, as it is rebuilt from the
articles. It is brought up to date incrementally (a file's size and change time
say whether it changed; only the changed ones are read again), rebuilt whole when
it is corrupt or was written by an older Narrator, and shared safely between
Narrator processes through SQLite's own WAL mode and locking: each article is
replaced in one transaction, so a reader sees the old article or the new one.

A sentence is indexed with its place in the article (the reader opens there)
and with how far into the article it is, the same percent the reader's status
line shows, so the library can say how far a listener got without loading it.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from narrator.content.errors import ArticleError
from narrator.content.loader import load_article
from narrator.content.model import Article, SourceKind
from narrator.errors import NarratorError
from narrator.reading.cursor import Cursor
from narrator.speech.settings import Verbosity
from narrator.speech.utterance import Place, Role

SCHEMA_VERSION = 3
INDEX_FILE = "library-index.sqlite"
BUSY_SECONDS = 10.0
MAX_HITS = 200
"""The sentences a search lists; the counts are of every match."""
FEW_ARTICLES = 20
SHIFT = 20
"""A sentence's number holds its article's number above these bits, so a search counts
matches per article from the full-text index alone, without reading one sentence."""
_NOT_TEXT = frozenset({Role.ANNOUNCEMENT})
_TOKEN = re.compile(r"\w+")
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE article(
    number INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    changed INTEGER NOT NULL,
    size INTEGER NOT NULL,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT,
    words INTEGER NOT NULL,
    problem TEXT
);
CREATE TABLE sentence(
    number INTEGER PRIMARY KEY, -- the article's number, shifted by SHIFT, plus the sentence's
    article INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
    place TEXT NOT NULL,
    percent INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sentence_place ON sentence(article, place);
CREATE VIRTUAL TABLE sentence_text USING fts5(
    text,
    content='sentence',
    content_rowid='number',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentence_added AFTER INSERT ON sentence BEGIN
    INSERT INTO sentence_text(rowid, text) VALUES (new.number, new.text);
END;
CREATE TRIGGER sentence_removed AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_text(sentence_text, rowid, text) VALUES ('delete', old.number, old.text);
END;
"""


@dataclass(frozen=True)
class Entry:
    """An article as the library lists it; ``problem`` says why one cannot be opened."""

    path: Path
    article_id: str
    title: str
    kind: SourceKind | None
    words: int
    problem: str | None = None


@dataclass(frozen=True)
class Hit:
    """A sentence that matched, and where it is."""

    entry: Entry
    place: Place
    text: str


@dataclass(frozen=True)
class Found:
    """What a search found: ``matches`` sentences in ``articles`` articles, of which
    ``hits`` lists the first ``MAX_HITS`` by article."""

    query: str
    matches: int
    articles: int
    hits: tuple[Hit, ...]

    def by_article(self) -> list[tuple[Entry, list[Hit]]]:
        grouped: dict[Path, tuple[Entry, list[Hit]]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.entry.path, (hit.entry, []))[1].append(hit)
        return list(grouped.values())


def place_key(place: Place) -> str:
    """``section/block.item.sentence``, as ``narrator script`` writes a place."""
    return f"{place.section}/{place.block}.{place.item}.{place.sentence}"


def parse_place(key: str) -> Place:
    section, _, numbers = key.rpartition("/")
    block, item, sentence = (int(n) for n in numbers.split("."))
    return Place(section, block, item, sentence)


def fts_query(words: str) -> str:
    """The listener's words as an FTS5 query: every word must occur (in any of its
    English forms: "doses" finds "dose"), the last one as the start of a word, as a
    search box finds while typing ("bone estro" finds "bone estrogen"); FTS5's own
    syntax is never exposed."""
    tokens = [f'"{token}"' for token in _TOKEN.findall(words)]
    if tokens:
        tokens[-1] += "*"
    return " ".join(tokens)


class LibraryIndex:
    """The index file at ``path``; every method opens, uses and closes a connection,
    so one object can serve any thread, and two processes share the file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    # ------------------------------------------------------------ connection

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection to a usable index: a damaged file is rebuilt; one that cannot
        be written at all (a read-only or full disk) gives way to a private one in the
        temporary folder, as the index is only a cache."""
        try:
            db = self._open()
        except sqlite3.OperationalError:
            db = self._elsewhere()
        except sqlite3.DatabaseError:
            self._discard()
            db = self._open()
        except OSError:
            db = self._elsewhere()
        try:
            yield db
        finally:
            db.close()

    def _elsewhere(self) -> sqlite3.Connection:
        fallback = Path(tempfile.gettempdir()) / f"narrator-{getpass.getuser()}-{INDEX_FILE}"
        if self.path == fallback:
            raise NarratorError(f"the library's index cannot be written, here or in {fallback}")
        self.path = fallback
        try:
            return self._open()
        except sqlite3.DatabaseError:
            self._discard()
            return self._open()

    def _open(self) -> sqlite3.Connection:
        """A connection to a usable index: one that is corrupt or of another version
        is rebuilt (it is only a cache)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=NORMAL")
            version = self._version(db)
            if version is None:
                self._create(db)
            elif version != SCHEMA_VERSION:  # an older Narrator's: start afresh
                db.close()
                self._discard()
                return self._open()
            else:
                db.execute("SELECT count(*) FROM sentence_text WHERE sentence_text MATCH 'x'")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def _version(db: sqlite3.Connection) -> int | None:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return None
            raise
        return int(row[0]) if row and str(row[0]).isdigit() else None

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            if self._version(db) == SCHEMA_VERSION:  # another process just made it
                db.execute("COMMIT")
                return
            for statement in _statements(_SCHEMA):
                db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                self.path.with_name(self.path.name + suffix).unlink()

    # ---------------------------------------------------------------- update

    def refresh(self, paths: Sequence[Path]) -> list[Entry]:
        """Brings the index up to date with ``paths`` (reading only the articles added
        or changed since, forgetting the ones gone from their folders) and returns
        their entries in order."""
        wanted = {}
        for path in paths:
            with contextlib.suppress(OSError):
                stat = path.stat()
                wanted[_key(path)] = (path, stat.st_mtime_ns, stat.st_size)
        with self._connection() as db:
            known = {
                row[0]: (row[1], row[2])
                for row in db.execute("SELECT path, changed, size FROM article")
            }
            folders = {str(Path(key).parent) for key in wanted}
            for gone in known.keys() - wanted.keys():
                if str(Path(gone).parent) in folders:  # removed from a folder listed
                    db.execute("DELETE FROM article WHERE path = ?", (gone,))
            for key, (path, changed, size) in wanted.items():
                if known.get(key) != (changed, size):
                    self._store(db, key, path, changed, size)
            entries = {entry.path: entry for entry in self._entries(db, list(wanted))}
        return [entries[Path(key)] for key in wanted if Path(key) in entries]

    def reindex(self, path: Path) -> None:
        """Reads one article again (it changed) and replaces it in the index."""
        stat = path.stat()
        with self._connection() as db:
            self._store(db, _key(path), path, stat.st_mtime_ns, stat.st_size)

    def _store(self, db: sqlite3.Connection, key: str, path: Path, changed: int, size: int) -> None:
        """Replaces one article in one transaction (the article is read before it)."""
        problem = None
        sentences: list[tuple[str, int, str]] = []
        try:
            article = load_article(path)
        except NarratorError as error:
            article = None
            problem = problem_of(error)
        words = 0
        if article is not None:
            sentences, words = _sentences(article)
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM article WHERE path = ?", (key,))
            cursor = db.execute(
                "INSERT INTO article(path, changed, size, id, title, kind, words, problem) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    changed,
                    size,
                    article.id if article else path.stem,
                    article.title if article else path.name,
                    _kind(article),
                    words,
                    problem,
                ),
            )
            number = cursor.lastrowid
            first = (number or 0) << SHIFT
            db.executemany(
                "INSERT INTO sentence(number, article, place, percent, text) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (first + ordinal, number, place, percent, text)
                    for ordinal, (place, percent, text) in enumerate(sentences)
                ],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # ---------------------------------------------------------------- read

    def _entries(self, db: sqlite3.Connection, keys: list[str]) -> list[Entry]:
        rows = db.execute("SELECT path, id, title, kind, words, problem FROM article").fetchall()
        wanted = set(keys)
        return [_entry(row) for row in rows if row[0] in wanted]

    def percent(self, path: Path, place: Place) -> int | None:
        """How far into the article ``place`` is, as the reader says it; None if unknown."""
        with self._connection() as db:
            return self._percent(db, path, place)

    def percents(self, places: Sequence[tuple[Path, Place]]) -> list[int | None]:
        with self._connection() as db:
            return [self._percent(db, path, place) for path, place in places]

    @staticmethod
    def _percent(db: sqlite3.Connection, path: Path, place: Place) -> int | None:
        row = db.execute(
            "SELECT s.percent FROM sentence s JOIN article a ON a.number = s.article "
            "WHERE a.path = ? AND s.place = ?",
            (_key(path), place_key(place)),
        ).fetchone()
        if row is None:  # a place made under another verbosity: its section's start
            row = db.execute(
                "SELECT s.percent FROM sentence s JOIN article a ON a.number = s.article "
                "WHERE a.path = ? AND s.place LIKE ? ORDER BY s.number LIMIT 1",
                (_key(path), f"{place.section}/%"),
            ).fetchone()
        return int(row[0]) if row else None

    def search(self, words: str, paths: Sequence[Path] | None = None) -> Found:
        """The sentences holding every word, by article (most matches first), in
        reading order inside each; only articles in ``paths`` when given."""
        query = fts_query(words)
        if not query:
            return Found(words, 0, 0, ())
        allowed = {_key(path) for path in paths} if paths is not None else None
        with self._connection() as db:
            counts = dict(
                db.execute(
                    f"SELECT rowid >> {SHIFT}, count(*) FROM sentence_text "
                    "WHERE sentence_text MATCH ? GROUP BY 1",
                    (query,),
                ).fetchall()
            )
            rows_of = {
                row[0]: row[1:]
                for row in db.execute(
                    "SELECT number, path, id, title, kind, words, problem FROM article "
                    f"WHERE number IN ({','.join('?' * len(counts))})",
                    list(counts),
                )
            }
            counted = {
                number: count
                for number, count in counts.items()
                if number in rows_of and (allowed is None or rows_of[number][0] in allowed)
            }
            order = sorted(counted, key=lambda n: (-counted[n], str(rows_of[n][2]).casefold()))
            listed, enough = [], 0
            for number in order:  # the articles whose matches fill the list
                if enough >= MAX_HITS:
                    break
                listed.append(number)
                enough += counted[number]
            shown = _matching(db, query, listed)[:MAX_HITS]
            rows = {
                row[0]: row[1:]
                for row in db.execute(
                    "SELECT number, place, text FROM sentence "
                    f"WHERE number IN ({','.join('?' * len(shown))})",
                    shown,
                )
            }
        articles = {n >> SHIFT: _entry(rows_of[n >> SHIFT]) for n in shown}
        hits = tuple(
            Hit(articles[n >> SHIFT], parse_place(rows[n][0]), rows[n][1])
            for n in shown
            if n in rows
        )
        return Found(words, sum(counted.values()), len(counted), hits)


def _matching(db: sqlite3.Connection, query: str, articles: list[int]) -> list[int]:
    """The matching sentences of ``articles``, article by article in that order: a few
    articles are asked one by one, by their range of numbers; many in one pass (then
    each has few matches)."""
    if len(articles) <= FEW_ARTICLES:
        found: list[int] = []
        for number in articles:
            found += [
                row[0]
                for row in db.execute(
                    "SELECT rowid FROM sentence_text WHERE sentence_text MATCH ? "
                    "AND rowid >= ? AND rowid < ? ORDER BY rowid LIMIT ?",
                    (query, number << SHIFT, (number + 1) << SHIFT, MAX_HITS),
                )
            ]
        return found
    rank = {number: place for place, number in enumerate(articles)}
    every = db.execute("SELECT rowid FROM sentence_text WHERE sentence_text MATCH ?", (query,))
    wanted = (row[0] for row in every if row[0] >> SHIFT in rank)
    return sorted(wanted, key=lambda n: (rank[n >> SHIFT], n))


def _key(path: Path) -> str:
    """How the index names a file: its absolute path (no look-ups on the disk)."""
    return os.path.abspath(path)


def _sentences(article: Article) -> tuple[list[tuple[str, int, str]], int]:
    """Every sentence heard in the article with its place and percent, and the number
    of words said (the article's length in time)."""
    cursor = Cursor.for_article(article, Verbosity())
    rows = []
    words = 0
    for number, utterance in enumerate(cursor.utterances):
        words += len(utterance.spoken.split())
        if utterance.place is None or utterance.role in _NOT_TEXT:
            continue
        rows.append((place_key(utterance.place), cursor.progress.percent(number), utterance.text))
    return rows, words


def _statements(script: str) -> Iterator[str]:
    """The script's statements one by one (``executescript`` would commit on its own)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


def _kind(article: Article | None) -> str | None:
    if article is None or article.source is None or article.source.kind is None:
        return None
    return article.source.kind.value


def _entry(row: Sequence[object]) -> Entry:
    path, article_id, title, kind, words, problem = row
    return Entry(
        path=Path(str(path)),
        article_id=str(article_id),
        title=str(title),
        kind=SourceKind(kind) if kind else None,
        words=int(str(words)),
        problem=str(problem) if problem else None,
    )


def problem_of(error: NarratorError) -> str:
    """Why an article cannot be opened, without its path (the list names the file)."""
    if isinstance(error, ArticleError) and error.problems:
        first = error.problems[0]
        more = len(error.problems) - 1
        return f"line {first.line}, column {first.column}: {first.message}" + (
            f" (and {more} more)" if more else ""
        )
    return str(error)
