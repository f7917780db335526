"""Only regular files are read: a pipe, device, socket or folder is refused, never waited on.

A named pipe opened for reading waits for a writer that may never come, and a
device like /dev/zero never ends, so ``narrator script FIFO`` hung until
killed, and so did the plain reader once its saved place had been replaced by
a pipe. Every path Narrator reads (article, settings, lexicon, reading state)
is refused in one line instead, and each refusal here must come at once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from narrator.content.errors import ArticleError
from narrator.content.library import openable
from narrator.content.loader import load_article
from narrator.errors import NarratorError
from narrator.reading.store import Store
from narrator.speech.lexicon import load_lexicon, load_listener_lexicon

T = TypeVar("T")
KINDS = {
    "fifo": "a named pipe",
    "folder": "a folder",
    "socket": "a socket",
    "device": "a device",
}


@pytest.fixture(params=sorted(KINDS))
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Callable]]:
    """A maker of the kind of non-file named by the test's parameter, at any path."""
    sockets: list[socket.socket] = []

    def make(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if request.param == "fifo":
            os.mkfifo(path)
        elif request.param == "folder":
            path.mkdir()
        elif request.param == "socket":
            listening = socket.socket(socket.AF_UNIX)
            listening.bind(str(path))
            sockets.append(listening)
        else:
            path.symlink_to("/dev/zero")  # reading it would never end
        return path

    yield KINDS[request.param], make
    for listening in sockets:
        listening.close()


def promptly(call: Callable[[], T], seconds: float = 5.0) -> T:
    """``call()``'s result, failing the test (not hanging it) if it blocks."""
    outcome: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still blocked after {seconds} s"
    if errors:
        raise errors[0]
    return outcome[0]


def test_an_article_that_is_no_regular_file_is_one_placed_problem(
    tmp_path: Path, special: tuple[str, Callable]
) -> None:
    kind, make = special
    path = make(tmp_path / "x.yaml")
    with pytest.raises(ArticleError) as raised:
        promptly(lambda: load_article(path))
    assert str(raised.value) == f"{path}:1:1: cannot read the file: not a regular file ({kind})"


def test_a_lexicon_that_is_no_regular_file_is_one_line(
    tmp_path: Path, special: tuple[str, Callable]
) -> None:
    kind, make = special
    path = make(tmp_path / "lexicon.yaml")
    with pytest.raises(NarratorError, match=rf"not a regular file \({kind}\)"):
        promptly(lambda: load_lexicon(path))
    lexicon, notice = promptly(lambda: load_listener_lexicon(path))
    assert lexicon is None
    assert notice is not None and f"({kind})" in notice


def test_settings_that_are_no_regular_file_are_a_notice_and_set_aside(
    tmp_path: Path, special: tuple[str, Callable]
) -> None:
    kind, make = special
    store = Store(tmp_path / "config", tmp_path / "state")
    make(store.settings_path)
    loaded = promptly(store.settings)
    assert loaded.notice is not None
    assert f"could not be read: not a regular file ({kind})" in loaded.notice
    assert "the old file is kept as settings.json.corrupt-" in loaded.notice
    assert promptly(lambda: store.save_settings(loaded.value)) is None
    assert store.settings().notice is None


def test_reading_state_that_is_no_regular_file_is_a_notice(
    tmp_path: Path, special: tuple[str, Callable]
) -> None:
    kind, make = special
    store = Store(tmp_path / "config", tmp_path / "state")
    article = tmp_path / "a.yaml"
    make(store.article_path("a", article))
    loaded = promptly(lambda: store.article("a", article))
    assert loaded.notice is not None and f"not a regular file ({kind})" in loaded.notice
    assert loaded.value.progress is None


TINY = "id: tiny\ntitle: Tiny\nsections:\n  - id: one\n    title: One\n"


def run_narrator(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(
        os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state")
    )
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args],
        cwd=home,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", ["outline", "script"])
def test_narrator_given_a_named_pipe_says_so_at_once(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_narrator(tmp_path, command, "pipe.yaml")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "narrator: pipe.yaml:1:1: cannot read the file: not a regular file (a named pipe)\n"
    )


def test_the_plain_reader_quits_when_its_saved_place_is_a_named_pipe(tmp_path: Path) -> None:
    (tmp_path / "config" / "narrator").mkdir(parents=True)
    (tmp_path / "config" / "narrator" / "settings.json").write_text('{"voice": {"rate": 500}}')
    (tmp_path / "tiny.yaml").write_text(TINY)
    store = Store(tmp_path / "config" / "narrator", tmp_path / "state" / "narrator")
    place = store.article_path("tiny", tmp_path / "tiny.yaml")
    place.parent.mkdir(parents=True)
    os.mkfifo(place)
    result = run_narrator(tmp_path, "open", "--plain", "tiny.yaml", "--no-audio")
    assert result.returncode == 0
    assert "Your saved reading place" in result.stderr
    assert "not a regular file (a named pipe)" in result.stderr
    assert result.stdout.splitlines()[-1] == "End of article"


def test_narrator_script_of_an_endless_device_is_one_line(tmp_path: Path) -> None:
    result = run_narrator(tmp_path, "script", "/dev/urandom")
    assert result.returncode == 1
    assert result.stderr == (
        "narrator: /dev/urandom:1:1: cannot read the file: not a regular file (a device)\n"
    )


def test_the_reader_refuses_a_named_pipe_as_article_or_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(NarratorError, match="is a named pipe, not an article file or a folder"):
        openable(tmp_path / "pipe.yaml")
