"""``narrator open [PATH]``: everything that can fail is checked before the screen opens.

A missing or broken article, or an unknown ``--section``, is reported by the
CLI as one line (exit 1), never inside a half-drawn full-screen app.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from textual.screen import Screen

from narrator.content.library import articles_in, library_articles, openable
from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.exit_codes import ExitCode
from narrator.reading.cursor import Cursor
from narrator.reading.first_words import FirstWords
from narrator.reading.store import Loaded, Settings, Store
from narrator.speech.lexicon import Lexicon
from narrator.speech.output import SpeechOutput
from narrator.speech.utterance import Place
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
        place: Place | None = None,
        from_library: bool = False,
        title_said: bool = False,
    ) -> ReaderScreen:
        """The reader at ``section``, or ``place`` (a search's match), or where the
        listener left the article."""
        cursor = Cursor.for_article(article, self.settings.verbosity, self.lexicon.value)
        state = self.store.article(article.id, path)
        if section is not None:
            cursor.go_to_section(section)
        elif place is not None:
            cursor.go_to_place(place)
        elif state.value.progress is not None:
            cursor.go_to_place(state.value.progress)
        notices = [notice for notice in (self.lexicon.notice, state.notice) if notice]
        resumed = section is None and place is None and state.value.progress is not None
        return ReaderScreen(
            cursor,
            self.store,
            path,
            state.value,
            notices=notices,
            resumed=resumed,
            remake=partial(Cursor.for_article, article, lexicon=self.lexicon.value),
            from_library=from_library,
            title_said=title_said,
            library=None if from_library else self.library,
        )

    def library(self) -> LibraryScreen:
        """The listener's library (the bundled articles and theirs), as ctrl+o opens it."""
        return LibraryScreen(
            library_articles(),
            partial(self.reader, from_library=True),
            self.store,
            rate=self.settings.voice.rate,
        )


def build_app(
    path: Path | None,
    section: str | None,
    output: SpeechOutput,
    store: Store,
    *,
    punctuation: str | None = None,
    figures: str | None = None,
    first: FirstWords | None = None,
) -> NarratorApp:
    """The app on ``path`` (an article, a folder, or the bundled articles), ready to
    run, speaking at the saved verbosity or at ``punctuation`` and ``figures``;
    ``first``: the article was loaded already and its title is being said.

    Raises ``NarratorError`` for a missing or broken article or an unknown
    section, or an output file that cannot be written, so the CLI reports it
    as one line before any screen is drawn.
    """
    output.check_writable()
    if first is not None:
        settings, chosen, lexicon = first.settings, first.chosen, first.lexicon
    else:
        path = openable(path)
        settings = store.settings()
        chosen = settings.value.for_this_run(punctuation=punctuation, figures=figures)
        lexicon = store.lexicon()
    opener = Opener(store, chosen, lexicon)
    screen: Screen[None]
    if first is not None:
        screen = opener.reader(first.article, first.path, section, title_said=True)
    elif path.is_dir():
        screen = LibraryScreen(
            articles_in(path),
            partial(opener.reader, from_library=True),
            store,
            rate=chosen.voice.rate,
        )
    else:
        screen = opener.reader(load_article(path), path, section)
    return NarratorApp(
        screen,
        output=output,
        store=store,
        settings=chosen,
        notice=settings.notice or "",
        voice=first.voice if first is not None else None,
    )


def run(app: NarratorApp) -> int:
    """Run the full-screen reader until the listener leaves; the exit status.

    After an unhandled error the traceback is in the crash log (the app's
    error console writes there) and the terminal gets one line.
    """
    app.run()
    crashed = app.crash_line
    if crashed is not None:
        print(crashed, file=sys.stderr, flush=True)
        return ExitCode.CRASHED
    return app.return_code or ExitCode.OK
