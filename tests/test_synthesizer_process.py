"""How the synthesizer's process starts: forked while the reader has one thread (no
second Python start-up), a fresh interpreter otherwise; either way the same child."""

from __future__ import annotations

import subprocess
import sys
import threading

from narrator.speech.forked import fork_child

_FORKED = """
import os, signal, time
from narrator.speech.settings import VoiceSettings
from narrator.speech.worker import SynthesisWorker

def said(worker, text):
    pcm = bytearray()
    worker.synthesize(text, VoiceSettings(rate=450), pcm.extend, lambda mark: None)
    return len(pcm) > 10_000

worker = SynthesisWorker()
worker.spawn()
print(type(worker._process).__name__)
print(said(worker, "Said by a forked synthesizer."))
fds = sorted(os.listdir(f"/proc/{worker.pid}/fd"), key=int)
nulls = {os.path.realpath(f"/proc/{worker.pid}/fd/{fd}") for fd in ("0", "1", "2")}
print(len(fds), nulls == {os.devnull})
os.kill(worker.pid, signal.SIGKILL)
while worker._process.poll() is None:
    time.sleep(0.01)
print(worker._process.returncode)
print(said(worker, "Said by the synthesizer started again."))
child = worker._process
worker.close()
print(child.returncode)
"""


def test_a_reader_with_one_thread_forks_its_synthesizer_which_keeps_only_its_pipes() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FORKED], capture_output=True, text=True, check=True, timeout=60
    )
    forked, spoke, fds, nulls, killed, again, code = result.stdout.split()
    assert (forked, spoke, killed, again, code) == ("ForkedChild", "True", "-9", "True", "0")
    assert int(fds) <= 6  # /dev/null three times, its two pipes, the engine's data
    assert nulls == "True"


def test_with_other_threads_running_nothing_is_forked() -> None:
    """A lock another thread holds would stay locked in the child forever."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert fork_child(lambda requests, replies: 0) is None
    finally:
        stop.set()
        other.join()


_AFTER_AN_ENGINE = """
from narrator.speech.engines.espeak import EspeakEngine
from narrator.speech.settings import VoiceSettings
from narrator.speech.worker import SynthesisWorker

EspeakEngine().synthesize("Said in this process.", VoiceSettings(), lambda pcm: None)
worker = SynthesisWorker()
worker.spawn()
print(type(worker._process).__name__)
worker.close()
"""


def test_once_espeak_has_run_in_the_reader_its_synthesizer_is_a_fresh_interpreter() -> None:
    """A forked child would inherit espeak-ng's state, pointing into reused memory."""
    result = subprocess.run(
        [sys.executable, "-c", _AFTER_AN_ENGINE], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["Popen"]
