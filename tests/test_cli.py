"""The command's surface: usage errors exit 2, the version answers, no traceback leaks."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from narrator import cli
from narrator.cli import run as cli_run
from narrator.cli.parser import SUBCOMMANDS, parse
from narrator.speech.frontend import compiled_patterns


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrator", *args], capture_output=True, text=True, check=False
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("narrator ")


def test_unknown_option_is_a_usage_error() -> None:
    result = run("check", "--no-such-option", "x.yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], "open"),
        (["article.yaml"], "open"),
        (["--plain", "article.yaml"], "open"),
        (["check", "a.yaml"], "check"),
        (["script", "a.yaml", "--section", "x"], "script"),
    ],
)
def test_a_bare_path_means_open(argv: list[str], command: str) -> None:
    assert parse(argv).command == command


@pytest.mark.parametrize("command", list(SUBCOMMANDS))
def test_each_subcommand_has_its_own_help_and_usage(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the subcommand typed is built; its usage names it (it used to begin with the
    whole of narrator's own usage)."""
    with pytest.raises(SystemExit) as exit_:
        parse([command, "--help"])
    assert exit_.value.code == 0
    help_ = capsys.readouterr().out
    assert help_.startswith(f"usage: narrator {command} [-h]")
    assert "show this help message and exit" in help_


@pytest.mark.parametrize("argv", [["--help"], ["-h", "article.yaml"], ["--help", "check"]])
def test_the_top_level_help_lists_every_subcommand_and_the_readers_options(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        parse(argv)
    help_ = capsys.readouterr().out
    assert help_.startswith("usage: narrator [--plain]")
    assert all(f"    {command} " in help_ for command in SUBCOMMANDS)
    assert "With no COMMAND, narrator opens PATH" in help_ and "--figures" in help_


def test_an_unexpected_error_is_one_line_and_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_run, "handler", lambda command: explode)
    assert cli.main(["check", "x.yaml"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error: boom" in err
    assert "Traceback" in (tmp_path / "narrator" / "crash.log").read_text()


def test_an_error_in_a_background_thread_goes_to_the_crash_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def listen(args: object) -> int:
        def fail() -> None:
            raise ValueError("listener failed")

        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
        return 0

    monkeypatch.setattr(cli_run, "handler", lambda command: listen)
    assert cli.main(["say", "hello"]) == 0
    assert capsys.readouterr().err == ""
    assert "listener failed" in (tmp_path / "narrator" / "crash.log").read_text()


_READER_STARTS = """
import re, sys
from narrator.cli import run
from narrator.cli.parser import parse
from narrator.speech.frontend.compiled_patterns import patterns_of_the_last_run

def seeded(block):
    re.purge()
    with patterns_of_the_last_run(block):
        return {key[1] for key in re._cache if key[0] is str}

reader, screen = seeded("reader"), seeded("screen")
app = run._full_screen(parse([sys.argv[1], "--no-audio"]))
app._make_voice(lambda event: None).close()  # the title's voice, never shown
import yaml
print(yaml.reader.Reader.NON_PRINTABLE.pattern in reader, len(screen) > 20)
"""


@pytest.mark.skipif(
    not compiled_patterns.engine_takes_programs(), reason="this Python compiles every time"
)
def test_the_reader_keeps_the_patterns_its_imports_compiled_for_the_next_start(
    tmp_path: Path,
) -> None:
    """YAML, Textual and the front end compile some 190 patterns as they are imported
    (30–40 ms); the next start finds them compiled. Reading another article adds none:
    only imports are kept."""
    import os

    reference = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
    other = tmp_path / "other.yaml"
    other.write_text(
        "id: other\ntitle: Another\nglossary:\n  - term: zymurgy\n    definition: Brewing.\n"
        "sections:\n  - id: one\n    title: One\n    blocks:\n"
        "      - paragraph: Zymurgy is old.\n",
        encoding="utf-8",
    )
    start = [sys.executable, "-c", _READER_STARTS]
    first = subprocess.run([*start, str(reference)], capture_output=True, text=True, check=True)
    blocks = sorted(Path(os.environ["XDG_CACHE_HOME"]).rglob("*.block"))
    assert [block.name for block in blocks] == ["reader.block", "screen.block"]
    stamps = [block.stat().st_mtime_ns for block in blocks]
    again = subprocess.run([*start, str(other)], capture_output=True, text=True, check=True)
    assert (first.stdout, again.stdout) == ("False False\n", "True True\n")
    assert [block.stat().st_mtime_ns for block in blocks] == stamps


def test_the_reader_starts_without_the_cycle_collector_and_keeps_what_it_built_out_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Collections ran some 30 times before the title alone; and once reading, a full one
    scanned everything built at the start (21–62 ms, a key held up meanwhile)."""
    import gc

    from narrator.tui import launch

    reference = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
    during: list[bool] = []
    original = cli_run._full_screen

    def building(args: object) -> object:
        during.append(gc.isenabled())
        return original(args)  # type: ignore[arg-type]

    seen: dict[str, object] = {}

    def run(app: launch.NarratorApp) -> int:
        seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
        app._make_voice(lambda event: None).close()  # the title's voice, never shown
        return 0

    monkeypatch.setattr(cli_run, "_full_screen", building)
    monkeypatch.setattr(launch, "run", run)
    try:
        assert cli.main([str(reference), "--no-audio"]) == 0
    finally:
        gc.unfreeze()
    assert during == [False]
    assert seen["enabled"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000
