"""Narrator's own messages said as a listener needs them: file names, not paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tui_session import open_reader

from narrator.content.errors import NarratorError
from narrator.content.loader import load_article
from narrator.reading.store import Store
from narrator.speech.message import spoken_message
from narrator.speech.spoken import spoken_form
from narrator.tui.app import SpeechOutput
from narrator.tui.launch import build_app
from narrator.tui.screens.choose import ChooseScreen

MESSAGES = [
    "The saved settings in /tmp/c1/cfg/narrator/settings.json could not be read "
    "(not a Narrator file); kept it as settings.json.corrupt-20261125T142501",
    "/tmp/lib/zz-broken.yaml:3:1: YAML syntax: did not find expected ',' or ')'",
    "internal error: boom (details in /home/u/.local/state/narrator/crash.log)",
    "Could not save the reading place in ~/state/narrator/articles/x.json: Permission denied",
    "content/zz-broken.yaml:12: unknown key",
    "lexicon.yaml:4:3: a word and/or its respelling is empty",
    "No sound device: playing silently",
]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (MESSAGES[1], "Z.Z dash broken dot yaml, line three, column one: YAML syntax: did not "
         "find expected comma or right paren"),
        (MESSAGES[2], "internal error: boom (details in crash dot log)"),
        (MESSAGES[3], "Could not save the reading place in X dot json: Permission denied"),
        (MESSAGES[4], "Z.Z dash broken dot yaml, line twelve: unknown key"),
        (MESSAGES[5], "lexicon dot yaml, line four, column three: a word and or its respelling "
         "is empty"),
        (MESSAGES[6], "No sound device: playing silently"),
    ],
)  # fmt: skip
def test_paths_are_said_by_file_name_and_places_by_line_and_column(written: str, said: str) -> None:
    assert spoken_message(written) == said


@pytest.mark.parametrize("written", MESSAGES)
def test_the_spoken_message_says_the_same_again_as_text(written: str) -> None:
    """Callers hand it on as text to be spoken; the second pass must change nothing."""
    said = spoken_message(written)
    assert spoken_form(said) == said
    assert "/" not in said and "slash" not in said


def test_a_corrupt_settings_file_is_said_by_its_name(tmp_path: Path) -> None:
    store = Store(tmp_path / "config" / "deep" / "folder", tmp_path / "state")
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_text("[1, 2", encoding="utf-8")
    notice = store.settings().notice
    assert notice and str(store.settings_path) in notice
    said = spoken_message(notice)
    assert "settings dot json" in said and said.endswith(
        "the old file is kept as settings dot json dot corrupt"
    )
    assert "slash" not in said and "folder" not in said and " or " not in said


def test_an_article_error_is_said_by_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "lib" / "zz-broken.yaml"
    broken.parent.mkdir()
    broken.write_text("id: zz\ntitle: Z\nsections: [\n  - id: a\n", encoding="utf-8")
    with pytest.raises(NarratorError) as raised:
        load_article(broken)
    assert spoken_message(str(raised.value)).startswith(
        "Z.Z dash broken dot yaml, line four, column three: "
    )


async def test_the_reader_says_a_corrupt_settings_notice_by_file_name(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text("[1, 2", encoding="utf-8")
    async with open_reader(tmp_path) as session:
        event = await session.heard("could not be read")
        assert "settings dot json" in event["spoken"]
        assert "slash" not in event["spoken"] and str(tmp_path) not in event["text"]
        assert str(settings) in session.status  # the screen keeps the whole path


async def test_the_library_says_a_broken_article_by_file_name_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-good.yaml").write_text(
        "id: good\ntitle: Good\nsections:\n  - id: only\n    title: Only\n"
        "    blocks:\n      - paragraph: One sentence.\n"
    )
    (folder / "zz-broken.yaml").write_text("id: zz\ntitle: Z\nsections: [\n  - id: a\n")
    log = tmp_path / "library.jsonl"
    store = Store(tmp_path / "config", tmp_path / "state")
    app = build_app(folder, None, SpeechOutput(None, log, True), store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("down", "enter")
        said = ""
        for _ in range(160):  # the voice may be slow on a busy machine: wait for it, up to 8 s
            await pilot.pause(0.05)
            lines = log.read_text().splitlines() if log.exists() else []
            said = " ".join(json.loads(line)["spoken"] for line in lines if line.endswith("}"))
            if "Cannot open" in said:
                break
    assert "Cannot open Z.Z dash broken dot yaml: line four, column three: YAML syntax" in said
    assert "slash" not in said and str(folder) not in said
