"""Markup is never read out: HTML tags and comments, character entities, and
Markdown emphasis and code marks are silent; the words inside them are said.
A name in angle brackets that is no HTML element is a placeholder and said:
"git clone <url>" is "git clone url".

"**bold**" is "bold", "~~old~~" is "old", "<b>x</b>" is "x", "&amp;" is "and"
(the symbol it stands for), "`pip install`" is "pip install". A Markdown
link, "[the docs](https://example.com)", is its text, "the docs"; an image
"![a chart](chart.png)" its description. A superscript tag is a power,
"10<sup>5</sup>" "ten to the five", or after a word a note (``footnote``).
A blockquote's ">" and a list's "-", "*" or "+" at the start of a line (each
line reaches the front end as its own text) are silent. Only the marks are
matched, so the words between them are said by their own classes ("**5 mg**" is
"five milligrams").
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

from narrator.speech.frontend.classes.footnote import is_note_place, note_words
from narrator.speech.frontend.classes.scientific import power_words
from narrator.speech.frontend.language import Language, table_rows
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_APOSTROPHES = frozenset("'\u2019")


_TAG_NAME = re.compile(r"</?([A-Za-z][\w:-]*)")
_PLACEHOLDER_WORD = re.compile(r"[a-z][a-z-]*")


@cache
def html_elements() -> frozenset[str]:
    """HTML's element names, the same in every language (a table all share)."""
    return frozenset(row[0] for row in table_rows("html-elements"))


def _say_tag(found: Found, context: Context) -> str:
    """An HTML or SSML tag is silent, and so is any tag closed later; a name in angle
    brackets that is no element, has no attributes and is never closed is a
    placeholder, said: "git clone <url>" is "git clone url",
    "<command-name>" "command name", and so is a name of plain lowercase words
    ("<selected version>")."""
    written = found.written
    name = _TAG_NAME.match(written)
    if (
        name is None
        or written.startswith("</")
        or name.group(1).lower() in html_elements()
        or f"</{name.group(1)}>" in found.after
    ):
        return " "
    if " " in written:
        # "<selected version>" is a placeholder of words; "<x y=1>" a tag.
        words = written.strip("<>/ ").split()
        if "=" in written or not all(_PLACEHOLDER_WORD.fullmatch(word) for word in words):
            return " "
        return " " + " ".join(words) + " "
    return " " + re.sub(r"[-_:]+", " ", name.group(1)) + " "


def _silent(found: Found, context: Context) -> str:
    return " "


def _say_entity(found: Found, context: Context) -> str | None:
    """An entity is the character it stands for: "&rsquo;" in "It&rsquo;s" is the
    apostrophe, "&mdash;" a dash (a pause), "&amp;" the word for "&"."""
    char = html.unescape(found.written)
    if char == found.written:
        return None
    if char.isalnum():
        return char
    between_letters = found.before[-1:].isalpha() and found.after[:1].isalpha()
    if char in _APOSTROPHES and between_letters:
        return "'"
    if unicodedata.category(char) == "Pd":
        return ", "
    named = context.language.symbols.get(char)
    return f" {named} " if named else " "


def _say_superscript_tag(found: Found, context: Context) -> str | None:
    """ "10<sup>5</sup>" is "ten to the five" and "m<sup>2</sup>" "metres squared";
    after a word ("trials<sup>3</sup>") it is a note, as ``footnote`` says it."""
    exponent = found.group("exponent") or ""
    if is_note_place(found.before, context.language) and not exponent.isalpha():
        return note_words(exponent, found.before, found.after, context)
    return f" {power_words(exponent, context.language)} "


def rules(language: Language) -> list[Rule]:
    return [
        Rule("markup: HTML comment", SemioticClass.MARKUP, r"<!--.*?(?:-->|$)", _silent),
        # The end of a comment that opened on an earlier line.
        Rule("markup: HTML comment end", SemioticClass.MARKUP, r"^[ \t]*--!?>", _silent),
        # A line of one mark ("=====", "- - -", "~~~~") is a ruler or an underline.
        Rule(
            "markup: ruler",
            SemioticClass.MARKUP,
            r"(?:^|(?<=\n))[ \t]*(?P<mark>[=*_~#+-])(?:[ \t]*(?P=mark)){2,}[ \t]*(?=\n|$)",
            _silent,
        ),
        Rule(
            "markup: superscript tag",
            SemioticClass.MARKUP,
            r"<sup>(?P<exponent>[\u2212-]?\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3})*|[a-z])</sup>",
            _say_superscript_tag,
        ),
        Rule(
            "markup: HTML tag",
            SemioticClass.MARKUP,
            r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
            _say_tag,
        ),
        Rule(
            "markup: entity",
            SemioticClass.MARKUP,
            r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});",
            _say_entity,
        ),
        # The marks alone: the words between them are said by their own classes.
        Rule(
            "markup: emphasis",
            SemioticClass.MARKUP,
            r"(?<![\w*\\])\*{1,3}(?=[^\s*][^*]*\*)|(?<=[^\s*])\*{1,3}(?![\w*])",
            _silent,
        ),
        Rule("markup: code", SemioticClass.MARKUP, r"`+", _silent),
        Rule("markup: strikethrough", SemioticClass.MARKUP, r"~~(?=\S)|(?<=\S)~~", _silent),
        Rule(
            "markup: line start",
            SemioticClass.MARKUP,
            r"(?:^|(?<=^[ \t])|(?<=^[ \t]{2})|(?<=^[ \t]{3}))(?:(?:>[ \t]?)+|[-*+][ \t]+(?=\S))",
            _silent,
        ),
        # A link's brackets and its address: its text is said by its own classes.
        Rule(
            "markup: link text",
            SemioticClass.MARKUP,
            r"!?\[(?=[^\]\n]*\]\([^)\s]+(?:\s+\"[^\"]*\")?\))",
            _silent,
        ),
        Rule(
            "markup: link address",
            SemioticClass.MARKUP,
            r"\]\([^)\s]+(?:\s+\"[^\"]*\")?\)",
            _silent,
        ),
    ]
