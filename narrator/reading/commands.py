"""The reader's commands: which key does what, for every front end and the spoken help.

Keys are named as Textual names them ("down", Action.PLUS, "question_mark"), so
the full-screen UI can bind them directly and the plain reader decodes the
terminal's bytes to the same names. What each action does is
``narrator.reading.session``'s business; ``plain`` is False for the few that
only make sense on a full screen (colours, moving the focus between panes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    """Everything a reader can be asked to do; the value names it in Textual's bindings."""

    SAY_ALL = "say-all"
    STOP = "stop"
    NEXT_SECTION = "next-section"
    PREVIOUS_SECTION = "previous-section"
    NEXT_SECTION_1 = "next-section-1"
    NEXT_SECTION_2 = "next-section-2"
    NEXT_SECTION_3 = "next-section-3"
    NEXT_SECTION_4 = "next-section-4"
    NEXT_SECTION_5 = "next-section-5"
    NEXT_SECTION_6 = "next-section-6"
    NEXT_PARAGRAPH = "next-paragraph"
    PREVIOUS_PARAGRAPH = "previous-paragraph"
    NEXT_SENTENCE = "next-sentence"
    PREVIOUS_SENTENCE = "previous-sentence"
    NEXT_TERM = "next-term"
    PREVIOUS_TERM = "previous-term"
    DEFINITION = "definition"
    GLOSSARY = "glossary"
    WHERE = "where"
    REPEAT = "repeat"
    FASTER = "faster"
    SLOWER = "slower"
    NEXT_VOICE = "next-voice"
    PUNCTUATION = "punctuation"
    FIGURES = "figures"
    BOOKMARK = "bookmark"
    BOOKMARKS = "bookmarks"
    SEARCH = "search"
    NEXT_FOUND = "next-found"
    PREVIOUS_FOUND = "previous-found"
    LIBRARY = "library"
    HELP = "help"
    QUIT = "quit"
    CONTRAST = "contrast"
    SWITCH_PANE = "switch-pane"

    @property
    def level(self) -> int | None:
        """The section level of ``NEXT_SECTION_1`` to ``NEXT_SECTION_6``, else None."""
        head, _, level = self.value.rpartition("-")
        return int(level) if head == "next-section" else None


@dataclass(frozen=True)
class Command:
    """``label`` is how the key is shown, ``said`` how the help speaks it."""

    key: str
    label: str
    said: str
    action: Action
    description: str
    plain: bool = True


LEVELS = range(1, 7)

# How long a lone escape byte waits for the rest of an arrow's escape sequence
# before it is the Escape key. Escape stops the voice, so it must be as quick as
# any key; an arrow's bytes arrive together, even over ssh.
ESCAPE_WAIT_SECONDS = 0.01


def _level(level: int) -> Command:
    key = str(level)
    return Command(key, key, key, Action(f"next-section-{level}"), f"next section at level {level}")


# Help says the six level keys as one line: six nearly identical lines are
# a long wait for a listener.
_LEVELS_LINE = f"{LEVELS[0]} to {LEVELS[-1]}: next section at that level"


COMMANDS: tuple[Command, ...] = (
    Command("space", "space", "space", Action.SAY_ALL, "say all from here; pause; resume"),
    Command("escape", "escape", "escape", Action.STOP, "stop speaking"),
    Command("h", "h", "h", Action.NEXT_SECTION, "next section, any level"),
    Command("H", "H", "shift h", Action.PREVIOUS_SECTION, "previous section"),
    *(_level(level) for level in LEVELS),
    Command("down", "\u2193", "down arrow", Action.NEXT_PARAGRAPH, "next paragraph"),
    Command("up", "\u2191", "up arrow", Action.PREVIOUS_PARAGRAPH, "previous paragraph"),
    Command("right", "\u2192", "right arrow", Action.NEXT_SENTENCE, "next sentence"),
    Command("left", "\u2190", "left arrow", Action.PREVIOUS_SENTENCE, "previous sentence"),
    Command("t", "t", "t", Action.NEXT_TERM, "next glossary term in the text"),
    Command("T", "T", "shift t", Action.PREVIOUS_TERM, "previous glossary term"),
    Command("d", "d", "d", Action.DEFINITION, "definition of the term here, or the nearest one"),
    Command("g", "g", "g", Action.GLOSSARY, "glossary: choose a term, go to its first use"),
    Command("w", "w", "w", Action.WHERE, "where am I"),
    Command("r", "r", "r", Action.REPEAT, "repeat the sentence"),
    Command("plus", "+", "plus", Action.FASTER, "speak faster"),
    Command("minus", "-", "minus", Action.SLOWER, "speak slower"),
    Command("v", "v", "v", Action.NEXT_VOICE, "next voice"),
    Command("p", "p", "p", Action.PUNCTUATION, "punctuation said: none, some, all"),
    Command("f", "f", "f", Action.FIGURES, "figure descriptions: full, brief, off"),
    Command("b", "b", "b", Action.BOOKMARK, "add a bookmark here"),
    Command("B", "B", "shift b", Action.BOOKMARKS, "bookmarks: go to one"),
    Command("slash", "/", "slash", Action.SEARCH, "search the text"),
    Command("n", "n", "n", Action.NEXT_FOUND, "next match, or next use of the chosen term"),
    Command("N", "N", "shift n", Action.PREVIOUS_FOUND, "previous match or use"),
    Command(
        "ctrl+o", "ctrl+o", "control o", Action.LIBRARY, "library: every article, search them all"
    ),
    Command("question_mark", "?", "question mark", Action.HELP, "help: every key"),
    Command("q", "q", "q", Action.QUIT, "quit, remembering the place"),
    Command("c", "c", "c", Action.CONTRAST, "high contrast on or off", plain=False),
    Command(
        "tab", "tab", "tab", Action.SWITCH_PANE, "move between the contents and the text", False
    ),
)

BY_KEY = {command.key: command for command in COMMANDS}
_KEY_WORDS = {"ctrl": "control", "shift": "shift", "alt": "alt", "escape": "escape"}


def said_key(key: str) -> str:
    """A key as the voice says it: "X" is "shift x", "ctrl+x" is "control x"."""
    if key in BY_KEY:
        return BY_KEY[key].said
    if len(key) == 1 and key.isupper():
        return f"shift {key.lower()}"
    parts = key.split("+")
    return " ".join(_KEY_WORDS.get(part, part.replace("_", " ")) for part in parts)


def help_lines(commands: Sequence[Command] = COMMANDS, *, plain: bool = False) -> list[str]:
    """One line per command, as the help speaks it: "shift h: previous section";
    the level keys share one line, "1 to 6: next section at that level"."""
    lines = []
    for command in commands:
        if plain and not command.plain:
            continue
        if command.action.level is None:
            lines.append(f"{command.said}: {command.description}")
        elif _LEVELS_LINE not in lines:
            lines.append(_LEVELS_LINE)
    return lines


def spoken_help(commands: Sequence[Command], *, plain: bool = False) -> str:
    """Help as it is said: every key in words, then how to leave it."""
    keys = " ".join(f"{line}." for line in help_lines(commands, plain=plain))
    return f"Keys. {keys} Escape closes help."
