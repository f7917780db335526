"""Nothing from a file reaches the terminal raw: every message shows control characters.

A file name, a YAML tag, a key, a lexicon word or a settings value can carry
an escape sequence (an OSC one sets the terminal's title, on some terminals
writes the clipboard). Whatever the loader, the lexicon, the settings, the
reading state and the importers say about it, through the real command line,
no byte below 0x20 but the line break, no DEL and no C1 control is printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrator import cli
from narrator.content.errors import ArticleError, Problem
from narrator.errors import NarratorError
from narrator.reading.store import ArticleState, Store
from narrator.speech.lexicon import load_listener_lexicon

RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""What may not reach a terminal in a message: C0 but the line break, DEL, C1."""
RAW_IN_A_SCRIPT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""``narrator script`` separates a place from its words with a tab, by design."""

HOSTILE = st.lists(
    st.sampled_from(
        [
            *("\x1b]0;TITLE\x07", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b31m", "\x07", "\r"),
            *("\t", "\x08", "\x7f", "\x85", "\x90", "\x0b", "\x00", "a", "é", " ", ":", "'", "%"),
        ]
    ),
    min_size=1,
    max_size=6,
).map("".join)
"""Escape sequences and lone controls, among ordinary characters."""
IN_A_NAME = HOSTILE.map(lambda text: text.replace("\x00", "")).filter(bool)
"""A file name may hold any byte but NUL (and the folder separator, never generated)."""

ARTICLE = """\
id: {id}
title: {title}
language: {language}
{key}: 1
pronunciations:
  {word}: {saying}
sections:
  - id: s
    title: {section_title}
    shows: {shows}
    blocks:
      - {block}: x
      - paragraph: {paragraph}
      - table: {{header: [a], rows: [[{cell}, b]]}}
glossary:
  - term: {term}
    definition: d
    teaser: {teaser}
"""
FIELDS = (
    "id",
    "title",
    "language",
    "key",
    "word",
    "saying",
    "section_title",
    "shows",
    "block",
    "paragraph",
    "cell",
    "term",
    "teaser",
)
SETTINGS_FIELDS = ("voice", "punctuation", "figures", "footnotes", "rate", "key")


def escaped(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON is one): the file itself holds
    no control character, YAML's escapes make them."""
    return json.dumps(text)


def article(field: str, hostile: str) -> str:
    values = dict.fromkeys(FIELDS, '"plain"')
    values.update(id="a", language="en", shows="glossary", block="callout", teaser="true")
    values["key"] = "source"
    values[field] = escaped(hostile)
    text = ARTICLE.format(**values)
    return text.replace("source: 1\n", "") if field != "key" else text


def tagged(hostile: str, *, local: bool) -> str:
    """A title tagged with ``hostile`` percent-encoded, as YAML allows in a tag."""
    encoded = urllib.parse.quote(hostile, safe="")
    tag = f"!{encoded}" if local else f"!<tag:{encoded}>"
    return f"id: a\ntitle: {tag} x\nsections: [{{id: s, title: {tag} y}}]\n"


def assert_shown_not_obeyed(output: str, raw: re.Pattern[str] = RAW) -> None:
    found = raw.search(output)
    assert found is None, f"{found.group()!r} reached the terminal in {output!r}"


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def narrator(*argv: str) -> tuple[str, str]:
    """stdout and stderr of the real command line, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        cli.main(list(argv))
    return out.getvalue(), err.getvalue()


def check_every_command(path: Path) -> None:
    for command in ("check", "outline", "script"):
        out, err = narrator(command, str(path))
        assert_shown_not_obeyed(err)
        assert_shown_not_obeyed(out, RAW if command == "check" else RAW_IN_A_SCRIPT)


FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(st.sampled_from(FIELDS), HOSTILE)
def test_a_control_character_anywhere_in_an_article_is_shown_by_every_command(
    field: str, hostile: str
) -> None:
    with folder() as here:
        path = here / "article.yaml"
        path.write_text(article(field, hostile), encoding="utf-8")
        check_every_command(path)


@FAST
@given(HOSTILE, st.booleans())
def test_a_yaml_tag_s_name_is_shown_not_obeyed(hostile: str, local: bool) -> None:
    with folder() as here:
        path = here / "tagged.yaml"
        path.write_text(tagged(hostile, local=local), encoding="utf-8")
        check_every_command(path)


@FAST
@given(IN_A_NAME, st.sampled_from(["article", "broken", "missing", "folder"]))
def test_a_file_or_folder_name_with_escape_codes_is_shown_not_obeyed(
    name: str, content: str
) -> None:
    with folder() as here:
        path = here / f"a{name}.yaml"
        if content == "folder":
            path.mkdir()
            (path / f"{name}.yaml").write_text("id: [\n", encoding="utf-8")
        elif content != "missing":
            text = article("title", "fine") if content == "article" else "id: Bad\n"
            path.write_text(text, encoding="utf-8")
        check_every_command(path)
        out, err = narrator("import", str(here / f"{name}.md"))
        assert_shown_not_obeyed(out + err)


@FAST
@given(IN_A_NAME, HOSTILE)
def test_an_imported_file_s_name_and_text_are_shown_not_obeyed(name: str, text: str) -> None:
    with folder() as here:
        source = here / f"{name}.md"
        source.write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
        out, err = narrator("import", str(source))
        assert_shown_not_obeyed(out + err)
        target = here / "out.yaml"
        out, err = narrator("import", str(source), "-o", str(target))
        assert_shown_not_obeyed(out + err)
        out, err = narrator("import", str(source), "-o", str(target))  # it exists now
        assert_shown_not_obeyed(out + err)


@FAST
@given(HOSTILE, st.sampled_from(["word", "respelling", "key only", "not yaml"]))
def test_a_lexicon_s_words_are_shown_not_obeyed(hostile: str, where: str) -> None:
    with folder() as here:
        lexicon = here / "lexicon.yaml"
        text = {
            "word": f"{escaped(hostile)}: fine\n",
            "respelling": f"fine: {escaped(hostile)}\n",
            "key only": f"{escaped(hostile)}:\n",
            "not yaml": f"{escaped(hostile)}: [\n",
        }[where]
        lexicon.write_text(text, encoding="utf-8")
        path = here / "article.yaml"
        path.write_text(article("paragraph", "fine words"), encoding="utf-8")
        out, err = narrator("script", str(path), "--lexicon", str(lexicon))
        assert_shown_not_obeyed(err)
        assert_shown_not_obeyed(out, RAW_IN_A_SCRIPT)
        _, notice = load_listener_lexicon(lexicon)
        assert_shown_not_obeyed(notice or "")


@FAST
@given(st.sampled_from(SETTINGS_FIELDS), HOSTILE, IN_A_NAME)
def test_settings_and_reading_state_are_shown_not_obeyed(
    monkeypatch: pytest.MonkeyPatch, field: str, hostile: str, name: str
) -> None:
    with folder() as here:
        config = here / f"config{name}"
        monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
        store = Store(config / "narrator", here / f"state{name}")
        store.settings_path.parent.mkdir(parents=True)
        voice = {"voice": "v", "rate": 180}
        if field in ("voice", "rate"):
            voice[field] = hostile
        verbosity = {field: hostile} if field in ("punctuation", "figures", "footnotes") else {}
        data = {"voice": voice, "verbosity": verbosity, hostile: 1}
        store.settings_path.write_text(json.dumps(data), encoding="utf-8")
        assert_shown_not_obeyed(store.settings().notice or "")
        state = store.article_path("a", here / "a.yaml")
        state.parent.mkdir(parents=True)
        state.write_text(json.dumps({"bookmarks": [{hostile: 1}]}), encoding="utf-8")
        assert_shown_not_obeyed(store.article("a", here / "a.yaml").notice or "")
        assert_shown_not_obeyed(store.save_article("a", here / "a.yaml", ArticleState()) or "")
        path = here / "article.yaml"
        path.write_text(article("paragraph", "fine words"), encoding="utf-8")
        store.settings_path.write_text("{" + hostile, encoding="utf-8")
        _, err = narrator("script", str(path))
        assert_shown_not_obeyed(err)


def test_errors_and_problems_make_their_own_message_visible() -> None:
    """At the point where a message is formed, not by each place that prints it."""
    assert str(NarratorError("cannot read \x1b]0;x\x07")) == "cannot read ␛]0;x␇"
    problem = Problem("a\x1b[2J.yaml", 1, 2, "found \x9b")
    assert str(problem) == "a␛[2J.yaml:1:2: found \ufffd"
    assert str(ArticleError([problem])) == str(problem)


def test_a_command_line_argument_with_escape_codes_is_shown_in_the_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--\x1b]0;T\x07", "x.yaml"])
    assert_shown_not_obeyed(capsys.readouterr().err)
