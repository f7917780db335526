"""``narrator check`` names each broken fixture's one problem at its exact place.

Each file in tests/fixtures/broken holds exactly one mistake; the table says
where ``check`` must point and what it must say, so a change of wording or
position is a deliberate change here too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from narrator.content.commands import check

ROOT = Path(__file__).resolve().parents[1]
BROKEN = Path("tests/fixtures/broken")
REFERENCE = Path("content")

EXPECTED = {
    "bad-language.yaml": "3:11: 'English (UK)' is not a language tag such as 'en' or 'pt-BR'",
    "bad-slug.yaml": "4:9: a section id 'Fundamentals' is not a slug: use lowercase letters, "
    "digits and single hyphens, e.g. 'fundamentals'",
    "billion-laughs.yaml": "8:19: the alias *a is not allowed: write the value out in full "
    "(aliases can make a small file expand without bound); 80 more aliases follow",
    "control-character.yaml": "7:20: a paragraph holds the control character U+001B (ESC); "
    "articles hold plain text only",
    "duplicate-glossary-term.yaml": "11:11: the glossary term 'trt' repeats 'TRT' on line 10 "
    "(terms and aliases are compared ignoring case)",
    "duplicate-key.yaml": "3:1: duplicate key 'title' (first on line 2)",
    "duplicate-section-id.yaml": "7:13: the section id 'one' is already used on line 4",
    "empty-file.yaml": "1:1: the file is empty: an article needs id, title and sections",
    "empty-list.yaml": "7:15: the list has no items",
    "empty-paragraph.yaml": "7:20: a paragraph is empty",
    "empty-title.yaml": "5:12: a section title is empty",
    "missing-key.yaml": "4:5: a section has no 'title'",
    "no-sections.yaml": "3:11: the article has no sections",
    "not-an-article-mapping.yaml": "1:1: not an article: none of its keys is id, title or sections",
    "not-an-article.yaml": "1:1: not an article: the file holds a list, "
    "not a mapping with id, title and sections",
    "not-utf8.yaml": "5:15: not UTF-8 text (byte 0xE9); save the file as UTF-8",
    "nul-byte.yaml": "5:15: binary data (a NUL byte): this is not a text file",
    "pronunciation-not-text.yaml": "4:16: the pronunciation of 'Anastrozole' must be text, "
    "found a list",
    "ragged-table.yaml": "11:15: this row has 2 cells but the header has 3 cells",
    "raw-control-character.yaml": "5:18: the control character U+0007 (BEL) is not allowed "
    "in an article",
    "shows-twice.yaml": "9:12: the section on line 6 already shows the references",
    "teaser-not-boolean.yaml": "10:13: 'teaser' must be true or false, found the text 'maybe'",
    "too-deep.yaml": "100:131: sections are nested more than 32 levels deep",
    "two-block-kinds.yaml": "8:9: a block holds one thing: start a new '- callout:' item for it",
    "two-documents.yaml": "6:1: a second YAML document: an article file holds one "
    "(remove this '---')",
    "unknown-block.yaml": "7:9: unknown block 'paragrph'; did you mean 'paragraph'?",
    "unknown-key.yaml": "6:5: unknown key 'blcoks' in a section; did you mean 'blocks'?",
    "unknown-shows.yaml": "6:12: 'shows' cannot be 'refrences'; did you mean 'references'?",
    "unquoted-number.yaml": "2:8: the title must be text, found a number (2024): "
    'write it in quotes, "2024"',
    "wrong-type.yaml": "6:13: 'blocks' must be a list, found the text 'Just some text.'",
    "yaml-syntax.yaml": "6:1: YAML syntax: found unexpected end of stream "
    "(while scanning a quoted scalar at line 5, column 12)",
}


def run_check(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str, str]:
    status = check(paths)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_every_fixture_is_in_the_table() -> None:
    assert sorted(p.name for p in (ROOT / BROKEN).iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_fixture_gives_its_place_and_exit_1(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, _ = run_check(capsys, BROKEN / name)
    assert status == 1
    assert out == f"{BROKEN / name}:{EXPECTED[name]}\n"


def test_a_folder_reports_every_file_sorted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, err = run_check(capsys, BROKEN)
    assert status == 1
    assert out.splitlines() == [f"{BROKEN / name}:{EXPECTED[name]}" for name in sorted(EXPECTED)]
    assert err == f"{len(EXPECTED)} of {len(EXPECTED)} files have problems\n"


def test_every_problem_in_a_file_is_reported_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "many.yaml"
    article.write_text(
        "id: Many Problems\n"
        "title: ''\n"
        "sections:\n"
        "  - id: one\n"
        "    titel: One\n"
        "    blocks:\n"
        "      - table: {header: [a, b], rows: [[a]]}\n"
        "  - id: one\n"
        "    title: Again\n",
        encoding="utf-8",
    )
    status, out, _ = run_check(capsys, article)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == [
        f"{article}:1:5",
        f"{article}:2:8",
        f"{article}:5:5",
        f"{article}:7:40",
        f"{article}:8:9",
    ]


def test_a_valid_folder_exits_0_with_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for place in (tmp_path / "a.yaml", tmp_path / "sub" / "b.yml"):
        place.write_text("id: a\ntitle: A\nsections: [{id: s, title: S}]\n", encoding="utf-8")
    (tmp_path / ".hidden" / "broken.yaml").write_text("not: [an article", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not YAML at all: [", encoding="utf-8")
    assert run_check(capsys, tmp_path) == (0, "", "2 files OK\n")


def test_a_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.yaml"
    assert run_check(capsys, missing) == (
        2,
        "",
        f"narrator check: no such file or folder: {missing}\n",
    )


def test_a_folder_without_articles_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_check(capsys, tmp_path)
    assert (status, out) == (2, "")
    assert err == f"narrator check: no .yaml or .yml files in {tmp_path}\n"


def test_the_installed_command_checks_the_reference_article_and_the_fixtures() -> None:
    def narrator_check(*paths: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "narrator", "check", *map(str, paths)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    good = narrator_check(REFERENCE)
    assert (good.returncode, good.stdout) == (0, "")
    assert good.stderr.endswith("OK\n")
    bad = narrator_check(BROKEN / "duplicate-key.yaml", REFERENCE)
    assert bad.returncode == 1
    assert bad.stdout == f"{BROKEN / 'duplicate-key.yaml'}:{EXPECTED['duplicate-key.yaml']}\n"
    usage = narrator_check(Path("no/such/folder"))
    assert (usage.returncode, usage.stdout) == (2, "")
    assert usage.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("good", "bad", "summary"),
    [
        (0, 1, "1 of 1 file has problems"),
        (1, 1, "1 of 2 files has problems"),
        (1, 2, "2 of 3 files have problems"),
        (1, 0, "1 file OK"),
        (3, 0, "3 files OK"),
    ],
)
def test_the_summary_is_good_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], good: int, bad: int, summary: str
) -> None:
    for number in range(good):
        (tmp_path / f"good{number}.yaml").write_text(
            "id: a\ntitle: A\nsections: [{id: s, title: S}]\n", encoding="utf-8"
        )
    for number in range(bad):
        (tmp_path / f"bad{number}.yaml").write_text("id: a\n", encoding="utf-8")
    status, _, err = run_check(capsys, tmp_path)
    assert (status, err) == (1 if bad else 0, summary + "\n")
