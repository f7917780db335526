"""The folder an export is written to: nothing of the user's is lost, nothing is left half-done.

Every file is written first into a hidden staging folder inside the output
folder (same disk, so moving is instant), and only when all of them are
complete are they moved into place, with Ctrl-C held for those few
milliseconds. An export that fails or is interrupted removes its staging
folder, and the output folder is exactly as it was: an earlier export stays
whole, a folder this run created is removed again.

A file already in the folder is replaced only if it is this article's own
earlier export, which the folder's ``.narrator-export.json`` lists (the
article's id and the files written for it); any other file is the user's,
and replacing it needs ``force``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from narrator.errors import NarratorError
from narrator.speech.export_runs import interrupts_held

RECORD = ".narrator-export.json"
STAGING_PREFIX = ".narrator-export-"


def _earlier_export(folder: Path, article_id: str) -> set[str]:
    """The files the folder's record lists as this article's export (none when
    the record is missing, unreadable or another article's)."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(record, dict) or record.get("article") != article_id:
        return set()
    files = record.get("files")
    return {name for name in files if isinstance(name, str)} if isinstance(files, list) else set()


def _listed(names: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


class ExportFolder:
    """The output folder while an export is written: ``path(name)`` is where a file
    goes until ``commit`` moves them all into place; ``discard`` undoes it all."""

    def __init__(self, folder: Path, article_id: str, names: Sequence[str], force: bool) -> None:
        self.folder = folder
        self.names = tuple(names)
        self._article_id = article_id
        self._created = not folder.exists()
        if folder.exists() and not folder.is_dir():
            raise NarratorError(f"{folder}: cannot create the folder: a file has that name")
        ours = _earlier_export(folder, article_id)
        theirs = [n for n in self.names if n not in ours and (folder / n).exists()]
        if theirs and not force:
            raise NarratorError(
                f"{folder}: would replace {len(theirs)} file{'s' if len(theirs) > 1 else ''} "
                f"that {'are' if len(theirs) > 1 else 'is'} not this article's export "
                f"({_listed(theirs)}); add --force to replace them"
            )
        self._earlier = ours
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as error:
            doing = "write in" if folder.is_dir() else "create"
            self._remove_created()
            raise NarratorError(
                f"{folder}: cannot {doing} the folder: {error.strerror or error}"
            ) from None

    def path(self, name: str) -> Path:
        """Where ``name`` is written until the export is committed."""
        return self._staging / name

    def commit(self) -> None:
        """Move every file into place and record them as this article's export."""
        still_there = {name for name in self._earlier if (self.folder / name).exists()}
        kept = sorted(still_there | set(self.names))
        record = {"article": self._article_id, "files": kept}
        (self._staging / RECORD).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        with interrupts_held():
            try:
                for name in (*self.names, RECORD):
                    os.replace(self._staging / name, self.folder / name)
            except OSError as error:
                raise NarratorError(
                    f"{self.folder}: cannot write: {error.strerror or error}"
                ) from None
            finally:
                shutil.rmtree(self._staging, ignore_errors=True)

    def discard(self) -> None:
        """Remove whatever this export wrote; the folder is as it was."""
        shutil.rmtree(self._staging, ignore_errors=True)
        self._remove_created()

    def _remove_created(self) -> None:
        if self._created:
            with contextlib.suppress(OSError):
                self.folder.rmdir()  # only if empty: never anything of the user's
