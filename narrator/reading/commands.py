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
    PREVIOUS_SECTION_1 = "previous-section-1"
    PREVIOUS_SECTION_2 = "previous-section-2"
    PREVIOUS_SECTION_3 = "previous-section-3"
    PREVIOUS_SECTION_4 = "previous-section-4"
    PREVIOUS_SECTION_5 = "previous-section-5"
    PREVIOUS_SECTION_6 = "previous-section-6"
    NEXT_PARAGRAPH = "next-paragraph"
    PREVIOUS_PARAGRAPH = "previous-paragraph"
    NEXT_SENTENCE = "next-sentence"
    PREVIOUS_SENTENCE = "previous-sentence"
    NEXT_WORD = "next-word"
    PREVIOUS_WORD = "previous-word"
    SAY_WORD = "say-word"
    NEXT_LIST = "next-list"
    PREVIOUS_LIST = "previous-list"
    NEXT_TABLE = "next-table"
    PREVIOUS_TABLE = "previous-table"
    NEXT_FIGURE = "next-figure"
    PREVIOUS_FIGURE = "previous-figure"
    NEXT_CALLOUT = "next-callout"
    PREVIOUS_CALLOUT = "previous-callout"
    SECTION_START = "section-start"
    SECTION_END = "section-end"
    ARTICLE_START = "article-start"
    ARTICLE_END = "article-end"
    BACK = "back"
    HISTORY_BACK = "history-back"
    HISTORY_FORWARD = "history-forward"
    HISTORY = "history"
    ACTIVATE = "activate"
    CELL_LEFT = "cell-left"
    CELL_RIGHT = "cell-right"
    CELL_UP = "cell-up"
    CELL_DOWN = "cell-down"
    READ_ROW = "read-row"
    READ_COLUMN = "read-column"
    LEAVE_TABLE = "leave-table"
    SKIM = "skim"
    CUES = "cues"
    DESCRIBE_KEYS = "describe-keys"
    ELEMENTS = "elements"
    NEXT_TERM = "next-term"
    PREVIOUS_TERM = "previous-term"
    DEFINITION = "definition"
    GLOSSARY = "glossary"
    WHERE = "where"
    REPEAT = "repeat"
    FASTER = "faster"
    SLOWER = "slower"
    HIGHER_PITCH = "higher-pitch"
    LOWER_PITCH = "lower-pitch"
    LOUDER = "louder"
    QUIETER = "quieter"
    NEXT_VOICE = "next-voice"
    VOICES = "voices"
    ANNOUNCEMENTS = "announcements"
    PUNCTUATION = "punctuation"
    FIGURES = "figures"
    BOOKMARK = "bookmark"
    NAMED_BOOKMARK = "named-bookmark"
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
        """The section level of ``NEXT_SECTION_1`` to ``PREVIOUS_SECTION_6``, else None."""
        head, _, level = self.value.rpartition("-")
        return int(level) if head in ("next-section", "previous-section") else None

    @property
    def backward(self) -> bool:
        """A move towards the start of the article (previous section at a level, ...)."""
        return self.value.startswith("previous-")


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


# shift+1 to shift+6 on a US keyboard, as Textual names the characters they type
_SHIFTED_DIGITS = (
    ("exclamation_mark", "!", "exclamation mark"),
    ("at", "@", "at sign"),
    ("number_sign", "#", "number sign"),
    ("dollar_sign", "$", "dollar sign"),
    ("percent_sign", "%", "percent sign"),
    ("circumflex_accent", "^", "caret"),
)


def _previous_level(level: int) -> Command:
    key, label, said = _SHIFTED_DIGITS[level - 1]
    return Command(
        key, label, said, Action(f"previous-section-{level}"), f"previous section at level {level}"
    )


# Help says the six level keys as one line (and the six shifted ones as another):
# six nearly identical lines are a long wait for a listener.
_LEVELS_LINE = f"{LEVELS[0]} to {LEVELS[-1]}: next section at that level"
_PREVIOUS_LEVELS_LINE = "shift 1 to shift 6: previous section at that level"


COMMANDS: tuple[Command, ...] = (
    Command("space", "space", "space", Action.SAY_ALL, "say all from here; pause; resume"),
    Command("escape", "escape", "escape", Action.STOP, "stop speaking"),
    Command("h", "h", "h", Action.NEXT_SECTION, "next section, any level"),
    Command("H", "H", "shift h", Action.PREVIOUS_SECTION, "previous section"),
    *(_level(level) for level in LEVELS),
    Command("down", "\u2193", "down arrow", Action.NEXT_PARAGRAPH, "next paragraph"),
    Command("up", "\u2191", "up arrow", Action.PREVIOUS_PARAGRAPH, "previous paragraph"),
    Command("right", "\u2192", "right arrow", Action.NEXT_SENTENCE, "next sentence"),
    *(_previous_level(level) for level in LEVELS),
    Command("left", "\u2190", "left arrow", Action.PREVIOUS_SENTENCE, "previous sentence"),
    Command("ctrl+right", "ctrl+\u2192", "control right arrow", Action.NEXT_WORD, "next word"),
    Command(
        "ctrl+left", "ctrl+\u2190", "control left arrow", Action.PREVIOUS_WORD, "previous word"
    ),
    Command(
        "s", "s", "s", Action.SAY_WORD, "say the word; twice: spell it; three times: phonetically"
    ),
    Command("home", "Home", "home", Action.SECTION_START, "start of the section"),
    Command("end", "End", "end", Action.SECTION_END, "end of the section"),
    Command("ctrl+home", "ctrl+Home", "control home", Action.ARTICLE_START, "start of the article"),
    Command("ctrl+end", "ctrl+End", "control end", Action.ARTICLE_END, "end of the article"),
    Command("l", "l", "l", Action.NEXT_LIST, "next list"),
    Command("L", "L", "shift l", Action.PREVIOUS_LIST, "previous list"),
    Command("x", "x", "x", Action.NEXT_TABLE, "next table"),
    Command("X", "X", "shift x", Action.PREVIOUS_TABLE, "previous table"),
    Command("i", "i", "i", Action.NEXT_FIGURE, "next figure (image description)"),
    Command("I", "I", "shift i", Action.PREVIOUS_FIGURE, "previous figure"),
    Command("o", "o", "o", Action.NEXT_CALLOUT, "next callout (pull quote)"),
    Command("O", "O", "shift o", Action.PREVIOUS_CALLOUT, "previous callout"),
    Command(
        "E",
        "E",
        "shift e",
        Action.ELEMENTS,
        "elements list: headings, tables, lists, figures, callouts, bookmarks",
    ),
    Command(
        "backspace",
        "backspace",
        "backspace",
        Action.BACK,
        "back to where you were before the last jump",
    ),
    Command(
        "enter",
        "enter",
        "enter",
        Action.ACTIVATE,
        "on a table: table mode; in the speech history: go there",
    ),
    Command(
        "ctrl+alt+left",
        "ctrl+alt+\u2190",
        "control alt left arrow",
        Action.CELL_LEFT,
        "in a table: cell to the left",
    ),
    Command(
        "ctrl+alt+right",
        "ctrl+alt+\u2192",
        "control alt right arrow",
        Action.CELL_RIGHT,
        "in a table: cell to the right",
    ),
    Command(
        "ctrl+alt+up",
        "ctrl+alt+\u2191",
        "control alt up arrow",
        Action.CELL_UP,
        "in a table: cell above",
    ),
    Command(
        "ctrl+alt+down",
        "ctrl+alt+\u2193",
        "control alt down arrow",
        Action.CELL_DOWN,
        "in a table: cell below",
    ),
    Command(
        "left_square_bracket", "[", "left bracket", Action.HISTORY_BACK, "speech history: one back"
    ),
    Command(
        "right_square_bracket",
        "]",
        "right bracket",
        Action.HISTORY_FORWARD,
        "speech history: one forward",
    ),
    Command("left_curly_bracket", "{", "left brace", Action.HISTORY, "speech history as a list"),
    Command("k", "k", "k", Action.SKIM, "skim on or off: headings and first sentences"),
    Command("t", "t", "t", Action.NEXT_TERM, "next glossary term in the text"),
    Command("T", "T", "shift t", Action.PREVIOUS_TERM, "previous glossary term"),
    Command("d", "d", "d", Action.DEFINITION, "definition of the term here, or the nearest one"),
    Command("g", "g", "g", Action.GLOSSARY, "glossary: choose a term, go to its first use"),
    Command("w", "w", "w", Action.WHERE, "where am I"),
    Command("r", "r", "r", Action.REPEAT, "repeat the sentence"),
    Command("plus", "+", "plus", Action.FASTER, "speak faster"),
    Command("minus", "-", "minus", Action.SLOWER, "speak slower"),
    Command("greater_than_sign", ">", "greater than", Action.HIGHER_PITCH, "higher pitch"),
    Command("less_than_sign", "<", "less than", Action.LOWER_PITCH, "lower pitch"),
    Command("right_parenthesis", ")", "right paren", Action.LOUDER, "louder"),
    Command("left_parenthesis", "(", "left paren", Action.QUIETER, "quieter"),
    Command("v", "v", "v", Action.NEXT_VOICE, "next voice"),
    Command("V", "V", "shift v", Action.VOICES, "voices: choose one, or a variant of it"),
    Command("e", "e", "e", Action.CUES, "sound cues: off, with speech, instead of words"),
    Command("a", "a", "a", Action.ANNOUNCEMENTS, "announcements: turn each kind on or off"),
    Command("p", "p", "p", Action.PUNCTUATION, "punctuation said: none, some, all"),
    Command("f", "f", "f", Action.FIGURES, "figure descriptions: full, brief, off"),
    Command("b", "b", "b", Action.BOOKMARK, "add a bookmark here"),
    Command("m", "m", "m", Action.NAMED_BOOKMARK, "add a bookmark here with a name"),
    Command("B", "B", "shift b", Action.BOOKMARKS, "bookmarks: go to one"),
    Command("slash", "/", "slash", Action.SEARCH, "search the text"),
    Command("n", "n", "n", Action.NEXT_FOUND, "next match, or next use of the chosen term"),
    Command("N", "N", "shift n", Action.PREVIOUS_FOUND, "previous match or use"),
    Command(
        "ctrl+o", "ctrl+o", "control o", Action.LIBRARY, "library: every article, search them all"
    ),
    Command("question_mark", "?", "question mark", Action.HELP, "help: every key"),
    Command(
        "f1", "F1", "F 1", Action.DESCRIBE_KEYS, "describe keys on or off: a key says what it does"
    ),
    Command("q", "q", "q", Action.QUIT, "quit, remembering the place"),
    Command("c", "c", "c", Action.CONTRAST, "high contrast on or off", plain=False),
    Command(
        "tab", "tab", "tab", Action.SWITCH_PANE, "move between the contents and the text", False
    ),
)

BY_KEY = {command.key: command for command in COMMANDS}

# In table mode (enter on a table) these keys mean something else; every other
# key keeps its meaning, and a move leaves the table.
TABLE_KEYS: tuple[Command, ...] = (
    Command("left", "\u2190", "left arrow", Action.CELL_LEFT, "cell to the left, with its column"),
    Command(
        "right", "\u2192", "right arrow", Action.CELL_RIGHT, "cell to the right, with its column"
    ),
    Command("up", "\u2191", "up arrow", Action.CELL_UP, "cell above, with its row"),
    Command("down", "\u2193", "down arrow", Action.CELL_DOWN, "cell below, with its row"),
    Command("r", "r", "r", Action.READ_ROW, "read the row"),
    Command("c", "c", "c", Action.READ_COLUMN, "read the column"),
    Command("escape", "escape", "escape", Action.LEAVE_TABLE, "leave table mode"),
)
_BY_ACTION = {command.action: command for command in (*TABLE_KEYS, *COMMANDS)}
IN_TABLE = {BY_KEY[command.key].action: command.action for command in TABLE_KEYS}
"""What a key's usual action becomes in table mode."""
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
        level_line = _PREVIOUS_LEVELS_LINE if command.action.backward else _LEVELS_LINE
        if command.action.level is None:
            lines.append(f"{command.said}: {command.description}")
        elif level_line not in lines:
            lines.append(level_line)
    lines += [f"in table mode, {command.said}: {command.description}" for command in TABLE_KEYS]
    return lines


def described(action: Action) -> str:
    """What describe-keys mode says for the key of ``action``: its name and what it does."""
    command = _BY_ACTION[action]
    return f"{command.said}: {command.description}"


def spoken_help(commands: Sequence[Command], *, plain: bool = False) -> str:
    """Help as it is said: every key in words, then how to leave it."""
    keys = " ".join(f"{line}." for line in help_lines(commands, plain=plain))
    return f"Keys. {keys} Escape closes help."
