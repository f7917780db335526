"""Plain words between the spans of other classes: symbols, punctuation, dashes.

What is left once numbers, units, dates, abbreviations and the rest have
been found is prose. Here every symbol becomes a word, a pause or a space per
the listener's punctuation level, dashes become pauses, a slash between two
words is "or", and nothing that is not a letter, a digit, a space or a pause
the synthesizer understands is handed on.
"""

from __future__ import annotations

import re
import unicodedata

from narrator.speech.frontend.rule import Context
from narrator.speech.settings import Punctuation

# Punctuation said aloud only at level ALL, the way a screen reader's "all" does.
NAMED_PUNCTUATION = {
    "(": "left paren",
    ")": "right paren",
    "[": "left bracket",
    "]": "right bracket",
    "{": "left brace",
    "}": "right brace",
    ":": "colon",
    ";": "semicolon",
    '"': "quote",
    "\u201c": "quote",
    "\u201d": "quote",
    "\u2018": "quote",
    "\u2019": "quote",
    "'": "quote",
    "*": "star",
    "_": "underline",
    "|": "bar",
    "\\": "backslash",
    "^": "caret",
    "`": "grave",
    "-": "dash",
}
_PAUSES = frozenset(".,;:!?()")
_PASSED = frozenset("-\u2013\u221e")
_SILENT = frozenset("\"\u201c\u201d\u2018\u2019'`*_^|\\")
_KEPT_APOSTROPHE = "\u02bc"
_SYMBOL = re.compile(r"[^\w\s]|_")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u2019'](?=[^\W\d_])|^[\u2019'](?=s\b)")
_BRACKETS = str.maketrans({"[": "(", "]": ")", "{": "(", "}": ")"})
_DANGLING_HYPHEN = re.compile(r"(?<=\w)-(?=[\s/,]|$)|^-(?=\w)")
# A run of spaces is tried from its first space only ((?<!\s)): trying each of its
# spaces in turn rescanned the run, and the marks said as spaces (a hundred
# thousand accents on one letter) made a run that long.
_DASH = re.compile(r"(?<!\s)\s*(?:[\u2013\u2014\u2015]|--+)\s*|(?<!\s)\s+-\s+|^-\s+|(?<!\s)\s+-$")
# A slash between two plain words is "or" ("and/or", "input/output"); one touching a
# hyphen, a digit, a dot or another slash is a path's ("plugins/pyenv-virtualenv").
_SLASH = re.compile(
    r"(?<![\w.~/-])(?P<left>[^\W\d_]+)(?P<space>\s*)/\s*"
    r"(?=(?P<right>[^\W\d_]+)(?P<tail>[\w./-]?))"
)
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)
_SEPARATOR = re.compile(r"(?<!\s)\s*\u221e\s*")


def _say_symbol(char: str, context: Context) -> str:
    punctuation = context.punctuation
    if char.isalnum() or char.isspace():
        return char
    if punctuation is Punctuation.ALL and char in NAMED_PUNCTUATION:
        return f" {NAMED_PUNCTUATION[char]} "
    if char in _PASSED or char in _PAUSES:
        return char
    if punctuation is Punctuation.NONE or char in _SILENT:
        return " "
    named = context.language.symbols.get(char)
    if named:
        return f" {named} "
    if unicodedata.category(char).startswith("S"):
        return f" {unicodedata.name(char, '').lower()} "
    return " "


def _say_dash(match: re.Match[str]) -> str:
    """A dash is a pause, except between two numbers (a range, in a language whose
    numbers are left to its own voice)."""
    text, start, end = match.string, match.start(), match.end()
    between_numbers = text[start - 1 : start].isdigit() and text[end : end + 1].isdigit()
    return match.group() if between_numbers else ", "


def _say_slash(match: re.Match[str], context: Context, after_number: bool) -> str:
    """ "he/she" is "he or she"; "src/configure" and "plugins/pyenv-virtualenv" are
    paths: a lowercase word with no vowel is no word of prose ("Bash/Zsh", two
    capitalised names, are "or"), and a word running on into a
    hyphen, digit, dot or slash is part of a path."""
    left, right = match.group("left"), match.group("right")
    # "peri-/post-menopausal" (the left's hyphen is now a space) is prose.
    path_like = match.group("tail") and not match.group("space")
    names = left[:1].isupper() and right[:1].isupper()  # "Bash/Zsh" are two names
    if path_like or not (names or (_VOWEL.search(left) and _VOWEL.search(right))):
        return f"{left} slash "
    if left.lower() == "and" and right.lower() == "or":
        return "and "
    if after_number and match.start() == 0:
        return f"{left} per "
    return f"{left} or "


# Operators written with two marks ("x >= 2", "a != b") are the one sign they stand for;
# "=>" is code's arrow ("(code) => {"), said "arrow", not the "to" of a "→" in prose.
_OPERATORS = {">=": "\u2265", "<=": "\u2264", "!=": "\u2260", "==": "=", "=>": "\u21d2"}
_OPERATOR = re.compile(r">=|<=|!=|==|=>")


# Between commands, "&&" is "and" and "||" is "or", not two ampersands or bars.
_SHELL_AND_OR = re.compile(r"(?<=\s)(?:&&|\|\|)(?=\s)")
_SHELL_WORDS = {"&&": "and", "||": "or"}


def say_words(text: str, context: Context, after_number: bool = False) -> str:
    """``text`` (prose with no number or other class in it) as the voice says it.

    ``after_number`` tells that the text follows a number directly ("tablets/day"
    in "2 tablets/day" is "tablets per day"). Apostrophes inside words are set
    aside first (as a modifier letter, which counts as a letter) so that
    punctuation level "all" does not call them quotes.
    """
    if "&&" in text or "||" in text:
        text = _SHELL_AND_OR.sub(lambda match: _SHELL_WORDS[match.group()], text)
    if "-" in text:
        text = _DANGLING_HYPHEN.sub(" ", text)
    if "\u2013" in text or "\u2014" in text or "\u2015" in text or "-" in text:
        text = _DASH.sub(_say_dash, text)
    if "/" in text:
        text = _SLASH.sub(lambda match: _say_slash(match, context, after_number), text)
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHE.sub(_KEPT_APOSTROPHE, text)
    if "=" in text:
        text = _OPERATOR.sub(lambda match: _OPERATORS[match.group()], text)
    if context.punctuation is not Punctuation.ALL:
        text = text.translate(_BRACKETS)
    said = _SYMBOL.sub(lambda match: _say_symbol(match.group(), context), text)
    if "\u221e" in said:
        said = _SEPARATOR.sub(": ", said)
    return said.replace(_KEPT_APOSTROPHE, "'")
