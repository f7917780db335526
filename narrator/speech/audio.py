"""Sound output through miniaudio, and the WAV recording of what was played.

The device pulls audio from a generator in small periods, so whatever feeds
it can stop mid-sentence within one period. Without a sound card, miniaudio's
null backend plays in real time into nothing, so timing (and every test) still
behaves as with speakers. ALSA reports a missing card by printing to the
process's stderr, which would tear through a full-screen terminal UI: its
error handler is replaced, and stderr is closed off while a device opens (for
backends that print too; only then, as other threads may be writing to it).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import importlib
import os
import queue
import sys
import threading
import wave
from collections.abc import Generator, Iterator
from pathlib import Path
from types import ModuleType


def _import_miniaudio() -> ModuleType:
    """miniaudio imports numpy when it can, only to accept numpy arrays, which Narrator
    never hands it; numpy would be a tenth of a second of every start. numpy stays
    importable for whatever else wants it (soundfile, for FLAC). It also imports
    ``urllib.request``, for internet radio only, which pulls in ``http.client`` and
    ``ssl`` (some 15 ms before the first word): it stands in until first used."""
    hidden = "numpy" not in sys.modules
    if hidden:
        sys.modules["numpy"] = None  # type: ignore[assignment]
    deferred = "urllib.request" not in sys.modules
    if deferred:
        import urllib

        urllib.request = sys.modules["urllib.request"] = _LoadedOnUse("urllib.request")
    try:
        import miniaudio
    finally:
        if hidden:
            del sys.modules["numpy"]
        if deferred:
            del sys.modules["urllib.request"]  # a real import loads the real one
    return miniaudio


class _LoadedOnUse(ModuleType):
    """Stands in for a module, which is imported when one of its names is first used."""

    def __getattr__(self, name: str) -> object:
        return getattr(importlib.import_module(self.__name__), name)


miniaudio = _import_miniaudio()

SAMPLE_RATE = 22050
SAMPLE_BYTES = 2
PERIOD_MSEC = 10

AudioGenerator = Generator[bytes, int, None]

_ALSA_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _ignore_alsa_message(
    _file: bytes, _line: int, _function: bytes, _error: int, _format: bytes
) -> None:
    """ALSA's messages are for developers; Narrator reports failures itself."""


_alsa_handler = _ALSA_HANDLER_TYPE(_ignore_alsa_message)


def quiet_alsa() -> None:
    """Route ALSA's error messages to nowhere (no-op where there is no ALSA)."""
    if not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        alsa = ctypes.CDLL(name)
    except OSError:
        return
    alsa.snd_lib_error_set_handler(_alsa_handler)


@contextlib.contextmanager
def stderr_silenced() -> Iterator[None]:
    """Send what C code writes to file descriptor 2 to /dev/null for the duration."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


class OutputDevice:
    """A mono 16-bit output device; ``silent`` says it plays into miniaudio's null backend."""

    def __init__(self, *, null_audio: bool = False) -> None:
        quiet_alsa()
        self.silent = null_audio
        with stderr_silenced():
            device = None if null_audio else _open_device(None)
            if device is None:
                self.silent = True
                device = _open_device([miniaudio.Backend.NULL])
        if device is None:
            raise OSError("no audio output, not even miniaudio's null device")
        self._device = device

    def start(self, generator: AudioGenerator) -> None:
        next(generator)
        self._device.start(generator)

    def close(self) -> None:
        self._device.close()


def _open_device(backends: list[miniaudio.Backend] | None) -> miniaudio.PlaybackDevice | None:
    try:
        return miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=SAMPLE_RATE,
            buffersize_msec=PERIOD_MSEC,
            backends=backends,
            app_name="Narrator",
        )
    except miniaudio.MiniaudioError:
        return None


class WavRecorder:
    """Writes what the device plays to a WAV file, off the audio thread.

    The audio callback only queues its buffers; a thread does the file I/O,
    because a slow disk must never make the voice stutter.
    """

    def __init__(self, path: Path) -> None:
        # The file is opened first: ``wave.open`` on a path that cannot be created
        # fails half-built and its destructor then prints a traceback to stderr.
        self._stream = path.open("wb")
        self._file = wave.open(self._stream, "wb")  # noqa: SIM115 - closed in close()
        self._file.setnchannels(1)
        self._file.setsampwidth(SAMPLE_BYTES)
        self._file.setframerate(SAMPLE_RATE)
        self._buffers: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._write, daemon=True, name="wav-recorder")
        self._thread.start()

    def record(self, pcm: bytes) -> None:
        self._buffers.put(pcm)

    def _write(self) -> None:
        while (pcm := self._buffers.get()) is not None:
            self._file.writeframes(pcm)

    def close(self) -> None:
        self._buffers.put(None)
        self._thread.join()
        self._file.close()
        self._stream.close()
