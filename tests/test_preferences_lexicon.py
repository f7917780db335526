"""The listener's lexicon in their config folder is heard everywhere Narrator speaks.

A missing file is no lexicon; a broken one is one line naming ``path:line``
and reading goes on without it. ``narrator script --lexicon FILE`` uses that
file instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tui_session import open_reader

from narrator import cli
from narrator.reading.store import Store, config_folder
from narrator.speech import export as export_module
from narrator.speech.script import Script

ARTICLE = """\
id: drugs
title: Drugs
sections:
  - id: one
    title: One
    blocks:
      - paragraph: "Anastrozole lowers estrogen."
"""
RESPELLED = "an ASS troh zohl"
BROKEN = "Anastrozole: an ASS troh zohl\nLetrozole: [not, plain]\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "drugs.yaml").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def listener_lexicon(text: str) -> Path:
    """Write the listener's lexicon where Narrator looks for it (this test's config folder)."""
    path = Store().lexicon_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def narrator(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args],
        cwd=folder,
        env=os.environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def spoken(log: Path) -> list[str]:
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [event["spoken"] for event in events if event["event"] == "started"]


def test_the_lexicon_lives_in_the_config_folder_beside_the_settings(tmp_path: Path) -> None:
    assert config_folder() == tmp_path / "xdg-config" / "narrator"
    store = Store()
    assert store.lexicon_path == config_folder() / "lexicon.yaml"
    assert store.lexicon_path.parent == store.settings_path.parent


def test_no_lexicon_file_is_no_lexicon_and_no_notice() -> None:
    loaded = Store().lexicon()
    assert loaded.value is None
    assert loaded.notice is None


def test_a_broken_lexicon_is_a_notice_naming_its_line_and_is_left_alone() -> None:
    path = listener_lexicon(BROKEN)
    loaded = Store().lexicon()
    assert loaded.value is None
    assert loaded.notice is not None and f"{path}:2:" in loaded.notice
    assert "\n" not in loaded.notice
    assert path.read_text(encoding="utf-8") == BROKEN


# ------------------------------------------------------------------ script


def test_script_says_words_the_listeners_way(folder: Path) -> None:
    listener_lexicon(f"Anastrozole: {RESPELLED}\n")
    result = narrator(folder, "script", "drugs.yaml")
    assert result.returncode == 0, result.stderr
    assert f"one/0.0.0\t{RESPELLED} lowers estrogen." in result.stdout.splitlines()


def test_script_lexicon_option_is_used_instead_of_the_listeners(folder: Path) -> None:
    listener_lexicon(f"Anastrozole: {RESPELLED}\nestrogen: ESS tro jen\n")
    (folder / "other.yaml").write_text("Anastrozole: a NAS tro zole\n", encoding="utf-8")
    result = narrator(folder, "script", "drugs.yaml", "--lexicon", "other.yaml")
    assert result.returncode == 0, result.stderr
    assert "one/0.0.0\ta NAS tro zole lowers estrogen." in result.stdout.splitlines()


def test_script_with_a_broken_lexicon_says_so_in_one_line_and_goes_on(folder: Path) -> None:
    path = listener_lexicon(BROKEN)
    result = narrator(folder, "script", "drugs.yaml")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"narrator: Your lexicon is not used: {path}:2:")
    assert "one/0.0.0\tAnastrozole lowers estrogen." in result.stdout.splitlines()


def test_a_broken_script_lexicon_option_is_an_error(folder: Path) -> None:
    (folder / "other.yaml").write_text(BROKEN, encoding="utf-8")
    result = narrator(folder, "script", "drugs.yaml", "--lexicon", "other.yaml")
    assert result.returncode == 1
    assert result.stderr.startswith("narrator: other.yaml:2:")


# ------------------------------------------------------ read, plain, say


@pytest.mark.parametrize("command", [["read"], ["open", "--plain"]])
def test_reading_aloud_says_words_the_listeners_way(folder: Path, command: list[str]) -> None:
    listener_lexicon(f"Anastrozole: {RESPELLED}\n")
    log = folder / "speech.jsonl"
    result = narrator(folder, *command, "drugs.yaml", "--no-audio", "--speech-log", str(log))
    assert result.returncode == 0, result.stderr
    assert f"{RESPELLED} lowers estrogen." in spoken(log)
    assert "Anastrozole lowers estrogen." in result.stdout.splitlines()


@pytest.mark.parametrize("command", [["read"], ["open", "--plain"]])
def test_reading_aloud_with_a_broken_lexicon_notes_it_and_reads_on(
    folder: Path, command: list[str]
) -> None:
    path = listener_lexicon(BROKEN)
    log = folder / "speech.jsonl"
    result = narrator(folder, *command, "drugs.yaml", "--no-audio", "--speech-log", str(log))
    assert result.returncode == 0, result.stderr
    assert f"narrator: Your lexicon is not used: {path}:2:" in result.stderr
    assert "Anastrozole lowers estrogen." in spoken(log)


def test_say_says_words_the_listeners_way(folder: Path) -> None:
    listener_lexicon(f"Anastrozole: {RESPELLED}\n")
    log = folder / "speech.jsonl"
    result = narrator(folder, "say", "Take anastrozole.", "--no-audio", "--speech-log", str(log))
    assert result.returncode == 0, result.stderr
    assert spoken(log) == [f"Take {RESPELLED}."]


# ------------------------------------------------------------------ export


def test_export_says_words_the_listeners_way(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listener_lexicon(f"Anastrozole: {RESPELLED}\n")
    exported: list[Script] = []

    def export_script(script: Script, *args: object, **options: object) -> list[object]:
        exported.append(script)
        return []

    monkeypatch.setattr(export_module, "export_script", export_script)
    assert cli.main(["export", str(folder / "drugs.yaml"), "--out", str(folder / "out")]) == 0
    (script,) = exported
    assert f"{RESPELLED} lowers estrogen." in [u.spoken for u in script.utterances]


# --------------------------------------------------------------------- TUI


async def test_the_full_screen_reader_says_words_the_listeners_way(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "lexicon.yaml").write_text(f"Anastrozole: {RESPELLED}\n")
    async with open_reader(tmp_path) as session:
        await session.press("slash", *"utilized", "enter")
        event = await session.heard(lambda e: "known as Anastrozole is utilized" in e["text"])
        assert RESPELLED in event["spoken"]


async def test_the_full_screen_reader_shows_and_says_a_broken_lexicon(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    path = tmp_path / "config" / "lexicon.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    async with open_reader(tmp_path) as session:
        await session.heard("Your lexicon is not used")
        assert f"{path}:2:" in session.status
        await session.press("down")
        await session.heard(lambda e: e["place"] is not None)
