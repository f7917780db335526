"""With no voice chosen, each article is read by a voice for its language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tui_session import open_reader

from narrator import cli
from narrator.content.model import Article, Paragraph, Section
from narrator.speech import export as export_module
from narrator.speech.engines.base import Voice
from narrator.speech.settings import VoiceSettings
from narrator.speech.speaker import Speaker
from narrator.speech.utterance import Role, Utterance
from narrator.speech.voices import voice_for_language

ESPEAK_LIKE = [
    Voice("gmw/en-029", "English (Caribbean)", ("en-029",)),
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-US", "English (America)", ("en-us",)),
    Voice("gmw/de", "German", ("de",)),
    Voice("roa/fr-BE", "French (Belgium)", ("fr-be",)),
    Voice("roa/fr", "French (France)", ("fr-fr",)),
    Voice("roa/pt-BR", "Portuguese (Brazil)", ("pt-br",)),
]
MAC_LIKE = [
    Voice("com.apple.voice.Anna", "Anna", ("de_DE",)),
    Voice("com.apple.voice.Alex", "Alex", ("en_US",)),
]
GERMAN = "Das ist ein kurzer Satz."
NO_CHOICE = VoiceSettings()


@pytest.mark.parametrize(
    ("voices", "language", "chosen"),
    [
        (ESPEAK_LIKE, "de", "gmw/de"),
        (ESPEAK_LIKE, "en-US", "gmw/en-US"),
        (ESPEAK_LIKE, "en-gb", "gmw/en"),
        (ESPEAK_LIKE, "en", "gmw/en"),  # the language's main voice, not the first listed
        (ESPEAK_LIKE, "en-AU", "gmw/en"),
        (ESPEAK_LIKE, "de-AT", "gmw/de"),
        (ESPEAK_LIKE, "fr-CA", "roa/fr"),
        (ESPEAK_LIKE, "pt", "roa/pt-BR"),
        (ESPEAK_LIKE, "ja", None),
        (ESPEAK_LIKE, "", None),
        (MAC_LIKE, "de", "com.apple.voice.Anna"),
        (MAC_LIKE, "en-us", "com.apple.voice.Alex"),
        ([], "de", None),
    ],
)
def test_the_voice_for_a_language(voices: list[Voice], language: str, chosen: str | None) -> None:
    assert voice_for_language(voices, language) == chosen


def started(log: Path) -> list[dict[str, object]]:
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [event for event in events if event["event"] == "started"]


def speak(log: Path, language: str | None, voice: VoiceSettings = NO_CHOICE) -> str:
    """Say one German sentence for real (into the null device); the voice that said it."""
    with Speaker(voice, speech_log=log, null_audio=True) as speaker:
        speaker.read_in(language)
        speaker.speak([Utterance(GERMAN, GERMAN, None, Role.ANNOUNCEMENT)])
        deadline = time.monotonic() + 20
        while speaker.speaking and time.monotonic() < deadline:
            time.sleep(0.02)
    (event,) = started(log)
    return str(event["voice"])


def german(voice_id: str) -> bool:
    with Speaker(null_audio=True) as speaker:
        voices = {voice.id: voice for voice in speaker.voices()}
    return voice_id in voices and any(tag.startswith("de") for tag in voices[voice_id].languages)


def test_german_text_is_said_by_a_german_voice(tmp_path: Path) -> None:
    assert german(speak(tmp_path / "speech.jsonl", "de"))


def test_the_listeners_own_voice_wins_over_the_language(tmp_path: Path) -> None:
    assert speak(tmp_path / "speech.jsonl", "de", VoiceSettings(voice="gmw/en-US")) == "gmw/en-US"


def test_no_language_is_the_engines_default_voice(tmp_path: Path) -> None:
    assert speak(tmp_path / "speech.jsonl", None) == ""


def write_german_article(path: Path) -> None:
    path.write_text(
        "id: kurz\ntitle: Kurz\nlanguage: de\nsections:\n  - id: eins\n    title: Eins\n"
        f'    blocks:\n      - paragraph: "{GERMAN}"\n',
        encoding="utf-8",
    )


def test_narrator_read_reads_a_german_article_in_german(tmp_path: Path) -> None:
    write_german_article(tmp_path / "de.yaml")
    log = tmp_path / "speech.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "narrator",
            "read",
            "de.yaml",
            "--no-audio",
            "--speech-log",
            "speech.jsonl",
        ],
        cwd=tmp_path,
        env=os.environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    voices = {str(event["voice"]) for event in started(log)}
    assert len(voices) == 1
    assert german(voices.pop())


async def test_the_full_screen_reader_reads_a_german_article_in_german(tmp_path: Path) -> None:
    article = Article(
        id="kurz",
        title="Kurz",
        language="de",
        sections=(Section(id="eins", title="Eins", blocks=(Paragraph(GERMAN),)),),
    )
    async with open_reader(tmp_path, article) as session:
        await session.press("down")
        event = await session.heard(GERMAN)
        assert german(event["voice"])


def test_export_reads_a_german_article_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_german_article(tmp_path / "de.yaml")
    voices: list[VoiceSettings] = []

    def export_script(*args: object, voice: VoiceSettings, **options: object) -> list[object]:
        voices.append(voice)
        return []

    monkeypatch.setattr(export_module, "export_script", export_script)
    assert cli.main(["export", str(tmp_path / "de.yaml"), "--out", str(tmp_path / "out")]) == 0
    (voice,) = voices
    assert voice.voice is not None and german(voice.voice)
