"""Only printable text reaches the front end: nothing in an article can reach the
engine as a control code."""

from __future__ import annotations

import re
import unicodedata

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)")
# Compatibility forms that NFKC would flatten into other numbers ("½" into
# "1⁄2", "²" into "2", so "1½" became "11⁄2" and "10⁵" "105"): the front end
# reads them as what they mean, so they are kept as written.
_KEPT = frozenset(
    "\u00b2\u00b3\u00b9\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207c\u207d\u207e\u207f"
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"
    "\u00bc\u00bd\u00be\u2150\u2151\u2152\u2153\u2154\u2155\u2156\u2157\u2158\u2159\u215a\u215b\u215c\u215d\u215e"
    "\u00b5\u2126\u212b\u2030\u2031\u00aa\u00ba\u02e2\u1d57\u207f\u1d48\u02b3\u1d49\u02b0"
)


def _normalized(text: str) -> str:
    if text.isascii():
        return text
    if not any(char in _KEPT for char in text):
        return unicodedata.normalize("NFKC", text)
    return "".join(char if char in _KEPT else unicodedata.normalize("NFKC", char) for char in text)


def clean(text: str) -> str:
    """Escape sequences go whole, control characters become spaces, and look-alike
    forms become their plain letters ("ﬁ" is "fi", a full-width "５" is "5")."""
    text = _normalized(_ANSI.sub("", text))
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
