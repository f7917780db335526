"""An utterance as a printed line: the words heard, with the structure they say.

The plain reader and ``narrator read`` print each utterance as it is heard, for a
braille display or a screen reader following the terminal. The voice says
"Section 2 of 6: Intermediate." and "Image: …"; a braille reader must get the
same structure, so the line carries it, in the article's own words (not the
spoken form, which respells words for the synthesizer).
"""

from __future__ import annotations

from narrator.reading.cursor import Cursor
from narrator.speech import announce
from narrator.speech.utterance import Role, Utterance


def printed_line(cursor: Cursor, utterance: Utterance) -> str:
    """What to print for ``utterance`` of ``cursor``'s script (or the reader's own words)."""
    place = utterance.place
    if utterance.role is Role.HEADING:
        index = cursor.index_of(utterance)
        span = cursor.structure.section_at(index) if index is not None else None
        if span is not None:
            parent = span.path[-2] if span.depth > 0 else None
            numbered = cursor.announcements.section_numbers
            return announce.section_heading(
                utterance.text, span.position, span.siblings, parent, numbered=numbered
            )
    prefixed = cursor.announcements.prefixes
    if utterance.role is Role.FIGURE and place is not None and place.sentence == 0 and prefixed:
        return announce.image(utterance.text)
    if utterance.role is Role.TABLE_CAPTION:
        return f"{utterance.spoken} {utterance.text}"
    return utterance.text
