"""Readable ids from titles, shared by the loader's hints and the importers."""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_SLUG = 64


def slugify(text: str) -> str:
    """``"How Does It Work?"`` -> ``"how-does-it-work"``; "" when no letter survives.

    Accents are folded (é -> e) so ids stay typeable on any keyboard; long
    titles are cut at a word boundary so bookmarks stay short.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = ""
    for word in re.findall(r"[a-z0-9]+", folded.lower()):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MAX_SLUG:
            return slug or word[:MAX_SLUG]
        slug = longer
    return slug


def unique_slug(text: str, taken: set[str], fallback: str) -> str:
    """A slug for ``text`` not in ``taken`` (``-2``, ``-3``... on clashes); adds it to ``taken``."""
    base = slugify(text) or fallback
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
