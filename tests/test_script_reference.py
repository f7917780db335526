"""The reference article's script, and `narrator script` printing it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_spoken_espeak import DASH, INFINITY, phonemes

from narrator.cli import main
from narrator.content.loader import load_article
from narrator.speech.script import Script, build_script
from narrator.speech.utterance import Place, Role

ARTICLE_PATH = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
LINE = re.compile(r"^[a-z0-9-]+/-?\d+\.-?\d+\.\d+\t\S.*$")


@pytest.fixture(scope="module")
def script() -> Script:
    return build_script(load_article(ARTICLE_PATH))


def test_no_separator_infinity_or_dashed_range_is_said(script: Script) -> None:
    for utterance in script.utterances:
        said = utterance.spoken
        assert "\u221e" not in said
        assert "infinity" not in said.lower()
        assert not re.search(r"\d\s*(?:-|\u2013|\u2014|dash|hyphen|minus)\s*\d", said), said


def test_espeak_never_says_infinity_or_dash_for_the_script(script: Script) -> None:
    said = phonemes([u.spoken for u in script.utterances])
    assert not [s for s in said if INFINITY in s]
    assert not [s for s in said if DASH in s]


def test_the_page_ranges_are_said_with_to(script: Script) -> None:
    spoken = "\n".join(u.spoken for u in script.utterances)
    for said in (
        "forty to fifty hours",
        "three to four days",
        "seven to ten days",
        "pages four thousand three hundred and twenty four to four thousand three hundred and "
        "twenty eight",
    ):
        assert said in spoken


def test_each_reference_is_one_whole_utterance(script: Script) -> None:
    article = load_article(ARTICLE_PATH)
    references = [u for u in script.utterances if u.role is Role.REFERENCE]
    assert [u.text for u in references] == [r.text for r in article.references]
    assert references[0].spoken.startswith("Howell, A, et al, Effect of ")
    assert references[0].spoken.endswith(
        "volume twenty three, number sixteen S, two thousand and five, "
        "page five hundred and eleven."
    )


def test_top_level_headings_count_the_virtual_sections(script: Script) -> None:
    top = [s for s in script.sections if s.depth == 0]
    assert [s.count for s in top] == [len(top)] * len(top)
    intermediate = script.utterances[script.heading_index("intermediate")]
    assert intermediate.spoken == f"Section 2 of {len(top)}: Intermediate."


def test_every_place_is_set_and_unique(script: Script) -> None:
    places = [u.place for u in script.utterances]
    assert all(isinstance(place, Place) for place in places)
    assert len(set(places)) == len(places)


def test_narrator_script_prints_place_tab_spoken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["script", str(ARTICLE_PATH)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0]
        == "fundamentals/-1.0.0\t" + build_script(load_article(ARTICLE_PATH)).utterances[0].spoken
    )
    assert all(LINE.match(line) for line in lines)


def test_narrator_script_section_includes_its_subsections(
    script: Script, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["script", str(ARTICLE_PATH), "--section", "intermediate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(script.section_utterances("intermediate"))
    sections = {line.split("/", 1)[0] for line in lines}
    children = {s.id for s in script.sections if s.parent == "intermediate"}
    assert sections == {"intermediate", *children}
    assert children


def test_narrator_script_unknown_section_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["script", str(ARTICLE_PATH), "--section", "nowhere"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    error = captured.err.strip()
    assert "\n" not in error
    assert "no section `nowhere`" in error and "its sections are: fundamentals, " in error


def test_narrator_script_applies_the_listeners_lexicon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text("Anastrozole: a NASS tro zole\n", encoding="utf-8")
    assert main(["script", str(ARTICLE_PATH), "--lexicon", str(lexicon)]) == 0
    out = capsys.readouterr().out
    assert "a NASS tro zole" in out
    assert "an-ass-truh-zole" not in out


def test_narrator_script_names_the_lexicon_line_at_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text("Anastrozole: fine\nEstradiol:\n", encoding="utf-8")
    assert main(["script", str(ARTICLE_PATH), "--lexicon", str(lexicon)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        f"narrator: {lexicon}:2: `Estradiol` needs a respelling as plain text"
    )
