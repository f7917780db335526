"""A script is built at once; each spoken form is made when it is first needed.

An article of a hundred thousand sentences took minutes to its first sound:
the reader made every spoken form (and indexed and measured the script by
them) before saying anything. Now building the script and opening the cursor
make none; the sentence about to be heard makes its own, once.
"""

from __future__ import annotations

import copy
import pickle

import pytest

from narrator.content.loader import load_article_text
from narrator.reading.cursor import Cursor
from narrator.speech import script
from narrator.speech.settings import Verbosity
from narrator.speech.utterance import Place, Role, Utterance

ARTICLE = """\
id: lazy
title: Lazy
sections:
  - id: one
    title: One
    blocks:
      - paragraph: Take 1 mg daily. Then rest for 2 days.
      - callout: A quote.
      - list: [{term: Dose, text: 1 mg.}, A plain item.]
      - table: {header: [State, Dose], rows: [[Low, 1 mg], [High, 2 mg]]}
      - figure: A chart of 3 lines.
    sections:
      - id: two
        title: Two
        blocks: [paragraph: More.]
references: [A reference.]
glossary:
  - {term: dose, definition: How much. When., figure: A drawing.}
"""


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose spoken form was made, in order."""
    made: list[str] = []
    spoken_form = script.spoken_form

    def counted(text: str, **options: object) -> str:
        made.append(text)
        return spoken_form(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(script, "spoken_form", counted)
    return made


def test_building_the_script_and_opening_the_cursor_make_no_spoken_form(
    made: list[str],
) -> None:
    article = load_article_text(ARTICLE, "lazy.yaml")
    cursor = Cursor.for_article(article, Verbosity())
    assert made == []
    assert cursor.where().percent == 0
    assert made == []


def test_a_spoken_form_is_made_once_when_first_asked(made: list[str]) -> None:
    article = load_article_text(ARTICLE, "lazy.yaml")
    paragraph = script.build_script(article).utterances[1]
    assert paragraph.spoken == "Take one milligram daily."
    assert paragraph.spoken == "Take one milligram daily."
    assert made == ["Take 1 mg daily."]


def test_copies_share_the_spoken_form_and_utterances_are_values(made: list[str]) -> None:
    utterance = Utterance("Take 1 mg.", lambda: "Take one milligram.", Place("s"), Role.PARAGRAPH)
    again = copy.copy(utterance)
    assert again is not utterance
    assert again.spoken == "Take one milligram." == utterance.spoken
    assert utterance == again and hash(utterance) == hash(again)
    assert pickle.loads(pickle.dumps(utterance)) == utterance
    with pytest.raises(AttributeError):
        utterance.text = "changed"  # type: ignore[misc]
    assert utterance != Utterance("Take 1 mg.", "Other.", Place("s"), Role.PARAGRAPH)
