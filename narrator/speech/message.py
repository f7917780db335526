"""What to say for Narrator's own messages (notices, errors), as opposed to article text.

A message is written for the screen: it names files by their full path and
places as ``path:line:column:``. Said with the article's rules, a path is word
salad ("slash tmp slash lib slash zz dash broken dot yaml"). A listener needs only
which file, and where in it; the screen keeps the whole path. File names are
said as electronic text, whatever their suffix ("zz dash broken dot yaml"), and a
punctuation mark quoted in a message is named, since it is the point of it
("expected ',' or ')'" is "expected comma or right paren").
"""

from __future__ import annotations

import re
import unicodedata

from narrator.speech.frontend.classes.electronic import electronic_words
from narrator.speech.frontend.language import english
from narrator.speech.lexicon import Lexicon
from narrator.speech.spoken import NAMED_PUNCTUATION, spoken_form

# A path: absolute (/…, ~/…, C:\…), relative from ./ or ../, or folders then a
# name with a suffix or two folders deep ("and/or" and "mg/dL" are not paths).
_PATH = re.compile(
    r"(?<![\w./\\~-])"
    r"(?:(?:~|\.{1,2}|[A-Za-z]:)?[/\\](?:[^\s/\\:;,()'\"]+[/\\])*"
    r"|(?:[\w.-]+[/\\])+(?=[^\s/\\:;,()'\"]*\.[A-Za-z])"
    r"|(?:[\w.-]+[/\\]){2,})"
    r"(?P<name>[^\s/\\:;,()'\"]*\w)"
)
# A file name with a suffix, standing alone ("settings.json", "zz-broken.yaml").
_FILE_NAME = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[A-Za-z]\w*(?![\w-])")
# A time stamp in a file name (ISO 8601 basic, as set-aside files are stamped):
# fourteen digits said aloud tell a listener nothing the screen does not show.
_STAMP = re.compile(r"(?<=\w)[-_.]\d{8}T\d{4,6}(?:-\d+)?(?![\w-])")
_LOCATION = re.compile(r"(?P<file>[^\s:]+):(?P<line>\d+)(?::(?P<column>\d+))?:")
_QUOTED_MARK = re.compile(r"(['\"`\u2018\u201c])([^\w\s])['\"`\u2019\u201d]")
# A mark quoted in a message is the point of it, so even pauses are named; the
# rest are named as the punctuation level "all" names them.
_MARK_NAMES = {
    **NAMED_PUNCTUATION,
    ",": "comma",
    ".": "full stop",
    "!": "exclamation mark",
    "?": "question mark",
    "'": "apostrophe",
    "/": "slash",
    "&": "ampersand",
    "#": "hash",
    "%": "percent",
    "@": "at sign",
}


def _say_location(match: re.Match[str]) -> str:
    place = f"{match['file']}, line {match['line']}"
    return place + (f", column {match['column']}:" if match["column"] else ":")


def _name_mark(match: re.Match[str]) -> str:
    mark = match.group(2)
    return _MARK_NAMES.get(mark) or unicodedata.name(mark, "symbol").lower()


def spoken_message(text: str) -> str:
    """What to hand the synthesizer for one of Narrator's messages: paths said by
    their file name only (without a time stamp), ``name.yaml:3:1: message`` as
    "name.yaml, line 3, column 1: message", quoted punctuation named, everything
    else as ``spoken_form`` says it.

    Its result says the same again through ``spoken_form``, so a caller that
    passes it on as text to be spoken gets exactly this.
    """
    text = _STAMP.sub("", _PATH.sub(lambda match: match["name"], text))
    text = _LOCATION.sub(_say_location, text)
    text = _QUOTED_MARK.sub(_name_mark, text)
    names = {name: electronic_words(name, english()) for name in _FILE_NAME.findall(text)}
    return spoken_form(text, lexicon=Lexicon(names))


def typed_character(character: str) -> str:
    """How a character just typed (or deleted) is echoed: a letter or digit as itself,
    a space or a mark by its name ("space", "comma"), as screen readers echo typing."""
    if character.isalnum():
        return character
    if character.isspace():
        return "space"
    return _MARK_NAMES.get(character) or unicodedata.name(character, "symbol").lower()
