"""The text of the current section, with the sentence being spoken marked.

A Line API widget: it wraps the text itself (see ``pane_layout``) so it knows
the screen cell of the spoken sentence and can hand it to the app for the
terminal cursor. It holds no reading logic; the screen tells it what to show.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.geometry import Offset, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from narrator.content.terms import TermFinder
from narrator.speech.utterance import Utterance
from narrator.tui.pane_layout import Highlight, PaneLayout, layout
from narrator.tui.terminal_cursor import line_offset


class ReadingPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one section; ``mark`` shows the sentence (and word) being heard.

    It takes no keys of its own: the arrows belong to the reader's moves.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._utterances: Sequence[tuple[int, Utterance]] = ()
        self._terms: TermFinder | None = None
        self._highlight = Highlight()
        self._layout = PaneLayout()
        self._laid_out_width = 0

    @property
    def text(self) -> str:
        """Everything shown, as plain lines (what a sighted reader sees)."""
        return "\n".join(line.plain.rstrip() for line in self._layout.lines)

    @property
    def highlight(self) -> Highlight:
        return self._highlight

    def show(
        self, utterances: Sequence[tuple[int, Utterance]], terms: TermFinder | None = None
    ) -> None:
        """Replace the text with these utterances (index in the script, utterance)."""
        self._utterances = tuple(utterances)
        self._terms = terms
        self._highlight = Highlight()
        self._relayout()
        self.scroll_to(0, 0, animate=False)

    def mark(self, index: int | None, word: tuple[int, int] | None = None) -> None:
        """Mark utterance ``index`` as being spoken, and ``word`` (offsets in its text)."""
        highlight = Highlight(index, word)
        if highlight == self._highlight:
            return
        self._highlight = highlight
        self.refresh()
        self._keep_in_view()

    def sentence_offset(self) -> Offset | None:
        """Screen cell where the marked sentence (or heard word) starts, if it is visible."""
        index = self._highlight.index
        if index is None or index not in self._layout.starts:
            return None
        column, line = self._layout.starts[index]
        return line_offset(self, line, column)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or 80
        self._laid_out_width = width
        self._layout = layout(self._utterances, width, self._terms)
        self.virtual_size = Size(width, len(self._layout))
        self.refresh()

    def _keep_in_view(self) -> None:
        index = self._highlight.index
        if index is None or index not in self._layout.starts:
            return
        _, top = self._layout.starts[index]
        _, bottom = self._layout.ends[index]
        height = self.scrollable_content_region.height
        first = round(self.scroll_y)
        context = height // 4
        if top >= first and bottom + context < first + height:
            return
        # Out of view, or too near the bottom: the sentence goes a third of the
        # way down, leaving what comes next in sight (a tall one starts at the top).
        lead = height // 3 if bottom - top + 1 + height // 3 <= height else 0
        self.scroll_to(y=max(0, top - lead), animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._laid_out_width:
            self._relayout()
            self._keep_in_view()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if number >= len(self._layout):
            return Strip.blank(width, style)
        line = self._layout.line(number, self._highlight)
        segments = [
            Segment(segment.text, style + segment.style if segment.style else style)
            for segment in line.render(self.app.console)
        ]
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, style)
