"""Which sound cue goes with which utterance, and what "instead of words" leaves out.

The tones themselves are ``narrator.speech.tones``; here the reading side
decides where they go, from the script's structure: a heading's level, the
start of a list, table, figure or callout, a glossary term in the sentence,
a bookmark, the end of a section and of the article. Say-all passes every
utterance it reads through ``Cues.around``, so a move's landing and reading on
get the same cues.
"""

from __future__ import annotations

from collections.abc import Sequence

from narrator.reading.cursor import END, Cursor
from narrator.reading.elements import ElementKind
from narrator.speech.settings import SoundCues, Verbosity
from narrator.speech.tones import Cue, Tone
from narrator.speech.utterance import Place, Role, Utterance, cue_utterance

_ELEMENT_CUES = {
    ElementKind.LIST: Cue.LIST,
    ElementKind.TABLE: Cue.TABLE,
    ElementKind.FIGURE: Cue.FIGURE,
    ElementKind.CALLOUT: Cue.CALLOUT,
}
# The words a tone replaces ("instead of words"): the kind said before the rest.
_KIND_WORDS = ("List, ", "Table, ", "Image: ", "Quote: ")
# How much higher a heading is said per level above 6, when headings are told by pitch.
PITCH_PER_LEVEL = 6


class Cues:
    """The cues of one cursor's script, at the listener's settings."""

    def __init__(
        self, cursor: Cursor, verbosity: Verbosity, bookmarks: Sequence[Place] = ()
    ) -> None:
        self.cursor = cursor
        self.mode = verbosity.cues
        self.heading_pitch = verbosity.announcements.heading_pitch
        self.bookmarks = frozenset(bookmarks)
        self._terms = frozenset(use.index for use in cursor.uses)
        self._section_ends = frozenset(span.end - 1 for span in cursor.structure.sections)
        self._element_starts = {e.start: _ELEMENT_CUES[e.kind] for e in cursor.elements}

    @property
    def on(self) -> bool:
        return self.mode is not SoundCues.OFF

    def tone(self, cue: Cue) -> list[Utterance]:
        """A cue the reader plays by itself (a boundary, an error), if cues are on."""
        return [cue_utterance(Tone(cue))] if self.on else []

    def around(self, utterance: Utterance, index: int) -> list[Utterance]:
        """``utterance`` (the script's ``index``, or -1 for the reader's own words) with
        its cues before and after it, said as the settings say."""
        said = self._pitched(utterance, index)
        if not self.on:
            return [said]
        before = self._before(utterance, index)
        if before and self.mode is SoundCues.INSTEAD:
            said = _without_kind(said)
        after = [Tone(Cue.SECTION_END)] if index in self._section_ends else []
        if index < 0 and utterance.text == END:
            before = [Tone(Cue.ARTICLE_END)]
            after = []
            if self.mode is SoundCues.INSTEAD:
                return [cue_utterance(before[0])]
        return [*map(cue_utterance, before), said, *map(cue_utterance, after)]

    def _before(self, utterance: Utterance, index: int) -> list[Tone]:
        if index < 0:
            return []
        tones = []
        if utterance.role is Role.HEADING:
            span = self.cursor.structure.section_at(index)
            tones.append(Tone(Cue.HEADING, span.depth + 1 if span else 1))
        if index in self._element_starts:
            tones.append(Tone(self._element_starts[index]))
        if utterance.place in self.bookmarks:
            tones.append(Tone(Cue.BOOKMARK))
        if index in self._terms:
            tones.append(Tone(Cue.TERM))
        return tones

    def _pitched(self, utterance: Utterance, index: int) -> Utterance:
        """A heading said higher the higher its level, when the listener asked for it."""
        if not self.heading_pitch or utterance.role is not Role.HEADING or index < 0:
            return utterance
        span = self.cursor.structure.section_at(index)
        level = span.depth + 1 if span else 1
        return utterance.varied(pitch=(7 - min(level, 6)) * PITCH_PER_LEVEL)


def _without_kind(utterance: Utterance) -> Utterance:
    """ "List, 6 items." said as "6 items." after its tone."""
    for words in _KIND_WORDS:
        if utterance.spoken.startswith(words):
            spoken = utterance.spoken[len(words) :]
            return utterance.varied(spoken=spoken[:1].upper() + spoken[1:])
    return utterance
