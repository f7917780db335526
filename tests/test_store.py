"""Saved state: XDG folders honoured, writes atomic, unreadable files set aside with a notice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from reading_fixtures import ARTICLE, UTTERANCES

from narrator.reading import store as store_module
from narrator.reading.bookmarks import Bookmark, bookmark_here
from narrator.reading.cursor import Cursor
from narrator.reading.store import ArticleState, Settings, Store, write_atomically
from narrator.speech.settings import (
    MAX_RATE,
    FigureVerbosity,
    Footnotes,
    Punctuation,
    Verbosity,
    VoiceSettings,
)
from narrator.speech.utterance import Place

ARTICLE_PATH = Path("/articles/dosing.yaml")


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are the Linux convention")
def test_settings_and_state_go_to_the_xdg_folders(xdg: Path) -> None:
    store = Store()
    settings = Settings(
        VoiceSettings(voice="en-gb", rate=320, pitch=40, volume=0.5),
        Verbosity(Punctuation.ALL, FigureVerbosity.BRIEF),
    )
    assert store.save_settings(settings) is None
    assert (xdg / "config" / "narrator" / "settings.json").is_file()
    assert Store().settings() == store_module.Loaded(settings)
    state = ArticleState(Place("academic", 2, 0, 1), (Bookmark("here", Place("x", 1), "t"),))
    assert store.save_article("dosing", ARTICLE_PATH, state) is None
    files = list((xdg / "state" / "narrator" / "articles").iterdir())
    assert [f.name.split("-")[0] for f in files] == ["dosing"]
    assert Store().article("dosing", ARTICLE_PATH).value == state


def test_nothing_saved_yet_means_defaults_and_no_notice(xdg: Path) -> None:
    store = Store()
    assert store.settings() == store_module.Loaded(Settings())
    assert store.article("dosing", ARTICLE_PATH) == store_module.Loaded(ArticleState())


def test_the_same_article_in_two_folders_keeps_two_places(xdg: Path) -> None:
    store = Store()
    store.save_article("dosing", ARTICLE_PATH, ArticleState(Place("a")))
    store.save_article("dosing", Path("/elsewhere/dosing.yaml"), ArticleState(Place("b")))
    assert store.article("dosing", ARTICLE_PATH).value.progress == Place("a")


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b"[1, 2]",
        b'{"voice": {"rate": "fast"}}',
        b'{"voice": {"rate": true}}',
        b'{"verbosity": {"figures": "loud"}}',
        b'{"voice": []}',
        b'{"verbosity": {"punctuation": ["all"]}}',
        b'{"voice": {"volume": "1"}, "verbosity": null}',
    ],
)
def test_an_unreadable_settings_file_is_set_aside_with_a_notice(xdg: Path, content: bytes) -> None:
    store = Store()
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_bytes(content)
    loaded = store.settings()
    assert loaded.value == Settings()
    assert loaded.notice is not None and "\n" not in loaded.notice
    aside = list(store.settings_path.parent.glob("settings.json.corrupt-*"))
    assert [p.read_bytes() for p in aside] == [content]
    assert aside[0].name in loaded.notice
    assert not store.settings_path.exists()
    assert store.save_settings(Settings()) is None


@pytest.mark.parametrize(
    "content",
    [
        '{"progress": {"block": 1}}',
        '{"progress": "academic"}',
        '{"bookmarks": [{"name": "x"}]}',
        '{"bookmarks": {"a": 1}}',
        '{"bookmarks": ["x"]}',
    ],
)
def test_an_unreadable_article_state_is_set_aside(xdg: Path, content: str) -> None:
    store = Store()
    path = store.article_path("dosing", ARTICLE_PATH)
    path.parent.mkdir(parents=True)
    path.write_text(content)
    loaded = store.article("dosing", ARTICLE_PATH)
    assert loaded.value == ArticleState() and loaded.notice
    assert len(list(path.parent.glob("*.corrupt-*"))) == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"voice": {"rate": 2', "the file ends too soon, as if cut short"),
        (b"{not json}", "it is not JSON (line 1, column 2)"),
        (b"\xff\xfe garbage", "it is not text"),
        (b"[1, 2]", "settings should be a JSON object"),
        (b'{"voice": {"rate": "fast"}}', "rate should be a whole number"),
        (b'{"voice": {"volume": "1"}}', "volume should be a number"),
        (b'{"high_contrast": 1}', "high_contrast should be true or false"),
        (b'{"verbosity": {"figures": "loud"}}', "figures should be one of full, brief, off"),
    ],
)
def test_the_notice_says_precisely_why_and_what_happens_instead(
    xdg: Path, content: bytes, reason: str
) -> None:
    store = Store()
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_bytes(content)
    notice = store.settings().notice
    aside = next(store.settings_path.parent.glob("settings.json.corrupt-*")).name
    assert notice == (
        f"Your saved settings in {store.settings_path} could not be read: {reason}; "
        f"the default settings are used, and the old file is kept as {aside}"
    )


def test_setting_aside_twice_in_a_second_keeps_both(xdg: Path) -> None:
    store = Store()
    store.settings_path.parent.mkdir(parents=True)
    for content in ("{one", "{two"):
        store.settings_path.write_text(content)
        assert store.settings().notice
    aside = sorted(p.read_text() for p in store.settings_path.parent.glob("*.corrupt-*"))
    assert aside == ["{one", "{two"]


def test_out_of_range_settings_are_brought_into_range(xdg: Path) -> None:
    store = Store()
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_text('{"voice": {"rate": 9000, "pitch": -5, "volume": 3}}')
    loaded = store.settings()
    assert loaded.notice is None
    assert (loaded.value.voice.rate, loaded.value.voice.pitch, loaded.value.voice.volume) == (
        MAX_RATE,
        0,
        1.0,
    )


def test_a_file_that_can_be_neither_read_nor_moved_is_never_overwritten(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store()
    store.settings_path.parent.mkdir(parents=True)
    store.settings_path.write_text("{precious but broken")

    def refuse(path: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module, "_set_aside", refuse)
    loaded = store.settings()
    assert loaded.value == Settings() and "the file is left as it is" in loaded.notice
    assert "left untouched" in store.save_settings(Settings(VoiceSettings(rate=300)))
    assert store.settings_path.read_text() == "{precious but broken"


def test_an_interrupted_write_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.json"
    write_atomically(path, '{"old": true}')

    def crash(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", crash)
    with pytest.raises(OSError):
        write_atomically(path, '{"new": true}')
    assert path.read_text() == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_failed_save_is_a_notice_not_a_crash(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomically", full)
    notice = Store().save_settings(Settings())
    assert notice is not None and "No space left on device" in notice


WRITER = """
import sys
from pathlib import Path
from narrator.reading.store import write_atomically
path = Path(sys.argv[1])
n = 0
print("ready", flush=True)
while True:
    n += 1
    write_atomically(path, '{"n": %d, "pad": "%s"}' % (n, "x" * (n % 5000)))
"""


def test_killing_the_writer_at_any_moment_never_corrupts_the_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    write_atomically(path, '{"n": 0, "pad": ""}')
    for delay in (0.05, 0.11, 0.17, 0.23):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert json.loads(path.read_text())["n"] >= 0


def test_temporary_files_left_by_a_kill_are_swept_once_stale(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    stale, fresh = tmp_path / ".state.json.a.tmp", tmp_path / ".state.json.b.tmp"
    stale.write_text("{half")
    fresh.write_text("{half")
    old = time.time() - store_module.STALE_SECONDS - 5
    os.utime(stale, (old, old))
    write_atomically(path, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "state.json"]


def test_a_bookmark_names_the_section_and_first_words() -> None:
    cursor = Cursor(ARTICLE, UTTERANCES, index=14)
    bookmark = bookmark_here(cursor)
    assert bookmark.name == "Monitoring: When estrogen levels fall, bones suffer."
    assert bookmark.place == UTTERANCES[14].place
    assert bookmark.created.endswith("+00:00")
    assert bookmark_here(cursor, "mine").name == "mine"
    assert bookmark_here(Cursor(ARTICLE, UTTERANCES)).name == "Fundamentals: start of the section"


names = st.text(min_size=0, max_size=30)
places = st.builds(Place, names, st.integers(-1, 50), st.integers(-1, 50), st.integers(0, 50))


@hypothesis_settings(max_examples=40, deadline=None)
@given(
    st.builds(
        Settings,
        st.builds(
            VoiceSettings,
            st.one_of(st.none(), names),
            st.integers(80, 500),
            st.integers(0, 100),
            st.floats(0, 1),
        ),
        st.builds(
            Verbosity,
            st.sampled_from(Punctuation),
            st.sampled_from(FigureVerbosity),
            st.sampled_from(Footnotes),
        ),
    ),
    st.builds(
        ArticleState,
        st.one_of(st.none(), places),
        st.lists(st.builds(Bookmark, names, places, names), max_size=4).map(tuple),
    ),
)
def test_whatever_is_saved_is_loaded_back(settings: Settings, state: ArticleState) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "config", Path(folder) / "state")
        assert store.save_settings(settings) is None
        assert store.save_article("a-b", ARTICLE_PATH, state) is None
        assert store.settings() == store_module.Loaded(settings)
        assert store.article("a-b", ARTICLE_PATH) == store_module.Loaded(state)


def test_remember_saves_only_the_fields_that_changed(tmp_path: Path) -> None:
    store = Store(tmp_path / "config", tmp_path / "state")
    saved = Settings(VoiceSettings(voice="gmw/en", rate=200), Verbosity(Punctuation.NONE))
    assert store.save_settings(saved) is None
    this_run = Settings(VoiceSettings(voice="gmw/en-GB", rate=300), Verbosity(Punctuation.ALL))
    faster = Settings(VoiceSettings(voice="gmw/en-GB", rate=320), Verbosity(Punctuation.ALL))
    assert store.remember(this_run, faster) is None
    assert store.settings().value == Settings(
        VoiceSettings(voice="gmw/en", rate=320), Verbosity(Punctuation.NONE)
    )
