"""Lays a section's utterances out as wrapped lines, knowing where each one lands.

The reading pane wraps text itself (instead of letting Textual do it) because
it must know the exact screen cell of the sentence being spoken: the terminal
cursor is put there so that a braille display or a terminal screen reader
follows the reading. Styles mark things by more than colour: the sentence being
spoken is reversed and flagged with ``▶`` in the gutter, the word being heard is
also underlined, and glossary terms are bold and underlined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from narrator.content.terms import TermFinder
from narrator.controls import visible
from narrator.speech.frontend.alignment import written_place
from narrator.speech.frontend.span import SpokenText
from narrator.speech.utterance import Role, Utterance

GUTTER = 2
MARKER = "▶ "
TERM_STYLE = Style(bold=True, underline=True)
SENTENCE_STYLE = Style(reverse=True)
WORD_STYLE = Style(reverse=True, bold=True, underline=True, italic=True)
HEADING_STYLE = Style(bold=True, underline=True)
ANNOUNCEMENT_STYLE = Style(italic=True, dim=True)

_PREFIXES = {
    Role.LIST_ITEM: "• ",
    Role.CALLOUT: "│ ",
    Role.TABLE_ROW: "▸ ",
    Role.REFERENCE: "◦ ",
    Role.FIGURE: "Image: ",
}
_COMPACT = {Role.LIST_ITEM, Role.TABLE_ROW, Role.REFERENCE, Role.GLOSSARY_ENTRY}


@dataclass(frozen=True)
class Highlight:
    """What is being spoken: an utterance index, and the heard word inside its text."""

    index: int | None = None
    word: tuple[int, int] | None = None


@dataclass
class _Group:
    """Consecutive utterances shown as one block of text (a paragraph, one list item)."""

    role: Role
    key: tuple[object, ...]
    text: Text = field(default_factory=Text)
    spans: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    """One screen line: ``group.text[start:end]``, indented by ``pad`` cells."""

    group: _Group
    start: int
    end: int
    pad: int


@dataclass
class PaneLayout:
    """Wrapped lines, and the (column, line) where each utterance starts and ends.

    The wrapping is done once per text and width; what is being heard is marked
    as each line is drawn (``line``), so following the voice word by word costs
    the few lines on screen, not a new layout of the whole section.
    """

    rows: list[_Row | None] = field(default_factory=list)
    starts: dict[int, tuple[int, int]] = field(default_factory=dict)
    ends: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def lines(self) -> list[Text]:
        """Every line with nothing marked as heard."""
        return [self.line(number) for number in range(len(self.rows))]

    def line(self, number: int, highlight: Highlight = Highlight()) -> Text:
        """Line ``number``, with the sentence (and word) ``highlight`` marked on it."""
        row = self.rows[number]
        if row is None:
            return Text("")
        piece = row.group.text[row.start : row.end]
        spoken_here = False
        for index, start, end in row.group.spans:
            if index != highlight.index or not (start < row.end and end > row.start):
                continue
            spoken_here = True
            _mark(piece, SENTENCE_STYLE, start - row.start, end - row.start)
            if highlight.word is not None:
                first, last = highlight.word
                _mark(piece, WORD_STYLE, start + first - row.start, start + last - row.start)
        gutter = MARKER if spoken_here else " " * GUTTER
        return Text.assemble(gutter, " " * row.pad, piece)


def _mark(piece: Text, style: Style, start: int, end: int) -> None:
    """Style ``piece[start:end]``, clipped to the line (Rich reads a negative offset
    from the end, which would mark the wrong words)."""
    start, end = max(0, start), min(len(piece), end)
    if start < end:
        piece.stylize(style, start, end)


def _group_key(utterance: Utterance) -> tuple[object, ...]:
    place = utterance.place
    if place is None or utterance.role in (Role.HEADING, Role.ANNOUNCEMENT):
        return (utterance.role, id(utterance))
    return (utterance.role, place.section, place.block, place.item)


def _groups(utterances: Sequence[tuple[int, Utterance]], terms: TermFinder | None) -> list[_Group]:
    groups: list[_Group] = []
    for index, utterance in utterances:
        key = _group_key(utterance)
        if not groups or groups[-1].key != key:
            groups.append(_Group(utterance.role, key))
            prefix = _PREFIXES.get(utterance.role, "")
            groups[-1].text.append(prefix)
        group = groups[-1]
        if group.spans:
            group.text.append(" ")
        start = len(group.text)
        shown = visible(utterance.text)
        group.text.append(shown, _role_style(utterance.role))
        if terms is not None and utterance.role is not Role.HEADING:
            for use in terms.find(utterance.text):
                group.text.stylize(TERM_STYLE, start + use.start, start + use.end)
        group.spans.append((index, start, len(group.text)))
    return groups


def _role_style(role: Role) -> Style:
    if role is Role.HEADING:
        return HEADING_STYLE
    if role is Role.ANNOUNCEMENT:
        return ANNOUNCEMENT_STYLE
    return Style()


@lru_cache(maxsize=4096)
def _wrap(plain: str, width: int, indent: int) -> tuple[tuple[int, int], ...]:
    """Greedy word wrap: (start, end) offsets of each line; continuation lines are indented.

    Cached: a section shown again, or a reader opened again, wraps the same text.
    """
    lines: list[tuple[int, int]] = []
    start = 0
    while start < len(plain):
        room = max(1, width - (indent if lines else 0))
        end = start
        used = 0
        last_break = -1
        while end < len(plain):
            used += cell_len(plain[end])
            if used > room:
                break
            if plain[end] == " ":
                last_break = end
            end += 1
        if end < len(plain) and last_break > start:
            end = last_break
        lines.append((start, end))
        start = end
        while start < len(plain) and plain[start] == " ":
            start += 1
    return tuple(lines) or ((0, 0),)


def layout(
    utterances: Sequence[tuple[int, Utterance]], width: int, terms: TermFinder | None = None
) -> PaneLayout:
    """Wrap ``utterances`` (index in the script, utterance) to ``width`` cells."""
    result = PaneLayout()
    text_width = max(8, width - GUTTER)
    previous: _Group | None = None
    for group in _groups(utterances, terms):
        compact = previous is not None and group.role is previous.role and group.role in _COMPACT
        if previous is not None and not compact:
            result.rows.append(None)
        previous = group
        indent = len(_PREFIXES.get(group.role, ""))
        wrapped = _wrap(group.text.plain, text_width, indent)
        first_line = len(result.rows)
        for number, (line_start, line_end) in enumerate(wrapped):
            result.rows.append(_Row(group, line_start, line_end, indent if number else 0))
        for index, start, end in group.spans:
            result.starts[index] = _position(group.text.plain, wrapped, start, indent, first_line)
            result.ends[index] = _position(group.text.plain, wrapped, end, indent, first_line)
    return result


def _position(
    plain: str, wrapped: tuple[tuple[int, int], ...], offset: int, indent: int, first_line: int
) -> tuple[int, int]:
    """Screen (column, line) of character ``offset`` of a wrapped group."""
    for number, (line_start, line_end) in enumerate(wrapped):
        if offset <= line_end or number == len(wrapped) - 1:
            offset = max(offset, line_start)
            column = GUTTER + (indent if number else 0) + cell_len(plain[line_start:offset])
            return column, first_line + number
    return GUTTER, first_line


def heard_word(
    utterance: Utterance, start: int, length: int, said: SpokenText | None = None
) -> tuple[int, int] | None:
    """Where in the written text lies the word heard at ``spoken[start:start+length]``.

    ``said``, the spans the utterance was said from, traces the word back to
    the written piece it came from ("forty" marks "40-50 mg"). Without them (a
    heading said with its announcement), the word is looked up near the same
    relative position; a word that the text does not contain is not
    highlighted rather than highlighted wrongly.
    """
    if said is not None and said.text == utterance.spoken:
        place = written_place(said, start, length)
        if place is not None:
            return place
    word = utterance.spoken[start : start + length].strip()
    if not word or not utterance.spoken:
        return None
    if utterance.text == utterance.spoken:
        return start, start + length
    guess = start * len(utterance.text) // len(utterance.spoken)
    found = [m.start() for m in re.finditer(re.escape(word), utterance.text, re.IGNORECASE)]
    if not found:
        return None
    best = min(found, key=lambda at: abs(at - guess))
    return best, best + len(word)
