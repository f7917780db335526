"""Narrator says the corpus right: at least 97 % by sound, and never changes a number's meaning.

The corpus is real-world writing with every reading a careful reader
accepts; the judge is espeak-ng's own phonemes (``scripts/spoken_bench.py``
has the details and prints the full table).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spoken_corpus import load_corpus

pytest.importorskip("espeakng_loader")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from spoken_bench import Judged, judge

TARGET = 0.97


@pytest.fixture(scope="module")
def judged() -> list[Judged]:
    return judge(load_corpus())


def _listed(items: list[Judged]) -> str:
    return "\n".join(
        f"[{item.case.category}] {item.case.written!r} -> {item.said!r}, "
        f"expected {item.case.said[0]!r} {item.meaning_changed}"
        for item in items
    )


def test_no_failure_changes_a_number_a_sign_or_a_unit(judged: list[Judged]) -> None:
    changed = [item for item in judged if item.meaning_changed]
    assert changed == [], f"{len(changed)} meaning-changing failures:\n{_listed(changed)}"


def test_the_corpus_is_said_right_by_sound(judged: list[Judged]) -> None:
    wrong = [item for item in judged if not item.right]
    accuracy = 1 - len(wrong) / len(judged)
    assert accuracy >= TARGET, f"{accuracy:.1%} right; failures:\n{_listed(wrong)}"
