"""Identifiers read character by character: ISBN, DOI, PMID, PMCID and version numbers.

"ISBN 978-0-262-03384-8" is "I S B N nine seven eight, zero, …"; "PMID:
12345678" is "P M I D one two three four five six seven eight"; "doi:
10.1056/NEJMoa2034577" is "D O I ten point one zero five six slash N E J M o a
two zero three four five seven seven". A version ("Python 3.11", "v2.0.1") is
said part by part, "three point eleven".
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


def _say_labelled(found: Found, context: Context) -> str:
    label = spelled(found.group("label") or "")
    value = found.group("value") or ""
    if (found.group("label") or "").upper() == "ISBN":
        groups = [
            digit_by_digit(group, context.language) if group.isdigit() else spelled(group)
            for group in re.findall(r"\d+|X", value)
        ]
        return f"{label} {', '.join(groups)}"
    return f"{label} {characters(value, context.language)}"


def _say_version(found: Found, context: Context) -> str:
    language = context.language
    parts = (found.group("version") or "").split(".")
    said = f" {language.word('point')} ".join(cardinal_words(part, language) for part in parts)
    if found.group("v"):
        return f"version {said}"
    return said


_PRODUCT = re.compile(
    r"\b(?:Python|Java|Node|Node\.js|Ubuntu|Debian|macOS|iOS|Android|Windows|version|Version"
    r"|release|Release|PHP|Perl|Ruby|Go|Rust|Django|Flask|React|Vue|Angular|Kotlin|Swift"
    r"|Firefox|Chrome|Fedora|GCC|LLVM|Textual|NumPy|pandas|pip|Bluetooth|USB|HTTP|TLS|SSL"
    r"|IPv|OpenSSL|PostgreSQL|MySQL|Redis|Kubernetes|Docker|Git|Emacs|Vim|Linux|kernel)\s$"
)


def _say_named_version(found: Found, context: Context) -> str | None:
    """ "Python 3.11" is "three point eleven"; a bare "3.11" stays a decimal."""
    if not _PRODUCT.search(found.before):
        return None
    return _say_version(found, context)


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "identifier: labelled",
            SemioticClass.IDENTIFIER,
            r"\b(?P<label>ISBN(?:-1[03])?|ISSN|PMID|PMCID|DOI|doi|arXiv|NCT)\s?:?\s?(?P<value>(?:PMC)?[0-9X][\w./:()-]*[\w)])",
            _say_labelled,
        ),
        Rule(
            "identifier: version",
            SemioticClass.IDENTIFIER,
            r"(?<![\w.])(?P<v>[vV])?(?P<version>\d+\.\d+\.\d+(?:\.\d+)*)(?![\w]|\.\w|-\d)",
            _say_version,
        ),
        Rule(
            "identifier: named version",
            SemioticClass.IDENTIFIER,
            r"(?<![\w.])(?P<version>\d+\.\d+)(?![\w]|\.\w|-\d)",
            _say_named_version,
        ),
        Rule(
            "identifier: v-version",
            SemioticClass.IDENTIFIER,
            r"(?<![\w.])(?P<v>[vV])(?P<version>\d+(?:\.\d+)+)(?![\w]|\.\w|-\d)",
            _say_version,
        ),
    ]
