"""The "did you mean" of every message, and that a correct article never pays for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from narrator.nearest import nearest

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


def test_a_name_is_its_own_nearest_and_a_slip_finds_the_name_meant() -> None:
    choices = ("id", "title", "sections", "glossary")
    assert nearest("title", choices) == "title"
    assert nearest("glosary", choices) == "glossary"
    assert nearest("sectoins", choices) == "sections"
    assert nearest("zzz", choices) is None


def test_the_cutoff_says_how_near_is_near_enough() -> None:
    assert nearest("flc", ("wav", "flac")) == "flac"
    assert nearest("m4", ("wav", "m4b"), cutoff=0.9) is None


def test_loading_a_correct_article_never_loads_difflib() -> None:
    """It is loaded only for a mistake (a few ms of every start otherwise)."""
    code = (
        "import sys\n"
        "from narrator.content.loader import load_article\n"
        f"load_article(__import__('pathlib').Path({str(REFERENCE)!r}))\n"
        "print('difflib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "False\n", result.stderr
