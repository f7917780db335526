"""``narrator export``: the same bytes every time, and nothing of the user's lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from narrator import cli
from narrator.speech.export_folder import RECORD
from narrator.speech.export_runs import runs

SMALL = """\
id: small
title: Small
source:
  attribution: "Narrator's tests"
sections:
  - id: one
    title: One
    blocks:
      - paragraph: "Have you ever felt a subtle shift in your well-being? Estrogen matters."
      - table:
          caption: Doses
          header: [Drug, Dose]
          rows: [[Anastrozole, "0.5 mg | twice weekly"]]
    sections:
      - id: one-a
        title: One A
        blocks:
          - list: ["A first item.", "A second item."]
  - id: two
    title: Two
    blocks:
      - paragraph: "Take 1 mg twice a week, then rest 3-4 days."
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def export(*args: str | Path) -> int:
    return cli.main(["export", *map(str, args)])


def test_runs_are_cut_from_the_text_alone_and_keep_every_utterance() -> None:
    texts = [f"Sentence number {n} is about this long." * (1 + n % 3) for n in range(40)]
    cut = runs(3, texts, limit=300)
    assert [text for run in cut for text in run.texts] == texts
    assert [run.first for run in cut] == [
        sum(len(r.texts) for r in cut[:number]) for number in range(len(cut))
    ]
    assert len(cut) > 1 and all(run.track == 3 for run in cut)
    assert max(run.size for run in cut) < 300 + max(map(len, texts))
    assert runs(0, [], limit=300) == []


@pytest.mark.parametrize("audio_format", ["epub", "m4b", "mp3"])
def test_every_book_format_is_the_same_bytes_with_one_process_or_two(
    small: Path, tmp_path: Path, audio_format: str
) -> None:
    pytest.importorskip("av")
    pytest.importorskip("lameenc")
    captions = [] if audio_format == "epub" else ["--captions", "vtt", "--words"]
    first, second = tmp_path / "first", tmp_path / "second"
    assert export(small, "--out", first, "--format", audio_format, "--workers", "1", *captions) == 0
    assert (
        export(small, "--out", second, "--format", audio_format, "--workers", "2", *captions) == 0
    )
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert f"small.{audio_format}" in names and "chapters.txt" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_users_files_are_never_replaced_without_force(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "chapters.txt").write_text("my own notes", encoding="utf-8")
    (folder / "01-one.wav").write_bytes(b"my recording")
    assert export(small, "--out", folder) == 1
    err = capsys.readouterr().err
    assert err == (
        f"narrator: {folder}: would replace 2 files that are not this article's export "
        "(01-one.wav, chapters.txt); add --force to replace them\n"
    )
    assert (folder / "chapters.txt").read_text(encoding="utf-8") == "my own notes"
    assert sorted(p.name for p in folder.iterdir()) == ["01-one.wav", "chapters.txt"]
    assert export(small, "--out", folder, "--force") == 0
    assert (folder / "chapters.txt").read_text(encoding="utf-8").startswith("0:00:00.000\tOne")


def test_an_earlier_export_of_the_same_article_is_replaced_and_another_articles_is_not(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    assert export(small, "--out", folder, "--captions", "srt") == 0
    assert export(small, "--out", folder, "--captions", "srt") == 0  # its own files: no --force
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    assert record["article"] == "small" and "01-one.srt" in record["files"]
    other = tmp_path / "other.yaml"
    other.write_text(SMALL.replace("id: small", "id: other"), encoding="utf-8")
    capsys.readouterr()
    assert export(other, "--out", folder) == 1
    assert "would replace 5 files" in capsys.readouterr().err


def test_a_folder_that_cannot_be_made_is_one_line_and_nothing_is_left(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert export(small, "--out", tmp_path / "file" / "out") == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"narrator: {tmp_path / 'file' / 'out'}: cannot create the folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "small.yaml"]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("epbu", "did you mean epub?"),
        ("mb4", "did you mean m4b?"),
        ("ogg", "choose from wav, flac, epub, m4b, mp3"),
    ],
)
def test_an_unknown_format_gets_did_you_mean(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, said: str
) -> None:
    with pytest.raises(SystemExit) as raised:
        export(small, "--out", tmp_path / "out", "--format", given)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_the_speed_up_can_be_compared_with_one_worker(tmp_path: Path, small: Path) -> None:
    with pytest.raises(SystemExit):
        export(small, "--out", tmp_path / "out", "--workers", "0")
    assert export(small, "--out", tmp_path / "out", "--workers", "1") == 0


REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"


def test_ctrl_c_while_the_epub_is_encoded_leaves_the_earlier_export_whole(
    small: Path, tmp_path: Path
) -> None:
    """The reference article's audio is being encoded (after synthesis) when Ctrl-C comes;
    the folder keeps what it had, byte for byte (even the files ``--force`` would have
    replaced), and nothing half-written."""
    pytest.importorskip("av")
    folder = tmp_path / "out"
    earlier = folder / "anastrozole-dosing.epub"
    assert export(small, "--out", folder, "--format", "mp3") == 0  # its chapters.txt too
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    command = [sys.executable, "-m", "narrator", "export", str(REFERENCE), "--out", str(folder)]
    running = subprocess.Popen(
        [*command, "--format", "epub", "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches the whole group, the encoders too
    )
    deadline = time.monotonic() + 120
    while not list(folder.glob(".narrator-export-*/.*.m4a")) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(running.pid, signal.SIGINT)
    out, err = running.communicate(timeout=60)
    assert running.returncode == 130, err
    assert err == f"narrator: export interrupted; {folder} is as it was\n" and out == ""
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert not earlier.exists()


def test_the_progress_goes_on_while_the_book_is_encoded(small: Path, tmp_path: Path) -> None:
    pytest.importorskip("av")
    from narrator.content.loader import load_article
    from narrator.speech.export import export_script
    from narrator.speech.export_formats import ExportOptions, Format
    from narrator.speech.script import build_script

    article = load_article(small)
    calls: list[tuple[int, int]] = []
    options = ExportOptions(Format.EPUB)
    script = build_script(article)
    export_script(
        script, tmp_path / "out", options, article=article, progress=lambda *c: calls.append(c)
    )
    total = calls[0][1]
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == list(range(total + 1))
    assert all(whole == total for _, whole in calls)
    assert total == len(script.sections) + 2  # a run each here, then two chapters encoded


def test_an_out_that_names_a_file_is_refused_before_any_work(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(small, "--out", tmp_path / "book.epub", "--format", "epub") == 1
    assert capsys.readouterr().err == (
        f"narrator: --out is the folder to write into, not a file: {tmp_path / 'book.epub'} "
        f"(try --out {tmp_path / 'book'})\n"
    )
    assert not (tmp_path / "book.epub").exists()
