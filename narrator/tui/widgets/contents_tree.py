"""The table of contents: the article's section tree.

Choosing a section here posts ``SectionChosen``; the screen moves the reading
cursor. The tree only shows which section the cursor is in.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from narrator.reading.structure import SectionSpan
from narrator.tui.literal import literal


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

    def show_sections(self, title: str, sections: Sequence[SectionSpan]) -> None:
        """Fill the tree with the sections as they are read (virtual ones included)."""
        self.clear()
        self.root.set_label(literal(title))
        self._section_nodes = {}
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
        """Put the tree's cursor on the section being read."""
        node = self._section_nodes.get(section_id)
        if node is not None and self.cursor_node is not node:
            self.move_cursor(node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))
