"""Identifiers read character by character: ISBN, ISSN, DOI, PMID, PMCID, arXiv,
numbered items, article numbers and version numbers.

"ISBN 978-0-262-03384-8" is "I S B N nine seven eight, zero, …" and "ISSN
0028-0836" "I S S N zero zero two eight, zero eight three six": the groups
are paused between. "PMID: 12345678" is "P M I D one two three four five six
seven eight". A DOI's prefix is a directory number, "10.1038" "ten point one
zero three eight"; in its suffix words in lower case are words ("nature"),
capitals are spelled ("NEJMoa" is "N E J M o a") and digits said one by one.
"arXiv:2303.08774" is "archive two three zero three point zero eight seven
seven four". "#4521" is "number four five two one" and "#3" "number three".
An article number in a citation, "m1091" or "e0234567", is its letter and its
digits one by one, and a range of them, "e139–e596", is "E one three nine to E
five nine six". A version ("Python 3.11", "v2.0.1") is said part by part,
"three point eleven".
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.letters import spelled
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.number_words import cardinal_words, digit_by_digit
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_RUNS = re.compile(r"\d+|[^\W\d_]+|[^\w\s]|_")
_MARKS = {
    "/": "slash",
    ".": "point",
    "-": "dash",
    ":": "colon",
    "_": "underscore",
    "(": "",
    ")": "",
}
# In a DOI's suffix a full stop separates names ("j.cell"): it is "dot".
_SUFFIX_MARKS = {**_MARKS, ".": "dot"}
# Labels said as a word rather than spelled.
_SAID_LABELS = {"arxiv": "archive"}
# Labels whose value is groups of digits, paused between ("978-0-262-03384-8").
_GROUPED_LABELS = frozenset({"ISBN", "ISBN-10", "ISBN-13", "ISSN"})
_DOI_PREFIX = re.compile(r"(?P<directory>\d+)\.(?P<registrant>\d+(?:\.\d+)*)/")
_VOWEL = re.compile(r"[aeiouy]")


def characters(text: str, language: Language) -> str:
    """An identifier said run by run: digits one by one, letters spelled, marks named."""
    said = []
    for run in _RUNS.findall(text):
        if run.isdigit():
            said.append(digit_by_digit(run, language))
        elif run[0].isalpha():
            said.append(spelled(run))
        elif run in _MARKS:
            said.append(_MARKS[run])
    return " ".join(part for part in said if part)


def _doi_suffix(text: str, language: Language) -> str:
    """A DOI's suffix: lower-case words said as words ("nature", "journal"), capitals
    and short or vowelless runs spelled, digits one by one."""
    said = []
    for run in _RUNS.findall(text):
        if run.isdigit():
            said.append(digit_by_digit(run, language))
        elif run.islower() and len(run) >= 3 and _VOWEL.search(run):
            said.append(run)
        elif run.isalpha():
            said.append(spelled(run.upper()))
        elif run in _SUFFIX_MARKS:
            said.append(_SUFFIX_MARKS[run])
    return " ".join(part for part in said if part)


def _doi(value: str, language: Language) -> str:
    prefix = _DOI_PREFIX.match(value)
    if prefix is None:
        return _doi_suffix(value, language)
    directory = cardinal_words(prefix.group("directory"), language)
    registrant = characters(prefix.group("registrant"), language)
    point = language.word("point")
    return (
        f"{directory} {point} {registrant} {language.word('slash')} "
        f"{_doi_suffix(value[prefix.end() :], language)}"
    )


def _say_labelled(found: Found, context: Context) -> str:
    written_label = found.group("label") or ""
    label = _SAID_LABELS.get(written_label.lower()) or spelled(written_label.split("-")[0])
    value = found.group("value") or ""
    language = context.language
    if written_label.upper() in _GROUPED_LABELS:
        groups = [
            digit_by_digit(group, language) if group.isdigit() else spelled(group)
            for group in re.findall(r"\d+|X", value)
        ]
        return f"{label} {', '.join(groups)}"
    if written_label.upper() == "DOI":
        return f"{label} {_doi(value, language)}"
    return f"{label} {characters(value, language)}"


def _say_numbered(found: Found, context: Context) -> str:
    """ "#3" is "number three"; a longer code, "#4521", is said digit by digit."""
    value = found.group("value") or ""
    language = context.language
    if value.isdigit() and len(value) <= 3:
        return f"number {cardinal_words(value, language)}"
    return f"number {characters(value, language)}"


def _say_article_number(found: Found, context: Context) -> str:
    """ "m1091" (BMJ) or "e0234567" (PLOS): a letter and a serial, never a quantity."""
    language = context.language
    said = [
        f"{spelled(value[0])} {digit_by_digit(value[1:], language)}"
        for value in (found.group("value"), found.group("last"))
        if value
    ]
    # After "369:" with no space, espeak-ng would name the colon.
    return " " + f" {language.word('to')} ".join(said)


def _version_words(version: str, context: Context) -> str:
    """ "2.0.x" is "two point zero point x": a wildcard part is said as its letter."""
    language = context.language
    return f" {language.word('point')} ".join(
        part.lower() if part in _WILDCARDS else cardinal_words(part, language)
        for part in version.split(".")
    )


def _say_version(found: Found, context: Context) -> str:
    said = _version_words(found.group("version") or "", context)
    if found.group("v"):
        return f"version {said}"
    return said


def _say_version_range(found: Found, context: Context) -> str:
    """ "2.0.0-2.2.5" is from one version to another: "two point zero point zero to
    two point two point five"."""
    first = _version_words(found.group("version") or "", context)
    last = _version_words(found.group("last") or "", context)
    return f"{first} {context.language.word('to')} {last}"


def _say_version_in_command(found: Found, context: Context) -> str | None:
    """A decimal in a command line is a version ("three point ten"), unless a unit
    follows it ("take 2.5 mg" is an amount)."""
    start = found.text.rfind("\n", 0, found.start) + 1
    end = found.text.find("\n", found.end)
    line = found.text[start : len(found.text) if end < 0 else end].strip()
    if not _COMMAND_LINE.fullmatch(line):
        return None
    next_word = found.after.split(maxsplit=1)
    if next_word and next_word[0] in context.language.units:
        return None
    return _say_version(found, context)


_WILDCARDS = frozenset({"x", "X"})
# A version of three parts or more, or two ending in a wildcard ("11.x").
_VERSION = r"\d+\.\d+(?:\.\d+)+(?:\.[xX])?|\d+(?:\.\d+)*\.[xX]"


_PRODUCTS = (
    "Python",
    "Java",
    "Node",
    "Node.js",
    "Ubuntu",
    "Debian",
    "macOS",
    "iOS",
    "Android",
    "Windows",
    "version",
    "Version",
    "release",
    "Release",
    "PHP",
    "Perl",
    "Ruby",
    "Go",
    "Rust",
    "Django",
    "Flask",
    "React",
    "Vue",
    "Angular",
    "Kotlin",
    "Swift",
    "Firefox",
    "Chrome",
    "Fedora",
    "GCC",
    "LLVM",
    "Textual",
    "NumPy",
    "pandas",
    "pip",
    "Bluetooth",
    "USB",
    "HTTP",
    "TLS",
    "SSL",
    "IPv",
    "OpenSSL",
    "PostgreSQL",
    "MySQL",
    "Redis",
    "Kubernetes",
    "Docker",
    "Git",
    "Emacs",
    "Vim",
    "Linux",
    "MacOS",
    "HP-UX",
    "CPython",
    "PyPy",
    "Xcode",
    "XCode",
    "Bash",
    "Zsh",
    "Fish",
    "kernel",
    ").split(",
)
# After a product's name, as lookbehinds (each of fixed width): a bare decimal is not
# even tried as a version, so the decimals of an article never stop at this rule.
_AFTER_PRODUCT = "(?:" + "|".join(rf"(?<=\b{re.escape(name)} )" for name in _PRODUCTS) + ")"


# The subcommands of version managers that take a version ("pyenv install 3.10"),
# and a version after another on the same command ("pyenv global 3.11 3.12").
_VERSION_COMMANDS = ("install", "uninstall", "global", "local", "shell", "prefix")
_AFTER_COMMAND = (
    "(?:"
    + "|".join(rf"(?<=[a-z] {name} )" for name in _VERSION_COMMANDS)
    + r"|(?<=\d\.\d )|(?<=\d\.\d\d ))"
)
# A command line: a lowercase command, one of those subcommands and its arguments,
# nothing of a sentence ("pyenv install 3.10", "pyenv global 3.11 3.12").
_COMMAND_LINE = re.compile(rf"[a-z][\w-]* (?:{'|'.join(_VERSION_COMMANDS)})(?: [\w.=/:<>-]+)+")


# A version listed after another that follows a product's name: "CPython 3.11 and
# 3.12", "HP-UX 11.0, 11.11, and 11.23".
_AFTER_LISTED = (
    "(?:"
    + "|".join(
        rf"(?<=\d\.{digits}{joint})"
        for digits in (r"\d", r"\d\d")
        for joint in (" and ", " or ", ", ", ", and ", ", or ")
    )
    + ")"
)
_LISTED_AFTER_PRODUCT = re.compile(
    r"\b(?:"
    + "|".join(re.escape(name) for name in _PRODUCTS)
    + r") \d+\.\d+(?:, \d+\.\d+)*,? (?:and |or )?$"
)


def _say_listed_version(found: Found, context: Context) -> str | None:
    if not _LISTED_AFTER_PRODUCT.search(found.before[-200:]):
        return None
    return _say_version(found, context)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "identifier: labelled",
            SemioticClass.IDENTIFIER,
            r"\b(?P<label>ISBN(?:-1[03])?|ISSN|PMID|PMCID|DOI|doi|arXiv|arxiv|NCT)\s?:?\s?"
            r"(?P<value>(?:PMC)?[0-9X][\w./:()-]*[\w)])",
            _say_labelled,
        ),
        Rule(
            "identifier: numbered",
            SemioticClass.IDENTIFIER,
            r"(?<![\w&#])#(?P<value>[A-Z]{0,3}\d+[A-Z\d]*)(?![\w.,]\d|[\w-])",
            _say_numbered,
        ),
        Rule(
            "identifier: article number",
            SemioticClass.IDENTIFIER,
            r"(?:(?<=[,;:])|(?<=[,;:]\s))(?P<value>[a-z]\d{3,})"
            r"(?:[\u2013-](?P<last>[a-z]\d{3,}))?(?![\w.,]\d|[\w/-])",
            _say_article_number,
        ),
        Rule(
            "identifier: version range",
            SemioticClass.IDENTIFIER,
            rf"(?<![\w.])(?P<version>{_VERSION})[\u2013-](?P<last>{_VERSION})(?![\w]|\.\w|-\d)",
            _say_version_range,
        ),
        Rule(
            "identifier: version",
            SemioticClass.IDENTIFIER,
            rf"(?<![\w.])(?P<v>[vV])?(?P<version>{_VERSION})(?![\w]|\.\w|-\d)",
            _say_version,
        ),
        Rule(
            "identifier: named version",
            SemioticClass.IDENTIFIER,
            rf"{_AFTER_PRODUCT}(?P<version>\d+\.\d+)(?![\w]|\.\w|-\d)",
            _say_version,
        ),
        Rule(
            "identifier: version before its name",
            SemioticClass.IDENTIFIER,
            r"(?<![\w.])(?P<version>\d+\.\d+)"
            r"(?= (?:release|releases|version|versions|series|branch)\b)",
            _say_version,
        ),
        Rule(
            "identifier: version listed after a named one",
            SemioticClass.IDENTIFIER,
            rf"{_AFTER_LISTED}(?P<version>\d+\.\d+)(?![\w]|\.\w|-\d)",
            _say_listed_version,
        ),
        Rule(
            "identifier: version in a command",
            SemioticClass.IDENTIFIER,
            rf"{_AFTER_COMMAND}(?P<version>\d+\.\d+)(?![\w]|\.\w|-\d)",
            _say_version_in_command,
        ),
        Rule(
            "identifier: v-version",
            SemioticClass.IDENTIFIER,
            r"(?<![\w.])(?P<v>[vV])(?P<version>\d+(?:\.\d+)+)(?![\w]|\.\w|-\d)",
            _say_version,
        ),
    ]
