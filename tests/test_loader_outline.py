"""``narrator outline``: the section tree as lines, and the article as documented JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.content.commands import outline
from narrator.content.loader import load_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """\
id: sample
title: A sample
pronunciations:
  Anastrozole: an ASS troh zohl
sections:
  - id: intro
    title: "Introduction,   with
      a wrapped title"
    blocks:
      - paragraph: Text.
      - callout: Quote.
      - figure: An image.
      - list:
          - plain
          - term: Term
            text: Its text.
      - table:
          caption: Doses
          header: [State, Dose]
          rows:
            - [Low, "1 mg"]
    sections:
      - id: detail
        title: Detail
        sections:
          - id: deeper
            title: Deeper
  - id: references
    title: References
    shows: references
references:
  - A citation.
glossary:
  - term: TRT
    definition: A therapy.
    aliases: [trt therapy]
    teaser: true
"""


def run_outline(path: Path, capsys: pytest.CaptureFixture[str], *, as_json: bool) -> str:
    assert outline(path, as_json=as_json) == 0
    return capsys.readouterr().out


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.yaml"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_one_line_per_section_indented_by_depth(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_outline(sample, capsys, as_json=False) == (
        "intro  Introduction, with a wrapped title\n"
        "  detail  Detail\n"
        "    deeper  Deeper\n"
        "references  References\n"
    )


def test_json_is_the_documented_shape(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run_outline(sample, capsys, as_json=True))
    assert data == {
        "format": 1,
        "id": "sample",
        "title": "A sample",
        "language": "en",
        "source": None,
        "pronunciations": {"Anastrozole": "an ASS troh zohl"},
        "sections": [
            {
                "id": "intro",
                "title": "Introduction,   with a wrapped title",
                "shows": None,
                "blocks": [
                    {"type": "paragraph", "text": "Text."},
                    {"type": "callout", "text": "Quote."},
                    {"type": "figure", "description": "An image."},
                    {
                        "type": "list",
                        "items": [
                            {"term": None, "text": "plain"},
                            {"term": "Term", "text": "Its text."},
                        ],
                    },
                    {
                        "type": "table",
                        "caption": "Doses",
                        "header": ["State", "Dose"],
                        "rows": [["Low", "1 mg"]],
                    },
                ],
                "sections": [
                    {
                        "id": "detail",
                        "title": "Detail",
                        "shows": None,
                        "blocks": [],
                        "sections": [
                            {
                                "id": "deeper",
                                "title": "Deeper",
                                "shows": None,
                                "blocks": [],
                                "sections": [],
                            }
                        ],
                    }
                ],
            },
            {
                "id": "references",
                "title": "References",
                "shows": "references",
                "blocks": [],
                "sections": [],
            },
        ],
        "references": ["A citation."],
        "glossary": [
            {
                "term": "TRT",
                "definition": "A therapy.",
                "aliases": ["trt therapy"],
                "teaser": True,
                "figure": None,
            }
        ],
    }


def test_the_reference_article_outlines_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "content" / "anastrozole-dosing.yaml"
    lines = run_outline(path, capsys, as_json=False).splitlines()
    assert len(lines) == sum(1 for _ in load_article(path).walk())
    data = json.loads(run_outline(path, capsys, as_json=True))
    assert data["id"] == "anastrozole-dosing"
