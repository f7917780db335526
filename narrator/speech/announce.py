"""The words a screen reader adds to say where the listener is.

A sighted reader sees that a heading starts a new part, that a list has six
bullets or that a cell belongs to a column; a listener only hears it if it is
said. All of that wording lives here, so it reads consistently and is easy
to find when a listener asks for it to change. The wording is English,
whatever the article's language.
"""

from __future__ import annotations

_ENDINGS = (".", "?", "!", ":", "\u2026")


def sentence(text: str) -> str:
    """``text`` ending as a sentence, so the voice drops at its end."""
    text = text.rstrip()
    return text if not text or text.endswith(_ENDINGS) else text + "."


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def section_heading(
    title: str, number: int, count: int, parent: str | None, *, numbered: bool = True
) -> str:
    """ "Section 2 of 6: Intermediate." or, nested, "Intermediate, section 1 of 3: How…?";
    not ``numbered``: "Intermediate." or "Intermediate, How…?"."""
    if not numbered:
        return sentence(title if parent is None else f"{parent}, {title}")
    if parent is None:
        return sentence(f"Section {number} of {count}: {title}")
    return sentence(f"{parent}, section {number} of {count}: {title}")


def list_start(items: int) -> str:
    return f"List, {_count(items, 'item')}."


def references_start(items: int) -> str:
    return f"References, {_count(items, 'item')}."


def glossary_start(entries: int) -> str:
    return f"Glossary, {_count(entries, 'entry', 'entries')}."


def table_start(columns: int, rows: int, caption: str | None) -> str:
    """ "Table, 3 rows, 2 columns: Doses." (rows first, as a screen reader says a table)."""
    shape = f"Table, {_count(rows, 'row')}, {_count(columns, 'column')}"
    return sentence(f"{shape}: {caption}") if caption else f"{shape}."


def table_row(header: tuple[str, ...], cells: tuple[str, ...]) -> str:
    """Each cell said after its column's header, as a screen reader does in a table."""
    return " ".join(
        sentence(f"{name}: {cell}") if name else sentence(cell)
        for name, cell in zip(header, cells, strict=False)
        if cell.strip()
    )


def labelled(label: str, text: str) -> str:
    """A lead term or label said before its text: "Bone Mineral Density Loss: Estrogen…"."""
    return f"{label.rstrip(' :')}: {text}"


def quote(text: str) -> str:
    return labelled("Quote", text)


def image(text: str) -> str:
    return labelled("Image", text)


def teaser(term: str) -> str:
    """A glossary entry that only points at another article must not sound like a definition."""
    return f"{term}, related article"
