"""``narrator say``, ``read`` and ``export`` speak in the listener's saved settings,
with ``--rate`` and ``--voice`` over them for one run.

The commands run as subprocesses; they inherit the test's own XDG folders
(see conftest), so the settings saved here are the ones they find.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from narrator import cli
from narrator.reading.store import Settings, Store
from narrator.speech import export as export_module
from narrator.speech.script import Script
from narrator.speech.settings import FigureVerbosity, Punctuation, Verbosity, VoiceSettings
from narrator.speech.utterance import Role

SAVED = Settings(
    VoiceSettings(voice="gmw/en-US", rate=300),
    Verbosity(punctuation=Punctuation.ALL, figures=FigureVerbosity.OFF),
)
ARTICLE = (
    "id: tiny\ntitle: Tiny\nsections:\n  - id: one\n    title: One\n    blocks:\n"
    '      - paragraph: "Tea (hot) is good."\n      - figure: "A cup of tea."\n'
)


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


def started(log: Path) -> list[dict[str, object]]:
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [event for event in events if event["event"] == "started"]


def seconds(recording: Path) -> float:
    with wave.open(str(recording)) as audio:
        return audio.getnframes() / audio.getframerate()


def save(settings: Settings) -> None:
    assert Store().save_settings(settings) is None


def test_say_speaks_in_the_saved_voice_and_punctuation(tmp_path: Path) -> None:
    save(SAVED)
    result = narrator(tmp_path, "say", "Tea (hot).", "--no-audio", "--speech-log", "log.jsonl")
    assert (result.returncode, result.stderr) == (0, "")
    (event,) = started(tmp_path / "log.jsonl")
    assert event["voice"] == "gmw/en-US"
    assert event["spoken"] == "Tea left paren hot right paren."


def test_say_rate_overrides_the_saved_rate_for_this_run_only(tmp_path: Path) -> None:
    save(Settings(VoiceSettings(rate=100)))
    text = "Reading quickly is a skill that listeners build over many weeks."
    slow = narrator(tmp_path, "say", text, "--no-audio", "--audio-out", "slow.wav")
    fast = narrator(tmp_path, "say", text, "--rate", "400", "--no-audio", "--audio-out", "fast.wav")
    assert (slow.returncode, fast.returncode) == (0, 0), slow.stderr + fast.stderr
    assert seconds(tmp_path / "fast.wav") < seconds(tmp_path / "slow.wav") / 2
    assert Store().settings().value.voice.rate == 100


def test_say_voice_overrides_the_saved_voice(tmp_path: Path) -> None:
    save(SAVED)
    result = narrator(
        tmp_path, "say", "Hallo.", "--voice", "gmw/de", "--no-audio", "--speech-log", "log.jsonl"
    )
    assert result.returncode == 0, result.stderr
    (event,) = started(tmp_path / "log.jsonl")
    assert event["voice"] == "gmw/de"


@pytest.mark.parametrize("command", [["say", "Hello."], ["read", "tiny.yaml"]])
def test_an_unknown_voice_is_one_line_naming_the_voices_command(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "tiny.yaml").write_text(ARTICLE, encoding="utf-8")
    result = narrator(tmp_path, *command, "--voice", "gmw/klingon", "--no-audio")
    assert result.returncode == 1
    assert result.stderr == (
        "narrator: no installed voice `gmw/klingon`; `narrator voices` lists the ids\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command", [["say", "Hello."], ["read", "tiny.yaml"], ["export", "tiny.yaml", "--out", "o"]]
)
@pytest.mark.parametrize(
    ("rate", "message"),
    [
        ("1001", "argument --rate: 1001 words per minute is out of range: choose 80 to 1000"),
        ("79", "argument --rate: 79 words per minute is out of range: choose 80 to 1000"),
        ("fast", "argument --rate: the rate is words per minute, a whole number, not 'fast'"),
    ],
)
def test_a_rate_out_of_range_is_a_usage_error(
    command: list[str], rate: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        cli.main([*command, "--rate", rate])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: narrator ")
    assert err.rstrip().endswith(message)


def test_read_speaks_in_the_saved_settings_and_voice_overrides_them(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(ARTICLE, encoding="utf-8")
    save(SAVED)
    result = narrator(tmp_path, "read", "tiny.yaml", "--no-audio", "--speech-log", "saved.jsonl")
    assert (result.returncode, result.stderr) == (0, "")
    heard = started(tmp_path / "saved.jsonl")
    assert {event["voice"] for event in heard} == {"gmw/en-US"}
    assert "Tea left paren hot right paren is good." in [event["spoken"] for event in heard]
    assert not [event for event in heard if event["role"] == Role.FIGURE.value]

    result = narrator(
        tmp_path, "read", "tiny.yaml", "--voice", "gmw/de", "--no-audio", "--speech-log", "de.jsonl"
    )
    assert result.returncode == 0, result.stderr
    assert {event["voice"] for event in started(tmp_path / "de.jsonl")} == {"gmw/de"}


def test_a_corrupted_settings_file_is_one_line_then_the_defaults_speak(tmp_path: Path) -> None:
    settings = Store().settings_path
    settings.parent.mkdir(parents=True)
    settings.write_text("{not json", encoding="utf-8")
    result = narrator(tmp_path, "say", "Hello.", "--no-audio", "--speech-log", "log.jsonl")
    assert result.returncode == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("narrator: ") and "settings" in line
    (event,) = started(tmp_path / "log.jsonl")
    assert event["spoken"] == "Hello."


def test_export_uses_the_saved_settings_and_the_command_line_over_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tiny.yaml").write_text(ARTICLE, encoding="utf-8")
    save(SAVED)
    calls: list[tuple[Script, VoiceSettings]] = []

    def export_script(script: Script, *args: object, voice: VoiceSettings, **_: object) -> list:
        calls.append((script, voice))
        return []

    monkeypatch.setattr(export_module, "export_script", export_script)
    article = str(tmp_path / "tiny.yaml")
    assert cli.main(["export", article, "--out", str(tmp_path / "saved")]) == 0
    assert cli.main(["export", article, "--out", str(tmp_path / "o"), "--rate", "120"]) == 0
    (script, saved), (_, overridden) = calls
    assert saved == SAVED.voice
    assert overridden == VoiceSettings(voice="gmw/en-US", rate=120)
    spoken = [u.spoken for u in script.utterances]
    assert "Tea left paren hot right paren is good." in spoken
    assert not [u for u in script.utterances if u.role is Role.FIGURE]
