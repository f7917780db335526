"""Where the listener is in an article, and every way of moving from there.

The cursor is an index into the script's utterances: the voice, the screen
and the saved progress all speak of utterances, so they can never disagree
about where the listener is. Each move returns a ``Move`` saying where it
landed and what to say on landing; a move that has nowhere to go leaves the
cursor where it was and says why, as a screen reader does at the end of a
document. The cursor knows nothing of keys, threads or the speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from narrator.content.errors import unknown_section
from narrator.content.model import Article, GlossaryEntry
from narrator.content.terms import TermFinder, TermOccurrence
from narrator.errors import NarratorError
from narrator.reading.announce import Announcer
from narrator.reading.commands import Action
from narrator.reading.elements import Element, ElementKind, find_elements
from narrator.reading.search import Match, find_matches
from narrator.reading.structure import SectionSpan, Structure
from narrator.reading.where import Progress, Where, listening_time
from narrator.speech import announce
from narrator.speech.lexicon import Lexicon
from narrator.speech.script import build_script
from narrator.speech.settings import Announcements, Verbosity
from narrator.speech.utterance import Place, Role, Utterance

END = "End of article"
START = "Start of article"
# Where a paragraph or sentence move leaves one of these, it says so ("Out of list").
_CONTAINERS = frozenset({ElementKind.LIST, ElementKind.TABLE})
# The items whose position is said when moving among them ("row 2 of 3").
_COUNTED = frozenset({Role.LIST_ITEM, Role.TABLE_ROW})

# Utterances that are not the article's running text: a term "used" there is
# the glossary talking about itself, not the article using it.
_NOT_TEXT = frozenset({Role.GLOSSARY_ENTRY, Role.ANNOUNCEMENT})


@dataclass(frozen=True)
class Move:
    """Where a move landed (``moved`` is False when the cursor stayed).

    ``speech`` is what to say on landing: the announcement, then the
    script's ``utterances[index:end]`` — one sentence, or a whole paragraph
    (a list's opening words with its first item) for the paragraph keys;
    landing on a section's heading, the heading says it all ("Section 2 of
    6: Intermediate."), so it is said alone. A move that stayed says only
    why (``end == index``). ``term`` and ``match`` are the term use or
    search match landed on.
    """

    utterance: Utterance
    index: int
    announcement: str
    speech: tuple[Utterance, ...]
    end: int
    moved: bool = True
    term: TermOccurrence | None = None
    match: Match | None = None


@dataclass(frozen=True)
class TermUse:
    """A use of a glossary term: ``utterances[index].text[occurrence.start:occurrence.end]``."""

    index: int
    occurrence: TermOccurrence


class Cursor:
    """A position in one article's script, with the moves a listener makes."""

    def __init__(
        self,
        article: Article,
        utterances: Sequence[Utterance],
        *,
        announcer: Announcer | None = None,
        index: int = 0,
    ) -> None:
        if not utterances:
            raise NarratorError(f"{article.title}: there is nothing to read")
        self.article = article
        self.utterances = tuple(utterances)
        self.announcer = announcer or Announcer()
        self.structure = Structure(article, self.utterances)
        self.elements = find_elements(article, self.utterances)
        self.announcements = Announcements()  # which of the reader's own words are said
        self.progress = Progress(self.utterances, self.structure)
        self.terms = TermFinder(article.glossary)
        self.uses = tuple(
            TermUse(index, occurrence)
            for index, utterance in enumerate(self.utterances)
            if utterance.role not in _NOT_TEXT
            for occurrence in self.terms.find(utterance.text)
        )
        self._index_of = {utterance: number for number, utterance in enumerate(self.utterances)}
        self.index = max(0, min(index, len(self.utterances) - 1))
        self.term: TermOccurrence | None = None
        self.chosen: GlossaryEntry | None = None
        self.query = ""
        self.matches: tuple[Match, ...] = ()
        self.match: Match | None = None

    @classmethod
    def for_article(
        cls, article: Article, verbosity: Verbosity, lexicon: Lexicon | None = None
    ) -> Cursor:
        """At the start of the article's script, said at ``verbosity`` with the listener's
        lexicon (the readers remake it when the listener changes punctuation or figures)."""
        script = build_script(article, verbosity=verbosity, lexicon=lexicon)
        announcer = Announcer.for_article(article, verbosity, lexicon)
        cursor = cls(article, script.utterances, announcer=announcer)
        cursor.announcements = verbosity.announcements
        return cursor

    # ----------------------------------------------------------------- state

    @property
    def current(self) -> Utterance:
        return self.utterances[self.index]

    def index_of(self, utterance: Utterance) -> int | None:
        """The script index of ``utterance``; None for one that is not in the script."""
        return self._index_of.get(utterance)

    def section(self) -> SectionSpan | None:
        return self.structure.section_at(self.index)

    def where(self, *, with_title: bool = False, state: str = "") -> Where:
        """Where the listener is; ``state`` ("paused") ends the spoken answer."""
        title = self.article.title if with_title else ""
        return self.progress.where(self.index, title=title, state=state)

    def time_left(self, rate: int) -> str:
        """How long the rest of the section and of the article take to hear at ``rate``
        words per minute: "About 2 minutes left in the section, about 25 minutes in the
        article"."""
        span = self.section()
        section_end = span.end if span is not None else len(self.utterances)
        in_section = self.progress.words(self.index, section_end)
        in_article = self.progress.words(self.index, len(self.utterances))
        section_time = listening_time(in_section / max(1, rate))
        article_time = listening_time(in_article / max(1, rate))
        return f"{section_time.capitalize()} left in the section, {article_time} in the article"

    def opening(self, resumed: bool, *, hint: str = "", title: bool = True) -> Move:
        """What opening the article says: its title (unless ``title`` is False: it
        was said already), then ``hint`` (how to start), then the heading landed
        on; or, coming back, that it resumes in which section, then the sentence
        the listener left. Brief: "where am I" says more."""
        if resumed:
            section = self.section()
            said = announce.sentence(f"Resuming {section.title}" if section else "Resuming")
        else:
            said = announce.sentence(self.article.title) if title else ""
        lead = [*self.announcer.sentences(said)] if said else []
        if hint:
            lead += self.announcer.sentences(announce.sentence(hint))
        return Move(self.current, self.index, said, (*lead, self.current), self.index + 1)

    # ------------------------------------------------------------- landing

    def _land(
        self,
        index: int,
        announcement: str = "",
        *,
        term: TermOccurrence | None = None,
        match: Match | None = None,
        end: int | None = None,
        leaving: str = "",
    ) -> Move:
        """Land on ``index``, to read ``utterances[index:end]`` (one sentence by default);
        ``leaving`` ("Out of list") is said first, whatever is landed on."""
        self.index = index
        self.term = term
        self.match = match
        utterance = self.utterances[index]
        end = index + 1 if end is None else end
        text = self.utterances[index:end]
        if announcement and (
            utterance.role is not Role.HEADING or term is not None or match is not None
        ):
            speech = (self.announcer.say(announcement), *text)
        else:
            speech = text
        if leaving:
            speech = (self.announcer.say(leaving), *speech)
            announcement = f"{leaving}. {announcement}" if announcement else leaving
        return Move(utterance, index, announcement, speech, end, term=term, match=match)

    def stay(self, announcement: str) -> Move:
        """Stay where the cursor is and say why (a boundary: "No next table")."""
        return Move(
            self.current,
            self.index,
            announcement,
            (self.announcer.say(announcement),),
            self.index,
            moved=False,
            term=self.term,
            match=self.match,
        )

    def _section_announcement(self, span: SectionSpan) -> str:
        """What the script's heading says, shorter: the heading itself is spoken on landing."""
        position = f"{span.position} of {span.siblings}, {span.title}"
        if span.depth == 0:
            return f"Section {position}"
        return f"{span.path[-2]}, section {position}"

    def _land_on_stop(self, index: int) -> Move:
        """Land on the paragraph (or item, or heading) at ``index`` to read all of it.

        Its position is not said first: screen readers say the text straight
        away, and "where am I" and the status line tell the position."""
        leaving = self._leaving(index)
        stop = self.structure.stop_at(index)
        if stop is None:
            return self._land(index, leaving=leaving)
        span = self.structure.section_at(index)
        announcement = self._section_announcement(span) if stop.heading and span else ""
        if (
            self.announcements.positions
            and stop.item > 1
            and self.utterances[stop.start].role in _COUNTED
            and not leaving
        ):
            announcement = f"{stop.noun.capitalize()} {stop.item} of {stop.items}"
        return self._land(stop.start, announcement, end=stop.end, leaving=leaving)

    def _leaving(self, index: int) -> str:
        """ "Out of list" (or table) when a step to ``index`` leaves the one the cursor is in."""
        here = self.element_at(self.index)
        if here is None or here.kind not in _CONTAINERS or here.start <= index < here.end:
            return ""
        return f"Out of {here.kind.value}"

    # ------------------------------------------------------------ sentences

    def go_to(self, index: int) -> Move:
        return self._land(max(0, min(index, len(self.utterances) - 1)))

    def follow(self, index: int) -> None:
        """The voice is now saying ``utterances[index]``: the cursor follows it.

        Landing on a term or a match, the voice says the announcement and then
        the sentence it is in; that sentence being heard is the landing itself,
        so the term or match landed on is kept, and t or n moves on from it,
        whenever the key is pressed. Reading on to another sentence leaves it.
        """
        if index != self.index:
            self._land(index)

    def next_sentence(self) -> Move:
        if self.index + 1 >= len(self.utterances):
            return self.stay(END)
        return self._land(self.index + 1, leaving=self._leaving(self.index + 1))

    def previous_sentence(self) -> Move:
        if self.index == 0:
            return self.stay(START)
        return self._land(self.index - 1, leaving=self._leaving(self.index - 1))

    # ----------------------------------------------------------- paragraphs

    def next_paragraph(self) -> Move:
        stop = self.structure.stop_at(self.index)
        after = stop.end if stop else self.index + 1
        if after >= len(self.utterances):
            return self.stay(END)
        return self._land_on_stop(after)

    def previous_paragraph(self) -> Move:
        stop = self.structure.stop_at(self.index)
        before = (stop.start if stop else self.index) - 1
        if before < 0:
            return self.stay(START)
        return self._land_on_stop(before)

    # ------------------------------------------------------------- sections

    def _section_move(self, spans: Sequence[SectionSpan], nowhere: str) -> Move:
        if not spans:
            return self.stay(nowhere)
        span = spans[0]
        return self._land(span.start, self._section_announcement(span))

    def next_section(self) -> Move:
        later = [s for s in self.structure.sections if s.start > self.index]
        return self._section_move(later, END)

    def previous_section(self) -> Move:
        earlier = [s for s in self.structure.sections if s.start < self.index]
        return self._section_move(earlier[::-1], START)

    def next_section_at(self, level: int) -> Move:
        """The next section at depth ``level`` (1 = top level), like a screen reader's 1 to 6."""
        later = [
            s for s in self.structure.sections if s.start > self.index and s.depth == level - 1
        ]
        return self._section_move(later, f"No next section at level {level}")

    def previous_section_at(self, level: int) -> Move:
        earlier = [
            s for s in self.structure.sections if s.start < self.index and s.depth == level - 1
        ]
        return self._section_move(earlier[::-1], f"No previous section at level {level}")

    def section_start(self) -> Move:
        """Home: the heading of the section being read."""
        span = self.section()
        if span is None:
            return self.stay(START)
        return self._land(span.start, self._section_announcement(span))

    def section_end(self) -> Move:
        """End: the last sentence of the section's own text (before its subsections)."""
        span = self.section()
        if span is None:
            return self.stay(END)
        return self._land(span.end - 1, "Last sentence of the section")

    def article_start(self) -> Move:
        span = self.structure.section_at(0)
        return self._land(0, self._section_announcement(span) if span else START)

    def article_end(self) -> Move:
        return self._land(len(self.utterances) - 1, "Last sentence of the article")

    # ------------------------------------------------------------- elements

    def element_at(self, index: int | None = None) -> Element | None:
        """The list, table, figure or callout that utterance ``index`` (the cursor's) is in."""
        index = self.index if index is None else index
        return next((e for e in self.elements if e.start <= index < e.end), None)

    def next_element(self, kind: ElementKind) -> Move:
        later = [e for e in self.elements if e.kind is kind and e.start > self.index]
        if not later:
            return self.stay(f"No next {kind.value}")
        return self.go_to_element(later[0])

    def previous_element(self, kind: ElementKind) -> Move:
        """The one before the element the cursor is in (or before the cursor)."""
        earlier = [e for e in self.elements if e.kind is kind and e.end <= self.index]
        if not earlier:
            return self.stay(f"No previous {kind.value}")
        return self.go_to_element(earlier[-1])

    def go_to_element(self, element: Element) -> Move:
        """Land on an element and read its first stop: a list's "List, 6 items." with
        its first item, a table's shape and caption with its first row, a figure's or
        a callout's sentences (their "Image:" and "Quote:" say the kind, or, with those
        prefixes off, the move does)."""
        stop = self.structure.stop_at(element.start)
        end = stop.end if stop is not None else element.start + 1
        prefixed = element.kind in _CONTAINERS or self.announcements.prefixes
        return self._land(element.start, "" if prefixed else element.summary, end=end)

    def go_to_section(self, section_id: str) -> Move:
        span = self.structure.section(section_id)
        if span is None:
            known = [s.id for s in self.structure.sections]
            raise unknown_section(self.article.id, section_id, known)
        return self._land(span.start, self._section_announcement(span))

    def go_to_place(self, place: Place, announcement: str = "") -> Move:
        """The utterance at ``place``, or the nearest before it in the same section,
        said after ``announcement``.

        Bookmarks and saved progress store places, and an edited article may
        have lost the exact sentence; landing just before it (or on the
        section, or at the start) is what a reader would do by hand.
        """
        key = (place.block, place.item, place.sentence)
        best: int | None = None
        first: int | None = None
        for index, utterance in enumerate(self.utterances):
            at = utterance.place
            if at is None or at.section != place.section:
                continue
            if first is None:
                first = index
            if (at.block, at.item, at.sentence) <= key:
                best = index
        target = best if best is not None else first
        return self._land(target if target is not None else 0, announcement)

    # ----------------------------------------------------------------- terms

    # A sentence being read counts as ahead of the listener: t finds a term in
    # it, T only terms before it.

    def _uses_after(self, uses: Sequence[TermUse]) -> list[TermUse]:
        here = (self.index, self.term.start if self.term else -1)
        return [u for u in uses if (u.index, u.occurrence.start) > here]

    def _uses_before(self, uses: Sequence[TermUse]) -> list[TermUse]:
        here = (self.index, self.term.start if self.term else -1)
        return [u for u in uses if (u.index, u.occurrence.start) < here][::-1]

    def _term_move(self, use: TermUse, announcement: str) -> Move:
        return self._land(use.index, announcement, term=use.occurrence)

    def next_term(self) -> Move:
        later = self._uses_after(self.uses)
        if not later:
            return self.stay("No next term")
        return self._term_move(later[0], f"Term: {later[0].occurrence.entry.term}")

    def previous_term(self) -> Move:
        earlier = self._uses_before(self.uses)
        if not earlier:
            return self.stay("No previous term")
        return self._term_move(earlier[0], f"Term: {earlier[0].occurrence.entry.term}")

    def term_at_cursor(self) -> GlossaryEntry | None:
        """The term being read: on a glossary entry that entry, else the one in this
        sentence, else the nearest use before or after (before on a tie)."""
        utterance = self.current
        glossary = self.article.glossary
        if (
            utterance.role is Role.GLOSSARY_ENTRY
            and utterance.place is not None
            and 0 <= utterance.place.item < len(glossary)
        ):
            return glossary[utterance.place.item]
        if self.term is not None:
            return self.term.entry
        if not self.uses:
            return None
        nearest = min(self.uses, key=lambda u: (abs(u.index - self.index), u.index > self.index))
        return nearest.occurrence.entry

    def uses_of(self, entry: GlossaryEntry) -> tuple[TermUse, ...]:
        return tuple(u for u in self.uses if u.occurrence.entry == entry)

    def choose_term(self, entry: GlossaryEntry) -> Move:
        """Pick the term that n / N step through, and land on its first use."""
        self.chosen = entry
        self.query = ""
        uses = self.uses_of(entry)
        if not uses:
            return self.stay(f"{entry.term} is not used in the text")
        return self._term_move(uses[0], f"{entry.term}, use 1 of {len(uses)}")

    def _use_move(self, forward: bool) -> Move:
        if self.chosen is None:
            return self.stay("No term chosen")
        uses = self.uses_of(self.chosen)
        candidates = self._uses_after(uses) if forward else self._uses_before(uses)
        if not candidates:
            return self.stay(f"No {'next' if forward else 'previous'} use of {self.chosen.term}")
        use = candidates[0]
        number = uses.index(use) + 1
        return self._term_move(use, f"{self.chosen.term}, use {number} of {len(uses)}")

    def next_use(self) -> Move:
        return self._use_move(forward=True)

    def previous_use(self) -> Move:
        return self._use_move(forward=False)

    def definition_utterances(self, entry: GlossaryEntry) -> list[Utterance]:
        """What "d" says: the term and its definition, worded as the glossary section
        reads it, so a teaser entry is said to be a related article, not a definition."""
        label = announce.teaser(entry.term) if entry.teaser else entry.term
        return self.announcer.sentences(announce.labelled(label, entry.definition))

    # ---------------------------------------------------------------- search

    def search(self, query: str) -> tuple[Match, ...]:
        """Remember ``query`` for n / N and return every match, in reading order."""
        self.query = query
        self.chosen = None
        self.matches = find_matches(self.utterances, query)
        self.match = None
        return self.matches

    def _match_move(self, forward: bool) -> Move:
        if not self.matches:
            return self.stay(f"No matches for {self.query}" if self.query else "No search")
        if self.match is not None and self.match.index == self.index:
            here = (self.index, self.match.start)
        else:
            here = (self.index, -1)
        if forward:
            found = [m for m in self.matches if (m.index, m.start) > here]
        else:
            found = [m for m in self.matches if (m.index, m.start) < here][::-1]
        if not found:
            return self.stay(f"No {'next' if forward else 'previous'} match for {self.query}")
        match = found[0]
        number = self.matches.index(match) + 1
        return self._land(match.index, f"Match {number} of {len(self.matches)}", match=match)

    def next_match(self) -> Move:
        return self._match_move(forward=True)

    def previous_match(self) -> Move:
        return self._match_move(forward=False)

    def next_found(self) -> Move:
        """n: the next use of the chosen term, or the next search match, whichever was
        looked for last."""
        return self.next_use() if self.chosen is not None else self.next_match()

    def previous_found(self) -> Move:
        return self.previous_use() if self.chosen is not None else self.previous_match()

    def step(self, action: Action) -> Move:
        """Run the move ``action`` (one of ``MOVES``)."""
        level = action.level
        if level is not None:
            return (
                self.previous_section_at(level) if action.backward else self.next_section_at(level)
            )
        if action in ELEMENT_MOVES:
            kind = ELEMENT_MOVES[action]
            return self.previous_element(kind) if action.backward else self.next_element(kind)
        moves: dict[Action, Callable[[], Move]] = {
            Action.SECTION_START: self.section_start,
            Action.SECTION_END: self.section_end,
            Action.ARTICLE_START: self.article_start,
            Action.ARTICLE_END: self.article_end,
            Action.NEXT_SENTENCE: self.next_sentence,
            Action.PREVIOUS_SENTENCE: self.previous_sentence,
            Action.NEXT_PARAGRAPH: self.next_paragraph,
            Action.PREVIOUS_PARAGRAPH: self.previous_paragraph,
            Action.NEXT_SECTION: self.next_section,
            Action.PREVIOUS_SECTION: self.previous_section,
            Action.NEXT_TERM: self.next_term,
            Action.PREVIOUS_TERM: self.previous_term,
            Action.NEXT_FOUND: self.next_found,
            Action.PREVIOUS_FOUND: self.previous_found,
        }
        return moves[action]()


ELEMENT_MOVES = {
    Action.NEXT_LIST: ElementKind.LIST,
    Action.PREVIOUS_LIST: ElementKind.LIST,
    Action.NEXT_TABLE: ElementKind.TABLE,
    Action.PREVIOUS_TABLE: ElementKind.TABLE,
    Action.NEXT_FIGURE: ElementKind.FIGURE,
    Action.PREVIOUS_FIGURE: ElementKind.FIGURE,
    Action.NEXT_CALLOUT: ElementKind.CALLOUT,
    Action.PREVIOUS_CALLOUT: ElementKind.CALLOUT,
}

JUMPS = frozenset(
    {
        Action.NEXT_SECTION,
        Action.PREVIOUS_SECTION,
        Action.NEXT_TERM,
        Action.PREVIOUS_TERM,
        Action.NEXT_FOUND,
        Action.PREVIOUS_FOUND,
        Action.SECTION_START,
        Action.SECTION_END,
        Action.ARTICLE_START,
        Action.ARTICLE_END,
        *ELEMENT_MOVES,
        *(action for action in Action if action.level is not None),
    }
)
"""The moves ``backspace`` comes back from: every move but by sentence and paragraph."""

MOVES = frozenset(
    {
        *JUMPS,
        Action.NEXT_SENTENCE,
        Action.PREVIOUS_SENTENCE,
        Action.NEXT_PARAGRAPH,
        Action.PREVIOUS_PARAGRAPH,
    }
)
