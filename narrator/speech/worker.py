"""The synthesizer runs in a child process, so a crash or a hang costs one utterance.

espeak-ng through ctypes can take the whole process down (pyttsx3 segfaults on
a whole article) or never return. The child (forked from the reader where that
is safe, ``narrator.speech.forked``; else ``python -m narrator.speech.worker``)
owns the engine; the parent sends one JSON line per request on the child's
input pipe and reads binary frames back, each ``kind`` (1 byte), ``request`` id
and payload length (little-endian u32s), then the payload:

- ``R`` ready: JSON ``{"sample_rate": ...}``, or ``E`` with why the engine cannot start;
- ``A`` a buffer of 16-bit mono PCM, as soon as espeak produced it;
- ``W`` a word: three u32s (sample, start, length);
- ``D`` done; ``E`` error: one line of UTF-8; ``V`` voices: JSON list.

A ``{"stop": id}`` line ends request ``id`` where it is (its ``D`` follows at
once): a listener's key drops the sentence being made, and the one they asked
for must not wait until the engine has finished the old one.

The child's standard output is /dev/null before the engine loads (frames go to
a pipe of their own), so nothing a C library prints can corrupt them.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, BinaryIO

from narrator.errors import NarratorError
from narrator.speech.engines import make_engine
from narrator.speech.engines.base import EngineError, SynthesisStopped, Voice, WordMark
from narrator.speech.forked import ForkedChild, fork_child
from narrator.speech.settings import VoiceSettings

HEADER = struct.Struct("<cII")
WORD = struct.Struct("<III")
START_TIMEOUT = 10.0
SILENCE_TIMEOUT = 5.0
WATCH_SECONDS = 0.05
"""How often a silent child is looked at: a stopped one (SIGSTOP, a debugger)
never answers, and waiting the whole silence timeout for it kept the listener
in silence for seconds; it is found stopped within this and replaced."""
GRACE_SECONDS = 0.4
"""How long a child is given to exit once its input is closed, before it is killed."""


class WorkerFailed(NarratorError):
    """The synthesizer process died, hung, or could not start its engine."""


def _send(stream: BinaryIO, kind: bytes, request: int, payload: bytes = b"") -> None:
    stream.write(HEADER.pack(kind, request, len(payload)) + payload)
    stream.flush()


def serve(requests: BinaryIO, frames: BinaryIO) -> int:
    """The child's loop: answer each request line until stdin closes."""
    try:
        engine = make_engine()
    except NarratorError as error:
        _send(frames, b"E", 0, str(error).encode())
        return 1
    _send(frames, b"R", 0, json.dumps({"sample_rate": engine.sample_rate}).encode())
    wanted: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
    stopped = _Stopped()
    threading.Thread(
        target=_read_requests, args=(requests, wanted, stopped), daemon=True, name="requests"
    ).start()
    while (request := wanted.get()) is not None:
        number = request["id"]
        if request.get("voices"):
            listing = [asdict(voice) for voice in engine.voices()]
            _send(frames, b"V", number, json.dumps(listing).encode())
            continue
        settings = VoiceSettings(**request["voice"])

        def audio(pcm: bytes, number: int = number) -> None:
            stopped.check(number)
            _send(frames, b"A", number, pcm)

        def word(mark: WordMark, number: int = number) -> None:
            stopped.check(number)
            _send(frames, b"W", number, WORD.pack(mark.sample, mark.start, mark.length))

        try:
            engine.synthesize(request["text"], settings, audio, word)
        except SynthesisStopped:
            pass
        except EngineError as error:
            _send(frames, b"E", number, str(error).encode())
            continue
        _send(frames, b"D", number)
    return 0


class _Stopped:
    """The last request the parent stopped: ids only grow, and only the request being
    made can be stopped, so one number says which are."""

    def __init__(self) -> None:
        self.last = 0

    def check(self, number: int) -> None:
        if number <= self.last:
            raise SynthesisStopped


def _read_requests(
    lines: BinaryIO, wanted: queue.SimpleQueue[dict[str, Any] | None], stopped: _Stopped
) -> None:
    """Read requests while the engine speaks, so that a stop reaches it mid-utterance.
    Once the parent is gone (or sent what is not a request), what is being made stops
    and the child ends."""
    try:
        for line in lines:
            request = json.loads(line)
            if "stop" in request:
                stopped.last = max(stopped.last, request["stop"])
            else:
                wanted.put(request)
    finally:
        stopped.last = sys.maxsize
        wanted.put(None)


def main() -> int:
    frames = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return serve_as_child(sys.stdin.buffer, frames)


def serve_as_child(requests: BinaryIO, frames: BinaryIO) -> int:
    """The child's life, however it was started (forked, it may inherit a paused
    cycle collector: the reader pauses it while it starts)."""
    gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's; it closes stdin
    return serve(requests, frames)


Frame = tuple[bytes, int, bytes]


class SynthesisWorker:
    """The parent's handle on the child: start it, ask it, and restart it when it fails.

    Not thread-safe: one thread (the speaker's synthesis thread) talks to it.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | ForkedChild | None = None
        self._frames: queue.SimpleQueue[Frame | None] = queue.SimpleQueue()
        self._next_id = 0
        self._ready = False
        self.sample_rate = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def spawn(self) -> None:
        """Start the child now without waiting for it (it loads its engine meanwhile);
        ``start`` waits for it to be ready."""
        if self._process is not None and self._process.poll() is None:
            return
        self.close()
        self._ready = False
        self._frames = queue.SimpleQueue()
        self._process = fork_child(serve_as_child) or subprocess.Popen(
            [sys.executable, "-m", "narrator.speech.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        stdout = self._process.stdout
        assert stdout is not None
        threading.Thread(
            target=_read_frames, args=(stdout, self._frames), daemon=True, name="synth-frames"
        ).start()

    def start(self) -> None:
        """Start the child if it is not running, and wait until its engine is ready;
        raise ``WorkerFailed`` if it cannot start."""
        running = self._process is not None and self._process.poll() is None
        if running and self._ready:
            return
        if not running:
            self.spawn()
        kind, _, payload = self._next_frame(START_TIMEOUT, "start")
        if kind != b"R":
            self.close()
            raise WorkerFailed(payload.decode("utf-8", "replace") or "the speech engine failed")
        self.sample_rate = json.loads(payload)["sample_rate"]
        self._ready = True

    def _next_frame(self, timeout: float, doing: str) -> Frame:
        waited = 0.0
        while True:
            try:
                frame = self._frames.get(timeout=WATCH_SECONDS)
                break
            except queue.Empty:
                waited += WATCH_SECONDS
            if waited >= timeout or _stopped(self._process):
                self.close(kill=True)
                raise WorkerFailed(f"the speech engine stopped responding ({doing})") from None
        if frame is None:
            code = self._process.wait() if self._process else None
            self.close()
            signal = f"signal {-code}" if code is not None and code < 0 else f"exit {code}"
            raise WorkerFailed(f"the speech engine crashed ({signal}) during {doing}")
        return frame

    def _request(self, request: dict[str, object]) -> int:
        self.start()
        self._next_id += 1
        request["id"] = self._next_id
        if not self._write(request):
            self.close()
            raise WorkerFailed("the speech engine is not running")
        return self._next_id

    def _write(self, request: dict[str, object]) -> bool:
        """Send one request line; False if the child cannot take it (it has ended,
        which reading its frames reports)."""
        process = self._process
        assert process is not None and process.stdin is not None
        try:
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
        except OSError:
            return False
        return True

    def synthesize(
        self,
        text: str,
        settings: VoiceSettings,
        audio: Callable[[bytes], None],
        word: Callable[[WordMark], None],
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        """Stream ``text``'s audio and words to the callbacks; return when the child is
        done, or soon after ``wanted()`` turns False (the child is told to stop)."""
        number = self._request({"text": text, "voice": asdict(settings)})
        stopping = False
        while True:
            kind, request, payload = self._next_frame(SILENCE_TIMEOUT, "synthesis")
            if request != number:
                continue
            if kind == b"D":
                return
            if kind == b"E":
                raise EngineError(payload.decode("utf-8", "replace"))
            if not stopping and not wanted():
                stopping = True
                self._write({"stop": number})
            if stopping:
                continue
            if kind == b"A":
                audio(payload)
            elif kind == b"W":
                word(WordMark(*WORD.unpack(payload)))

    def voices(self) -> list[Voice]:
        number = self._request({"voices": True})
        while True:
            kind, request, payload = self._next_frame(SILENCE_TIMEOUT, "listing voices")
            if request == number and kind == b"V":
                return [
                    Voice(**{**v, "languages": tuple(v["languages"])}) for v in json.loads(payload)
                ]

    def interrupt(self) -> None:
        """End the child now, from any thread: a request waiting on it fails at once
        (quitting must not wait on a hung engine)."""
        process = self._process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def close(self, *, kill: bool = False) -> None:
        """Let the child finish and exit (``kill``: end it now, it is hung or stopped)."""
        process, self._process = self._process, None
        if process is None:
            return
        if kill or _stopped(process):
            process.kill()
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stopped(process: subprocess.Popen[bytes] | ForkedChild | None) -> bool:
    """Whether the child is stopped (state T or t in /proc: SIGSTOP, a tracer); False
    where there is no /proc to ask, and the silence timeout alone finds a hang."""
    if process is None or process.returncode is not None:
        return False
    try:
        with open(f"/proc/{process.pid}/stat", "rb") as stat:
            state = stat.read().rpartition(b")")[2].split()[:1]
    except OSError:
        return False
    return state in ([b"T"], [b"t"])


def _read_frames(stream: BinaryIO, frames: queue.SimpleQueue[Frame | None]) -> None:
    """Turn the child's stdout into frames; ``None`` marks its end (exit or crash)."""
    while True:
        header = stream.read(HEADER.size)
        if len(header) < HEADER.size:
            break
        kind, request, length = HEADER.unpack(header)
        payload = stream.read(length) if length else b""
        if len(payload) < length:
            break
        frames.put((kind, request, payload))
    frames.put(None)


if __name__ == "__main__":
    sys.exit(main())
