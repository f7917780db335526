"""Table mode: a table read cell by cell, as NVDA's ctrl+alt+arrows read one.

A row read whole is long ("Hormonal State: Optimal Estrogen. Anastrozole
Dosing: …"); a listener comparing two doses wants one column, or one cell at
a time with just enough context: the column's header when moving across, the
row's first cell when moving down. The reading place stays on the row's
utterance, so leaving the table (or quitting) keeps the place.
"""

from __future__ import annotations

from dataclasses import dataclass

from narrator.content.model import Table
from narrator.reading.elements import Element
from narrator.speech import announce

EDGE = "Edge of table"


@dataclass
class TableCells:
    """A cell of ``element`` (a table): ``row`` and ``column`` count from 0."""

    element: Element
    row: int = 0
    column: int = 0

    @property
    def table(self) -> Table:
        block = self.element.block
        assert isinstance(block, Table)
        return block

    @property
    def row_index(self) -> int:
        """The script index of the row being read (the caption opens the table)."""
        return self.element.start + 1 + self.row

    def cell(self) -> str:
        return self.table.rows[self.row][self.column]

    def entered(self) -> str:
        """What entering says: the mode, the cell's place, then the cell with its header."""
        table = self.table
        return (
            f"Table mode, row {self.row + 1} of {len(table.rows)}, column "
            f"{self.column + 1} of {len(table.header)}. {self._with_header()}"
        )

    def _with_header(self) -> str:
        return announce.labelled(self.table.header[self.column], self.cell())

    def move(self, rows: int, columns: int) -> str | None:
        """Step by ``rows`` and ``columns``; what to say, or None at the table's edge."""
        row, column = self.row + rows, self.column + columns
        table = self.table
        if not (0 <= row < len(table.rows) and 0 <= column < len(table.header)):
            return None
        self.row, self.column = row, column
        if columns:
            return self._with_header()
        first = table.rows[row][0]
        if column == 0:
            return announce.labelled(f"Row {row + 1}", first)
        return announce.labelled(first, self.cell())

    def read_column(self) -> str:
        """The header, then every cell of the column, each its own sentence."""
        cells = " ".join(announce.sentence(row[self.column]) for row in self.table.rows)
        return f"{announce.sentence(self.table.header[self.column])} {cells}"
