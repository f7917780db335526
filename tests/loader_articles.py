"""Hypothesis strategies for valid articles, shared by the loader, dump and schema tests."""

from __future__ import annotations

import itertools
from types import MappingProxyType

from hypothesis import strategies as st

from narrator.content.build import NOT_BLANK
from narrator.content.model import (
    Article,
    Block,
    BulletList,
    Callout,
    Figure,
    GlossaryEntry,
    ListItem,
    Paragraph,
    Reference,
    Section,
    Source,
    Table,
)

_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from(
    [*list("\n\t :#-'\"[]{}>|*&!%@`,?\\"), "\u2028", "\xa0", "∞", "“"]
)
cells = st.text(_CHARACTERS, max_size=12)
texts = st.text(_CHARACTERS, min_size=1, max_size=30).filter(lambda t: bool(NOT_BLANK.search(t)))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    header = tuple(draw(st.lists(cells, min_size=1, max_size=3)))
    row = st.tuples(*[cells] * len(header))
    return Table(header, tuple(draw(st.lists(row, max_size=3))), draw(st.none() | texts))


items = st.builds(ListItem, texts, st.none() | texts)
blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, texts),
    st.builds(Callout, texts),
    st.builds(Figure, texts),
    st.builds(BulletList, st.lists(items, min_size=1, max_size=3).map(tuple)),
    tables(),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    ids = itertools.count()

    def section(depth: int) -> Section:
        children = draw(st.integers(0, 2)) if depth < 2 else 0
        return Section(
            id=f"s-{next(ids)}",
            title=draw(texts),
            blocks=tuple(draw(st.lists(blocks, max_size=3))),
            sections=tuple(section(depth + 1) for _ in range(children)),
        )

    sections = [section(0) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        first = sections[0]
        sections[0] = Section(first.id, first.title, first.blocks, first.sections, "references")
    names = draw(st.lists(texts, max_size=5, unique_by=str.casefold))
    half = (len(names) + 1) // 2
    glossary = tuple(
        GlossaryEntry(
            term,
            draw(texts),
            tuple(names[half + i : half + i + 1]),
            draw(st.booleans()),
            draw(st.none() | texts),
        )
        for i, term in enumerate(names[:half])
    )
    return Article(
        id=draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        title=draw(texts),
        sections=tuple(sections),
        language=draw(st.sampled_from(["en", "pt-BR", "de", "no", "yes"])),
        source=draw(st.none() | st.builds(Source, st.none() | texts, st.none() | texts)),
        references=tuple(draw(st.lists(st.builds(Reference, texts), max_size=3))),
        glossary=glossary,
        pronunciations=MappingProxyType(draw(st.dictionaries(texts, texts, max_size=3))),
    )
