"""`narrator script --explain`: under each utterance, what was said otherwise than
written, with its class and the rule that said it."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator import cli
from narrator.content.loader import load_article_text
from narrator.speech.frontend.explain import explanation
from narrator.speech.lexicon import Lexicon
from narrator.speech.script import build_script
from narrator.speech.settings import Footnotes, Verbosity

ARTICLE = """\
id: dose
title: Dosing
pronunciations:
  Anastrozole: an-ass-truh-zole
sections:
  - id: start
    title: Start
    blocks:
      - paragraph: "Take 0.5\u20131 mg of Anastrozole twice weekly (see Fig. 2)."
      - paragraph: Nothing here needs explaining.
"""


def test_each_piece_said_otherwise_is_one_line_with_its_class_and_rule() -> None:
    lines = explanation(
        "Take 0.5\u20131 mg of Anastrozole & more.", lexicon=Lexicon({"Anastrozole": "an-ass"})
    )
    assert lines == [
        "range        \u201c0.5\u20131 mg\u201d \u2192 \u201czero point five to one milligram\u201d"
        "  (range: number to number)",
        "respelled    \u201cAnastrozole\u201d \u2192 \u201can-ass\u201d  (lexicon)",
        "words        \u201c&\u201d \u2192 \u201cand\u201d  (prose)",
    ]


def test_text_said_as_written_needs_no_explanation() -> None:
    assert explanation("Nothing here needs explaining.") == []


def test_the_script_command_explains_under_each_utterance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dose.yaml"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["script", str(path), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    first = out.index(
        "start/0.0.0\tTake zero point five to one milligram of an-ass-truh-zole twice weekly "
        "(see figure two)."
    )
    explained = []
    for line in out[first + 1 :]:
        if not line.startswith("    "):
            break
        explained.append(line.split("(")[-1])
    assert explained == ["range: number to number)", "lexicon)", "abbreviation)", "cardinal)"]
    assert out[out.index("start/1.0.0\tNothing here needs explaining.") + 1 :] == []


def test_footnote_markers_are_said_as_notes_or_left_unsaid_by_the_setting() -> None:
    article = load_article_text(ARTICLE.replace("twice weekly", "twice weekly[3]"), "dose.yaml")
    said = build_script(article).utterances[1].spoken
    assert "twice weekly, note three," in said
    quiet = build_script(article, verbosity=Verbosity(footnotes=Footnotes.OFF)).utterances[1]
    assert "twice weekly (see" in quiet.spoken and "note" not in quiet.spoken
