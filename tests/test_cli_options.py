"""The command line: the reader's options in the top-level help, one line for a
folder where one article is wanted, one message for an unknown section, and
``--punctuation`` / ``--figures`` reaching every speaking command for one run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrator import plain
from narrator.cli import main
from narrator.errors import NarratorError
from narrator.reading.store import Settings, Store
from narrator.speech import commands as speech_commands
from narrator.speech.settings import FigureVerbosity, Punctuation, Verbosity
from narrator.tui.launch import SpeechOutput, build_app

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "content" / "anastrozole-dosing.yaml"


def test_the_top_level_help_shows_the_readers_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    usage = shown.split("\n\n")[0]
    assert usage.startswith("usage: narrator [--plain] [--section ID]")
    for option in ("--no-audio", "--audio-out FILE.wav", "--speech-log FILE", "[PATH]"):
        assert option in usage
    assert "narrator COMMAND" in usage
    reader = shown.split("With no COMMAND, narrator opens PATH in the reader")[1]
    for option in ("PATH", "--plain", "--section ID", "--punctuation", "--figures", "--no-audio"):
        assert option in reader


@pytest.mark.parametrize("command", ["outline", "script", "read", "export"])
def test_a_folder_where_one_article_is_wanted_is_one_line_and_a_usage_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--out", str(tmp_path / "out")] if command == "export" else []
    assert main([command, str(tmp_path), *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"narrator: {command} takes one article file; {tmp_path} is a folder "
        f"(try narrator check {tmp_path})\n"
    )


def _unknown_section_message(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    if command == "reader":
        with pytest.raises(NarratorError) as error:
            build_app(ARTICLE, "fundamental", SpeechOutput(None, None, True), Store())
        return f"narrator: {error.value}"
    arguments = [command, str(ARTICLE), "--section", "fundamental"]
    if command == "open":
        arguments.append("--plain")
    assert main([*arguments, "--no-audio"] if command != "script" else arguments) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.removesuffix("\n")


def test_an_unknown_section_is_the_same_line_everywhere(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The readers say the whole message (every section's name) before they exit: at
    # the fastest rate, as only the printed line is compared here.
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "narrator" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"voice": {"rate": 1000}}')
    messages = {
        command: _unknown_section_message(command, capsys)
        for command in ("reader", "open", "read", "script")
    }
    assert len(set(messages.values())) == 1, messages
    message = messages["script"]
    assert "\n" not in message
    assert message.startswith(
        "narrator: no section `fundamental` in anastrozole-dosing "
        "(did you mean `fundamentals`?); its sections are: fundamentals, intermediate, "
    )
    assert message.endswith(", references, reflection, glossary")


def _script(capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    assert main(["script", str(ARTICLE), *options]) == 0
    return capsys.readouterr().out.splitlines()


def test_script_says_figures_in_full_briefly_or_not_at_all(
    capsys: pytest.CaptureFixture[str],
) -> None:
    full, brief, off = (_script(capsys, "--figures", level) for level in ("full", "brief", "off"))
    assert _script(capsys) == full
    images = [sum("\tImage: " in line for line in lines) for lines in (full, brief, off)]
    assert images[0] == images[1] > 0 and images[2] == 0
    assert len(full) > len(brief) > len(off)


def test_script_says_as_much_punctuation_as_asked(capsys: pytest.CaptureFixture[str]) -> None:
    spoken = {level: _script(capsys, "--punctuation", level) for level in ("none", "some", "all")}
    assert _script(capsys) == spoken["some"]
    assert len({tuple(lines) for lines in spoken.values()}) == 3


def test_an_unknown_level_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["script", str(ARTICLE), "--figures", "loud"])
    assert exit_.value.code == 2
    assert "invalid choice: 'loud' (choose from 'full', 'brief', 'off')" in capsys.readouterr().err


CHOSEN = Verbosity(punctuation=Punctuation.ALL, figures=FigureVerbosity.OFF)


class Heard(BaseException):
    """Raised by a stand-in as soon as a command has its verbosity: nothing is spoken
    (a BaseException, so that the command line does not report it as a crash)."""

    def __init__(self, verbosity: Verbosity) -> None:
        self.verbosity = verbosity


def _saved_verbosity(store: Store) -> None:
    store.save_settings(Settings(verbosity=Verbosity(figures=FigureVerbosity.BRIEF)))


@pytest.mark.parametrize("command", ["say", "export"])
def test_say_and_export_speak_at_the_verbosity_asked(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def heard(*values: object, **given: Verbosity) -> int:
        raise Heard(given["verbosity"])

    _saved_verbosity(Store())
    monkeypatch.setattr(speech_commands, command, heard)
    what = ["hello"] if command == "say" else [str(ARTICLE), "--out", str(tmp_path)]
    with pytest.raises(Heard) as chosen:
        main([command, *what, "--punctuation", "all", "--figures", "off"])
    assert chosen.value.verbosity == CHOSEN
    with pytest.raises(Heard) as saved:
        main([command, *what, "--punctuation", "all"])
    assert saved.value.verbosity == Verbosity(Punctuation.ALL, FigureVerbosity.BRIEF)


@pytest.mark.parametrize("command", ["read", "open"])
def test_the_plain_readers_read_at_the_verbosity_asked(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def heard(article: object, verbosity: Verbosity, lexicon: object = None) -> None:
        raise Heard(verbosity)

    _saved_verbosity(Store())
    monkeypatch.setattr(plain.Cursor, "for_article", staticmethod(heard))
    plain_option = ["--plain"] if command == "open" else []
    with pytest.raises(Heard) as chosen:
        main([command, str(ARTICLE), *plain_option, "--punctuation", "all", "--figures", "off"])
    assert chosen.value.verbosity == CHOSEN


def test_the_reader_reads_at_the_verbosity_asked_and_keeps_the_saved_one() -> None:
    store = Store()
    _saved_verbosity(store)
    output = SpeechOutput(None, None, True)
    app = build_app(ARTICLE, None, output, store, punctuation="all", figures="off")
    assert app.settings.verbosity == CHOSEN
    assert store.settings().value.verbosity.figures is FigureVerbosity.BRIEF
    assert build_app(ARTICLE, None, output, store).settings.verbosity.figures == "brief"


async def test_a_change_in_the_reader_saves_only_itself_not_this_runs_options() -> None:
    store = Store()
    _saved_verbosity(store)
    output = SpeechOutput(None, None, True)
    app = build_app(ARTICLE, None, output, store, punctuation="all", figures="off")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("plus")
        await pilot.pause(0.2)
    saved = store.settings().value
    assert saved.voice.rate == Settings().voice.rate + 20
    assert saved.verbosity.figures is FigureVerbosity.BRIEF
    assert saved.verbosity.punctuation is Settings().verbosity.punctuation
