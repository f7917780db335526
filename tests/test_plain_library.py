"""The library in plain mode: ctrl+o prints and says every article with its details;
a number opens one, a slash and words search every article and open one at the match."""

from __future__ import annotations

from pathlib import Path

from test_plain import Terminal, home  # noqa: F401 - home is the fixture the tests use

from narrator.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_ctrl_o_lists_the_library_and_a_search_opens_the_match(home: Path) -> None:  # noqa: F811
    assert main(["add", str(FIXTURES / "dosing-page.html")]) == 0
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"\x0f")
    terminal.wait_for("Library, 2: type a number, or a slash and words to search")
    terminal.wait_for("1. Anastrozole Dosing: Consequences of Incorrect Estrogen Control, ")
    line = terminal.wait_for("2. Estrogen and Dosing, web page, 1 minute, not started")
    assert line == "2. Estrogen and Dosing, web page, 1 minute, not started"
    terminal.press(b"/scale balancing\n")
    terminal.wait_for("Number or /words: 1 match in 1 article. Type a number, then Enter.")
    terminal.wait_for("1. Estrogen and Dosing: A scale balancing two spheres.")
    terminal.press(b"1\n")
    terminal.wait_for("Estrogen and Dosing.")
    terminal.wait_for("Image: A scale balancing two spheres.")
    terminal.press(b"q")
    code, _, err = terminal.finish()
    assert (code, err) == (0, "")


def test_ctrl_o_then_a_number_opens_that_article_where_it_was_left(home: Path) -> None:  # noqa: F811
    terminal = Terminal(home, "open", "--plain", "tiny.yaml")
    terminal.wait_for("Section 1 of 3: One.")
    terminal.press(b"\x0f")
    terminal.wait_for("1. Anastrozole Dosing")
    terminal.press(b"1\n")
    terminal.wait_for("Number or /words: Anastrozole Dosing: Consequences")
    terminal.press(b"\x0f")
    terminal.wait_for("Library, 1: type a number")
    terminal.press(b"x\n")
    terminal.wait_for("Number or /words: No number x")
    terminal.press(b"q")
    code, _, err = terminal.finish()
    assert (code, err) == (0, "")


def test_no_path_opens_the_article_read_last_and_first_the_reference(home: Path) -> None:  # noqa: F811
    first = Terminal(home, "open", "--plain")
    first.wait_for("Anastrozole Dosing: Consequences of Incorrect Estrogen Control.")
    first.press(b"q")
    assert first.finish()[0] == 0
    tiny = Terminal(home, "open", "--plain", "tiny.yaml")
    tiny.wait_for("Section 1 of 3: One.")
    tiny.press(b"q")
    assert tiny.finish()[0] == 0
    again = Terminal(home, "--plain")
    again.wait_for("Resuming One.")
    again.press(b"q")
    code, _, err = again.finish()
    assert (code, err) == (0, "")
