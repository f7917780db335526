"""A plain ``pip install .`` must carry every subpackage and data file the code loads.

The package list in pyproject.toml is explicit (it maps ``content/`` to
``narrator.articles``), so a new subpackage that is not added there would work
in a checkout and vanish from a user's install.
"""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def test_every_subpackage_is_listed() -> None:
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "narrator").rglob("__init__.py")
    }
    assert on_disk | {"narrator.articles"} == set(SETUPTOOLS["packages"])


def test_data_files_are_shipped() -> None:
    data = SETUPTOOLS["package-data"]
    shipped = {
        path.relative_to(ROOT)
        for package, patterns in data.items()
        for pattern in patterns
        for path in (ROOT / SETUPTOOLS["package-dir"].get(package, package.replace(".", "/"))).glob(
            pattern
        )
    }
    needed_files = [
        *ROOT.glob("narrator/**/*.tcss"),
        *ROOT.glob("narrator/**/*.json"),
        *ROOT.glob("narrator/**/*.tsv"),  # the text front end's tables, at any depth
    ]
    for needed in needed_files:
        assert needed.relative_to(ROOT) in shipped
    assert Path("content/anastrozole-dosing.yaml") in shipped
