"""The reader's commands: which key does what, for every front end and the spoken help.

Keys are named as Textual names them ("down", "plus", "question_mark"), so
the full-screen UI can bind them directly and the plain reader decodes the
terminal's bytes to the same names. ``plain`` is False for the few commands
that need a full-screen list to choose from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """``label`` is how the key is shown, ``said`` how the help speaks it."""

    key: str
    label: str
    said: str
    name: str
    description: str
    plain: bool = True


LEVELS = range(1, 7)


def _level(level: int) -> Command:
    key = str(level)
    return Command(key, key, key, f"next-section-{level}", f"next section at level {level}")


# Help says the six level keys as one line: six nearly identical lines are
# a long wait for a listener.
_LEVEL_NAMES = {f"next-section-{level}" for level in LEVELS}
_LEVELS_LINE = f"{LEVELS[0]} to {LEVELS[-1]}: next section at that level"


COMMANDS: tuple[Command, ...] = (
    Command("space", "space", "space", "say-all", "say all from here; pause; resume"),
    Command("escape", "escape", "escape", "stop", "stop speaking"),
    Command("h", "h", "h", "next-section", "next section, any level"),
    Command("H", "H", "shift h", "previous-section", "previous section"),
    *(_level(level) for level in LEVELS),
    Command("down", "\u2193", "down arrow", "next-paragraph", "next paragraph"),
    Command("up", "\u2191", "up arrow", "previous-paragraph", "previous paragraph"),
    Command("right", "\u2192", "right arrow", "next-sentence", "next sentence"),
    Command("left", "\u2190", "left arrow", "previous-sentence", "previous sentence"),
    Command("t", "t", "t", "next-term", "next glossary term in the text"),
    Command("T", "T", "shift t", "previous-term", "previous glossary term"),
    Command("d", "d", "d", "definition", "definition of the term here, or the nearest one"),
    Command("g", "g", "g", "glossary", "glossary: choose a term, go to its first use", plain=False),
    Command("w", "w", "w", "where", "where am I"),
    Command("r", "r", "r", "repeat", "repeat the sentence"),
    Command("plus", "+", "plus", "faster", "speak faster"),
    Command("minus", "-", "minus", "slower", "speak slower"),
    Command("v", "v", "v", "next-voice", "next voice"),
    Command("p", "p", "p", "punctuation", "punctuation said: none, some, all", plain=False),
    Command("f", "f", "f", "figures", "figure descriptions: full, brief, off", plain=False),
    Command("b", "b", "b", "bookmark", "add a bookmark here"),
    Command("B", "B", "shift b", "bookmarks", "bookmarks: go to one"),
    Command("slash", "/", "slash", "search", "search the text"),
    Command("n", "n", "n", "next-found", "next match, or next use of the chosen term"),
    Command("N", "N", "shift n", "previous-found", "previous match or use"),
    Command("question_mark", "?", "question mark", "help", "help: every key"),
    Command("q", "q", "q", "quit", "quit, remembering the place"),
)

BY_KEY = {command.key: command for command in COMMANDS}


def help_lines(commands: Sequence[Command] = COMMANDS, *, plain: bool = False) -> list[str]:
    """One line per command, as the help speaks it: "shift h: previous section";
    the level keys share one line, "1 to 6: next section at that level"."""
    lines = []
    for command in commands:
        if plain and not command.plain:
            continue
        if command.name not in _LEVEL_NAMES:
            lines.append(f"{command.said}: {command.description}")
        elif _LEVELS_LINE not in lines:
            lines.append(_LEVELS_LINE)
    return lines
