"""Why the voice says what it says: the spans of an utterance, their class and rule.

This is what a listener or a developer reads when something sounds wrong
(``narrator script --explain``): each piece of the written text that was not
said as written, what it became, the semiotic class it was taken for and
the rule that said it. Prose said exactly as written is left out, so the
explanation is as short as the surprises.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from narrator.speech.frontend.normalize import spoken_text
from narrator.speech.frontend.span import SemioticClass, Span
from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.settings import Punctuation

_SAME_SOUND = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _changes(span: Span) -> list[tuple[str, str]]:
    """The pieces of a span said otherwise than written: the whole span for a class,
    only the changed words of prose ("peri-" → "peri", "&" → "and")."""
    written, said = " ".join(span.written.split()), " ".join(span.said.split())
    if span.kind is not SemioticClass.WORDS:
        return [(written, said)]
    before, after = written.translate(_SAME_SOUND).split(), said.split()
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    return [
        (" ".join(before[i1:i2]), " ".join(after[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def explanation(
    text: str,
    *,
    lexicon: Lexicon = EMPTY,
    punctuation: Punctuation = Punctuation.SOME,
    language: str = "en",
    footnotes: bool = True,
) -> list[str]:
    """One line per piece of ``text`` said otherwise than written:
    ``class  "written" → "said"  (rule)``."""
    spoken = spoken_text(
        text, lexicon=lexicon, punctuation=punctuation, language=language, footnotes=footnotes
    )
    return [
        f"{span.kind.value:<12} \u201c{written}\u201d \u2192 \u201c{said}\u201d  ({span.rule})"
        for span in spoken.spans
        for written, said in _changes(span)
    ]
