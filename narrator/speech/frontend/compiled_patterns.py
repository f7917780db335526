"""Regular expressions compiled once for each Python, not once for each run.

The front end joins its rules into patterns of up to some 20 kB, and Python
parses a pattern in pure Python: at every start the title waited some 60 ms
for the ones its characters need, and the first keys for the rest. What
Python makes of a pattern depends only on the pattern, its flags and Python's
own matching engine, so the compiled program is kept in the user's cache
folder, as Python keeps bytecode, and handed back to the engine next time.

The engine only checks that a program is well formed, not that it is the
pattern's: a flipped bit in a literal would match other text. So each file
carries a SHA-256 of the rest, and a file that does not match it, like anything
else wrong with the cache, means the pattern is compiled again. Where the
engine cannot be handed a program (not CPython, or a Python whose compiler is
laid out differently), patterns are compiled as usual.

Modules compile patterns of their own as they are imported (YAML, Textual and
Narrator's front end some 190, 30–40 ms of the reader's start), with
``re.compile`` at module level. ``patterns_of_the_last_run`` hands them back
the same way, through ``re``'s own cache of compiled patterns.
"""

from __future__ import annotations

import array
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from narrator.speech.frontend.cache_folder import cache_path, keep, read_kept

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # not CPython, or Python 3.10 (its compiler is ``sre_compile``)
    _sre = None  # type: ignore[assignment]

Source = tuple[str, int]
"""A pattern and its flags."""

_MAX_BYTES = 8 << 20
_MAX_REMEMBERED = 1000
"""Patterns a block's file holds at most; past it, the file holds the patterns of the
last run that compiled any (the rest are compiled again once, and kept again)."""
_CODE = "I"  # the engine's code words are unsigned 32-bit
_ERRORS = (ValueError, TypeError, RuntimeError, OverflowError, KeyError, IndexError)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds it."""
    [one] = compiled_all([(pattern, flags)])
    return one


def compiled_all(sources: Sequence[Source]) -> list[re.Pattern[str]]:
    """Each of ``sources`` compiled, kept together in one cache file (for many small
    patterns needed at once, one file instead of one each)."""
    if not engine_takes_programs():
        return [re.compile(pattern, flags) for pattern, flags in sources]
    path = _cache_file(sources)
    kept = _read(path, sources)
    if kept is not None:
        return kept
    programs = [_program(pattern, flags) for pattern, flags in sources]
    try:
        patterns = [_built(program) for program in programs]
    except _ERRORS:  # this Python's engine takes its programs differently
        return [re.compile(pattern, flags) for pattern, flags in sources]
    keep(path, _encoded(programs))
    return patterns


@contextmanager
def patterns_of_the_last_run(name: str) -> Iterator[None]:
    """In this block, ``re.compile`` finds what it compiled in the block ``name`` on the
    last run (kept when the block ends without an error).

    Meant for imports, whose patterns are the same at every run: a pattern built
    from what is read (an article's glossary) would add to the file at every new
    article."""
    cache = getattr(re, "_cache", None)
    if not engine_takes_programs() or not isinstance(cache, dict):
        yield
        return
    path = _engine_folder().joinpath(f"{name}.block")
    kept = _kept(path) or []
    for program, built in kept:
        cache.setdefault((str, built.pattern, program["asked"]), built)
    before = set(cache)
    yield
    # set() copies the cache at once: another thread may compile a pattern meanwhile
    new = [key for key in set(cache) - before if _compiled_by_re(key)]
    if not new:
        return
    try:
        programs = [_program(pattern, flags) for _, pattern, flags in new]
    except _ERRORS:
        return
    if len(kept) + len(programs) <= _MAX_REMEMBERED:
        programs = [program for program, _ in kept] + programs
    keep(path, _encoded(programs))


def engine_takes_programs() -> bool:
    """CPython 3.11 or later, whose engine takes the compiler's code words as kept."""
    return _sre is not None and array.array(_CODE).itemsize == _sre.CODESIZE


def _compiled_by_re(key: object) -> bool:
    """An entry of ``re``'s cache for a text pattern, as ``re.compile`` makes it."""
    if not (isinstance(key, tuple) and len(key) == 3 and key[0] is str):
        return False
    _, pattern, flags = key
    return isinstance(pattern, str) and type(flags) is int and not flags & re.DEBUG


def _engine_folder() -> Path:
    """Named by the matching engine and Python's version."""
    engine = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode())
    return cache_path("patterns", engine.hexdigest()[:16])


def _cache_file(sources: Sequence[Source]) -> Path:
    """Named by the patterns, in the engine's folder."""
    digest = hashlib.sha256()
    for pattern, flags in sources:
        digest.update(f"\0{flags}\0{pattern}".encode("utf-8", "surrogatepass"))
    return _engine_folder().joinpath(digest.hexdigest()[:32])


def _program(pattern: str, flags: int) -> dict[str, Any]:
    """What ``re.compile`` hands the engine for ``pattern`` (as its compiler does)."""
    parsed = _parser.parse(pattern, flags)
    return {
        "pattern": pattern,
        "asked": flags,
        "flags": flags | parsed.state.flags,
        "code": _compiler._code(parsed, flags),
        "groups": parsed.state.groups - 1,
        "groupindex": parsed.state.groupdict,
    }


def _built(program: dict[str, Any]) -> re.Pattern[str]:
    groupindex: dict[str, int] = program["groupindex"]
    groups: int = program["groups"]
    # a group needs code words of its own: a larger count is no program of ours
    if not (type(groups) is int and 0 <= groups <= len(program["code"])):
        raise ValueError("not a count of groups")
    if not all(type(i) is int and 1 <= i <= groups for i in groupindex.values()):
        raise ValueError("not a group's number")
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    built: re.Pattern[str] = _sre.compile(
        program["pattern"],
        program["flags"],
        program["code"],
        program["groups"],
        groupindex,
        tuple(indexgroup),
    )
    return built


def _encoded(programs: list[dict[str, Any]]) -> bytes:
    """The SHA-256 of the rest in hex, a JSON line of everything but the code, then
    the code words, raw."""
    code = array.array(_CODE)
    for program in programs:
        code.extend(program["code"])
    header = [{**program, "code": len(program["code"])} for program in programs]
    body = json.dumps(header).encode("utf-8", "surrogatepass") + b"\n" + code.tobytes()
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _read(path: Path, sources: Sequence[Source]) -> list[re.Pattern[str]] | None:
    kept = _kept(path)
    if kept is None or len(kept) != len(sources):
        return None
    for (program, built), (pattern, flags) in zip(kept, sources, strict=True):
        if built.pattern != pattern or program["asked"] != flags:
            return None
    return [built for _, built in kept]


def _kept(path: Path) -> list[tuple[dict[str, Any], re.Pattern[str]]] | None:
    """Each program kept in ``path``, and the pattern the engine built from it."""
    data = read_kept(path, _MAX_BYTES)
    if data is None:
        return None
    digest, _, data = data.partition(b"\n")
    if digest != hashlib.sha256(data).hexdigest().encode():
        return None
    line = data.find(b"\n")
    if line < 0:
        return None
    try:
        header = json.loads(data[:line].decode("utf-8", "surrogatepass"))
        code = array.array(_CODE)
        code.frombytes(data[line + 1 :])
        if not isinstance(header, list) or sum(p["code"] for p in header) != len(code):
            return None
        kept, start = [], 0
        for entry in header:
            end = start + entry["code"]
            program = {**entry, "code": code[start:end].tolist()}
            built = _built(program)
            if not isinstance(built.pattern, str) or type(program["asked"]) is not int:
                return None
            kept.append((program, built))
            start = end
    except (*_ERRORS, AttributeError):
        return None
    return kept
