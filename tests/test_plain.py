"""The plain reader: one printed line per utterance heard, keys from a terminal, never a traceback.

The commands run for real (real synthesis into miniaudio's null device, in
real time), on tiny articles and at a fast rate to stay quick.
"""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
import wave
from pathlib import Path

import pytest

from narrator import plain
from narrator.plain import Keys, one_line
from narrator.speech.events import SpeechEvent, SpeechEventKind
from narrator.speech.message import spoken_message
from narrator.speech.output import SpeechOutput

ARTICLE = """\
id: tiny
title: Tiny
sections:
  - id: one
    title: One
    blocks:
      - paragraph: "Estrogen levels matter. They change."
  - id: two
    title: Two
    blocks:
      - paragraph: "Bones [bold]too[/bold]."
glossary:
  - term: estrogen levels
    definition: "Concentrations in blood."
"""
HEARD = [
    "One",
    "Estrogen levels matter.",
    "They change.",
    "Two",
    "Bones [bold]too[/bold].",
    "Glossary",
    "Glossary, 1 entry.",
    "estrogen levels: Concentrations in blood.",
    "End of article",
]
# Printed as heard, with the structure the voice says, for a braille display.
TEXT_LINES = [
    "Section 1 of 3: One.",
    *HEARD[1:3],
    "Section 2 of 3: Two.",
    HEARD[4],
    "Section 3 of 3: Glossary.",
    *HEARD[6:],
]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "config" / "narrator").mkdir(parents=True)
    (tmp_path / "config" / "narrator" / "settings.json").write_text('{"voice": {"rate": 500}}')
    (tmp_path / "tiny.yaml").write_text(ARTICLE)
    return tmp_path


def environment(home: Path) -> dict[str, str]:
    return dict(
        os.environ,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONUNBUFFERED="1",
    )


def narrator(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args, "--no-audio", "--speech-log", "speech.jsonl"],
        cwd=home,
        env=environment(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def heard(home: Path) -> list[str]:
    log = [json.loads(line) for line in (home / "speech.jsonl").read_text().splitlines()]
    return [entry["text"] for entry in log if entry["event"] == "started"]


class Terminal:
    """The command with a pseudo-terminal as stdin; stdout and stderr captured apart."""

    def __init__(self, home: Path, *args: str) -> None:
        self.master, self.slave = pty.openpty()
        self.settings = termios.tcgetattr(self.slave)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "narrator", *args, "--no-audio", "--speech-log", "speech.jsonl"],
            cwd=home,
            env=environment(home),
            stdin=self.slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.out = self.process.stdout.fileno()
        self.lines: list[str] = []
        self._partial = b""

    def read_lines(self, timeout: float = 0.0) -> list[str]:
        while select.select([self.out], [], [], timeout)[0]:
            chunk = os.read(self.out, 4096)
            if not chunk:
                break
            self._partial += chunk
            timeout = 0.0
        *complete, self._partial = self._partial.split(b"\n")
        self.lines += [line.decode() for line in complete]
        return self.lines

    def wait_for(self, line: str, timeout: float = 20) -> str:
        """Wait until a line starting with ``line`` is printed; return the whole line."""
        deadline = time.monotonic() + timeout
        while True:
            found = [printed for printed in self.read_lines(0.05) if printed.startswith(line)]
            if found:
                return found[0]
            assert time.monotonic() < deadline, f"never printed {line!r}: {self.lines}"

    def press(self, *keys: bytes, gap: float = 0.3) -> None:
        for key in keys:
            os.write(self.master, key)
            time.sleep(gap)

    def finish(self, timeout: float = 30) -> tuple[int, list[str], str]:
        out, err = self.process.communicate(timeout=timeout)
        self._partial += out
        self.lines += [line.decode() for line in self._partial.split(b"\n") if line]
        restored = termios.tcgetattr(self.slave) == self.settings
        os.close(self.master)
        os.close(self.slave)
        assert restored, "the terminal was left in cbreak mode"
        return self.process.returncode, self.lines, err.decode()


def test_read_without_a_terminal_reads_to_the_end_one_line_per_utterance(home: Path) -> None:
    result = narrator(home, "read", "tiny.yaml")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == TEXT_LINES
    assert heard(home) == HEARD


def test_read_from_a_section_recording_what_was_played(home: Path) -> None:
    result = narrator(home, "read", "tiny.yaml", "--section", "two", "--audio-out", "heard.wav")
    assert result.stdout.splitlines() == TEXT_LINES[3:]
    with wave.open(str(home / "heard.wav")) as recording:
        seconds = recording.getnframes() / recording.getframerate()
    assert seconds > 1.0


def test_an_unknown_section_is_one_line_said_too_and_nothing_read(home: Path) -> None:
    result = narrator(home, "read", "tiny.yaml", "--section", "nope")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no section `nope`" in result.stderr
    assert result.stdout == ""
    said = heard(home)
    assert len(said) == 1 and said[0].startswith("no section nope in tiny")


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html", ".epub", ".docx"])
def test_a_page_to_convert_is_said_with_the_command_that_converts_it(
    home: Path, suffix: str
) -> None:
    (home / f"notes{suffix}").write_text("# Notes\n\nText.\n")
    result = narrator(home, f"notes{suffix}")
    assert result.returncode == 1
    assert result.stderr == (
        f"narrator: notes{suffix} is not an article yet; add it to your library: "
        f"narrator add notes{suffix} (or convert it: narrator import notes{suffix} -o notes.yaml)\n"
    )
    assert heard(home)[0].startswith(spoken_message(f"notes{suffix} is not an article yet"))


def test_a_corrupt_settings_file_is_a_notice_and_reading_goes_on(home: Path) -> None:
    settings = home / "config" / "narrator" / "settings.json"
    settings.write_text("{broken")
    result = narrator(home, "read", "tiny.yaml", "--section", "two")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "settings.json.corrupt-" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == TEXT_LINES[3:]


def test_read_with_keys_moves_and_stops_and_restores_the_terminal(home: Path) -> None:
    terminal = Terminal(home, "read", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"\x1b[C", b"\x1b[C", b"\x1b[D")
    terminal.press(b"q")
    code, lines, err = terminal.finish()
    assert (code, err) == (0, "")
    assert lines[:1] == ["Section 1 of 3: One."]
    assert "They change." in lines
    assert lines[-1] != TEXT_LINES[-1]


def test_escape_alone_stops_reading(home: Path) -> None:
    terminal = Terminal(home, "read", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"\x1b", gap=0.5)
    code, lines, _ = terminal.finish(timeout=10)
    assert code == 0 and len(lines) < len(TEXT_LINES)


def test_open_plain_moves_defines_bookmarks_and_reopens_where_it_stopped(home: Path) -> None:
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Tiny.")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"t")
    terminal.wait_for("Term: estrogen levels")
    terminal.press(b"d")
    terminal.wait_for("estrogen levels: Concentrations in blood.")
    terminal.press(b"h")
    terminal.wait_for("Section 2 of 3: Two.")
    terminal.press(b"\x1b[B")
    terminal.wait_for("Bones [bold]too[/bold].")
    terminal.press(b"b")
    terminal.wait_for("Bookmark added: Two: Bones [bold]too[/bold].")
    terminal.press(b"w")
    where = terminal.wait_for("Two, paragraph 1 of 1, ")
    assert where.endswith(" percent")
    terminal.press(b"q")
    code, _, err = terminal.finish()
    assert (code, err) == (0, "")

    again = Terminal(home, "open", "--plain", "tiny.yaml")
    assert again.wait_for("Resuming ") == "Resuming Two."
    again.wait_for("Bones [bold]too[/bold].")
    again.press(b"B")
    again.wait_for("1. Two: Bones [bold]too[/bold].")
    again.press(b"1\n")
    again.wait_for("Number: Two")
    again.wait_for("Bones [bold]too[/bold].")
    again.press(b"q")
    code, _, err = again.finish()
    assert (code, err) == (0, "")


def test_open_plain_say_all_goes_on_after_a_rate_change_and_space_pauses(home: Path) -> None:
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b" ")
    terminal.wait_for("Estrogen levels matter.")
    terminal.press(b"-")
    terminal.wait_for("Rate 480")
    terminal.wait_for("Section 2 of 3: Two.")
    terminal.press(b" ", gap=1.0)
    paused_at = len(terminal.read_lines())
    time.sleep(1.0)
    assert len(terminal.read_lines()) == paused_at
    terminal.press(b"q")
    code, lines, err = terminal.finish()
    assert (code, err) == (0, "")
    assert lines[-1] != TEXT_LINES[-1]
    settings = json.loads((home / "config" / "narrator" / "settings.json").read_text())
    assert settings["voice"]["rate"] == 480


def test_open_plain_v_says_the_next_voice_for_the_article_by_name(home: Path) -> None:
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"v")
    first = terminal.wait_for("Voice: English")
    terminal.press(b"v")
    deadline = time.monotonic() + 20
    while len([line for line in terminal.read_lines(0.05) if line.startswith("Voice: ")]) < 2:
        assert time.monotonic() < deadline, terminal.lines
    terminal.press(b"q")
    code, lines, err = terminal.finish()
    assert (code, err) == (0, "")
    voices = [line for line in lines if line.startswith("Voice: ")]
    assert voices[0] == first and voices[1] != first
    assert voices[1].startswith("Voice: English")
    settings = json.loads((home / "config" / "narrator" / "settings.json").read_text())
    assert settings["voice"]["voice"] is not None


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_being_terminated_restores_the_terminal_and_keeps_the_place(
    home: Path, ending: signal.Signals
) -> None:
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"h")
    terminal.wait_for("Section 2 of 3: Two.")
    terminal.process.send_signal(ending)
    code, _, err = terminal.finish()
    assert (code, err) == (130, "")
    saved = next((home / "state" / "narrator" / "articles").glob("tiny-*.json"))
    assert json.loads(saved.read_text())["progress"]["section"] == "two"


def test_open_plain_without_a_terminal_reads_through_and_keeps_the_place(home: Path) -> None:
    result = narrator(home, "open", "--plain", "tiny.yaml", "--section", "two")
    assert result.returncode == 0
    assert result.stdout.splitlines() == TEXT_LINES[3:]
    saved = next((home / "state" / "narrator" / "articles").glob("tiny-*.json"))
    assert json.loads(saved.read_text())["progress"]["section"] == "glossary"


def test_keys_are_named_and_arrows_told_from_escape() -> None:
    read, write = os.pipe()
    keys = Keys(read)
    try:
        os.write(write, b"\x1b[Ch+?\x1bOA")
        assert [keys.read(0.1) for _ in range(5)] == ["right", "h", "plus", "question_mark", "up"]
        os.write(write, b"\x1b")
        assert keys.read(0.1) == "escape"
        os.write(write, "\u00e9".encode()[:1])
        assert keys.read(0.01) is None
        os.write(write, "\u00e9".encode()[1:])
        assert keys.read(0.1) == "\u00e9"
        os.write(write, b"\x1b[15~x")
        assert keys.read(0.1) is None
        assert keys.read(0.1) == "x"
        assert keys.read(0.01) is None
    finally:
        os.close(read)
        os.close(write)


def test_printed_text_shows_control_characters_instead_of_obeying_them() -> None:
    assert one_line("a\x1b[31mred\nline\x07\x9b") == "a\u241b[31mred line\u2407\ufffd"


class EngineThatCannotStart:
    """Like the speaker when its engine fails: the first utterance is reported as an
    error and the rest of the queue is dropped."""

    paused = False
    speaking = False

    def __init__(self, voice: object, *, on_event, **options: object) -> None:
        self.on_event = on_event

    def speak(self, utterances) -> None:
        message = "Speech is unavailable: no engine. Reading continues as text."
        self.on_event(SpeechEvent(SpeechEventKind.ERROR, utterances[0], 0.0, message=message))

    def stop(self) -> None:
        return None

    def close(self) -> None:
        return None


def test_when_speech_fails_the_reading_goes_on_as_text(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in environment(home).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(plain, "Speaker", EngineThatCannotStart)
    monkeypatch.setattr(plain, "_keys", lambda: None)
    assert plain.read(home / "tiny.yaml", output=SpeechOutput(null_audio=True)) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == TEXT_LINES
    assert (
        err.splitlines()[0]
        == "narrator: Speech is unavailable: no engine. Reading continues as text."
    )


def test_with_no_speech_engine_read_prints_each_line_when_it_would_be_heard(home: Path) -> None:
    env = dict(environment(home), NARRATOR_ESPEAK=str(home / "nonexistent" / "libespeak.so"))
    process = subprocess.Popen(
        [sys.executable, "-m", "narrator", "read", "tiny.yaml", "--no-audio"],
        cwd=home,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    lines, times = [], []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        times.append(time.monotonic())
    err = process.stderr.read()
    assert process.wait(timeout=60) == 0, err
    assert lines == TEXT_LINES
    assert err.startswith("narrator: Speech is unavailable: ")
    words_before_last = sum(len(line.split()) for line in TEXT_LINES[:-1])
    assert times[-1] - times[0] > words_before_last * 60 / 500 * 0.8
