"""An article as the sequence of utterances a listener hears, in reading order.

Everything that speaks or moves through an article (the reader, the cursor,
the TUI, ``narrator script``) works on this one sequence, so what is shown,
what is said and where a bookmark points can never disagree.

Places are numbered so that a bookmark survives a change of verbosity:

- a section's heading is ``Place(section, -1, 0, 0)``;
- ``block`` is the block's index in the section's reading order. A section
  that ``shows`` the references or the glossary reads them first, as block
  0, and its own blocks follow from 1; otherwise its blocks count from 0.
  A figure left unsaid (figures off) keeps its number;
- ``item`` is the list item, table row, reference or glossary entry (from 0),
  and -1 for the announcement that opens a list, table, the references or
  the glossary ("List, 6 items.");
- ``sentence`` is the sentence inside a paragraph, callout, figure, list
  item or glossary entry (an entry's figure follows its definition's
  sentences).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from narrator.content.model import (
    Article,
    Block,
    BulletList,
    Callout,
    Figure,
    Paragraph,
    Section,
    Table,
)
from narrator.speech import announce
from narrator.speech.lexicon import Lexicon
from narrator.speech.sentences import sentences
from narrator.speech.settings import FigureVerbosity, Footnotes, Verbosity
from narrator.speech.spoken import spoken_form
from narrator.speech.utterance import Place, Role, Utterance

DEFAULT_VERBOSITY = Verbosity()
REFERENCES = "references"
GLOSSARY = "glossary"


@dataclass(frozen=True)
class ScriptSection:
    """A section in reading order and the utterances it spans.

    ``start`` is the index of its heading, ``end`` the index after its last
    utterance (its subsections included). ``number`` of ``count`` is its
    position among its siblings, ``parent`` the id of the section it is
    nested in (None at the top level); ``virtual`` marks the references or
    glossary section added because no section shows them.
    """

    id: str
    title: str
    depth: int
    number: int
    count: int
    parent: str | None
    start: int
    end: int
    virtual: bool = False


@dataclass(frozen=True)
class Script:
    utterances: tuple[Utterance, ...]
    sections: tuple[ScriptSection, ...]

    def __len__(self) -> int:
        return len(self.utterances)

    @cached_property
    def _sections_by_id(self) -> dict[str, ScriptSection]:
        return {section.id: section for section in self.sections}

    @cached_property
    def _indexes(self) -> dict[Place, int]:
        return {u.place: i for i, u in enumerate(self.utterances) if u.place is not None}

    def section(self, section_id: str) -> ScriptSection | None:
        return self._sections_by_id.get(section_id)

    def heading_index(self, section_id: str) -> int:
        """The index of the section's heading; ``KeyError`` for an unknown id."""
        return self._sections_by_id[section_id].start

    def section_utterances(self, section_id: str) -> tuple[Utterance, ...]:
        """The section's utterances, its subsections included; ``KeyError`` if unknown."""
        section = self._sections_by_id[section_id]
        return self.utterances[section.start : section.end]

    def section_at(self, index: int) -> ScriptSection:
        """The innermost section that utterance ``index`` belongs to."""
        place = self.utterances[index].place
        assert place is not None
        return self._sections_by_id[place.section]

    def index_of(self, place: Place) -> int | None:
        """The utterance at ``place``, or the first one after it in its section.

        A bookmark made under another verbosity (a figure since switched off)
        still lands where the listener left. None if the section is unknown.
        """
        exact = self._indexes.get(place)
        if exact is not None:
            return exact
        section = self._sections_by_id.get(place.section)
        if section is None:
            return None
        wanted = (place.block, place.item, place.sentence)
        for index in range(section.start, section.end):
            there = self.utterances[index].place
            if (
                there is not None
                and there.section == place.section
                and (there.block, there.item, there.sentence) >= wanted
            ):
                return index
        return min(section.end, len(self.utterances) - 1)


def reading_sections(article: Article) -> tuple[Section, ...]:
    """The top-level sections, with the virtual references and glossary sections
    appended when the article has them and no section shows them."""
    shown = {section.shows for _, section in article.walk()}
    extra = []
    if article.references and REFERENCES not in shown:
        extra.append(Section(id=REFERENCES, title="References", shows=REFERENCES))
    if article.glossary and GLOSSARY not in shown:
        extra.append(Section(id=GLOSSARY, title="Glossary", shows=GLOSSARY))
    return (*article.sections, *extra)


class _ScriptBuilder:
    def __init__(self, article: Article, verbosity: Verbosity, lexicon: Lexicon) -> None:
        self.article = article
        self.verbosity = verbosity
        self.lexicon = lexicon
        self.utterances: list[Utterance] = []
        self.sections: list[ScriptSection] = []
        self.said: dict[str, str] = {}
        self.quote_label = "Quote" if verbosity.announcements.prefixes else None

    def say(self, text: str) -> str:
        """The spoken form, once per distinct text (table headers and terms repeat)."""
        said = self.said.get(text)
        if said is None:
            said = spoken_form(
                text,
                lexicon=self.lexicon,
                punctuation=self.verbosity.punctuation,
                language=self.article.language,
                footnotes=self.verbosity.footnotes is Footnotes.SAY,
            )
            self.said[text] = said
        return said

    def add(self, text: str, spoken: str | Callable[[], str], place: Place, role: Role) -> None:
        """``spoken`` is a function while the spoken form is still to be made: it is made
        when first heard or shown, so a long article is scripted at once."""
        self.utterances.append(Utterance(text, spoken, place, role))

    def section(
        self,
        section: Section,
        depth: int,
        number: int,
        count: int,
        parent: Section | None,
        virtual: bool = False,
    ) -> None:
        start = len(self.utterances)
        slot = len(self.sections)
        parent_id = parent.id if parent is not None else None
        self.sections.append(
            ScriptSection(
                section.id, section.title, depth, number, count, parent_id, start, start, virtual
            )
        )

        def heading() -> str:
            parent_title = self.say(parent.title) if parent is not None else None
            return announce.section_heading(
                self.say(section.title),
                number,
                count,
                parent_title,
                numbered=self.verbosity.announcements.section_numbers,
            )

        self.add(section.title, heading, Place(section.id, -1, 0, 0), Role.HEADING)
        first_block = 0
        if section.shows == REFERENCES:
            self.references(section.id)
            first_block = 1
        elif section.shows == GLOSSARY:
            self.glossary(section.id)
            first_block = 1
        for index, block in enumerate(section.blocks, start=first_block):
            self.block(section.id, index, block)
        for position, child in enumerate(section.sections, start=1):
            self.section(child, depth + 1, position, len(section.sections), section)
        end = len(self.utterances)  # made anew: dataclasses.replace costs four times more
        self.sections[slot] = ScriptSection(
            section.id, section.title, depth, number, count, parent_id, start, end, virtual
        )

    def sentences(
        self, text: str, place: Place, role: Role, label: str | None = None, first: int = 0
    ) -> int:
        """One utterance per sentence of ``text``, ``label`` said before the first;
        returns how many were added."""
        parts = sentences(text)
        if not parts and label is not None:
            self.add(label, partial(self.say, label), place, role)
            return 1
        for offset, part in enumerate(parts):
            where = Place(place.section, place.block, place.item, first + offset)
            if offset == 0 and label is not None:
                written = announce.labelled(label, part)
                self.add(written, partial(self.labelled, label, part), where, role)
            else:
                self.add(part, partial(self.say, part), where, role)
        return len(parts)

    def labelled(self, label: str, text: str) -> str:
        return announce.labelled(self.say(label), self.say(text))

    def figure(self, description: str, place: Place) -> None:
        if self.verbosity.figures is FigureVerbosity.OFF:
            return
        parts = sentences(description)
        if self.verbosity.figures is FigureVerbosity.BRIEF:
            parts = parts[:1]
        for offset, part in enumerate(parts):
            prefixed = offset == 0 and self.verbosity.announcements.prefixes
            spoken = partial(self.image, part) if prefixed else partial(self.say, part)
            where = Place(place.section, place.block, place.item, place.sentence + offset)
            self.add(part, spoken, where, Role.FIGURE)

    def image(self, description: str) -> str:
        return announce.image(self.say(description))

    def block(self, section_id: str, index: int, block: Block) -> None:
        place = Place(section_id, index, 0, 0)
        match block:
            case Paragraph():
                self.sentences(block.text, place, Role.PARAGRAPH)
            case Callout():
                self.sentences(block.text, place, Role.CALLOUT, label=self.quote_label)
            case Figure():
                self.figure(block.description, place)
            case BulletList():
                self.bullet_list(section_id, index, block)
            case Table():
                self.table(section_id, index, block)

    def bullet_list(self, section_id: str, index: int, block: BulletList) -> None:
        opening = announce.list_start(len(block.items))
        self.add(opening, opening, Place(section_id, index, -1, 0), Role.ANNOUNCEMENT)
        for number, item in enumerate(block.items):
            place = Place(section_id, index, number, 0)
            self.sentences(item.text, place, Role.LIST_ITEM, label=item.term)

    def table(self, section_id: str, index: int, table: Table) -> None:
        caption = self.say(table.caption) if table.caption else None
        opening = announce.table_start(len(table.header), len(table.rows), caption)
        written = table.caption or " | ".join(table.header)
        self.add(written, opening, Place(section_id, index, -1, 0), Role.TABLE_CAPTION)
        for number, row in enumerate(table.rows):
            place = Place(section_id, index, number, 0)
            self.add(" | ".join(row), partial(self.row, table.header, row), place, Role.TABLE_ROW)

    def row(self, header: tuple[str, ...], row: tuple[str, ...]) -> str:
        return announce.table_row(
            tuple(self.say(name) for name in header), tuple(self.say(cell) for cell in row)
        )

    def references(self, section_id: str) -> None:
        opening = announce.references_start(len(self.article.references))
        self.add(opening, opening, Place(section_id, 0, -1, 0), Role.ANNOUNCEMENT)
        for number, reference in enumerate(self.article.references):
            place = Place(section_id, 0, number, 0)
            self.add(reference.text, partial(self.say, reference.text), place, Role.REFERENCE)

    def glossary(self, section_id: str) -> None:
        opening = announce.glossary_start(len(self.article.glossary))
        self.add(opening, opening, Place(section_id, 0, -1, 0), Role.ANNOUNCEMENT)
        for number, entry in enumerate(self.article.glossary):
            label = announce.teaser(entry.term) if entry.teaser else entry.term
            place = Place(section_id, 0, number, 0)
            said = self.sentences(entry.definition, place, Role.GLOSSARY_ENTRY, label=label)
            if entry.figure:
                self.figure(entry.figure, Place(section_id, 0, number, said))


def build_script(
    article: Article,
    *,
    verbosity: Verbosity = DEFAULT_VERBOSITY,
    lexicon: Lexicon | None = None,
) -> Script:
    """The article's script. ``lexicon`` is the listener's own; the article's
    ``pronunciations`` always apply beneath it (the listener's entries win)."""
    builder = _ScriptBuilder(article, verbosity, Lexicon(article.pronunciations).merged(lexicon))
    top = reading_sections(article)
    for number, section in enumerate(top, start=1):
        virtual = number > len(article.sections)
        builder.section(section, 0, number, len(top), None, virtual)
    return Script(tuple(builder.utterances), tuple(builder.sections))
