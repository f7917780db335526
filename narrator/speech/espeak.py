"""Finds espeak-ng for pyttsx3 without asking the user to install anything.

pyttsx3's espeak driver binds its functions to whatever ``libespeak-ng.so.1``
the dynamic loader finds when ``pyttsx3.drivers._espeak`` is first imported,
and espeak looks for its data in a system folder. Narrator ships espeak-ng in
the ``espeakng-loader`` wheel instead, so before that import the wheel's
library is loaded globally, the driver's library lookup is pointed at it and
espeak is told where the wheel's data lives. ``NARRATOR_ESPEAK=system`` keeps
the system's espeak-ng (for users with their own voices or dictionaries);
any other value is taken as the path of an espeak-ng library to use.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from types import ModuleType

from narrator.content.errors import NarratorError

CHOICE_VARIABLE = "NARRATOR_ESPEAK"
DATA_VARIABLE = "ESPEAK_DATA_PATH"


class EngineUnavailable(NarratorError):
    """The speech engine cannot be loaded; Narrator still works as text."""


def _wheel_library() -> tuple[Path, Path]:
    """The library and the data folder inside the ``espeakng-loader`` wheel."""
    try:
        import espeakng_loader
    except ImportError as error:
        raise EngineUnavailable(
            "espeak-ng is not installed (pip install espeakng-loader, "
            f"or set {CHOICE_VARIABLE}=system to use the system's espeak-ng)"
        ) from error
    return Path(espeakng_loader.get_library_path()), Path(espeakng_loader.get_data_path())


def _chosen_library() -> tuple[Path | None, Path | None]:
    """Which library and data folder to use: ``None`` leaves the choice to the system."""
    choice = os.environ.get(CHOICE_VARIABLE, "").strip()
    if choice == "system":
        return None, None
    if choice:
        return Path(choice), None
    return _wheel_library()


def _import_driver(library: ctypes.CDLL | None) -> ModuleType:
    """Import pyttsx3's bindings so that every espeak lookup they make gets ``library``."""
    loader = ctypes.cdll
    original = loader.LoadLibrary

    def load(name: str) -> ctypes.CDLL:
        if library is not None and "espeak" in str(name).lower():
            return library
        return original(name)

    loader.LoadLibrary = load  # type: ignore[method-assign]
    try:
        from pyttsx3.drivers import _espeak
    except Exception as error:
        raise EngineUnavailable(f"espeak-ng could not be loaded: {error}") from error
    finally:
        loader.LoadLibrary = original  # type: ignore[method-assign]
    return _espeak


def load_bindings() -> ModuleType:
    """pyttsx3's espeak bindings, bound to the wheel's (or the chosen) espeak-ng."""
    path, data = _chosen_library()
    library = None
    if path is not None:
        try:
            library = ctypes.CDLL(str(path), mode=ctypes.RTLD_GLOBAL)
        except OSError as error:
            raise EngineUnavailable(f"espeak-ng could not be loaded: {error}") from error
    if data is not None:
        os.environ[DATA_VARIABLE] = str(data.parent)
    try:
        return _import_driver(library)
    except EngineUnavailable:
        if path is not None:
            raise
        raise EngineUnavailable(
            f"no system espeak-ng was found ({CHOICE_VARIABLE}=system); "
            "unset it to use the espeak-ng that comes with Narrator"
        ) from None
