"""Electronic text, read the way a person reads it out: "github.com/rbenv" is "github
dot com slash rbenv", "~/.config" is "tilde slash dot config",
"jane.doe@example.org" is "jane dot doe at example dot org", "snake_case" is
"snake underscore case".

Runs of letters are said as words (espeak-ng says "rbenv" as best it can,
and spells what has no vowel), digits one by one after a letter or a
mark ("python3" is "python three"), and every mark by its name. The scheme
"https://" is dropped, as people do.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.letters import is_abbreviation, spelled
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_RUNS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\w\s]|_")
_MARKS = {
    ".": "dot",
    "/": "slash",
    "\\": "backslash",
    "~": "tilde",
    "-": "dash",
    "_": "underscore",
    "@": "at",
    ":": "colon",
    "#": "hash",
    "?": "question mark",
    "=": "equals",
    "&": "and",
    "%": "percent",
    "+": "plus",
    "$": "dollar",
    "*": "star",
    "(": "",
    ")": "",
    "<": "less than",
    ">": "greater than",
    "!": "bang",
    "'": "",
    "`": "",
}
# "18 units/kg/h": after an amount, slashes join units, not folders.
_AMOUNT_BEFORE = re.compile(r"\d\s?$")
_SCHEME = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)


def electronic_words(text: str, language: Language) -> str:
    said = []
    for run in _RUNS.findall(_SCHEME.sub("", text)):
        if run.isdigit():
            said.append(
                cardinal_words(run, language)
                if len(run) <= 2
                else " ".join(cardinal_words(d, language) for d in run)
            )
        elif run[0].isalpha():
            if (
                run.isupper() and len(run) > 1 and is_abbreviation(run, language)
            ) or not _VOWEL.search(run):
                said.append(spelled(run))
            else:
                said.append(run.lower() if run.isupper() else run)
        else:
            said.append(_MARKS.get(run, ""))
    return " ".join(part for part in said if part)


def _say(found: Found, context: Context) -> str | None:
    written = found.written
    return electronic_words(written, context.language)


def _say_path(found: Found, context: Context) -> str | None:
    """A path; "mg/kg/day" is a unit (``measure``) and "3/15/2024" a date, not paths."""
    parts = found.written.split("/")
    units = context.language.units
    if (
        found.written[:1].isdigit()
        or _AMOUNT_BEFORE.search(found.before)
        or all(part in units or not part for part in parts)
    ):
        return None
    if not any(char.isalpha() for char in found.written):
        return None
    return electronic_words(found.written, context.language)


_TLD = (
    r"(?:com|org|net|edu|gov|io|dev|app|ai|co|uk|de|fr|info|biz|us|ca|au|eu|me|ly|gg|rs|py|sh"
    r"|xyz|health|nhs\.uk)"
)
_EXTENSIONS = (
    r"(?:py|pyc|js|ts|tsx|jsx|json|yaml|yml|toml|ini|cfg|conf|txt|md|rst|csv|tsv|html?|css|scss"
    r"|xml|svg|png|jpe?g|gif|pdf|docx?|xlsx?|pptx?|zip|gz|tar|tgz|bz2|xz|sh|bash|zsh|exe|dll|so"
    r"|dylib|c|h|cpp|hpp|rs|go|java|kt|rb|php|pl|lock|log|env|sql|db|sqlite|epub|mp3|mp4|wav|flac"
    r"|ogg|m4a|m4b|srt|vtt|ipynb|whl|deb|rpm|dmg|iso|bin|dat|tcss|service|desktop)"
)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "electronic: URL",
            SemioticClass.ELECTRONIC,
            r"(?<![\w@])(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]",
            _say,
        ),
        Rule(
            "electronic: e-mail",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<![.])",
            _say,
        ),
        Rule(
            "electronic: path",
            SemioticClass.ELECTRONIC,
            r"(?:(?<=^)|(?<=[\s(\[\"'=]))(?:~|\.{1,2})?/(?:[\w.@+-]+/)*[\w.@+-]*[\w/](?![\w/])"
            r"|(?<![\w])~(?![\w/])|(?<![\w/])(?:[\w.-]+/){2,}[\w.-]*\w"
            r"|(?<![\w/])[\w-]+/[\w.-]+\.\w+",
            _say_path,
        ),
        Rule(
            "electronic: domain",
            SemioticClass.ELECTRONIC,
            rf"(?<![\w@.-])(?:[a-z0-9-]+\.)+{_TLD}(?:/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?])?(?![\w]|\.\w)",
            _say,
        ),
        Rule(
            "electronic: file name",
            SemioticClass.ELECTRONIC,
            rf"(?<![\w.@/-])\.?[\w-]+(?:\.[\w-]+)*\.{_EXTENSIONS}(?![\w])",
            _say,
        ),
        Rule(
            "electronic: dotfile",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.])\.[a-z][\w-]*(?:rc|ignore|config|env|profile)?(?![\w.])(?=\s|$|[,;:)])",
            _say,
        ),
        Rule(
            "electronic: code identifier",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.])(?:[A-Za-z][A-Za-z0-9]*_[\w]*[A-Za-z0-9]|[a-z][a-z0-9]*(?:\.[a-z_][\w]*)+\(\)|[a-z]+[A-Z][a-z]+[A-Za-z]*|[\w.]+\(\))(?![\w])",
            _say,
        ),
        Rule(
            "electronic: option",
            SemioticClass.ELECTRONIC,
            r"(?<![\w-])--?[a-z][\w-]*(?![\w])",
            _say,
        ),
    ]
