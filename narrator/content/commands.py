"""``narrator check``, ``narrator outline`` and ``narrator import``.

Each takes the parsed arguments and returns the exit status; problems in
articles go to stdout as ``path:line:column: message`` so editors and CI can
jump to them, and everything else a user must read goes to stderr as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from narrator.content.dump import article_to_yaml
from narrator.content.errors import ArticleError
from narrator.content.importers import import_file
from narrator.content.loader import load_article, load_article_text
from narrator.content.outline import article_to_json, outline_lines
from narrator.errors import NarratorError

USAGE_ERROR = 2
ARTICLE_SUFFIXES = (".yaml", ".yml")


def check(args: argparse.Namespace) -> int:
    files: list[Path] = []
    for path in args.paths:
        found = article_files(path)
        if not found:
            print(f"narrator check: {_unusable(path)}", file=sys.stderr)
            return USAGE_ERROR
        files.extend(found)
    broken = 0
    for file in files:
        try:
            load_article(file)
        except ArticleError as error:
            broken += 1
            for problem in error.problems:
                print(problem)
    if broken:
        verb = "has" if broken == 1 else "have"
        print(f"{broken} of {_files(len(files))} {verb} problems", file=sys.stderr)
        return 1
    print(f"{_files(len(files))} OK", file=sys.stderr)
    return 0


def article_files(path: Path) -> list[Path]:
    """``path`` itself, or every article file under a folder (hidden folders skipped)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        file
        for file in path.rglob("*")
        if file.suffix in ARTICLE_SUFFIXES
        and file.is_file()
        and not any(part.startswith(".") for part in file.relative_to(path).parts)
    )


def outline(args: argparse.Namespace) -> int:
    article = load_article(args.path)
    if args.json:
        print(json.dumps(article_to_json(article), ensure_ascii=False, indent=2))
    else:
        print("\n".join(outline_lines(article)))
    return 0


def import_(args: argparse.Namespace) -> int:
    """Writes the converted article; never replaces an existing file."""
    article = import_file(args.file)
    text = article_to_yaml(article)
    destination = str(args.output) if args.output else "the converted article"
    try:
        load_article_text(text, destination)
    except ArticleError as error:
        raise NarratorError(f"the import of {args.file} is not a valid article: {error}") from None
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with args.output.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise NarratorError(
            f"{args.output} already exists; not replacing it (choose another name or remove it)"
        ) from None
    except OSError as error:
        raise NarratorError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _unusable(path: Path) -> str:
    if path.is_dir():
        return f"no .yaml or .yml files in {path}"
    if path.exists():
        return f"not a file or folder: {path}"
    return f"no such file or folder: {path}"


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count} files"
