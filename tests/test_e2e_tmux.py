"""The real ``narrator`` command in a real terminal (tmux): move, hear a definition,
quit, reopen at the same place; the screen never shows a traceback or a C library's chatter."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from narrator.content.loader import load_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "content" / "anastrozole-dosing.yaml"
# What a crash or a chatty C library (ALSA, JACK, PulseAudio, espeak) writes on a terminal.
NOISE = (
    "Traceback",
    "Error",
    "ALSA lib",
    "snd_pcm",
    "Segmentation fault",
    "jack server",
    "PulseAudio",
    "pa_context",
    "espeak",
)

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux server of our own (its own socket), so no user session is touched."""

    def __init__(self, tmp_path: Path) -> None:
        # A socket per test, in its folder: a server told to exit can still answer for a
        # moment, and a new session sent to it then would be lost.
        self.socket = str(tmp_path / "tmux.socket")
        self.tmp_path = tmp_path
        self.screens: list[str] = []
        self.runs: list[str] = []
        self.session = ""
        self.log: Path | None = None

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=False
        )

    def tmux(self, *args: str) -> str:
        return self.run(*args).stdout

    def start(self, log: Path) -> None:
        self.log = log
        env = " ".join(
            f"{name}={shlex.quote(str(self.tmp_path / name.lower()))}"
            for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
        )
        command = (
            f"cd {shlex.quote(str(ROOT))} && env {env} {shlex.quote(sys.executable)} -m narrator "
            f"content/anastrozole-dosing.yaml --no-audio --speech-log {shlex.quote(str(log))}; "
            "echo NARRATOR-EXIT=$?; sleep 60"
        )
        self.session = f"run{len(self.runs)}"
        self.runs.append(self.session)
        result = self.run("new-session", "-d", "-x", "100", "-y", "30", "-s", self.session, command)
        assert result.returncode == 0, result.stderr

    def screen(self) -> str:
        text = self.tmux("capture-pane", "-p", "-t", self.session)
        self.screens.append(text)
        return text

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def stop(self) -> None:
        self.tmux("kill-server")


def heard(log: Path, since: int = 0) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()[since:]
    return [json.loads(line) for line in lines if line.endswith("}")]


def wait_for(what: str, check: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def started(log: Path, since: int, accept: Callable[[dict[str, Any]], bool]) -> Any:
    return next((e for e in heard(log, since) if e["event"] == "started" and accept(e)), None)


def status_line(screen: str) -> str:
    """Where the status line says the reader is (without the voice's state)."""
    lines = screen.splitlines()
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Anastrozole"))
    status = " ".join(line.strip() for line in lines[start : start + 3])
    return status.split(" · silent")[0].split(" · speaking")[0]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    try:  # shown by pytest only when the test failed: the screen and the speech log
        print("last screen:", term.screen() if term.session else "(none)", sep="\n")
        if term.log is not None and term.log.exists():
            print("speech log:", *term.log.read_text("utf-8").splitlines()[-15:], sep="\n")
    finally:
        term.stop()


def test_move_hear_a_definition_quit_and_reopen_at_the_same_place(
    terminal: Terminal, tmp_path: Path
) -> None:
    glossary = {entry.term: entry.definition for entry in load_article(ARTICLE).glossary}
    first_log = tmp_path / "first.jsonl"
    terminal.start(first_log)
    wait_for("the reader", lambda: "Contents" in terminal.screen() and heard(first_log))

    mark = len(heard(first_log))
    terminal.keys("h")
    wait_for(
        "the next section",
        lambda: started(
            first_log, mark, lambda e: (e["place"] or {}).get("section") == "intermediate"
        ),
    )
    assert "Intermediate" in wait_for(
        "the status line", lambda: "Intermediate" in terminal.screen() and terminal.screens[-1]
    )

    mark = len(heard(first_log))
    terminal.keys("t")
    term_event = wait_for(
        "a term", lambda: started(first_log, mark, lambda e: e["text"].startswith("Term: "))
    )
    term = term_event["text"].removeprefix("Term: ")
    sentence = wait_for(
        "the sentence using the term",
        lambda: started(
            first_log, mark, lambda e: term.lower() in e["text"].lower() and e["place"] is not None
        ),
    )

    mark = len(heard(first_log))
    terminal.keys("d")
    definition = glossary[term].split(". ")[0]
    wait_for(
        "the definition",
        lambda: started(
            first_log, mark, lambda e: e["role"] == "announcement" and definition[:40] in e["text"]
        ),
    )
    wait_for("the pop-up", lambda: definition[:30] in " ".join(terminal.screen().split()))
    terminal.keys("Escape")
    time.sleep(0.3)
    status_before = status_line(terminal.screen())
    terminal.keys("q")
    wait_for("the exit", lambda: "NARRATOR-EXIT=0" in terminal.screen())

    second_log = tmp_path / "second.jsonl"
    terminal.start(second_log)
    wait_for("the reopened reader", lambda: "Contents" in terminal.screen())
    reopened = wait_for(
        "the first sentence", lambda: started(second_log, 0, lambda e: e["place"] is not None)
    )
    assert reopened["place"] == sentence["place"]
    assert status_line(terminal.screen()) == status_before
    terminal.keys("q")
    wait_for("the second exit", lambda: "NARRATOR-EXIT=0" in terminal.screen())

    for screen in terminal.screens:
        for noise in NOISE:
            assert noise not in screen, screen


def _landing(log: Path, mark: int, announced: Callable[[dict[str, Any]], bool]) -> Any:
    """The announcement accepted by ``announced`` after ``mark``, once the sentence it
    lands on is being heard (what a listener waits for before the next key)."""

    def landed() -> Any:
        events = [e for e in heard(log, mark) if e["event"] == "started"]
        announcement = next((e for e in events if announced(e)), None)
        if announcement is None:
            return None
        after = events[events.index(announcement) + 1 :]
        sentence = next((e for e in after if e["place"] is not None), None)
        return (announcement, sentence) if sentence else None

    return wait_for("the landing sentence being heard", landed)


def test_at_a_listeners_pace_each_t_and_each_n_moves_on(terminal: Terminal, tmp_path: Path) -> None:
    log = tmp_path / "pace.jsonl"
    terminal.start(log)
    wait_for("the reader", lambda: "Contents" in terminal.screen() and heard(log))
    wait_for("the opening to be heard", lambda: started(log, 0, lambda e: e["place"] is not None))

    landings = []
    for _ in range(3):
        mark = len(heard(log))
        terminal.keys("t")
        announcement, sentence = _landing(log, mark, lambda e: e["text"].startswith("Term: "))
        landings.append((announcement["text"], json.dumps(sentence["place"]), sentence["text"]))
        time.sleep(0.3)  # into the sentence, as a listener is when they press again
    assert len(set(landings)) == 3, landings

    mark = len(heard(log))
    terminal.keys("/")
    wait_for("the search box", lambda: started(log, mark, lambda e: "Type the words" in e["text"]))
    terminal.keys("estrogen", "Enter")
    first, _ = _landing(log, mark, lambda e: e["text"].startswith("Match "))
    matches = [first["text"]]
    for _ in range(2):
        mark = len(heard(log))
        terminal.keys("n")
        match, _ = _landing(log, mark, lambda e: e["text"].startswith("Match "))
        matches.append(match["text"])
        time.sleep(0.3)
    numbers = [int(text.split()[1]) for text in matches]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2], matches

    mark = len(heard(log))
    terminal.keys("d")
    wait_for("the definition", lambda: started(log, mark, lambda e: e["place"] is None))
    mark = len(heard(log))
    terminal.keys("Escape")
    wait_for(
        "the definition cut short",
        lambda: any(e["event"] == "interrupted" for e in heard(log, mark)),
        timeout=2,
    )
    wait_for("the pop-up closed", lambda: "Escape closes" not in terminal.screen())
    terminal.keys("q")
    wait_for("the exit", lambda: "NARRATOR-EXIT=0" in terminal.screen())
    for screen in terminal.screens:
        for noise in NOISE:
            assert noise not in screen, screen


def test_a_table_cell_by_cell_skimming_back_after_a_term_and_reviewing(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The structural keys in the real reader: table mode, skim, back, history review
    (at the top rate, so skimming reaches the next section soon)."""
    log = tmp_path / "structure.jsonl"
    settings = tmp_path / "xdg_config_home" / "narrator" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"voice": {"rate": 1000}}', encoding="utf-8")
    terminal.start(log)
    wait_for("the reader", lambda: "Contents" in terminal.screen() and heard(log))
    wait_for("the opening to be heard", lambda: started(log, 0, lambda e: e["place"] is not None))

    def said_after(keys: tuple[str, ...], text: str) -> dict[str, Any]:
        mark = len(heard(log))
        terminal.keys(*keys)
        return wait_for(text, lambda: started(log, mark, lambda e: text in e["text"]))

    said_after(("x",), "Optimal Estrogen")
    said_after(("Enter",), "Table mode, row 1 of 3, column 1 of 3")
    said_after(("Right",), "Anastrozole Dosing: Correct, titrated dose")
    said_after(("Down",), "Estrogen Deficiency: Excessive dose")
    said_after(("c",), "Insufficient dose (under-suppression)")
    said_after(("Escape",), "Out of table mode")

    # skim from the top: headings and first sentences, then k reads on in full
    said_after(("C-Home",), "Fundamentals")
    skim = said_after(("k",), "Skim on")
    said_after((), "Intermediate")
    skimmed = [
        e["text"] for e in heard(log) if e["event"] == "started" and e["time"] > skim["time"]
    ]
    assert "Perhaps it is a persistent fatigue" not in " ".join(skimmed)
    said_after(("k",), "Skim off")
    terminal.keys("Escape")
    time.sleep(0.3)

    # a term jump, then back where the listener was
    said_after(("Right",), "Navigating the complexities")
    term = said_after(("t",), "Term: ")
    back = said_after(("BSpace",), "Back to Intermediate")
    assert back["time"] > term["time"]
    said_after((), "Navigating the complexities")

    # the last five utterances again, without moving
    time.sleep(0.5)
    status = status_line(terminal.screen())
    history = [e["text"] for e in heard(log) if e["event"] == "started" and e["role"] != "cue"]
    for text in history[-1:-6:-1]:
        said_after(("[",), text)
    assert status_line(terminal.screen()) == status
    terminal.keys("q")
    wait_for("the exit", lambda: "NARRATOR-EXIT=0" in terminal.screen())
    for screen in terminal.screens:
        for noise in NOISE:
            assert noise not in screen, screen
