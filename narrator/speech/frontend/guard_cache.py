"""Each rule's first characters, kept between runs.

Reading them from the rules' own patterns takes a third of the front end's
cold start (Python's regular-expression parser is pure Python), and the
first sentence a listener hears waits for it. They change only when a rule
or Python does, so they are kept in the user's cache folder under a digest of
both, the way Python keeps its bytecode. Anything wrong with the cache (stale,
corrupt, not a regular file, unwritable) means the characters are read from
the patterns again.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from narrator.speech.frontend import first_chars as reading
from narrator.speech.frontend.cache_folder import cache_path, keep, read_kept
from narrator.speech.frontend.first_chars import first_chars
from narrator.speech.frontend.rule import Rule

_MAX_BYTES = 1 << 20


def rules_first_chars(rules: Sequence[Rule]) -> list[str | None]:
    """``first_chars`` of every rule, in order: from the cache when it holds them."""
    path = _cache_file(rules)
    cached = _read(path, len(rules))
    if cached is not None:
        return cached
    firsts = [first_chars(rule.pattern, rule.flags) for rule in rules]
    keep(path, json.dumps(firsts).encode())
    return firsts


def _cache_file(rules: Sequence[Rule]) -> Path:
    """Named by Python's version, the code that reads the characters, and the rules."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(reading.__file__).read_bytes())
    for rule in rules:
        digest.update(f"\0{rule.flags}\0{rule.pattern}".encode("utf-8", "surrogatepass"))
    return cache_path("first-chars", f"{digest.hexdigest()[:32]}.json")


def _read(path: Path, count: int) -> list[str | None] | None:
    data = read_kept(path, _MAX_BYTES)
    if data is None:
        return None
    try:
        firsts = json.loads(data)
    except ValueError:
        return None
    if not isinstance(firsts, list) or len(firsts) != count:
        return None
    if not all(first is None or isinstance(first, str) for first in firsts):
        return None
    return firsts
