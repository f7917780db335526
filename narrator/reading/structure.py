"""The shape of a script: which utterances belong to which section and stop.

Navigation and "where am I" both count sections, paragraphs and items; computing
the spans once from the script (rather than from the article) makes the
counts agree with what is actually spoken, including the virtual
References and Glossary sections a reader appends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from narrator.content.model import Article
from narrator.speech.utterance import Role, Utterance

_NOUNS = {Role.TABLE_ROW: "row", Role.REFERENCE: "reference", Role.GLOSSARY_ENTRY: "entry"}


@dataclass(frozen=True)
class SectionSpan:
    """A section as it is read: ``utterances[start:end]`` (its subsections excluded).

    ``depth`` is 0 for a top-level section; ``position`` is 1-based among
    ``siblings`` sections with the same parent; ``path`` holds the titles from
    the top-level ancestor down to this section.
    """

    id: str
    title: str
    depth: int
    position: int
    siblings: int
    path: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Stop:
    """One place the paragraph keys stop at, as read: ``utterances[start:end]``.

    A stop is a paragraph-like block, or one item of a list, table, the
    references or the glossary (a list's "List, 6 items" opening belongs to
    its first item), or a section's heading. ``block`` of ``blocks`` is the
    1-based position of its block in the section (0 on the heading);
    ``item`` of ``items`` its place in a block of several items (1 of 1
    otherwise), and ``noun`` what such an item is called ("row" in a table,
    "entry" in the glossary).
    """

    section: str
    block: int
    blocks: int
    item: int
    items: int
    start: int
    end: int
    noun: str = "item"

    @property
    def heading(self) -> bool:
        return self.block == 0


class Structure:
    """Sections and blocks of one script, found by utterance index."""

    def __init__(self, article: Article, utterances: Sequence[Utterance]) -> None:
        self.sections = _section_spans(article, utterances)
        self.stops = _stops(utterances)
        self._section_of = [-1] * len(utterances)
        for number, span in enumerate(self.sections):
            self._section_of[span.start : span.end] = [number] * (span.end - span.start)
        self._stop_of = [-1] * len(utterances)
        for number, stop in enumerate(self.stops):
            self._stop_of[stop.start : stop.end] = [number] * (stop.end - stop.start)

    def section_at(self, index: int) -> SectionSpan | None:
        number = self._section_of[index] if 0 <= index < len(self._section_of) else -1
        return self.sections[number] if number >= 0 else None

    def stop_at(self, index: int) -> Stop | None:
        number = self._stop_of[index] if 0 <= index < len(self._stop_of) else -1
        return self.stops[number] if number >= 0 else None

    def section(self, section_id: str) -> SectionSpan | None:
        return next((span for span in self.sections if span.id == section_id), None)


def _section_spans(article: Article, utterances: Sequence[Utterance]) -> tuple[SectionSpan, ...]:
    parents: dict[str, str | None] = {}
    titles: dict[str, str] = {}
    children: dict[str | None, list[str]] = {None: []}
    positions: dict[str, int] = {}  # among its siblings, from 1 (no list search per section)
    depths: dict[str, int] = {}
    stack: list[str] = []
    for depth, section in article.walk():
        del stack[depth:]
        parent = stack[-1] if stack else None
        parents[section.id] = parent
        titles[section.id] = section.title
        depths[section.id] = depth
        children.setdefault(parent, []).append(section.id)
        positions[section.id] = len(children[parent])
        stack.append(section.id)
    starts = [
        (index, utterance.place.section)
        for index, utterance in enumerate(utterances)
        if utterance.role is Role.HEADING and utterance.place is not None
    ]
    for _, section_id in starts:
        if section_id not in parents:
            parents[section_id] = None
            titles[section_id] = section_id.replace("-", " ").capitalize()
            depths[section_id] = 0
            children[None].append(section_id)
            positions[section_id] = len(children[None])
    spans = []
    for number, (start, section_id) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(utterances)
        siblings = children[parents[section_id]]
        path = [titles[section_id]]
        ancestor = parents[section_id]
        while ancestor is not None:
            path.insert(0, titles[ancestor])
            ancestor = parents[ancestor]
        spans.append(
            SectionSpan(
                id=section_id,
                title=titles[section_id],
                depth=depths[section_id],
                position=positions[section_id],
                siblings=len(siblings),
                path=tuple(path),
                start=start,
                end=end,
            )
        )
    return tuple(spans)


def _stops(utterances: Sequence[Utterance]) -> tuple[Stop, ...]:
    runs: list[list[Any]] = []
    for index, utterance in enumerate(utterances):
        place = utterance.place
        if place is None:
            continue
        key = (place.section, place.block, max(place.item, 0))
        if runs and runs[-1][0] == key and runs[-1][2] == index:
            runs[-1][2] = index + 1
        else:
            runs.append([key, index, index + 1, None])
        if place.item >= 0 and runs[-1][3] is None:
            runs[-1][3] = _NOUNS.get(utterance.role, "item")
    # Each block's number in its section, from 1, by dictionary: a section of a
    # hundred thousand paragraphs must not be searched once per paragraph.
    blocks: dict[str, dict[int, int]] = {}
    items: dict[tuple[str, int], int] = {}
    for (section, block, _), _, _, _ in runs:
        numbers = blocks.setdefault(section, {})
        if block >= 0 and block not in numbers:
            numbers[block] = len(numbers) + 1
        items[section, block] = items.get((section, block), 0) + 1
    seen: dict[tuple[str, int], int] = {}
    stops = []
    for (section, block, _), start, end, noun in runs:
        seen[section, block] = seen.get((section, block), 0) + 1
        stops.append(
            Stop(
                section=section,
                block=blocks[section][block] if block >= 0 else 0,
                blocks=len(blocks[section]),
                item=seen[section, block],
                items=items[section, block],
                start=start,
                end=end,
                noun=noun or "item",
            )
        )
    return tuple(stops)
