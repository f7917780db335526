"""The speech engines, and the choice of one for this platform.

``base`` says what an engine is; ``espeak`` (Linux) and ``pyttsx3`` (the
platform's own voices elsewhere) are the two there are. Each is imported only
when chosen: pyttsx3's platform driver is slow to load and absent on Linux.
"""

from __future__ import annotations

import contextlib
import os
import sys

from narrator.speech.engines.base import Engine

ENGINE_VARIABLE = "NARRATOR_ENGINE"


def make_engine() -> Engine:
    """espeak-ng with streamed audio and exact word timings on Linux; pyttsx3's own
    platform driver elsewhere, or wherever ``NARRATOR_ENGINE=pyttsx3`` asks for it."""
    choice = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if choice == "pyttsx3" or (not choice and not sys.platform.startswith("linux")):
        from narrator.speech.engines.pyttsx3 import DriverEngine

        return DriverEngine()
    from narrator.speech.engines.espeak import EspeakEngine

    return EspeakEngine()


def preload_engine() -> None:
    """Load the engine's code and library without starting it (no voice is set, nothing
    is said), so that processes forked from here start it in milliseconds instead of
    some 50 ms each; where it cannot load, the processes report why themselves."""
    choice = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if choice == "pyttsx3" or (not choice and not sys.platform.startswith("linux")):
        return
    from narrator.errors import NarratorError
    from narrator.speech.engines.espeak import load_bindings

    with contextlib.suppress(NarratorError):
        load_bindings()


def started_in_this_process() -> bool:
    """espeak-ng has run in this process, through Narrator's engine or pyttsx3's espeak
    driver: a child forked from here would inherit its state, with pointers into memory
    Python may since have reused (it then says garbage or crashes), so children must be
    fresh interpreters. Neither is imported until it is used."""
    espeak = sys.modules.get(f"{__name__}.espeak")
    return bool(espeak and espeak.started_in_this_process()) or (
        "pyttsx3.drivers.espeak" in sys.modules
    )
