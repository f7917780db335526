"""What a careful human reader would say for a piece of written text.

The synthesizer reads symbols literally ("∞" is "infinity", "40-50" is "forty
dash fifty", a lone "A" is the article), so every utterance passes through
``spoken_form`` first. The rules are ordered: lexicon words are set aside
untouched, citation abbreviations are expanded while their full stops still
mark them, then numbers, symbols and punctuation, and last abbreviations in
capitals. The result holds only letters, digits, spaces and punctuation the
synthesizer treats as pauses, so nothing in an article can reach the engine
as a control code or markup.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

from narrator.speech.lexicon import EMPTY, Lexicon
from narrator.speech.settings import Punctuation

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)")

# Citation and Latin abbreviations, matched case-insensitively with their full
# stop. A ``#`` stands for "only before a number" ("no. 16", "no. s3").
_ABBREVIATIONS: dict[str, str] = {
    "et al.": "et al",
    "e.g.": "for example",
    "i.e.": "that is",
    "vs.": "versus",
    "etc.": "et cetera",
    "cf.": "compare",
    "approx.": "approximately",
    "vol.": "volume",
    "vols.": "volumes",
    "pp.": "pages",
    "fig.": "figure",
    "dr.": "doctor",
    "no.#": "number",
    "nos.#": "numbers",
    "p.#": "page",
}


def _abbreviation_pattern() -> re.Pattern[str]:
    alternatives = []
    for written in sorted(_ABBREVIATIONS, key=len, reverse=True):
        body = re.escape(written.rstrip("#")).replace(r"\ ", r"\s+")
        after = r"(?=\s*[^\W\d_]?\d)" if written.endswith("#") else ""
        alternatives.append(body + after)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alternatives)})", re.IGNORECASE)


_ABBREVIATION = _abbreviation_pattern()
_CLAUSE_FINAL = frozenset({"et al.", "etc."})
# "pp. 511" is one page; "pp. 511-520" stays "pages".
_SINGLE_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?!\d|[.,]\d|\s?[-\u2013\u2014]\s?\d)")
# "no. s3" is a code, said as "number S 3" like "no. 16S" is "number 16 S".
_NUMBERED_CODE = re.compile(r"(?<=\bnumber )([^\W\d_]+)(?=\d)|(?<=\bnumbers )([^\W\d_]+)(?=\d)")
_SPOKEN_ABBREVIATION = {
    re.sub(r"\s+", " ", written.rstrip("#")): said for written, said in _ABBREVIATIONS.items()
}

# "Howell, A. et al.", "Hayes, F. J. et al.": a name's initials.
_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.\s*)*[A-Z])\.(?=\s+(?:[A-Z]|et\s+al\b))")

_NUMBER = r"\d+(?:[.,]\d+)*"
_RANGE = re.compile(
    rf"(?<![\w.,\-\u2013\u2014])({_NUMBER})(?:-|\s?[\u2013\u2014]\s?)({_NUMBER})"
    rf"(?![\d\-\u2013\u2014]|[.,]\d)"
)
_NEGATIVE = re.compile(r"(?<![\w.])[-\u2212](?=\d)")
_NUMBER_THEN_WORD = re.compile(r"(?<=\d)-(?=[^\W\d_])|(?<=[^\W\d_])-(?=\d)")
_DANGLING_HYPHEN = re.compile(r"(?<=\w)-(?=[\s/,]|$)")
_DASH = re.compile(r"\s*(?:[\u2013\u2014\u2015]|--+)\s*|\s+-\s+")
_HAS_DASH = re.compile(r"[\u2013\u2014\u2015]|--| - ")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATOR = re.compile(r"\s*\u221e\s*")

# Units said in full after a number or "per": "5 mg/dL" is "5 milligrams per deciliter".
_UNITS = {
    "mg": "milligram",
    "mcg": "microgram",
    "\u00b5g": "microgram",
    "\u03bcg": "microgram",
    "ng": "nanogram",
    "pg": "picogram",
    "g": "gram",
    "kg": "kilogram",
    "ml": "milliliter",
    "mL": "milliliter",
    "dL": "deciliter",
    "dl": "deciliter",
    "IU": "international unit",
    "nmol": "nanomole",
    "pmol": "picomole",
    "mmol": "millimole",
    "mm": "millimeter",
    "cm": "centimeter",
    "km": "kilometer",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "min": "minute",
    "wk": "week",
    "wks": "week",
}
_UNIT = re.compile(
    rf"(?:(?<![\w.,])(\d+(?:[.,]\d+)*)\s?|(?<=\bper ))"
    rf"({'|'.join(sorted(map(re.escape, _UNITS), key=len, reverse=True))})(?![\w])"
)
_SLASH = re.compile(r"(\w+)\s*/\s*(?=(\w+))")
_CURRENCY = re.compile(r"([$\u20ac\u00a3])\s?(\d+(?:[.,]\d+)*)")
_CURRENCIES = {"$": "dollar", "\u20ac": "euro", "\u00a3": "pound"}
_DEGREES = re.compile(r"\s*\u00b0\s*([CF])\b|\s*\u00b0")
_TEMPERATURE = {"C": "degrees Celsius", "F": "degrees Fahrenheit"}

# Symbols said as words from punctuation level SOME up.
_SYMBOLS = {
    "&": "and",
    "%": "percent",
    "+": "plus",
    "=": "equals",
    "<": "less than",
    ">": "greater than",
    "\u00b1": "plus or minus",
    "\u00d7": "times",
    "\u2264": "less than or equal to",
    "\u2265": "greater than or equal to",
    "\u2248": "approximately",
    "\u2260": "not equal to",
    "\u2192": "to",
    "@": "at",
    "#": "number",
    "$": "dollars",
    "\u20ac": "euros",
    "\u00a3": "pounds",
    "\u2122": "trademark",
    "\u00a9": "copyright",
    "\u00ae": "registered",
    "\u00a7": "section",
    "\u00b6": "paragraph",
    "~": "about",
    "/": "slash",
}
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
# Kept for later rules: hyphens join words, an en dash left here joins two
# numbers, and the separator becomes a pause at the end.
_PASSED = frozenset("-\u2013\u221e")
_SILENT = frozenset("\"\u201c\u201d\u2018\u2019'`*_^|\\")
_KEPT_APOSTROPHE = "\u02bc"
_SYMBOL = re.compile(r"[^\w\s]|_")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u2019'](?=[^\W\d_])|^[\u2019'](?=s\b)")
_BRACKETS = str.maketrans({"[": "(", "]": ")", "{": "(", "}": ")"})

_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_WORD_LIKE_ACRONYMS = frozenset(
    {"AIDS", "ASAP", "COVID", "LASER", "NASA", "NATO", "RADAR", "SCUBA", "UNESCO", "UNICEF"}
    | {"JSON", "YAML"}
)
# Said as words, but espeak-ng spells them in capitals: they go to it in lower case.
_LOWERCASE_WORDS = frozenset({"REM"})
_TOKEN = re.compile(r"(?<![\w'])([^\W_A-Z]*[A-Z][^\W_]*)('s)?(?![\w'])")
_LETTERS_AND_DIGITS = re.compile(r"\d+|[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_PAUSE_BEFORE = re.compile(r"\s+([,.;:!?)])")
_SPACE_AFTER_BRACKET = re.compile(r"\(\s+")
_REPEATED_PAUSE = re.compile(r"([,;:])(?:\s*[,;:])+")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")


def _clean(text: str) -> str:
    """Only printable text: escape sequences go whole, control characters become spaces."""
    text = unicodedata.normalize("NFKC", _ANSI.sub("", text))
    if text.isprintable():
        return text
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc" or category in ("Zl", "Zp"):
            out.append(" ")
        elif category[0] != "C":
            out.append(char)
    return "".join(out)


def _expand_abbreviation(match: re.Match[str]) -> str:
    """The words for an abbreviation; its full stop stays a pause where it may end a clause."""
    written = re.sub(r"\s+", " ", match.group().lower())
    said = _SPOKEN_ABBREVIATION[written]
    following = match.string[match.end() :].lstrip()
    if written == "pp." and _SINGLE_NUMBER.match(following):
        said = "page"
    if not following:
        return said + "."
    if written in _CLAUSE_FINAL and not following[0].islower():
        return said + ","
    return said


def _say_initials(match: re.Match[str]) -> str:
    """Initials joined by full stops are said as letters; a comma keeps the pause.

    espeak-ng says a lone "A" as the article, but "A," and "F.J" as letters.
    """
    letters = match.group(1).replace(".", "").replace(" ", "")
    return ".".join(letters) + ","


def _say_amount(match: re.Match[str]) -> str:
    """An amount is said number first, as a reader says it: "$5" is "5 dollars"."""
    currency, amount = match.group(1), match.group(2)
    name = _CURRENCIES[currency]
    return f"{amount} {name}" if amount == "1" else f"{amount} {name}s"


def _say_unit(match: re.Match[str]) -> str:
    number, unit = match.group(1), match.group(2)
    word = _UNITS[unit]
    if number is None:
        return word
    return f"{number} {word}" if number == "1" else f"{number} {word}s"


def _say_slash(match: re.Match[str], punctuation: Punctuation) -> str:
    left, right = match.group(1), match.group(2)
    if left.lower() == "and" and right.lower() == "or":
        return "and "
    preceding = match.string[: match.start()].rstrip()
    if preceding[-1:].isdigit() and left.isalpha():
        return f"{left} per "
    if left.isalpha() and right.isalpha():
        return f"{left} or "
    if punctuation is Punctuation.NONE:
        return f"{left} "
    return f"{left} slash "


def _spell(token: str) -> str:
    """An abbreviation in capitals, said letter by letter ("GnRH" is "G.N.R.H").

    Letters are joined by full stops because espeak-ng spells dotted
    abbreviations reliably (it says "ATAC" as "attack" and a spaced "A" as "uh");
    a plural "s" stays a plural, said as "z" after the last letter's full stop
    ("AIs" is "A.I.'s": "A.I's" is said "A dot I's"), or "iz" after a letter
    ending in a hiss ("GnRHs" is "G.N.R.H's"); digits stay numbers.
    """
    plural = token.endswith("s") and sum(c.isupper() for c in token) >= 2
    core = token[:-1] if plural else token
    parts = [
        run if run.isdigit() else ".".join(run.upper()) for run in _LETTERS_AND_DIGITS.findall(core)
    ]
    said = " ".join(parts)
    if not plural:
        return said
    return said + ("'s" if said[-1] in _HISSING_LETTERS else ".'s")


_HISSING_LETTERS = frozenset("HSXZ")


def _is_abbreviation(token: str) -> bool:
    if token in _WORD_LIKE_ACRONYMS or _ROMAN.fullmatch(token):
        return False
    core = token[:-1] if token.endswith("s") else token
    if any(c.isdigit() for c in core):
        return any(c.isalpha() for c in core) and not any(c.islower() for c in core)
    if sum(c.isupper() for c in core) < 2:
        return False
    lowercase_runs = (len(list(run)) for lower, run in groupby(core, str.islower) if lower)
    return all(length == 1 for length in lowercase_runs)


def _is_shouting(text: str) -> bool:
    """Text in capitals throughout (a heading set in caps) is words, not abbreviations."""
    words = _WORD.findall(text)
    capitals = sum(word.isupper() for word in words)
    return capitals >= 3 and capitals * 5 >= len(words) * 3


def _say_token(match: re.Match[str]) -> str:
    token, possessive = match.group(1), match.group(2) or ""
    if token in _LOWERCASE_WORDS:
        return token.lower() + possessive
    return (_spell(token) if _is_abbreviation(token) else token) + possessive


def _say_symbol(char: str, punctuation: Punctuation) -> str:
    if char.isalnum() or char.isspace():
        return char
    if punctuation is Punctuation.ALL and char in NAMED_PUNCTUATION:
        return f" {NAMED_PUNCTUATION[char]} "
    if char in _PASSED or char in _PAUSES:
        return char
    if punctuation is Punctuation.NONE or char in _SILENT:
        return " "
    if char in _SYMBOLS:
        return f" {_SYMBOLS[char]} "
    if unicodedata.category(char).startswith("S"):
        return f" {unicodedata.name(char, '').lower()} "
    return " "


def _say_symbols(text: str, punctuation: Punctuation) -> str:
    """Every symbol becomes a word, a pause or a space, per the punctuation level.

    Apostrophes inside words are set aside first (as a modifier letter, which
    counts as a letter) so that "all" does not call them quotes.
    """
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHE.sub(_KEPT_APOSTROPHE, text)
    if punctuation is not Punctuation.ALL:
        text = text.translate(_BRACKETS)
    said = _SYMBOL.sub(lambda match: _say_symbol(match.group(), punctuation), text)
    return said.replace(_KEPT_APOSTROPHE, "'")


def _say_dash(match: re.Match[str]) -> str:
    """A dash is a pause, except between two numbers (a range, in a language with no rule)."""
    text, start, end = match.string, match.start(), match.end()
    between_numbers = text[start - 1 : start].isdigit() and text[end : end + 1].isdigit()
    return match.group() if between_numbers else ", "


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _PAUSE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER_BRACKET.sub("(", text)
    text = _REPEATED_PAUSE.sub(r"\1", text)
    return text.strip().lstrip(",;: ").rstrip(", ")


def _english_rules(text: str, punctuation: Punctuation) -> str:
    """The English rules; each runs only on text holding what it rewrites (it is
    the hot path of building a script)."""
    if "." in text:
        text = _ABBREVIATION.sub(_expand_abbreviation, text)
        text = _INITIALS.sub(_say_initials, text)
    if "number" in text:
        text = _NUMBERED_CODE.sub(lambda m: m.group().upper(), text)
    digits = _DIGIT.search(text) is not None
    if digits:
        text = _RANGE.sub(r"\1 to \2", text)
        text = _NEGATIVE.sub("minus ", text)
        text = _CURRENCY.sub(_say_amount, text)
    if "\u00b0" in text and punctuation is not Punctuation.NONE:
        text = _DEGREES.sub(lambda m: f" {_TEMPERATURE.get(m.group(1) or '', 'degrees')} ", text)
    if "/" in text:
        text = _SLASH.sub(lambda m: _say_slash(m, punctuation), text)
    return _UNIT.sub(_say_unit, text) if digits or "per " in text else text


def _say_hyphens(text: str) -> str:
    if "-" not in text:
        return text
    return _DANGLING_HYPHEN.sub("", _NUMBER_THEN_WORD.sub(" ", text))


def _say_plain(text: str, punctuation: Punctuation, english: bool) -> str:
    text = _say_hyphens(text)
    if english:
        text = _english_rules(text, punctuation)
    if _HAS_DASH.search(text):
        text = _DASH.sub(_say_dash, text)
    text = _say_symbols(text, punctuation)
    if "\u221e" in text:
        text = _SEPARATOR.sub(": ", text)
    return text if _is_shouting(text) else _TOKEN.sub(_say_token, text)


def spoken_form(
    text: str,
    *,
    lexicon: Lexicon = EMPTY,
    punctuation: Punctuation = Punctuation.SOME,
    language: str = "en",
) -> str:
    """What to hand the synthesizer for ``text``.

    It never raises, never holds a control character or the page's ∞, and
    follows the punctuation level: NONE says no symbol, SOME says symbols
    such as & % / ° + = as words and leaves punctuation as pauses, ALL also
    names brackets, colons, semicolons, quotes and hyphens (full stops,
    commas, question and exclamation marks stay pauses, so sentences still
    sound like sentences). The word rules are English ones; for other
    languages only the language-neutral rules (cleaning, separators, dashes,
    abbreviations in capitals, the lexicon) apply.
    """
    punctuation = Punctuation(punctuation)
    english = language.lower().startswith("en")
    pieces = [
        _clean(piece) if respelled else _say_plain(piece, punctuation, english)
        for piece, respelled in lexicon.split(_clean(text))
    ]
    return _tidy(_SEPARATOR.sub(", ", "".join(pieces)))
