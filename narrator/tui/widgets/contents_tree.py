"""The table of contents: the article's section tree.

Choosing a section here posts ``SectionChosen``; the screen moves the reading
cursor. The tree only shows which section the cursor is in. With the focus it
speaks for itself, as a screen reader's tree view would: "Contents" and the
section on arriving, then each section as the listener moves onto it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.events import Focus
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from narrator.reading.structure import SectionSpan
from narrator.tui.literal import literal
from narrator.tui.messages import Say
from narrator.tui.terminal_cursor import put_terminal_cursor

CURRENT = "\u25b6 "


def spoken_section(span: SectionSpan) -> str:
    """A section as a list of its siblings: "Academic, section 3 of 6", or
    "How Does…, 1 of 3 in Intermediate" for a nested one."""
    if span.depth == 0:
        return f"{span.title}, section {span.position} of {span.siblings}"
    return f"{span.title}, {span.position} of {span.siblings} in {span.path[-2]}"


class ContentsTree(Tree[str]):
    """Sections by depth; the node of the section being read is under the tree's cursor."""

    class SectionChosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Contents", id=id)
        self.auto_expand = False
        self.show_root = False
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._spans: dict[str, SectionSpan] = {}
        self._marked: TreeNode[str] | None = None

    def show_sections(self, title: str, sections: Sequence[SectionSpan]) -> None:
        """Fill the tree with the sections as they are read (virtual ones included)."""
        self.clear()
        self.root.set_label(literal(title))
        self._section_nodes = {}
        self._spans = {section.id: section for section in sections}
        parents: list[TreeNode[str]] = [self.root]
        for section in sections:
            del parents[section.depth + 1 :]
            parent = parents[-1]
            node = parent.add(literal(section.title), data=section.id, expand=True)
            node.allow_expand = False
            self._section_nodes[section.id] = node
            parents.append(node)
        self.root.expand_all()

    def mark(self, section_id: str) -> None:
        """Show which section is being read: a glyph before its title (so it is
        seen without colour, and after the listener moves the tree's cursor
        away), and the tree's cursor on it."""
        for node_id, node in self._section_nodes.items():
            title = self._spans[node_id].title
            node.set_label(literal(f"{CURRENT}{title}" if node_id == section_id else title))
        node = self._section_nodes.get(section_id)
        if node is not None and self.cursor_node is not node:
            self._marked = node
            self.move_cursor(node)

    def _spoken(self, node: TreeNode[str] | None) -> str:
        span = self._spans.get(node.data or "") if node is not None else None
        return spoken_section(span) if span is not None else ""

    def on_focus(self, event: Focus) -> None:
        self.post_message(Say(f"Contents, {self._spoken(self.cursor_node)}".rstrip(", ")))
        put_terminal_cursor(self, self.cursor_line)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        """Say the section the listener moved onto (the reader moving the mark is silent)."""
        event.stop()
        marked, self._marked = self._marked, None
        if self.has_focus and event.node is not marked:
            self.post_message(Say(self._spoken(event.node)))
        if self.has_focus:
            put_terminal_cursor(self, event.node.line)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))
