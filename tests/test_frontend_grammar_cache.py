"""The rules' first characters are kept between runs, and only ever as a shortcut."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrator.speech.frontend import guard_cache
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
    written.unlink()
    if damage == "FIFO":
        os.mkfifo(written)
    elif damage == "DIRECTORY":
        written.mkdir()
    else:
        written.write_text(damage.replace("[1]", "[" + ", ".join(["1"] * len(rules)) + "]"))
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
