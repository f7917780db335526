"""The spoken-form corpus files are well formed, so the bench judges every case it holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from spoken_corpus import MINIMUM_CASES, MINIMUM_CATEGORIES, CorpusError, load_corpus


def test_the_corpus_is_large_and_broad_enough() -> None:
    cases = load_corpus()
    categories = Counter(case.category for case in cases)
    assert len(categories) >= MINIMUM_CATEGORIES
    assert len(cases) >= MINIMUM_CASES
    assert {case.language for case in cases} >= {"en", "de", "fr"}


def test_no_case_is_written_twice_in_one_category() -> None:
    cases = load_corpus()
    twice = Counter((case.category, case.written) for case in cases)
    assert [key for key, count in twice.items() if count > 1] == []


def test_a_reading_names_no_digit_left_unsaid() -> None:
    unsaid = [case.written for case in load_corpus() if any(c.isdigit() for c in case.said[0])]
    assert unsaid == []


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("category: x\ndomain: y\n", "needs the keys"),
        ("category: x\ndomain: y\ncases: []\n", "has no cases"),
        ("category: x\ndomain: y\ncases:\n  - written: a\n    said: ['']\n", "empty or missing"),
        ("category: x\ndomain: y\ncases:\n  - said: [b]\n", "no written text"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path: Path, text: str, complaint: str) -> None:
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=complaint):
        load_corpus(tmp_path)


def test_a_category_in_two_files_is_refused(tmp_path: Path) -> None:
    text = "category: x\ndomain: y\ncases:\n  - written: a\n    said: [b]\n"
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match="also in"):
        load_corpus(tmp_path)


def test_every_reading_is_plain_words() -> None:
    marked = [
        reading
        for case in load_corpus()
        for reading in case.said
        if any(mark in reading for mark in "{}|")
    ]
    assert marked == []
