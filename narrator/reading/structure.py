"""The shape of a script: which utterances belong to which section and block.

Navigation and "where am I" both count sections and paragraphs; computing
the spans once from the script (rather than from the article) makes the
counts agree with what is actually spoken, including the virtual
References and Glossary sections a reader appends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from narrator.content.model import Article
from narrator.speech.utterance import Role, Utterance


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
class BlockSpan:
    """One block (or a heading) as it is read: ``utterances[start:end]``.

    ``number`` is the 1-based position of the block among its section's
    ``count`` blocks, 0 for the heading.
    """

    section: str
    block: int
    number: int
    count: int
    start: int
    end: int


class Structure:
    """Sections and blocks of one script, found by utterance index."""

    def __init__(self, article: Article, utterances: Sequence[Utterance]) -> None:
        self.sections = _section_spans(article, utterances)
        self.blocks = _block_spans(utterances)
        self._section_of = [-1] * len(utterances)
        for number, span in enumerate(self.sections):
            self._section_of[span.start : span.end] = [number] * (span.end - span.start)
        self._block_of = [-1] * len(utterances)
        for number, span in enumerate(self.blocks):
            self._block_of[span.start : span.end] = [number] * (span.end - span.start)

    def section_at(self, index: int) -> SectionSpan | None:
        number = self._section_of[index] if 0 <= index < len(self._section_of) else -1
        return self.sections[number] if number >= 0 else None

    def block_at(self, index: int) -> BlockSpan | None:
        number = self._block_of[index] if 0 <= index < len(self._block_of) else -1
        return self.blocks[number] if number >= 0 else None

    def section(self, section_id: str) -> SectionSpan | None:
        return next((span for span in self.sections if span.id == section_id), None)


def _section_spans(article: Article, utterances: Sequence[Utterance]) -> tuple[SectionSpan, ...]:
    parents: dict[str, str | None] = {}
    titles: dict[str, str] = {}
    children: dict[str | None, list[str]] = {None: []}
    depths: dict[str, int] = {}
    stack: list[str] = []
    for depth, section in article.walk():
        del stack[depth:]
        parent = stack[-1] if stack else None
        parents[section.id] = parent
        titles[section.id] = section.title
        depths[section.id] = depth
        children.setdefault(parent, []).append(section.id)
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
                position=siblings.index(section_id) + 1,
                siblings=len(siblings),
                path=tuple(path),
                start=start,
                end=end,
            )
        )
    return tuple(spans)


def _block_spans(utterances: Sequence[Utterance]) -> tuple[BlockSpan, ...]:
    runs: list[tuple[str, int, int, int]] = []
    for index, utterance in enumerate(utterances):
        if utterance.place is None:
            continue
        key = (utterance.place.section, utterance.place.block)
        if runs and runs[-1][:2] == key and runs[-1][3] == index:
            runs[-1] = (*key, runs[-1][2], index + 1)
        else:
            runs.append((*key, index, index + 1))
    counts: dict[str, int] = {}
    for section, block, _, _ in runs:
        if block >= 0:
            counts[section] = counts.get(section, 0) + 1
    spans = []
    numbers: dict[str, int] = {}
    for section, block, start, end in runs:
        if block >= 0:
            numbers[section] = numbers.get(section, 0) + 1
        spans.append(
            BlockSpan(
                section=section,
                block=block,
                number=numbers.get(section, 0) if block >= 0 else 0,
                count=counts.get(section, 0),
                start=start,
                end=end,
            )
        )
    return tuple(spans)
