"""p and f: punctuation and figure verbosity, changed from the keyboard, said,
applied to the script from the same place, and remembered."""

from __future__ import annotations

from pathlib import Path

from tui_session import open_reader

from narrator.reading.store import Store
from narrator.speech.settings import FigureVerbosity, Punctuation


async def test_p_cycles_punctuation_keeping_the_place_and_saving_it(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("down", "right")
        await session.heard("Perhaps it is a persistent fatigue")
        place = session.reader.cursor.current.place
        await session.press("p")
        await session.heard(
            lambda e: e["text"] == "Punctuation all" and e["spoken"] == "Punctuation all"
        )
        assert session.reader.cursor.current.place == place
        await session.press("p")
        await session.heard(
            lambda e: e["text"] == "Punctuation none" and e["spoken"] == "Punctuation none"
        )
        await session.press("r")
        await session.heard("Perhaps it is a persistent fatigue")
    saved = Store(tmp_path / "config", tmp_path / "state").settings().value
    assert saved.verbosity.punctuation is Punctuation.NONE


async def test_f_cycles_figures_and_off_leaves_them_out(tmp_path: Path) -> None:
    async with open_reader(tmp_path) as session:
        await session.press("h")
        await session.heard(lambda e: e["place"] and e["place"]["section"] == "intermediate")
        assert "Image:" in session.pane_text
        await session.press("f")
        await session.heard(
            lambda e: e["text"] == "Figures brief" and e["spoken"] == "Figures brief"
        )
        await session.press("f")
        await session.heard(lambda e: e["text"] == "Figures off" and e["spoken"] == "Figures off")
        assert "Image:" not in session.pane_text
        assert "Navigating the complexities" in session.pane_text
        assert session.reader.cursor.section().id == "intermediate"
        await session.press("space")
        await session.heard("Navigating the complexities")
    async with open_reader(tmp_path) as session:
        assert session.app.settings.verbosity.figures is FigureVerbosity.OFF
