"""The user's lexicon file: `word: respelling`, every mistake named by path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.content.errors import NarratorError
from narrator.speech.lexicon import EMPTY, Lexicon, load_lexicon


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "lexicon.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_lexicon_file_maps_words_to_respellings(tmp_path: Path) -> None:
    path = write(tmp_path, "# my ear\nAnastrozole: an-ass-truh-zole\nHPG axis: the H P G axis\n")
    lexicon = load_lexicon(path)
    assert dict(lexicon.entries) == {
        "anastrozole": "an-ass-truh-zole",
        "hpg axis": "the H P G axis",
    }


def test_an_empty_file_is_an_empty_lexicon(tmp_path: Path) -> None:
    assert load_lexicon(write(tmp_path, "# nothing yet\n")) is EMPTY


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Anastrozole: fine\nbroken: [unclosed\n", ":3: not valid YAML"),
        ("a: b\nc: d\n  e: f\n", ":3: not valid YAML"),
        ("- a list\n- of words\n", ":1: expected lines of `word: respelling`"),
        ("Anastrozole: fine\nEstradiol:\n", ":2: `Estradiol` needs a respelling"),
        ("Anastrozole: fine\n\nword: [a, b]\n", ":3: `word` needs a respelling"),
        ("? [a, b]\n: c\n", ":1: a word must be plain text"),
    ],
)
def test_mistakes_are_one_line_naming_path_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(NarratorError) as caught:
        load_lexicon(path)
    error = str(caught.value)
    assert error.startswith(f"{path}:")
    assert message in error
    assert "\n" not in error


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, b"caf\xe9: kafay\n")
    with pytest.raises(NarratorError, match=r"lexicon\.yaml:1: the lexicon is not UTF-8"):
        load_lexicon(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(NarratorError, match=r"missing\.yaml: cannot read the lexicon"):
        load_lexicon(tmp_path / "missing.yaml")


def test_merged_entries_of_the_overrides_win() -> None:
    article = Lexicon({"Anastrozole": "article way", "Estradiol": "estruh-dye-ol"})
    user = Lexicon({"ANASTROZOLE": "my way"})
    merged = article.merged(user)
    assert dict(merged.entries) == {"anastrozole": "my way", "estradiol": "estruh-dye-ol"}
    assert article.merged(None) is article


def test_find_places_lexicon_words_longest_first() -> None:
    lexicon = Lexicon({"bone": "BONE", "bone mineral density": "B M D"})
    assert list(lexicon.find("Low bone mineral density, bone loss")) == [
        (4, 24, "B M D"),
        (26, 30, "BONE"),
    ]


def test_lexicons_compare_and_hash_by_their_entries() -> None:
    assert Lexicon({"Anastrozole": "x"}) == Lexicon({"anastrozole": "x"})
    assert len({Lexicon({"Anastrozole": "x"}), Lexicon({"ANASTROZOLE": "x"})}) == 1
