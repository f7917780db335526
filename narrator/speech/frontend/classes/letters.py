"""Letters: abbreviations in capitals spelled ("GnRH" is "G.N.R.H"), initials
("Hayes, F. J." is "Hayes, F.J,"), and letters with digits ("B12" is "B
twelve", "16S" is "sixteen S").

Letters are joined by full stops because espeak-ng spells dotted
abbreviations reliably (it says "ATAC" as "attack" and a spaced "A" as
"uh"). Acronyms said as words (NASA, COVID) are the language's
``word-acronyms`` table; text in capitals throughout is words, not
abbreviations.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby

from narrator.speech.frontend.language import Language, table_rows
from narrator.speech.frontend.number_words import cardinal_words
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_LETTERS_AND_DIGITS = re.compile(r"\d+|[^\W\d_]+")
_HISSING_LETTERS = frozenset("HSXZ")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
# Said as words, but espeak-ng spells them in capitals: they go to it in lower case,
# as do acronyms said as words that espeak-ng spells in a sentence: those of three
# letters ("a PIN code", "the ACE inhibitor") and those in mixed case ("MeSH").
_LOWERCASE_WORDS = frozenset({"REM"})
_LETTER_A = "eh"
# A letter or digit of a token; superscripts are powers, charges or notes
# ("SO₄²⁻", "large²"), said by their own classes, while subscripts are part of
# the formula: "H₂O" is "H two O".
_CHAR = r"[^\W_\u00b2\u00b3\u00b9\u2070-\u207f]"
_SUBSCRIPTS = str.maketrans(
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089", "0123456789"
)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,;:)!?]|\.(?!\s*[A-Z])|(?:and|or|to|through)\b)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+\.?)\s+$")


@cache
def letter_labels(code: str) -> frozenset[str]:
    """The words after which a lone capital is a letter ("Vitamin A"): the
    language's ``letter-labels`` table."""
    return frozenset(row[0].lower() for row in table_rows("letter-labels", code))


def spelled(letters: str) -> str:
    """Letters said one by one ("USB" is "U.S.B"). espeak-ng says a lone "A" as the
    article ("A4 paper" as "uh four paper"), so the letter goes to it as "eh"."""
    if letters.upper() == "A":
        return _LETTER_A
    return ".".join(letters.upper())


def _spell(token: str, language: Language) -> str:
    """A plural "s" stays a plural, said as "z" after the last letter's full stop
    ("AIs" is "A.I.'s": "A.I's" is said "A dot I's"), or "iz" after a letter
    ending in a hiss ("GnRHs" is "G.N.R.H's"); digits are numbers."""
    plural = token.endswith("s") and sum(c.isupper() for c in token) >= 2
    core = token[:-1] if plural else token
    parts = [
        cardinal_words(run, language) if run.isdigit() else spelled(run)
        for run in _LETTERS_AND_DIGITS.findall(core)
    ]
    said = " ".join(parts)
    if not plural:
        return said
    return said + ("'s" if said[-1] in _HISSING_LETTERS else ".'s")


def _is_word_acronym(token: str, language: Language) -> bool:
    """ "WiFi" is the table's "WIFI": an acronym said as a word, however capitalised."""
    return token in language.word_acronyms or (
        sum(c.isupper() for c in token) >= 2 and token.upper() in language.word_acronyms
    )


def is_abbreviation(token: str, language: Language) -> bool:
    if (
        _is_word_acronym(token, language)
        or token in language.capital_words
        or _ROMAN.fullmatch(token)
    ):
        return False
    core = token[:-1] if token.endswith("s") else token
    if core in language.word_acronyms:
        return False
    if any(c.isdigit() for c in core):
        return any(c.isalpha() for c in core) and not any(c.islower() for c in core)
    if sum(c.isupper() for c in core) < 2:
        return False
    lowercase_runs = (len(list(run)) for lower, run in groupby(core, str.islower) if lower)
    return all(length == 1 for length in lowercase_runs)


def _say_token(found: Found, context: Context) -> str | None:
    token = (found.group("token") or "").translate(_SUBSCRIPTS)
    possessive = "'s" if found.group("possessive") else ""
    capital_word = context.language.capital_words.get(token)
    if capital_word:
        return capital_word + possessive
    if token in _LOWERCASE_WORDS or (
        _is_word_acronym(token, context.language) and (len(token) <= 3 or not token.isupper())
    ):
        return token.lower() + possessive
    if token.isdigit():
        return None
    if any(c.isdigit() for c in token):
        runs = _LETTERS_AND_DIGITS.findall(token)
        if all(
            run.isdigit()
            or run.isupper()
            or len(run) == 1
            or is_abbreviation(run, context.language)
            for run in runs
        ):
            return _spell(token, context.language) + possessive
        return None
    if context.shouting or not is_abbreviation(token, context.language):
        return None
    return _spell(token, context.language) + possessive


def _say_letter_a(found: Found, context: Context) -> str | None:
    """ "Vitamin A", "Grade A", "Option A": after a word that names a kind, "A" is
    the letter; espeak-ng would say it as the article. So is an "A" that no noun
    follows, as an article's would ("A and B", "from A to E", "option (A)")."""
    if _NO_NOUN_AFTER.match(found.after):
        return _LETTER_A
    word = _WORD_BEFORE.search(found.before)
    if word is None or word.group(1).lower() not in letter_labels(context.language.code):
        return None
    return _LETTER_A


def _say_code(found: Found, context: Context) -> str:
    """ "no. s3" is a code, said as "number S 3" like "no. 16S" is "number 16 S"."""
    return _spell((found.group("token") or "").upper(), context.language)


def _say_initials(found: Found, context: Context) -> str:
    """espeak-ng says a lone "A" as the article, but "A," and "F.J" as letters."""
    letters = (found.group("letters") or "").replace(".", "").replace(" ", "")
    return ".".join(letters) + ","


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "letters: initials",
            SemioticClass.LETTERS,
            r"(?<![\w.])(?P<letters>(?:[A-Z]\.\s*)*[A-Z])\.(?=\s+(?:[A-Z]|et\s+al\b))",
            _say_initials,
        ),
        Rule(
            "letters: the letter A after a label",
            SemioticClass.LETTERS,
            r"(?<![\w'\u2019.-])A(?![\w'\u2019-]|\.\s*[A-Z])",
            _say_letter_a,
        ),
        Rule(
            "letters: code after number",
            SemioticClass.LETTERS,
            r"(?:(?<=\b[Nn]o\.\s)|(?<=\b[Nn]os\.\s))(?P<token>[^\W\d_]{1,3}\d+[^\W_]*)(?![\w])",
            _say_code,
        ),
        Rule(
            "letters: spelled",
            SemioticClass.LETTERS,
            rf"(?<![\w'\u2019])(?P<token>{_CHAR}*[A-Z]{_CHAR}*|\d+[A-Z]{_CHAR}*)"
            rf"(?P<possessive>['\u2019]s)?(?!{_CHAR}|['\u2019])",
            _say_token,
        ),
    ]
