"""Imports flow one way: content → speech → reading → tui / plain / cli.

A lower layer that imported an upper one would drag Textual into ``narrator
check`` and tie the model to the UI; this test keeps the layering honest.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "narrator"
LAYERS = ["content", "speech", "reading", "top"]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "narrator" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS[:-1] else "top"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_layer_above_it(path: Path) -> None:
    own = layer_of("narrator." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert own is not None
    for line, module in imported_modules(path):
        other = layer_of(module)
        if other is not None:
            assert LAYERS.index(other) <= LAYERS.index(own), (
                f"{path.name}:{line} ({own}) imports {module} ({other})"
            )


def test_layer_of_knows_the_layers() -> None:
    assert layer_of("narrator.content.model") == "content"
    assert layer_of("narrator.tui.app") == "top"
    assert layer_of("narrator.cli") == "top"
    assert layer_of("yaml") is None
