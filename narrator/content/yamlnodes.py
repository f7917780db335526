"""Article bytes to a YAML node tree whose every node knows its place.

Only the node tree is built here, never Python objects: composing is linear
in the file size even when aliases would expand exponentially, so a
"billion laughs" file costs nothing until the builder refuses its aliases.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

import yaml
from yaml.nodes import Node

from narrator.content.errors import ArticleError, Problem
from narrator.content.limits import MAX_BYTES, describe_character

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # PyYAML built without libyaml: same nodes, slower
    from yaml import SafeLoader  # type: ignore[assignment]

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""What YAML forbids in a file (C0/C1 controls, U+FFFE/U+FFFF) plus NEL,
which YAML 1.1 silently turns into a line break."""


def too_large(path: str, size: int) -> ArticleError:
    limit = MAX_BYTES // (1024 * 1024)
    shown = f"{size / (1024 * 1024):.1f} MB"
    if shown == f"{limit}.0 MB":  # just over: "2.0 MB; at most 2 MB" would puzzle
        shown = f"{size:,} bytes"
    return ArticleError(
        [
            Problem(
                path,
                1,
                1,
                f"the file is {shown}; an article may be at most {limit} MB, as much as "
                "Narrator reads quickly (split it into several articles)",
            )
        ]
    )


def decode(data: str | bytes, path: str) -> str:
    """The text of an article file, or an ArticleError naming the first bad character."""
    text = decode_utf8(data, path)
    bad = _UNPRINTABLE.search(text)
    if bad:
        line, column = position(text, bad.start())
        message = (
            f"the control character {describe_character(bad.group())} is not allowed in an article"
        )
        raise ArticleError([Problem(path, line, column, message)])
    return text


def decode_utf8(data: str | bytes, path: str) -> str:
    """UTF-8 text of at most MAX_BYTES with no NUL byte (the mark of a binary file)."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as error:
            line, column = position(data, error.start)
            raise ArticleError(
                [Problem(path, line, column, "not valid Unicode text (a lone surrogate)")]
            ) from None
    if len(data) > MAX_BYTES:
        raise too_large(path, len(data))
    nul = data.find(b"\x00")
    if nul >= 0:
        prefix = data[:nul].decode("utf-8", "replace")
        line, column = position(prefix, len(prefix))
        message = "binary data (a NUL byte): this is not a text file"
        raise ArticleError([Problem(path, line, column, message)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8")
        line, column = position(prefix, len(prefix))
        raise ArticleError(
            [
                Problem(
                    path,
                    line,
                    column,
                    f"not UTF-8 text (byte 0x{data[error.start]:02X}); save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def place(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def compose(text: str, path: str) -> Node | None:
    """The single document's root node (None for an empty file)."""
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        line, column = place(error.problem_mark or error.context_mark)
        raise ArticleError([Problem(path, line, column, _syntax_message(error))]) from None
    except yaml.YAMLError as error:
        raise ArticleError([Problem(path, 1, 1, f"YAML error: {error}")]) from None
    except RecursionError:
        raise ArticleError([Problem(path, 1, 1, "the YAML is nested too deeply")]) from None
    finally:
        loader.dispose()


_MAYBE_ALIAS = re.compile(r"(?<![^\s\[{,:])\*[^\s\[\]{},]")
"""Where an alias could start; most articles have no such place at all."""


def alias_problems(text: str, path: str) -> list[Problem]:
    """A problem at the first alias in the file, counting the others.

    Node trees forget where an alias was written (it is just the anchored
    node again), so the events are scanned once more, but only when the
    text has something that looks like an alias. One line is enough: a
    billion-laughs file would otherwise print a screenful.
    """
    if "*" not in text or not _MAYBE_ALIAS.search(text):
        return []
    aliases = [e for e in yaml.parse(text, Loader=SafeLoader) if isinstance(e, yaml.AliasEvent)]
    if not aliases:
        return []
    line, column = place(aliases[0].start_mark)
    others = len(aliases) - 1
    more = f"; {others} more alias{'es' if others > 1 else ''} follow" if others else ""
    message = (
        f"the alias *{aliases[0].anchor} is not allowed: write the value out in full "
        f"(aliases can make a small file expand without bound){more}"
    )
    return [Problem(path, line, column, message)]


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    if error.problem == "but found another document":
        return "a second YAML document: an article file holds one (remove this '---')"
    message = f"YAML syntax: {error.problem}"
    if error.context:
        context = error.context
        if error.context_mark is not None and error.context_mark is not error.problem_mark:
            line, column = place(error.context_mark)
            context += f" at line {line}, column {column}"
        message += f" ({context})"
    return message


@contextmanager
def collector_paused() -> Iterator[None]:
    """Composing a large file allocates hundreds of thousands of nodes; the
    cyclic garbage collector would rescan them all over again and triple the
    time, though none of them can be garbage until composing is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
