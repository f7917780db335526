"""The reader's own words (announcements, "where am I", definitions) as utterances.

They go through the same spoken form and lexicon as the article, so a term
in a definition sounds exactly as it does in the text; they carry no place
because they are not part of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from narrator.content.model import Article
from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.sentences import sentences
from narrator.speech.settings import Punctuation, Verbosity
from narrator.speech.spoken import spoken_form
from narrator.speech.utterance import Role, Utterance


@dataclass(frozen=True)
class Announcer:
    lexicon: Lexicon = EMPTY
    punctuation: Punctuation = Punctuation.SOME
    language: str = "en"

    @classmethod
    def for_article(
        cls, article: Article, verbosity: Verbosity | None = None, lexicon: Lexicon | None = None
    ) -> Announcer:
        """An announcer that says words as ``build_script`` says the article's: with the
        article's pronunciations, the listener's lexicon winning over them."""
        return cls(
            Lexicon(article.pronunciations).merged(lexicon),
            (verbosity or Verbosity()).punctuation,
            article.language,
        )

    def say(self, text: str) -> Utterance:
        spoken = spoken_form(
            text, lexicon=self.lexicon, punctuation=self.punctuation, language=self.language
        )
        return Utterance(text, spoken, None, Role.ANNOUNCEMENT)

    def sentences(self, text: str) -> list[Utterance]:
        """``text`` cut into sentence-sized utterances, the size the synthesizer takes best."""
        return [self.say(sentence) for sentence in sentences(text)]
