"""Electronic text, read the way a person reads it out: "github.com/rbenv" is "github
dot com slash r b env", "~/.config" is "tilde slash dot config",
"jane.doe@example.org" is "jane dot doe at example dot org", "C:\\Users" is
"C colon backslash users", "cd .." is "cd dot dot".

Runs of letters are said as words (espeak-ng says "github" as best it can,
and spells what has no vowel), one letter and two that are no word ("en",
"io", "py") are spelled, digits one by one after a letter or a mark
("python3" is "python three"), and every mark by its name. A tool name ending
in "env" after a word keeps it apart ("virtualenv" is "virtual env"). The scheme "https://" and a
final slash are dropped, as people do.

Code is read as its words: "max_retries" is "max retries", "np.array" "np dot
array", "parseJSON" "parse JSON", "MAX_SIZE" "max size" and "DEBUG=true" "debug equals true":
a name in capitals that can be said is a word, one that cannot ("HTTP",
"API") is spelled.
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.letters import is_abbreviation, spelled
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_RUNS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\w\s]|_")
# Two letters said as a word: a consonant and a vowel ("co", "me", "la"), or these.
_TWO_LETTER_WORDS = frozenset(
    {"am", "an", "as", "at", "by", "if", "in", "is", "it", "my", "of", "on", "or", "up", "us"}
)
_CV = re.compile(r"[b-df-hj-np-tv-z][aeiou]")
# Where a name in capitals can be said as a word ("DEBUG", "PATH", "README").
_ONSETS = frozenset(
    {
        "bl",
        "br",
        "ch",
        "cl",
        "cr",
        "dr",
        "dw",
        "fl",
        "fr",
        "gl",
        "gr",
        "kl",
        "kn",
        "kr",
        "ph",
        "pl",
        "pr",
        "qu",
        "sc",
        "sh",
        "sk",
        "sl",
        "sm",
        "sn",
        "sp",
        "st",
        "sw",
        "th",
        "tr",
        "tw",
        "wh",
        "wr",
        "chr",
        "sch",
        "scr",
        "shr",
        "spl",
        "spr",
        "squ",
        "str",
        "thr",
    }
)
_CONSONANTS = re.compile(r"[^aeiouy]+")
_DOUBLED_END = re.compile(r"[aeiou]([^aeiou])\1")
_ENV = re.compile(r"(?P<name>[a-z]+?)(?P<env>env)$")
# "virtualenv" is "virtual env"; a short tool name ("pyenv", "rbenv") is said as
# written, as its users say it.
_ENV_NAME_WORD = 4
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
# "__init__", "_private": underscores that open or close a name are not said.
_OUTER_UNDERSCORES = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")


def sayable(letters: str) -> bool:
    """Whether a name in capitals can be said as a word: "DEBUG", "PATH", "MAX" and
    "ALL" can, "API", "URL", "NGINX" and "HTTP" cannot."""
    word = letters.lower()
    if len(word) < 3 or not _VOWEL.search(word[1:] if word[0] == "y" else word):
        return False
    if len(word) == 3:
        consonant_vowel_consonant = word[0] not in "aeiou" and word[1] in "aeiouy"
        return (consonant_vowel_consonant and word[2] not in "aeiou") or bool(
            _DOUBLED_END.fullmatch(word)
        )
    for cluster in _CONSONANTS.finditer(word):
        letters_, first, last = cluster.group(), cluster.start(), cluster.end()
        if last == len(word):
            if len(letters_) > 3 or (len(letters_) == 3 and letters_[0] not in "lnrs"):
                return False
        elif len(letters_) > 1 and not (
            (
                first > 0
                and (len(letters_) == 2 or letters_[-2:] in _ONSETS or letters_[-3:] in _ONSETS)
            )
            or (first == 0 and letters_ in _ONSETS)
        ):
            return False
    return True


def _letters(run: str, language: Language, code: bool) -> str:
    if run.isupper() and len(run) > 1:
        if run in language.capital_words:
            return language.capital_words[run]
        if code and run.lower() in _TWO_LETTER_WORDS:
            # "CODE_OF_CONDUCT": a little word of a name in capitals.
            return run.lower()
        if run in language.word_acronyms or (code and sayable(run)):
            return run.lower()
        if is_abbreviation(run, language) or not _VOWEL.search(run):
            return spelled(run)
        return run.lower()
    word = run.lower()
    if len(word) == 1 or not _VOWEL.search(word):
        return spelled(word)
    if len(word) == 2 and word not in _TWO_LETTER_WORDS and not _CV.fullmatch(word):
        return spelled(word)
    env = _ENV.fullmatch(word)
    if env and len(env.group("name")) >= _ENV_NAME_WORD:
        name = env.group("name")
        return f"{name if _VOWEL.search(name) else spelled(name)} env"
    return run


_IP_ADDRESS = re.compile(r"\d+\.\d+\.\d+\.\d+")


def _between_digits(runs: list[str], index: int) -> bool:
    """A dot between two numbers in a name is a version's point ("python3.10",
    "envs/3.4.3"); an IP address's dots stay dots."""
    return 0 < index < len(runs) - 1 and runs[index - 1].isdigit() and runs[index + 1].isdigit()


def electronic_words(
    text: str, language: Language, code: bool = False, capitals: bool = False
) -> str:
    """``text`` said electronically. Identifiers are read electronically, so an
    underscore inside a name is named ("max underscore retries"); those around a
    name ("__init__") are only its decoration, and silent. In ``code``
    and with ``capitals`` names in capitals that can be said are words ("README")."""
    said = []
    text = _SCHEME.sub("", text)
    if len(text) > 1:
        text = text.rstrip("/")
    if code:
        text = _OUTER_UNDERSCORES.sub("", text)
    runs = _RUNS.findall(text)
    for index, run in enumerate(runs):
        if run == "." and _between_digits(runs, index) and not _IP_ADDRESS.search(text):
            said.append(language.word("point"))
        elif run.isdigit():
            said.append(
                cardinal_words(run, language)
                if len(run) <= 2
                else " ".join(cardinal_words(d, language) for d in run)
            )
        elif run[0].isalpha():
            said.append(_letters(run, language, code or capitals))
        else:
            said.append(_MARKS.get(run, ""))
    return " ".join(part for part in said if part)


def _say(found: Found, context: Context) -> str | None:
    written = found.written
    return electronic_words(written, context.language)


def _say_code(found: Found, context: Context) -> str | None:
    """A name in code, said as its words."""
    return electronic_words(found.written, context.language, code=True)


def _say_file(found: Found, context: Context) -> str | None:
    return electronic_words(found.written, context.language, capitals=True)


_NUMBER_VALUE = re.compile(r"=[+\u2212-]?\.?\d")


def _say_assignment(found: Found, context: Context) -> str | None:
    """ "DEBUG=true" and "PATH=$HOME/bin" are code; "n=120" and "p=0.05" are a
    study's numbers, said as numbers by their own classes."""
    if _NUMBER_VALUE.search(found.written):
        return None
    return _say_code(found, context)


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


def _say_attribute_mark(found: Found, context: Context) -> str:
    """ "#[derive(Debug)]" and "#![allow(x)]" are attributes: their mark is "hash"."""
    return "hash bang" if found.written.endswith("!") else "hash"


def _say_anchor(found: Found, context: Context) -> str:
    """ "COMMANDS.md#pyenv-latest" links to a heading: "hash pyenv latest", its
    hyphens standing for the heading's spaces."""
    heading = (found.group("anchor") or "").replace("-", " ")
    return f"hash {electronic_words(heading, context.language, code=True)}"


# A mark written alone, or alone in quotes, is named: "a # starts a comment", the
# "[" target. ("#" cannot be a row of the symbols table: it starts a comment.)
_MARK_NAMES = {
    "#": "hash",
    "[": "left bracket",
    "]": "right bracket",
    "{": "left brace",
    "}": "right brace",
    "|": "bar",
    "\\": "backslash",
    "~": "tilde",
}


def _say_lone_mark(found: Found, context: Context) -> str:
    return _MARK_NAMES[found.group("mark") or found.group("quoted") or ""]


def _say_placeholder(found: Found, context: Context) -> str:
    """ "{venv}" and "{version}" stand for a value a user fills in; the braces
    are part of what is written, so they are named."""
    name = electronic_words(found.group("name") or "", context.language, code=True)
    return f"left brace {name} right brace"


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "electronic: placeholder in braces",
            SemioticClass.ELECTRONIC,
            r"(?<![\w$])\{(?P<name>[A-Za-z_][\w-]*)\}",
            _say_placeholder,
        ),
        Rule(
            "electronic: lone mark",
            SemioticClass.ELECTRONIC,
            r"(?:(?<=\s)|^)(?P<mark>#)(?=\s)"
            r"|(?<=[\"'\u201c\u2018])(?P<quoted>[\[\]{}|#\\~])(?=[\"'\u201d\u2019])",
            _say_lone_mark,
        ),
        Rule(
            "electronic: path of names",
            SemioticClass.ELECTRONIC,
            r"(?<![\w:])[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+(?![\w:])",
            _say_code,
        ),
        Rule(
            "electronic: attribute mark",
            SemioticClass.ELECTRONIC,
            r"(?<![\w#])#!?(?=\[[A-Za-z_])",
            _say_attribute_mark,
        ),
        Rule(
            "electronic: anchor",
            SemioticClass.ELECTRONIC,
            r"(?<=[\w/(])#(?P<anchor>[a-z][\w-]*[\w])(?![\w#])",
            _say_anchor,
        ),
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
            r"(?:(?<=^)|(?<=[\s(\[\"'=`]))(?:~|\.{1,2})?/(?:[\w.@+-]+/)*[\w.@+-]*[\w/](?![\w/])"
            r"|(?<![\w])~(?![\w/])|(?<![\w/])(?:[\w.-]+/){2,}[\w.-]*\w"
            r"|(?<![\w/])[\w-]+/[\w.*-]+\.\w+",
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
            _say_file,
        ),
        Rule(
            "electronic: dotfile",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.])\.[a-z][\w-]*(?:rc|ignore|config|env|profile)?(?![\w]|\.\w)(?=\s|$|[,;:)]|\.(?:\s|$))",
            _say,
        ),
        Rule(
            "electronic: Windows path",
            SemioticClass.ELECTRONIC,
            r"(?<![\w\\])[A-Za-z]:\\[^\s<>\"|?*]*[^\s<>\"|?*.,;:!]",
            _say,
        ),
        Rule(
            "electronic: parent folder",
            SemioticClass.ELECTRONIC,
            r"(?<!\S)\.\.(?=\s|$)",
            _say,
        ),
        Rule(
            "electronic: assignment",
            SemioticClass.ELECTRONIC,
            r"(?<![\w$.-])[A-Za-z_][A-Za-z0-9_]*=(?:[^\s\"'<>]*[^\s\"'<>.,;:!?)])?",
            _say_assignment,
        ),
        Rule(
            "electronic: code identifier",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.])(?:_*[A-Za-z][A-Za-z0-9]*_[\w]*[A-Za-z0-9]_*|[a-z][a-z0-9]*(?:\.[a-z_][\w]*)+\(\)"
            r"|(?=[A-Za-z0-9]{4})[a-z]+(?:[A-Z]+[a-z]*)+[A-Za-z0-9]*|[\w.]+\(\)|\$\{?[A-Za-z_]\w*\}?)(?![\w])"
            r"(?!\s?:\s?\d)",
            _say_code,
        ),
        Rule(
            "electronic: dotted name",
            SemioticClass.ELECTRONIC,
            r"(?<![\w.@/])(?:[A-Za-z_]\w+(?:\.[a-z_]\w+)+|[a-z_]\w*(?:\.[A-Za-z_]\w+){2,}"
            r"|[a-z_]\w*\.[A-Za-z_]\w+(?=\())(?:\([^()\s]{0,40}\))?(?![\w@/]|\.\w)",
            _say_code,
        ),
        Rule(
            "electronic: option",
            SemioticClass.ELECTRONIC,
            r"(?<![\w-])--?[A-Za-z][\w-]*(?![\w])",
            _say,
        ),
    ]
