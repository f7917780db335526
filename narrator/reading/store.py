"""What Narrator remembers between runs: settings, and per article the place and bookmarks.

Two promises shape this module. Killing Narrator at any moment never
corrupts a file: every write goes to a temporary file in the same folder,
is flushed to disk, then atomically replaces the old one. And a file that
cannot be read never stops Narrator nor vanishes: it is renamed aside
(``NAME.corrupt-TIMESTAMP``), the caller gets a one-line notice to show and
say, and defaults are used. A file that can be neither read nor moved is
never overwritten. The listener's lexicon is the exception: they write it
by hand, so a broken one stays where it is, unused, and is only reported.

Settings and the listener's lexicon live in the platform's config folder,
reading state in its state folder (``platformdirs`` honours ``XDG_CONFIG_HOME``
and ``XDG_STATE_HOME``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Generic, TypeVar

from platformdirs import user_config_path, user_state_path

from narrator.content.limits import MAX_BYTES
from narrator.content.regular_files import TooLarge, read_regular
from narrator.controls import visible
from narrator.reading.bookmarks import Bookmark
from narrator.reading.voice_choice import for_this_run
from narrator.speech.lexicon import Lexicon, load_listener_lexicon
from narrator.speech.settings import (
    Announcements,
    FigureVerbosity,
    Footnotes,
    Punctuation,
    SoundCues,
    Verbosity,
    VoiceSettings,
    verbosity_for_this_run,
)
from narrator.speech.utterance import Place

APP = "narrator"
LEXICON_FILE = "lexicon.yaml"
VERSION = 1
STALE_SECONDS = 60
T = TypeVar("T")
E = TypeVar("E", bound=Enum)
R = TypeVar("R")


@dataclass(frozen=True)
class Settings:
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    verbosity: Verbosity = field(default_factory=Verbosity)
    high_contrast: bool = False

    def for_this_run(
        self,
        *,
        rate: int | None = None,
        voice_id: str | None = None,
        punctuation: str | None = None,
        figures: str | None = None,
    ) -> Settings:
        """These settings with the command line's options over them, for this run only:
        the store never saves them (``Store.remember`` saves only what the listener changes)."""
        return dataclasses.replace(
            self,
            voice=for_this_run(self.voice, rate=rate, voice_id=voice_id),
            verbosity=verbosity_for_this_run(
                self.verbosity, punctuation=punctuation, figures=figures
            ),
        )


@dataclass(frozen=True)
class ArticleState:
    """Where the listener stopped in one article, and their bookmarks in it."""

    progress: Place | None = None
    bookmarks: tuple[Bookmark, ...] = ()


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """A loaded value; ``notice`` is one line for the user when a file could not be used."""

    value: T
    notice: str | None = None

    def __post_init__(self) -> None:
        """The notice names a file and quotes why it failed: shown, never obeyed."""
        if self.notice is not None:
            object.__setattr__(self, "notice", visible(self.notice))


class _Unusable(ValueError):
    """A state file's content is not what Narrator writes; the message says what is wrong."""


# How a type is named when a field holds the wrong one.
_KINDS = {int: "a whole number", str: "text", float: "a number", bool: "true or false"}


# ------------------------------------------------------------------ files


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)
    _sweep_leftovers(path)


def _sweep_leftovers(path: Path) -> None:
    """Remove temporary files a killed Narrator left behind (old enough that no
    running writer can still own them)."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be opened."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _set_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    path.rename(target)
    return target


# ---------------------------------------------------------------- parsing


_REQUIRED: Any = object()


def _field(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    """``data[key]`` if it has the type Narrator writes there; ``default`` when absent."""
    if key not in data:
        if default is _REQUIRED:
            raise _Unusable(f"{key} is missing")
        return default
    value = data[key]
    if value is None and default is None:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) is not (bool in kinds) or not isinstance(value, kind):
        raise _Unusable(f"{key} should be {_KINDS[kinds[-1]]}")
    return value


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Unusable(f"{what} should be a JSON object")
    return value


def _choice(data: Mapping[str, Any], key: str, kind: type[E], default: E) -> E:
    """``data[key]`` as one of the ``kind`` enum's values."""
    try:
        return kind(data.get(key, default))
    except ValueError:
        named = ", ".join(str(member.value) for member in kind)
        raise _Unusable(f"{key} should be one of {named}") from None


def _reason(error: Exception, text: str | None) -> str:
    """Why a file could not be read, precisely: a listener may want to fix it by hand."""
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    if isinstance(error, TooLarge):
        return f"{error}, far more than Narrator ever writes"
    if text is None:
        return "it is not text"
    if not text.strip():
        return "the file is empty"
    if isinstance(error, json.JSONDecodeError):
        if error.pos >= len(text.rstrip()):
            return "the file ends too soon, as if cut short"
        return f"it is not JSON (line {error.lineno}, column {error.colno})"
    return str(error)


def _settings(data: Mapping[str, Any]) -> Settings:
    default_voice, default_verbosity = VoiceSettings(), Verbosity()
    voice = _mapping(data.get("voice", {}), "voice")
    verbosity = _mapping(data.get("verbosity", {}), "verbosity")
    rate = _field(voice, "rate", int, default_voice.rate)
    pitch = _field(voice, "pitch", int, default_voice.pitch)
    volume = _field(voice, "volume", (int, float), default_voice.volume)
    punctuation = _choice(verbosity, "punctuation", Punctuation, default_verbosity.punctuation)
    figures = _choice(verbosity, "figures", FigureVerbosity, default_verbosity.figures)
    footnotes = _choice(verbosity, "footnotes", Footnotes, default_verbosity.footnotes)
    said = _mapping(verbosity.get("announcements", {}), "announcements")
    announcements = Announcements(
        **{
            entry.name: _field(said, entry.name, bool, entry.default)
            for entry in dataclasses.fields(Announcements)
        }
    )
    high_contrast = _field(data, "high_contrast", bool, False)
    return Settings(
        VoiceSettings(
            voice=_field(voice, "voice", str, default_voice.voice),
            rate=rate,
            pitch=pitch,
            volume=float(volume),
        ).clamped(),
        Verbosity(
            punctuation,
            figures,
            footnotes,
            announcements,
            _choice(verbosity, "cues", SoundCues, default_verbosity.cues),
        ),
        high_contrast,
    )


def _place(data: Any) -> Place:
    data = _mapping(data, "place")
    return Place(
        section=_field(data, "section", str, _REQUIRED),
        block=_field(data, "block", int, -1),
        item=_field(data, "item", int, 0),
        sentence=_field(data, "sentence", int, 0),
    )


def _article_state(data: Mapping[str, Any]) -> ArticleState:
    progress = data.get("progress")
    bookmarks = data.get("bookmarks", [])
    if not isinstance(bookmarks, list):
        raise _Unusable("bookmarks should be a list")
    return ArticleState(
        progress=None if progress is None else _place(progress),
        bookmarks=tuple(_bookmark(_mapping(entry, "bookmark")) for entry in bookmarks),
    )


def _bookmark(data: Mapping[str, Any]) -> Bookmark:
    return Bookmark(
        name=_field(data, "name", str, ""),
        place=_place(data.get("place")),
        created=_field(data, "created", str, ""),
    )


def _settings_json(settings: Settings) -> dict[str, Any]:
    return {
        "version": VERSION,
        "voice": asdict(settings.voice),
        "verbosity": {
            "punctuation": settings.verbosity.punctuation.value,
            "figures": settings.verbosity.figures.value,
            "footnotes": settings.verbosity.footnotes.value,
            "announcements": asdict(settings.verbosity.announcements),
            "cues": settings.verbosity.cues.value,
        },
        "high_contrast": settings.high_contrast,
    }


def _article_json(article_id: str, path: Path | None, state: ArticleState) -> dict[str, Any]:
    return {
        "version": VERSION,
        "id": article_id,
        "path": str(path) if path else None,
        "progress": asdict(state.progress) if state.progress else None,
        "bookmarks": [asdict(bookmark) for bookmark in state.bookmarks],
    }


# ------------------------------------------------------------------ store


def config_folder() -> Path:
    """The platform's config folder for Narrator (``$XDG_CONFIG_HOME/narrator`` on Linux)."""
    return user_config_path(APP)


class Store:
    """Settings and reading state on disk; every method returns instead of raising."""

    def __init__(self, config_dir: Path | None = None, state_dir: Path | None = None) -> None:
        self.config_dir = config_dir or config_folder()
        self.state_dir = state_dir or user_state_path(APP)
        self._untouchable: set[Path] = set()

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def lexicon_path(self) -> Path:
        """The listener's own pronunciations, edited by hand (``word: respelling`` lines)."""
        return self.config_dir / LEXICON_FILE

    def lexicon(self) -> Loaded[Lexicon | None]:
        """The listener's lexicon, never moved nor rewritten: it is theirs to fix."""
        return Loaded(*load_listener_lexicon(self.lexicon_path))

    def article_path(self, article_id: str, path: Path | None) -> Path:
        """One file per article, keyed by its id and where it was opened from: two
        copies of an article in different folders keep separate places."""
        where = str(path.resolve()) if path else ""
        digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:12]
        return self.state_dir / "articles" / f"{article_id}-{digest}.json"

    def last_read(self) -> Path | None:
        """The article file read most recently that is still there (None before any)."""
        folder = self.state_dir / "articles"
        try:
            files = sorted(folder.glob("*.json"), key=_changed_at, reverse=True)
        except OSError:
            return None
        for file in files:
            try:
                where = json.loads(file.read_text(encoding="utf-8")).get("path")
            except (OSError, ValueError, AttributeError):
                continue
            if isinstance(where, str) and Path(where).is_file():
                return Path(where)
        return None

    def never_used(self) -> bool:
        """Nothing was ever saved here: no settings, no reading place (a newcomer)."""
        return not self.settings_path.exists() and not (self.state_dir / "articles").exists()

    def settings(self) -> Loaded[Settings]:
        return self._load(
            self.settings_path, _settings, Settings(), "settings", "the default settings are used"
        )

    def save_settings(self, settings: Settings) -> str | None:
        """None when saved, else one line saying why the settings were not saved."""
        return self._save(self.settings_path, _settings_json(settings), "settings")

    def remember(self, before: Settings, after: Settings) -> str | None:
        """Save what the listener just changed (``before`` → ``after``) on top of the saved
        settings, so that options given for one run (``--rate``, ``--punctuation``…) never
        become the saved ones. None when saved, else one line saying why not."""
        return self.save_settings(_changed(self.settings().value, before, after))

    def article(self, article_id: str, path: Path | None) -> Loaded[ArticleState]:
        return self._load(
            self.article_path(article_id, path),
            _article_state,
            ArticleState(),
            "reading place",
            "reading starts at the beginning, without bookmarks",
        )

    def save_article(
        self,
        article_id: str,
        path: Path | None,
        state: ArticleState,
        since: tuple[Bookmark, ...] | None = None,
    ) -> str | None:
        """Save the place and bookmarks; None, or one line saying why they were not.

        ``since``: the bookmarks this reader last loaded or saved. Only the ones it
        added or removed since then are changed in what is saved now, so that
        bookmarks another Narrator made in the same article meanwhile are kept
        (without ``since``, the saved bookmarks are ``state``'s).
        """
        where = self.article_path(article_id, path)
        saved = self._saved_bookmarks(where) if since is not None else None
        if since is not None and saved is not None:
            bookmarks = merged_bookmarks(saved, since, state.bookmarks)
            state = dataclasses.replace(state, bookmarks=bookmarks)
        return self._save(where, _article_json(article_id, path, state), "reading place")

    def _saved_bookmarks(self, path: Path) -> tuple[Bookmark, ...] | None:
        """The bookmarks saved in ``path`` now, or None if they cannot be read (the
        save then goes on with this reader's; the reading place says why, if it fails)."""
        if path in self._untouchable:
            return None
        try:
            data = json.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
            return _article_state(_mapping(data, "reading place")).bookmarks
        except FileNotFoundError:
            return ()
        except (OSError, ValueError):
            return None

    def _load(
        self,
        path: Path,
        parse: Callable[[Mapping[str, Any]], T],
        default: T,
        what: str,
        instead: str,
    ) -> Loaded[T]:
        """The file's value; one that cannot be used is set aside, and the notice says
        why and what happens ``instead``, in one sentence that reads well aloud."""
        text: str | None = None
        try:
            text = read_regular(path, MAX_BYTES).decode("utf-8")
            return Loaded(parse(_mapping(json.loads(text), what)))
        except FileNotFoundError:
            return Loaded(default)
        except UnicodeDecodeError as error:
            reason = _reason(error, None)
        except (OSError, ValueError) as error:
            reason = _reason(error, text)
        unread = f"Your saved {what} in {path} could not be read: {reason}"
        try:
            aside = _set_aside(path)
        except OSError:
            self._untouchable.add(path)
            return Loaded(default, f"{unread}; {instead}, and the file is left as it is")
        return Loaded(default, f"{unread}; {instead}, and the old file is kept as {aside.name}")

    def _save(self, path: Path, data: Mapping[str, Any], what: str) -> str | None:
        if path in self._untouchable:
            unsaved = f"Did not save the {what}: {path} could not be read, so it is left untouched"
            return visible(unsaved)
        try:
            write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        except OSError as error:
            return visible(f"Could not save the {what} in {path}: {error.strerror or error}")
        return None


def merged_bookmarks(
    saved: tuple[Bookmark, ...], before: tuple[Bookmark, ...], after: tuple[Bookmark, ...]
) -> tuple[Bookmark, ...]:
    """``saved`` with what one reader changed (``before`` → ``after``): its new bookmarks
    added, the ones it deleted gone, and everyone else's kept, in order."""
    removed = set(before) - set(after)
    kept = [bookmark for bookmark in saved if bookmark not in removed]
    places = {bookmark.place for bookmark in kept}
    added = [b for b in after if b not in before and b.place not in places]
    return (*kept, *added)


def _changed_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _changed(saved: R, before: R, after: R) -> R:
    """``saved`` with each field that differs between ``before`` and ``after`` set as in
    ``after`` (nested settings field by field)."""
    updates: dict[str, Any] = {}
    for name in (entry.name for entry in dataclasses.fields(after)):
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            nested = dataclasses.is_dataclass(new)
            updates[name] = _changed(getattr(saved, name), old, new) if nested else new
    return dataclasses.replace(saved, **updates)
