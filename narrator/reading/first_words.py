"""The first words of ``narrator PATH``: the article's title, said before the
full-screen UI has loaded.

From the command typed to the first sound is the wait a listener notices most.
Loading Textual and building the screen take far longer than loading the
article and starting the voice, so the voice starts first and says the title
while the screen is built; the reader then says the rest of the opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.reading.announce import Announcer
from narrator.reading.store import Loaded, Settings, Store
from narrator.speech import announce
from narrator.speech.lexicon import Lexicon
from narrator.speech.output import SpeechOutput
from narrator.speech.relay import EventRelay, Hear
from narrator.speech.worker import SynthesisWorker

if TYPE_CHECKING:
    from narrator.reading.session import Speech


@dataclass
class FirstWords:
    """The article opened, its settings, and the voice already saying its title."""

    path: Path
    article: Article
    settings: Loaded[Settings]
    chosen: Settings
    lexicon: Loaded[Lexicon | None]
    speaker: Speech
    relay: EventRelay

    def voice(self, hear: Hear) -> Speech:
        """The voice, now reporting to ``hear`` (what it said meanwhile first)."""
        self.relay.attach(hear)
        return self.speaker


def say_the_title(
    path: Path,
    output: SpeechOutput,
    store: Store,
    *,
    punctuation: str | None = None,
    figures: str | None = None,
    worker: SynthesisWorker | None = None,
) -> FirstWords:
    """Load the article at ``path`` (a file) and start saying its title, in the
    listener's voice and words (``worker``: the synthesizer, spawned already);
    errors are the user's one-line ones, before a sound."""
    from narrator.speech.speaker import Speaker

    output.check_writable()
    article = load_article(path)
    settings = store.settings()
    chosen = settings.value.for_this_run(punctuation=punctuation, figures=figures)
    lexicon = store.lexicon()
    relay = EventRelay()
    speaker = Speaker(
        chosen.voice,
        on_event=relay,
        language=article.language,
        audio_out=output.audio_out,
        speech_log=output.speech_log,
        null_audio=output.null_audio,
        worker=worker,
    )
    announcer = Announcer.for_article(article, chosen.verbosity, lexicon.value)
    # The reader's opening waits for it (``ReadingSession.open``); a key cuts it.
    speaker.speak(announcer.sentences(announce.sentence(article.title)))
    return FirstWords(path, article, settings, chosen, lexicon, speaker, relay)
