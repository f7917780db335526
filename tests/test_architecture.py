"""Imports flow one way: basics → content → speech → reading → tui / plain / cli.

A lower layer that imported an upper one would drag Textual into ``narrator
check`` and tie the model to the UI; this test keeps the layering honest. The
basics are the package root's cross-cutting modules (``narrator.errors``,
``narrator.exit_codes``, ``narrator.controls``, ``narrator.nearest``).
Within a layer no two modules import each other, even lazily: a cycle means
neither can be understood, or loaded, alone. argparse is the command line's
alone: every other layer takes values.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "narrator"
LAYERS = ["basics", "content", "speech", "reading", "top"]
BASICS = {"errors", "exit_codes", "controls", "nearest"}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "narrator" or len(parts) < 2:
        return None
    if parts[1] in BASICS:
        return "basics"
    return parts[1] if parts[1] in LAYERS[1:-1] else "top"


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
    assert layer_of("narrator.errors") == "basics"
    assert layer_of("yaml") is None


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in SOURCES}


def imports_of(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, at the top or inside a function:
    ``from narrator.speech import announce`` imports ``narrator.speech.announce``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round in a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other() -> None:
    graph = {name: imports_of(path) - {name} for name, path in MODULES.items()}
    # a package's modules import their package's __init__ implicitly, not by a cycle
    assert cycles(graph) == []


def test_cycles_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_argparse_is_the_command_lines_alone(path: Path) -> None:
    if module_name(path).startswith("narrator.cli"):
        return
    assert "argparse" not in {module for _, module in imported_modules(path)}, path
