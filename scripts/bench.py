"""Narrator's speed and memory targets, measured side by side in one run.

Run ``python scripts/bench.py`` (add ``--quick`` for fewer repetitions); it
prints one table row per measurement with its target and whether it is met.
Each ``@bench`` function returns its rows; they run in the order written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "content" / "anastrozole-dosing.yaml"


@dataclass(frozen=True)
class Row:
    measure: str
    value: float
    unit: str
    target: str
    met: bool | None


Bench = Callable[[bool], list[Row]]
BENCHES: list[Bench] = []


def bench(function: Bench) -> Bench:
    BENCHES.append(function)
    return function


@bench
def script_build(quick: bool) -> list[Row]:
    """Building the reference article's script is on the path of every keypress that
    changes verbosity or the lexicon, so it must feel instant."""
    import time

    from narrator.content.loader import load_article
    from narrator.speech.script import build_script

    article = load_article(REFERENCE)
    times = []
    for _ in range(5 if quick else 30):
        start = time.perf_counter()
        build_script(article)
        times.append((time.perf_counter() - start) * 1000)
    median = sorted(times)[len(times) // 2]
    return [
        Row("build the reference article's script (median)", median, "ms", "< 50 ms", median < 50)
    ]


def print_table(rows: list[Row]) -> None:
    header = ("measure", "value", "target", "met")
    lines = [
        (
            row.measure,
            f"{row.value:,.1f} {row.unit}",
            row.target,
            "-" if row.met is None else ("yes" if row.met else "NO"),
        )
        for row in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    for cells in (header, tuple("-" * w for w in widths), *lines):
        print(" | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    rows: list[Row] = []
    for function in BENCHES:
        rows.extend(function(args.quick))
    print_table(rows)
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
