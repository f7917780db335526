"""The reader's own words (announcements, "where am I", definitions) as utterances.

They go through the same spoken form and lexicon as the article, so a term
in a definition sounds exactly as it does in the text; they carry no place
because they are not part of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from narrator.content.model import Article
from narrator.speech.frontend.span import SpokenText
from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.sentences import sentences
from narrator.speech.settings import Footnotes, Punctuation, Verbosity
from narrator.speech.spoken import spoken_text
from narrator.speech.utterance import Role, Utterance


@dataclass(frozen=True)
class Announcer:
    lexicon: Lexicon = EMPTY
    punctuation: Punctuation = Punctuation.SOME
    language: str = "en"
    footnotes: bool = True

    @classmethod
    def for_article(
        cls, article: Article, verbosity: Verbosity | None = None, lexicon: Lexicon | None = None
    ) -> Announcer:
        """An announcer that says words as ``build_script`` says the article's: with the
        article's pronunciations, the listener's lexicon winning over them."""
        verbosity = verbosity or Verbosity()
        return cls(
            Lexicon(article.pronunciations).merged(lexicon),
            verbosity.punctuation,
            article.language,
            verbosity.footnotes is Footnotes.SAY,
        )

    def spoken(self, text: str) -> SpokenText:
        """What the voice says for ``text``, with the spans it was said from (the
        screen finds the written word being heard through them)."""
        return spoken_text(
            text,
            lexicon=self.lexicon,
            punctuation=self.punctuation,
            language=self.language,
            footnotes=self.footnotes,
        )

    def say(self, text: str) -> Utterance:
        return Utterance(text, self.spoken(text).text, None, Role.ANNOUNCEMENT)

    def sentences(self, text: str) -> list[Utterance]:
        """``text`` cut into sentence-sized utterances, the size the synthesizer takes best."""
        return [self.say(sentence) for sentence in sentences(text)]
