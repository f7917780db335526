"""``narrator check``, ``narrator outline`` and ``narrator import``.

Each takes plain values and returns the exit status; problems in
articles go to stdout as ``path:line:column: message`` so editors and CI can
jump to them, and everything else a user must read goes to stderr as one line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from narrator.content.dump import article_to_yaml
from narrator.content.errors import ArticleError
from narrator.content.importers import import_file
from narrator.content.library import is_article_file
from narrator.content.loader import load_article, load_article_text
from narrator.content.outline import article_to_json, outline_lines
from narrator.controls import visible
from narrator.errors import NarratorError
from narrator.exit_codes import ExitCode


def check(paths: Sequence[Path]) -> ExitCode:
    files: list[Path] = []
    for path in paths:
        found = article_files(path)
        if not found:
            print(f"narrator check: {_unusable(path)}", file=sys.stderr)
            return ExitCode.USAGE
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
        return ExitCode.FAILED
    print(f"{_files(len(files))} OK", file=sys.stderr)
    return ExitCode.OK


def article_files(path: Path) -> list[Path]:
    """``path`` itself, or every article file under a folder (hidden folders skipped)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        file
        for file in path.rglob("*")
        if is_article_file(file)
        and not any(part.startswith(".") for part in file.relative_to(path).parts)
    )


def outline(path: Path, *, as_json: bool = False) -> ExitCode:
    article = load_article(path)
    if as_json:
        print(json.dumps(article_to_json(article), ensure_ascii=False, indent=2))
    else:
        print("\n".join(outline_lines(article)))
    return ExitCode.OK


def import_(file: Path, output: Path | None = None) -> ExitCode:
    """Writes the converted article (to stdout with no ``output``); never replaces an
    existing file."""
    text = converted(file, str(output) if output else "the converted article")
    if output is None:
        sys.stdout.write(text)
        return ExitCode.OK
    if output.is_dir():
        output = output / f"{file.stem}.yaml"
    try:
        with output.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise NarratorError(
            f"{output} already exists; not replacing it (choose another name or remove it)"
        ) from None
    except OSError as error:
        raise NarratorError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"wrote {visible(str(output))}", file=sys.stderr)
    return ExitCode.OK


def import_all(files: Sequence[Path], output: Path | None = None) -> ExitCode:
    """``narrator import FILE...``: several files go into the folder ``output``, each as
    ``<name>.yaml``; every file is converted before any is written, so one bad file
    leaves nothing half done."""
    if len(files) == 1:
        return import_(files[0], output)
    if output is None or not output.is_dir():
        raise NarratorError(
            f"{len(files)} files to import: name a folder to write them in with -o FOLDER"
        )
    texts = [(file, converted(file, str(output / f"{file.stem}.yaml"))) for file in files]
    written = []
    try:
        for file, text in texts:
            target = output / f"{file.stem}.yaml"
            with target.open("x", encoding="utf-8") as out:
                written.append(target)
                out.write(text)
    except FileExistsError as error:
        for target in written:
            target.unlink(missing_ok=True)
        raise NarratorError(
            f"{error.filename} already exists; not replacing it, and nothing was written"
        ) from None
    except OSError as error:
        for target in written:
            target.unlink(missing_ok=True)
        raise NarratorError(f"cannot write in {output}: {error.strerror or error}") from None
    print(f"wrote {len(written)} articles in {output}", file=sys.stderr)
    return ExitCode.OK


def converted(file: Path, destination: str) -> str:
    """The YAML of ``file``'s article, checked to load back as the same article."""
    article = import_file(file)
    text = article_to_yaml(article)
    try:
        load_article_text(text, destination)
    except ArticleError as error:
        raise NarratorError(f"the import of {file} is not a valid article: {error}") from None
    return text


def _unusable(path: Path) -> str:
    shown = visible(str(path))
    if path.is_dir():
        return f"no .yaml or .yml files in {shown}"
    if path.exists():
        return f"not a file or folder: {shown}"
    return f"no such file or folder: {shown}"


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count} files"
