"""What a careful human reader would say for a piece of written text.

The synthesizer reads symbols literally ("∞" is "infinity", "40-50" is "forty
dash fifty", a lone "A" is the article, "10⁵" is "one hundred and five"), so
every utterance passes through the text front end (``narrator.speech.frontend``:
tokenize → classify → verbalize) first. This module is its one entry point
for the rest of Narrator.
"""

from __future__ import annotations

from narrator.speech.frontend.normalize import spoken_text
from narrator.speech.frontend.words import NAMED_PUNCTUATION
from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.settings import Punctuation

__all__ = ["NAMED_PUNCTUATION", "spoken_form", "spoken_text"]


def spoken_form(
    text: str,
    *,
    lexicon: Lexicon = EMPTY,
    punctuation: Punctuation = Punctuation.SOME,
    language: str = "en",
    footnotes: bool = True,
) -> str:
    """What to hand the synthesizer for ``text`` (see ``spoken_text``)."""
    said = spoken_text(
        text, lexicon=lexicon, punctuation=punctuation, language=language, footnotes=footnotes
    )
    return said.text
