"""The spoken-form corpus: real-world written cases with every reading a careful reader accepts.

Loaded by the corpus tests and by ``scripts/spoken_bench.py``. Loading
validates each file, so a malformed case fails loudly instead of being
skipped and silently improving the score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "data" / "spoken"
REQUIRED = ("category", "domain", "cases")
MINIMUM_CATEGORIES = 40
MINIMUM_CASES = 800


class CorpusError(ValueError):
    """A corpus file that does not have the shape every case is judged by."""


@dataclass(frozen=True)
class Case:
    category: str
    domain: str
    language: str
    written: str
    said: tuple[str, ...]


def _cases_in(path: Path) -> Iterator[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or any(key not in data for key in REQUIRED):
        raise CorpusError(f"{path.name}: needs the keys {', '.join(REQUIRED)}")
    if not data["cases"]:
        raise CorpusError(f"{path.name}: has no cases")
    for number, case in enumerate(data["cases"], start=1):
        written, said = case.get("written"), case.get("said")
        if not isinstance(written, str) or not written.strip():
            raise CorpusError(f"{path.name} case {number}: no written text")
        if not said or not all(isinstance(reading, str) and reading.strip() for reading in said):
            raise CorpusError(f"{path.name} case {number}: an empty or missing reading")
        yield Case(
            str(data["category"]),
            str(data["domain"]),
            str(data.get("language", "en")),
            written,
            tuple(said),
        )


def load_corpus(folder: Path = CORPUS) -> list[Case]:
    """Every case, file by file; raises ``CorpusError`` on a malformed or duplicate file."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        found = list(_cases_in(path))
        category = found[0].category
        if category in seen:
            raise CorpusError(f"{path.name}: category {category!r} is also in {seen[category]}")
        seen[category] = path.name
        cases += found
    return cases
