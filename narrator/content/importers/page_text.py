"""Import the plain-text page format: the text a browser copies out of a web page.

Such text has lost its markup, so its structure has to be recovered from the
shape of the lines. Every heuristic below was chosen on the reference article
(``Anastrozole Dosing``) and is stated so that a writer who gets a surprising
result knows why, and can fix it by editing the text or the YAML:

* **Lines and groups.** A paragraph is one line; blank lines separate groups
  of lines. Known navigation chrome standing alone before the first heading
  ("Skip to main content" and the like) is dropped; every other word of the
  input ends up in the article.
* **Top-level headings** are groups of one short line (at most six words),
  without final punctuation, in title case (every word capitalised except
  small connectors such as "of" or "and"): "Fundamentals", "Intermediate".
  Text before the first heading goes into a section called "Introduction".
* **Question headings** are groups of one line of at most twenty words that
  ends with "?"; they become sections nested in the current top-level section.
* **Bullet lists** are lines starting with "•" (or "◦", "▪", "*", "-") and a
  space. An item written ``Term ∞ text`` keeps ``Term`` as its lead term.
* **Figure descriptions.** The page writes an image's alt text as a line that
  carries no final punctuation (sentences end with ".", ":", "?"...), and it
  always stands last before a heading. So the last line of the group right
  before a heading (or the end of the text) is a figure when it has no final
  punctuation and is not a table row (it does not split into as many cells,
  two or more, as the line above it).
* **Pull quotes** (callouts) are paragraphs of one sentence ending with ".",
  at most 160 characters long, standing between two paragraphs of several
  sentences each: the page sets a restating sentence apart between the
  paragraphs it summarises. A one-sentence paragraph that introduces a list
  or a table, or opens a section, stays a paragraph.
* **Tables** are two or more consecutive non-bullet lines with no blank line
  between them; the first is the header. Cells are separated by tabs (each
  tab is one boundary, so a cell may be empty) or by two or more spaces.
  When the page collapsed its separators into single spaces, as the
  reference page did, a body row is read as a title-case label followed by
  sentence-case cells (a cell starts with a capital word right after a word
  that starts in lower case or closes a parenthesis, and not after a comma),
  and an all-title-case header is cut into as many cells as the body has, at
  the joints between two words that (a) the rest of the page never writes
  side by side and (b) do not follow an adjective ("-al", "-ic", "-ive",
  "-ous") or a connector; ties go to the most even cut. Lines that do not
  split into rows of one width stay one paragraph each (a hard-wrapped
  paragraph is not joined back together).
* **References.** Bullet items under a heading "References" are the article's
  references, kept verbatim (a "∞" inside a citation is text there). Only
  the first "References" (and the first "Glossary") heading is read that
  way; a second one is an ordinary section.
* **Glossary.** Under a heading "Glossary" a group of one short line (at most
  eight words, no final punctuation) is a term when the next group's first
  line is a definition: a sentence, or a line with the page's "Meaning ∞"
  label (which the definition does not keep). A definition
  written without that label is not a definition but a teaser for another
  article, and is marked ``teaser``. A line following a definition in its
  group, and any lone description line, is the figure of the next entry (the
  page shows each entry's image right before its term). Abbreviations the
  page introduces for a term, as in "aromatase inhibitors (AIs)" or "Bone
  Mineral Density, commonly abbreviated as BMD", become its aliases.

Ids are slugs of the titles (``narrator.content.slugs``, shared with the
Markdown importer), numbered when two titles share one, so they stay the same
each time the same page is imported.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from narrator.content.importers.draft import Draft, article_id, sections, title_from_name
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
    Shows,
    Source,
    Table,
)
from narrator.errors import NarratorError

NAVIGATION_CHROME = frozenset(
    {"skip to main content", "skip to content", "skip navigation", "jump to content"}
)
CONNECTORS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
MAX_HEADING_WORDS = 6
MAX_QUESTION_WORDS = 20
MAX_TERM_WORDS = 8
MAX_PULL_QUOTE_CHARS = 160
MAX_HEADER_CUTS = 20_000

_BULLET = re.compile(r"^\s*[•◦▪*-]\s+")
_CLOSING_QUOTES = "\"'\u201d\u2019"
_OPENING_QUOTES = "\"'\u201c\u2018"
_FINAL_PUNCTUATION = tuple(".:;!?,)]…" + _CLOSING_QUOTES)
_EXPLICIT_CELL_SEPARATOR = re.compile(r" *\t *| {2,}")
_SENTENCE_BOUNDARY = re.compile(f"[.!?][{_CLOSING_QUOTES})]*\\s+[{_OPENING_QUOTES}(]?[A-Z0-9]")
_GLOSSARY_LABEL = re.compile(r"^Meaning\s*∞\s*")
_TERM_SEPARATOR = " ∞ "
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous")
_WORD = re.compile("[\\w'\\u2019-]+")
_ABBREVIATION = r"(?-i:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\b"
_SHOWN_PARTS: dict[str, Shows] = {"references": "references", "glossary": "glossary"}


@dataclass
class _Group:
    """Consecutive non-blank lines: a paragraph, a heading, a list, a table..."""

    lines: list[str]

    @property
    def single(self) -> str | None:
        return self.lines[0].strip() if len(self.lines) == 1 else None


def convert(text: str, name: str) -> Article:
    """The article in ``text``, a page copied as plain text; ``name`` names it (a file stem)."""
    groups = _groups(text)
    if not groups:
        raise NarratorError(f"{name}: no text to import")
    builder = _Builder(_word_pairs(text))
    builder.read(groups)
    return Article(
        id=article_id(name),
        title=title_from_name(name, "Imported page"),
        sections=sections(builder.drafts),
        source=Source(attribution=f"Imported from the plain text of a web page ({name})."),
        references=tuple(builder.references),
        glossary=tuple(_with_abbreviations(entry, text) for entry in builder.glossary),
    )


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.rstrip()
        if not line.strip():
            current = None
        elif current is None:
            current = _Group([line])
            groups.append(current)
        else:
            current.lines.append(line)
    while groups and groups[0].single is not None and groups[0].single.lower() in NAVIGATION_CHROME:
        groups.pop(0)
    return groups


def _word_pairs(text: str) -> Counter[tuple[str, str]]:
    """How often each two words stand side by side on the page (in any letter case)."""
    words = [word.lower() for word in _WORD.findall(text)]
    return Counter(itertools.pairwise(words))


def _words(line: str) -> list[str]:
    return line.split()


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_FINAL_PUNCTUATION)


def _capitalised(word: str) -> bool:
    letters = word.lstrip("(" + _OPENING_QUOTES)
    return bool(letters) and letters[0].isupper()


def _is_title_case(line: str) -> bool:
    words = _words(line)
    return all(
        _capitalised(word) or (index > 0 and word in CONNECTORS) for index, word in enumerate(words)
    )


def _is_heading(line: str) -> bool:
    words = _words(line)
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not _ends_sentence(line)
        and not _BULLET.match(line)
        and _is_title_case(line)
    )


def _is_question(line: str) -> bool:
    return line.endswith("?") and len(_words(line)) <= MAX_QUESTION_WORDS


def _is_term(line: str) -> bool:
    return 0 < len(_words(line)) <= MAX_TERM_WORDS and not _ends_sentence(line)


def _sentence_count(text: str) -> int:
    return 1 + len(_SENTENCE_BOUNDARY.findall(text))


class _Builder:
    """Walks the groups once, keeping the section being filled and the page's mode."""

    def __init__(self, word_pairs: Counter[tuple[str, str]]) -> None:
        self.word_pairs = word_pairs
        self.drafts: list[Draft] = []
        self.top: Draft | None = None
        self.current: Draft | None = None
        self.references: list[Reference] = []
        self.glossary: list[GlossaryEntry] = []
        self.pending_figure: str | None = None

    @property
    def mode(self) -> Shows | None:
        return self.top.shows if self.top is not None else None

    def read(self, groups: list[_Group]) -> None:
        index = 0
        while index < len(groups):
            group = groups[index]
            if self._is_glossary_term(groups, index):
                self._add_entry(group.lines[0].strip(), groups[index + 1].lines)
                index += 2
                continue
            if group.single is not None and _is_heading(group.single):
                self._open_top(group.single)
            elif group.single is not None and _is_question(group.single):
                self._open_question(group.single)
            else:
                self._add_content(group.lines, before_heading=self._starts_part(groups, index + 1))
            index += 1
        self._flush_pending_figure()
        for draft in self._all_drafts():
            draft.blocks = _with_pull_quotes(draft.blocks)

    def _all_drafts(self) -> list[Draft]:
        found: list[Draft] = []
        stack = list(reversed(self.drafts))
        while stack:
            draft = stack.pop()
            found.append(draft)
            stack.extend(reversed(draft.children))
        return found

    def _starts_part(self, groups: list[_Group], index: int) -> bool:
        """Whether ``groups[index]`` is a heading, a glossary term, or the end of the page."""
        if index >= len(groups):
            return True
        line = groups[index].single
        return line is not None and (
            _is_heading(line) or _is_question(line) or self._is_glossary_term(groups, index)
        )

    def _is_glossary_term(self, groups: list[_Group], index: int) -> bool:
        """A short line followed by a definition: the labelled kind, or a sentence."""
        line = groups[index].single
        if self.mode != "glossary" or line is None or index + 1 >= len(groups):
            return False
        if not _is_term(line):
            return False
        following = groups[index + 1]
        definition = following.lines[0].strip()
        if _GLOSSARY_LABEL.match(definition):
            return True
        heading_follows = following.single is not None and (
            _is_heading(following.single) or _is_question(following.single)
        )
        return not _is_heading(line) and not heading_follows and _ends_sentence(definition)

    def _section(self) -> Draft:
        if self.current is None:
            self._open_top("Introduction")
        assert self.current is not None
        return self.current

    def _open_top(self, title: str) -> None:
        self._flush_pending_figure()
        shows = _SHOWN_PARTS.get(title.strip().lower())
        if any(draft.shows == shows for draft in self.drafts):
            shows = None
        self.top = self.current = Draft(title, shows)
        self.drafts.append(self.top)

    def _open_question(self, title: str) -> None:
        self._flush_pending_figure()
        if self.top is None:
            self._open_top(title)
            return
        self.current = Draft(title)
        self.top.children.append(self.current)

    def _flush_pending_figure(self) -> None:
        if self.pending_figure is not None:
            self._section().blocks.append(Figure(self.pending_figure))
            self.pending_figure = None

    def _add_content(self, lines: list[str], *, before_heading: bool) -> None:
        lines = list(lines)
        figure = lines.pop().strip() if before_heading and _ends_with_figure(lines) else None
        if self.mode == "glossary" and figure is not None and not lines:
            self._flush_pending_figure()
            self.pending_figure = figure
            return
        section = self._section()
        for bulleted, run in itertools.groupby(lines, key=lambda line: bool(_BULLET.match(line))):
            items = [_BULLET.sub("", line).strip() for line in run]
            if bulleted and self.mode == "references":
                self.references.extend(Reference(item) for item in items)
            elif bulleted:
                section.blocks.append(BulletList(tuple(_list_item(item) for item in items)))
            else:
                section.blocks.extend(_prose_or_table(items, self))
        if figure is not None:
            section.blocks.append(Figure(figure))

    def _add_entry(self, term: str, lines: list[str]) -> None:
        definition, *rest = (line.strip() for line in lines)
        figure, self.pending_figure = self.pending_figure, None
        if rest and not _ends_sentence(rest[-1]):
            self.pending_figure = rest.pop()
        teaser = not _GLOSSARY_LABEL.match(definition)
        text = " ".join([_GLOSSARY_LABEL.sub("", definition), *rest])
        known = next((e for e in self.glossary if e.term.lower() == term.lower()), None)
        if known is None:
            self.glossary.append(GlossaryEntry(term, text, teaser=teaser, figure=figure))
            return
        self.glossary[self.glossary.index(known)] = GlossaryEntry(
            known.term,
            f"{known.definition} {text}",
            teaser=known.teaser and teaser,
            figure=known.figure or figure,
        )
        if known.figure and figure:
            self._section().blocks.append(Figure(figure))

    def collocations(self, first: str, second: str) -> int:
        return self.word_pairs[first.lower(), second.lower()]


def _ends_with_figure(lines: list[str]) -> bool:
    last = lines[-1]
    if _BULLET.match(last) or _ends_sentence(last):
        return False
    if len(lines) < 2 or _BULLET.match(lines[-2]):
        return True
    width = len(_body_cells(last.strip()))
    return width < 2 or width != len(_body_cells(lines[-2].strip()))


def _with_abbreviations(entry: GlossaryEntry, page: str) -> GlossaryEntry:
    """The entry with the abbreviations the page introduces for its term as aliases,
    so a listener who jumps between glossary terms finds "TRT" as well."""
    term = r"[\s-]+".join(re.escape(word) for word in entry.term.split())
    introduced = re.compile(
        rf"(?<!\w){term}(?:\s*\(|,?\s+(?:commonly\s+)?abbreviated\s+as\s+)({_ABBREVIATION})",
        re.IGNORECASE,
    )
    found = dict.fromkeys(match.group(1) for match in introduced.finditer(page))
    aliases = tuple(alias for alias in found if alias.lower() != entry.term.lower())
    return replace(entry, aliases=aliases) if aliases else entry


def _list_item(text: str) -> ListItem:
    term, separator, rest = text.partition(_TERM_SEPARATOR)
    if separator and rest.strip() and term.strip():
        return ListItem(rest.strip(), term.strip())
    return ListItem(text)


def _prose_or_table(lines: list[str], builder: _Builder) -> list[Block]:
    if len(lines) >= 2:
        table = _table(lines, builder)
        if table is not None:
            return [table]
    return [Paragraph(line) for line in lines]


def _table(lines: list[str], builder: _Builder) -> Table | None:
    header_line, *body_lines = lines
    body = [_body_cells(line) for line in body_lines]
    widths = {len(row) for row in body}
    if len(widths) != 1 or widths == {1}:
        return None
    (width,) = widths
    header = _header_cells(header_line, width, builder)
    if header is None:
        return None
    return Table(tuple(header), tuple(tuple(row) for row in body))


def _explicit_cells(line: str) -> list[str] | None:
    if not _EXPLICIT_CELL_SEPARATOR.search(line):
        return None
    return _EXPLICIT_CELL_SEPARATOR.split(line.strip())


def _body_cells(line: str) -> list[str]:
    explicit = _explicit_cells(line)
    if explicit is not None:
        return explicit
    words = _words(line)
    label = list(itertools.takewhile(_capitalised, words))
    if len(label) < 2 or len(label) == len(words):
        return [line]
    cuts = [len(label) - 1]
    for index in range(len(label), len(words)):
        previous = words[index - 1]
        opens_cell = _capitalised(words[index]) and not previous.endswith(",")
        if opens_cell and (previous[0].islower() or previous.endswith(")")):
            cuts.append(index)
    return _cut(words, cuts)


def _header_cells(line: str, width: int, builder: _Builder) -> list[str] | None:
    explicit = _explicit_cells(line)
    if explicit is not None:
        return explicit if len(explicit) == width else None
    words = _words(line)
    if not _is_title_case(line):
        cells = _body_cells(line)
        return cells if len(cells) == width else None
    joints = [
        index
        for index in range(1, len(words))
        if _capitalised(words[index])
        and words[index - 1] not in CONNECTORS
        and not words[index - 1].endswith(",")
        and not words[index - 1].lower().endswith(_ADJECTIVE_ENDINGS)
    ]
    if len(joints) < width - 1:
        return None
    cuts = itertools.islice(itertools.combinations(joints, width - 1), MAX_HEADER_CUTS)

    def cost(chosen: tuple[int, ...]) -> tuple[int, int]:
        together = sum(builder.collocations(words[i - 1], words[i]) for i in chosen)
        sizes = [b - a for a, b in itertools.pairwise((0, *chosen, len(words)))]
        return together, max(sizes) - min(sizes)

    best = min(cuts, key=cost)
    return _cut(words, list(best))


def _cut(words: Sequence[str], cuts: Sequence[int]) -> list[str]:
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def _with_pull_quotes(blocks: list[Block]) -> list[Block]:
    def long_paragraph(block: Block) -> bool:
        return isinstance(block, Paragraph) and _sentence_count(block.text) >= 2

    result = list(blocks)
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if (
            isinstance(block, Paragraph)
            and block.text.endswith(".")
            and len(block.text) <= MAX_PULL_QUOTE_CHARS
            and _sentence_count(block.text) == 1
            and long_paragraph(blocks[index - 1])
            and long_paragraph(blocks[index + 1])
        ):
            result[index] = Callout(block.text)
    return result
