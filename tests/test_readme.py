"""The README's promises stay true: its commands, its example article, CI's command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrator.content.loader import load_article_text
from narrator.speech.script import build_script
from narrator.speech.spoken import spoken_form

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_the_readme_opens_with_the_two_newcomer_commands() -> None:
    commands = [line for line in fenced("sh")[0].splitlines() if line and line[0] != "#"]
    assert len(commands) == 2
    assert README.index("```sh") < README.index("\n## ")
    install_and_open, install_and_test = commands
    assert install_and_open.endswith(".venv/bin/narrator")
    assert "pytest" in install_and_test


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = next(line for line in fenced("sh")[0].splitlines() if "pytest" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == test_command


@pytest.mark.parametrize("example", fenced("yaml"))
def test_the_example_article_loads_and_reads(example: str) -> None:
    article = load_article_text(example, "README.md")
    script = build_script(article)
    spoken = " ".join(u.spoken for u in script.utterances)
    assert "three to four days" in spoken
    assert "forty to fifty hours" in spoken
    assert "an-ass-truh-zole" in spoken


def test_every_key_the_reader_answers_to_is_documented() -> None:
    from narrator.tui.screens.reader import READER_COMMANDS

    for command in READER_COMMANDS:
        assert f"| `{command.label}` | {command.description} |" in README


def test_the_spoken_classes_table_is_what_narrator_says() -> None:
    """Each example in "How Narrator says things" is said exactly as the table shows."""
    start = README.index("| class | written | said |")
    table = README[start : README.index("\n\n", start)].splitlines()[2:]
    assert len(table) >= 20
    for row in table:
        _, written, said = (cell.strip() for cell in row.strip("|").split(" | "))
        assert spoken_form(written.strip("`")) == said, written
