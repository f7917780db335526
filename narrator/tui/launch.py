"""``narrator open [PATH]``: everything that can fail is checked before the screen opens.

A missing or broken article, or an unknown ``--section``, is reported by the
CLI as one line (exit 1), never inside a half-drawn full-screen app.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from textual.screen import Screen

from narrator.content.library import articles_in, openable
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.exit_codes import ExitCode
from narrator.reading.cursor import Cursor
from narrator.reading.store import Loaded, Settings, Store
from narrator.speech.lexicon import Lexicon
from narrator.speech.output import SpeechOutput
from narrator.tui.app import NarratorApp
from narrator.tui.screens.library import LibraryScreen
from narrator.tui.screens.reader import ReaderScreen

NO_LEXICON: Loaded[Lexicon | None] = Loaded(None)


class Opener:
    """Makes the reader for an article: its script said the listener's way (their
    lexicon's notice, if it is broken, is said as each reader opens), and where they left it."""

    def __init__(
        self, store: Store, settings: Settings, lexicon: Loaded[Lexicon | None] = NO_LEXICON
    ) -> None:
        self.store = store
        self.settings = settings
        self.lexicon = lexicon

    def reader(
        self,
        article: Article,
        path: Path | None,
        section: str | None = None,
        *,
        from_library: bool = False,
    ) -> ReaderScreen:
        cursor = Cursor.for_article(article, self.settings.verbosity, self.lexicon.value)
        state = self.store.article(article.id, path)
        if section is not None:
            cursor.go_to_section(section)
        elif state.value.progress is not None:
            cursor.go_to_place(state.value.progress)
        notices = [notice for notice in (self.lexicon.notice, state.notice) if notice]
        resumed = section is None and state.value.progress is not None
        return ReaderScreen(
            cursor,
            self.store,
            path,
            state.value,
            notices=notices,
            resumed=resumed,
            remake=partial(Cursor.for_article, article, lexicon=self.lexicon.value),
            from_library=from_library,
        )


def check_writable(path: Path | None) -> None:
    """An output file (``--speech-log``, ``--audio-out``) can be created or replaced.

    Checked before the screen opens: the speaker would otherwise fail inside
    the running app, after the listener has already heard nothing.
    """
    if path is None:
        return
    folder = path.parent
    if path.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"no folder {folder}"
    elif not os.access(folder, os.W_OK | os.X_OK) or (
        path.exists() and not os.access(path, os.W_OK)
    ):
        problem = "permission denied"
    else:
        return
    raise NarratorError(f"{path}: cannot write: {problem}")


def build_app(
    path: Path | None,
    section: str | None,
    output: SpeechOutput,
    store: Store,
    *,
    punctuation: str | None = None,
    figures: str | None = None,
) -> NarratorApp:
    """The app on ``path`` (an article, a folder, or the bundled articles), ready to
    run, speaking at the saved verbosity or at ``punctuation`` and ``figures``.

    Raises ``NarratorError`` for a missing or broken article or an unknown
    section, or an output file that cannot be written, so the CLI reports it
    as one line before any screen is drawn.
    """
    check_writable(output.audio_out)
    check_writable(output.speech_log)
    path = openable(path)
    settings = store.settings()
    chosen = settings.value.for_this_run(punctuation=punctuation, figures=figures)
    opener = Opener(store, chosen, store.lexicon())
    first: Screen[None]
    if path.is_dir() and len(articles := articles_in(path)) > 1:
        first = LibraryScreen(articles, partial(opener.reader, from_library=True))
    else:
        article_path = articles_in(path)[0] if path.is_dir() else path
        first = opener.reader(load_article(article_path), article_path, section)
    return NarratorApp(
        first, output=output, store=store, settings=chosen, notice=settings.notice or ""
    )


def open_(
    path: Path | None,
    section: str | None,
    output: SpeechOutput,
    *,
    punctuation: str | None = None,
    figures: str | None = None,
) -> int:
    """Run the full-screen reader on ``path`` until the listener leaves; the exit status."""
    app = build_app(path, section, output, Store(), punctuation=punctuation, figures=figures)
    app.run()
    return app.return_code or ExitCode.OK
