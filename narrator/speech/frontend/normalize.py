"""Text in, what the voice says out: clean → lexicon → tokenize → verbalize → tidy.

The lexicon (the article's ``pronunciations``, then the listener's own) wins
over every rule, so its words are set aside before the text is tokenized.
Each span found is said by its class's verbalizer; the prose between spans
by ``words``. The result holds only letters, digits, spaces and punctuation
the synthesizer treats as pauses.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.clean import clean
from narrator.speech.frontend.language import language_for
from narrator.speech.frontend.rule import Context
from narrator.speech.frontend.span import SemioticClass, Span, SpokenText
from narrator.speech.frontend.tokenizer import tokenize
from narrator.speech.frontend.words import say_words
from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.settings import Punctuation

_SPACES = re.compile(r"\s+")
_PAUSE_BEFORE = re.compile(r"\s+([,.;:!?)])")
_SPACE_AFTER_BRACKET = re.compile(r"\(\s+")
_REPEATED_PAUSE = re.compile(r"([,;:])(?:\s*[,;:])+")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_SEPARATOR = re.compile(r"(?<!\s)\s*\u221e\s*")  # from a run's first space only


def _tidy(text: str) -> str:
    """One space between words, pauses against the word before them, no empty
    brackets or doubled pauses (each pass only where its mark is: this runs for
    every utterance)."""
    brackets = "(" in text
    if brackets:
        text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _PAUSE_BEFORE.sub(r"\1", text)
    if brackets:
        text = _SPACE_AFTER_BRACKET.sub("(", text)
    text = _REPEATED_PAUSE.sub(r"\1", text)
    return text.strip().lstrip(",;: ").rstrip(", ")


def _joined(pieces: list[str]) -> str:
    """The pieces end to end, with a space wherever two words would run together."""
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if out and out[-1][-1:].isalnum() and piece[:1].isalnum():
            out.append(" ")
        out.append(piece)
    return "".join(out)


def _spans(text: str, lexicon: Lexicon, context: Context) -> list[Span]:
    """Every span of ``text``: lexicon words first, the classes between them."""
    spans: list[Span] = []
    position = 0
    for start, end, respelling in lexicon.find(text):
        spans += _classified(text, position, start, context)
        said = clean(respelling)
        spans.append(Span(start, end, SemioticClass.RESPELLED, "lexicon", text[start:end], said))
        position = end
    spans += _classified(text, position, len(text), context)
    return spans


def _classified(text: str, start: int, end: int, context: Context) -> list[Span]:
    """The spans of ``text[start:end]``, with the prose between them as WORDS spans."""
    spans: list[Span] = []
    position = start
    for span in tokenize(text, context, start, end):
        if span.start > position:
            spans.append(_prose(text, position, span.start, context, spans))
        spans.append(span)
        position = span.end
    if position < end:
        spans.append(_prose(text, position, end, context, spans))
    return spans


# After these, the words that follow belong to the number: "2 tablets/day" is
# "two tablets per day".
_NUMBER_CLASSES = frozenset(
    {SemioticClass.CARDINAL, SemioticClass.DECIMAL, SemioticClass.MEASURE, SemioticClass.RANGE}
)


def _prose(text: str, start: int, end: int, context: Context, before: list[Span]) -> Span:
    after_number = bool(before) and before[-1].kind in _NUMBER_CLASSES and before[-1].end == start
    written = text[start:end]
    said = say_words(written, context, after_number)
    return Span(start, end, SemioticClass.WORDS, "prose", written, said)


def spoken_text(
    text: str,
    *,
    lexicon: Lexicon = EMPTY,
    punctuation: Punctuation = Punctuation.SOME,
    language: str = "en",
    footnotes: bool = True,
) -> SpokenText:
    """What the voice says for ``text``, and the spans it was said from.

    It never raises, never holds a control character or the page's ∞, and
    follows the punctuation level: NONE says no symbol, SOME says symbols
    such as & % / ° + = as words and leaves punctuation as pauses, ALL also
    names brackets, colons, semicolons, quotes and hyphens (full stops,
    commas, question and exclamation marks stay pauses, so sentences still
    sound like sentences). Footnote markers are said ("note 3") unless
    ``footnotes`` is off.
    """
    written = clean(text)
    context = Context(written, language_for(language), Punctuation(punctuation), footnotes)
    spans = _spans(written, lexicon, context)
    joined = _joined([span.said for span in spans])
    if "\u221e" in joined:
        joined = _SEPARATOR.sub(", ", joined)
    said = _tidy(joined)
    return SpokenText(said, tuple(spans))
