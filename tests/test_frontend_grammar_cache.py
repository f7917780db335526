"""What the front end keeps between runs (the rules' first characters, the compiled
patterns) gives what it would compute, and is only ever a shortcut."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from narrator.speech.frontend import compiled_patterns, guard_cache, tokenizer
from narrator.speech.frontend.classes import rules_for
from narrator.speech.frontend.first_chars import first_chars
from narrator.speech.frontend.language import english

_PATTERNS = """
import hashlib
from narrator.speech.frontend.classes import rules_for
from narrator.speech.frontend.language import language_for
for code in ("en", "de", "fr"):
    for rule in rules_for(language_for(code)):
        print(code, rule.name, hashlib.sha256(rule.pattern.encode()).hexdigest())
"""


def test_the_rules_are_the_same_in_every_process() -> None:
    """A pattern built from a set's order would differ by hash seed, and the cache,
    named by the patterns, would never be found again."""

    def patterns(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", _PATTERNS]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout

    assert patterns("1") == patterns("2")


def _damage(path: Path, damage: str, content: str | bytes) -> None:
    """Put a FIFO, a folder (the damage says which) or ``content`` in the file's place."""
    path.unlink()
    if damage == "FIFO":
        os.mkfifo(path)
    elif damage == "DIRECTORY":
        path.mkdir()
    else:
        path.write_bytes(content.encode() if isinstance(content, str) else content)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "narrator" / "first-chars"


def test_the_cache_gives_what_the_patterns_say_and_is_written_once(cache_home: Path) -> None:
    rules = rules_for(english())
    expected = [first_chars(rule.pattern, rule.flags) for rule in rules]
    assert guard_cache.rules_first_chars(rules) == expected
    [written] = cache_home.iterdir()
    stamp = written.stat().st_mtime_ns
    assert guard_cache.rules_first_chars(rules) == expected
    assert written.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", ["[1, 2", '"text"', "[]", "[1]", "FIFO", "DIRECTORY"])
def test_a_damaged_cache_is_read_again_from_the_patterns(cache_home: Path, damage: str) -> None:
    rules = rules_for(english())
    expected = [first_chars(rule.pattern, rule.flags) for rule in rules]
    guard_cache.rules_first_chars(rules)
    [written] = cache_home.iterdir()
    _damage(written, damage, damage.replace("[1]", "[" + ", ".join(["1"] * len(rules)) + "]"))
    assert guard_cache.rules_first_chars(rules) == expected


def test_an_unwritable_cache_folder_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    rules = rules_for(english())
    assert guard_cache.rules_first_chars(rules) == [
        first_chars(rule.pattern, rule.flags) for rule in rules
    ]
    _same(compiled_patterns.compiled(r"(\d+)\s*mg"), r"(\d+)\s*mg")


# ------------------------------------------------- compiled patterns, kept


_SAMPLES = ("take 2.5 mg bid", "on 3 March 2024,", "e.g. 40-50%", "Dr. Smith", "", "\u00bd")


def _joined_patterns() -> list[str]:
    """The tokenizer's joined rules for some kinds of characters, as ``at`` builds them."""
    grammar = tokenizer.grammar(english())
    return [grammar.at(char).pattern for char in "1A a:"]


@pytest.fixture
def patterns_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not compiled_patterns.engine_takes_programs():
        pytest.skip("this Python (3.10, or not CPython) compiles every pattern at every run")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "narrator" / "patterns"


def _same(kept: re.Pattern[str], pattern: str, flags: int = 0) -> None:
    fresh = re.compile(pattern, flags)
    assert (kept.pattern, kept.flags, kept.groups) == (fresh.pattern, fresh.flags, fresh.groups)
    assert kept.groupindex == fresh.groupindex
    for sample in _SAMPLES:
        for start in range(len(sample) + 1):
            mine, theirs = kept.match(sample, start), fresh.match(sample, start)
            assert (mine and (mine.span(), mine.lastgroup)) == (
                theirs and (theirs.span(), theirs.lastgroup)
            )


def _kept_files(home: Path) -> list[Path]:
    return sorted(path for path in home.rglob("*") if not path.is_dir())


def test_a_kept_pattern_matches_as_the_compiled_one_and_is_written_once(
    patterns_home: Path,
) -> None:
    sources = [(pattern, 0) for pattern in _joined_patterns()] + [(r"(?P<x>ab)+c", re.I)]
    before = _kept_files(patterns_home)
    first = compiled_patterns.compiled_all(sources)
    [written] = set(_kept_files(patterns_home)) - set(before)
    stamp = written.stat().st_mtime_ns
    again = compiled_patterns.compiled_all(sources)
    assert written.stat().st_mtime_ns == stamp
    for pattern, (source, flags) in zip(first + again, sources * 2, strict=True):
        _same(pattern, source, flags)


def test_a_pattern_and_its_flags_are_kept_apart() -> None:
    loud, quiet = compiled_patterns.compiled("abc", re.I), compiled_patterns.compiled("abc")
    assert loud.match("ABC") and not quiet.match("ABC")


def _sealed(body: bytes) -> bytes:
    """``body`` under the checksum a file of ours carries (so only the engine, and the
    checks of the header, can refuse it)."""
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def _flipped(code: bytes) -> bytes:
    """One bit changed in the last code word: still a program, of another pattern."""
    return code[:-4] + bytes([code[-4] ^ 1]) + code[-3:]


def _damaged(kept: bytes, damage: str, sealed: bool) -> bytes:
    """What a kept file (its checksum, header line and code) holds after ``damage``:
    under its old checksum, or under a new one that matches (``sealed``)."""
    if damage == "empty":
        return b""
    digest, body = kept.split(b"\n", 1)
    header, code = body.split(b"\n", 1)
    bodies = {
        "no header": code,
        "short code": header + b"\n" + code[:-4],
        "odd bytes": header + b"\n" + code[:-1],
        "bad code": header + b"\n" + bytes([0xFF]) * len(code),
        "a bit flipped": header + b"\n" + _flipped(code),
        "not a list": b'{"code": 0}\n',
    }
    damaged = bodies.get(damage, b"")
    return _sealed(damaged) if sealed else digest + b"\n" + damaged


@pytest.mark.parametrize(
    ("damage", "sealed"),
    [
        ("empty", False),
        ("no header", False),
        ("short code", False),
        ("odd bytes", False),
        ("bad code", False),
        ("a bit flipped", False),
        ("no header", True),
        ("short code", True),
        ("odd bytes", True),
        ("bad code", True),
        ("FIFO", False),
        ("DIRECTORY", False),
    ],
)
def test_a_damaged_pattern_file_is_compiled_again(
    patterns_home: Path, damage: str, sealed: bool
) -> None:
    """Damage costs time, never a wrong match or a crash: the checksum finds it, and the
    engine refuses a malformed program even under a right checksum."""
    pattern = f"(?:{_joined_patterns()[0]})"
    before = _kept_files(patterns_home)
    compiled_patterns.compiled(pattern)
    [written] = set(_kept_files(patterns_home)) - set(before)
    _damage(written, damage, _damaged(written.read_bytes(), damage, sealed))
    _same(compiled_patterns.compiled(pattern), pattern)


@pytest.mark.parametrize(
    "header", [{"groups": 10**12}, {"groups": -1}, {"groupindex": {"x": -1}}, {"groups": "1"}]
)
def test_a_header_no_compiler_would_write_is_refused(
    patterns_home: Path, header: dict[str, object]
) -> None:
    """Not even a file under a right checksum can make ``re`` fail later ("no such
    group") or ask for a terabyte."""
    pattern = r"(?P<dose>\d+)\s*mg"
    before = _kept_files(patterns_home)
    compiled_patterns.compiled(pattern)
    [written] = set(_kept_files(patterns_home)) - set(before)
    body = written.read_bytes().split(b"\n", 1)[1]
    line, code = body.split(b"\n", 1)
    [program] = json.loads(line)
    written.write_bytes(_sealed(json.dumps([{**program, **header}]).encode() + b"\n" + code))
    _same(compiled_patterns.compiled(pattern), pattern)
    assert compiled_patterns.compiled(pattern).match("5 mg").group("dose") == "5"


_TITLE = """
import time
from narrator.speech.frontend.normalize import spoken_text
spoken_text("warm up")
start = time.perf_counter()
spoken_text("Anastrozole Dosing: 1 mg a day.")
print(time.perf_counter() - start)
"""


def test_a_later_run_reads_the_kept_patterns_instead_of_compiling_them(
    patterns_home: Path,
) -> None:
    """What the cache is for: the second process needs no pattern compiled again."""
    run = [sys.executable, "-c", _TITLE]
    subprocess.run(run, check=True, capture_output=True)
    files = {path: path.stat().st_mtime_ns for path in _kept_files(patterns_home)}
    assert files
    subprocess.run(run, check=True, capture_output=True)
    assert {path: path.stat().st_mtime_ns for path in _kept_files(patterns_home)} == files


# ------------------------------------------- patterns compiled by imports, kept

_IMPORTING = """
import re, sys
from narrator.speech.frontend.compiled_patterns import patterns_of_the_last_run
sys.path.insert(0, sys.argv[1])
with patterns_of_the_last_run("start"):
    seeded = (str, sys.argv[2], 0) in re._cache
    import compiling_at_import
print(seeded, compiling_at_import.DOSE.match("2.5 mg bid").group("dose"))
"""


def test_a_block_finds_the_patterns_its_imports_compiled_on_the_last_run(
    tmp_path: Path, patterns_home: Path
) -> None:
    """YAML, Textual and the front end compile some 200 patterns as they are imported."""
    pattern = r"(?P<dose>\d+(?:\.\d+)?)\s*mg\b"
    (tmp_path / "compiling_at_import.py").write_text(
        f"import re\nDOSE = re.compile({pattern!r})\n", encoding="utf-8"
    )
    run = [sys.executable, "-c", _IMPORTING, str(tmp_path), pattern]
    first = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    [block] = [path for path in _kept_files(patterns_home) if path.suffix == ".block"]
    stamp = block.stat().st_mtime_ns
    again = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    assert (first, again) == ("False 2.5\n", "True 2.5\n")
    assert block.stat().st_mtime_ns == stamp  # nothing new: not written again


def _unique(name: str) -> str:
    """A pattern no earlier test has left in ``re``'s cache."""
    return rf"(?P<{name}>\d+)\s*{os.urandom(6).hex()}"


def _seeded(name: str, pattern: str) -> bool:
    re.purge()
    with compiled_patterns.patterns_of_the_last_run(name):
        return (str, pattern, 0) in re._cache  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("damage", "sealed"),
    [
        ("empty", False),
        ("no header", False),
        ("short code", False),
        ("bad code", True),
        ("a bit flipped", False),
        ("not a list", True),
        ("FIFO", False),
    ],
)
def test_a_damaged_block_file_means_its_patterns_are_compiled_again(
    patterns_home: Path, damage: str, sealed: bool
) -> None:
    """Its patterns would stand for the ones any module compiles (YAML's, Textual's): a
    program changed by one bit must never be one of them."""
    pattern = _unique("x")
    with compiled_patterns.patterns_of_the_last_run("damaged"):
        re.compile(pattern)
    [block] = [path for path in _kept_files(patterns_home) if path.suffix == ".block"]
    _damage(block, damage, _damaged(block.read_bytes(), damage, sealed))
    assert not _seeded("damaged", pattern)
    re.purge()
    with compiled_patterns.patterns_of_the_last_run("damaged"):
        _same(re.compile(pattern), pattern)
    if damage != "FIFO":
        assert _seeded("damaged", pattern)  # kept again, whole


def test_a_block_that_fails_keeps_nothing(patterns_home: Path) -> None:
    pattern = _unique("y")
    with pytest.raises(KeyError), compiled_patterns.patterns_of_the_last_run("failing"):
        re.compile(pattern)
        raise KeyError("the article could not be opened")
    assert not _seeded("failing", pattern)


def test_a_block_file_starts_again_when_it_would_grow_past_its_limit(
    patterns_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Patterns built from the article read (its glossary's terms) differ from article to
    article: the file must not grow without end."""
    monkeypatch.setattr(compiled_patterns, "_MAX_REMEMBERED", 2)
    first, second, third = _unique("a"), _unique("b"), _unique("c")
    re.purge()
    with compiled_patterns.patterns_of_the_last_run("growing"):
        re.compile(first)
        re.compile(second)
    assert _seeded("growing", first)
    re.purge()
    with compiled_patterns.patterns_of_the_last_run("growing"):
        re.compile(third)
    assert _seeded("growing", third)
    assert not _seeded("growing", first)
