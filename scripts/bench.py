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


def _large_article(megabytes: int) -> str:
    """A valid article of about ``megabytes`` MB shaped like real ones: every block kind."""
    sentence = "Anastrozole reversibly binds the aromatase enzyme, lowering estradiol. " * 3
    lines = ["id: large", "title: A large article", "sections:"]
    size, number = 0, 0
    while size < megabytes * 1_000_000:
        section = [f"  - id: part-{number}", f"    title: Part {number}", "    blocks:"]
        section += [f'      - paragraph: "{sentence}{n}"' for n in range(8)]
        section += [
            "      - callout: A pull quote stands apart.",
            "      - list:",
            "          - term: Bone Mineral Density Loss",
            "            text: Estrogen maintains bone health in both sexes.",
            "          - A plain item.",
            "      - table:",
            "          header: [State, Dose, Effect]",
            "          rows:",
            "            - [Optimal, Titrated, Balanced]",
            "            - [Low, Too high, Bone loss]",
        ]
        size += sum(len(line) + 1 for line in section)
        lines += section
        number += 1
    return "\n".join(lines) + "\n"


@bench
def article_loading(quick: bool) -> list[Row]:
    """Opening an article must feel instant, and ``narrator check`` runs over whole folders:
    the loader builds the model from libyaml's node tree, never from Python objects."""
    import time
    import tracemalloc

    from narrator.content.loader import load_article, load_article_text

    def best_of(repeats: int, load: Callable[[], object]) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            load()
            times.append(time.perf_counter() - start)
        return min(times)

    reference = best_of(5 if quick else 50, lambda: load_article(REFERENCE)) * 1000
    large = _large_article(10)
    megabytes = len(large.encode()) / 1_000_000
    seconds = best_of(1 if quick else 3, lambda: load_article_text(large, "large.yaml"))
    tracemalloc.start()
    load_article_text(large, "large.yaml")
    peak = tracemalloc.get_traced_memory()[1] / 1_000_000
    tracemalloc.stop()
    return [
        Row("load the reference article (best)", reference, "ms", "< 10 ms", reference < 10),
        Row(f"load a {megabytes:.0f} MB article (best)", seconds, "s", "< 1 s", seconds < 1),
        Row(f"peak memory loading it ({megabytes:.0f} MB)", peak, "MB", "< 500 MB", peak < 500),
    ]


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


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
    median = _median(times)
    return [
        Row("build the reference article's script (median)", median, "ms", "< 30 ms", median < 30)
    ]


@bench
def front_end_cold(quick: bool) -> list[Row]:
    """The text front end's first sentence in a fresh process (import, the joined
    grammar's compile, the first spoken form): it sits between the command typed
    and the first sound, once per run."""
    import json
    import subprocess

    probe = (
        "import json, time; start = time.perf_counter();"
        "from narrator.speech.spoken import spoken_form;"
        "spoken_form('Take 2.5\u20135 mg by mouth twice daily (see Fig. 2).');"
        "print(json.dumps((time.perf_counter() - start) * 1000))"
    )
    times = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3 if quick else 9)
    ]
    median = _median(times)
    return [
        Row(
            "text front end, cold: import and first sentence (median)",
            median,
            "ms",
            "< 100 ms",
            median < 100,
        )
    ]


@bench
def speech_start_and_stop(quick: bool) -> list[Row]:
    """A listener presses a key and must hear the voice at once, whatever the section's
    length, and silence at once when they stop it. Timed by playback (null device)."""
    import threading
    import time

    from narrator.content.loader import load_article
    from narrator.speech.engines.espeak import EspeakEngine
    from narrator.speech.events import SpeechEvent, SpeechEventKind
    from narrator.speech.script import build_script
    from narrator.speech.settings import VoiceSettings
    from narrator.speech.speaker import Speaker

    script = build_script(load_article(REFERENCE))
    by_size = sorted(
        (script.section_utterances(s.id) for s in script.sections),
        key=lambda us: sum(len(u.spoken) for u in us),
    )
    events: list[SpeechEvent] = []
    arrived = threading.Condition()

    def on_event(event: SpeechEvent) -> None:
        with arrived:
            events.append(event)
            arrived.notify_all()

    def next_event(kind: SpeechEventKind) -> SpeechEvent:
        with arrived:
            arrived.wait_for(lambda: any(e.kind is kind for e in events), timeout=10)
            return next(e for e in events if e.kind is kind)

    rows = []
    repeats = 3 if quick else 10
    engine = EspeakEngine()
    with Speaker(on_event=on_event, null_audio=True) as speaker:
        speaker.voices()  # the worker is up, as it is once the app has started
        stops = []
        for label, section in (("shortest", by_size[0]), ("longest", by_size[-1])):
            starts, naive = [], []
            for _ in range(repeats):
                events.clear()
                asked = time.monotonic()
                speaker.speak(section)
                starts.append((next_event(SpeechEventKind.STARTED).time - asked) * 1000)
                time.sleep(0.2)
                stop_at = time.monotonic()
                speaker.stop()
                stops.append((next_event(SpeechEventKind.INTERRUPTED).time - stop_at) * 1000)
                whole = " ".join(u.spoken for u in section)
                begin = time.perf_counter()
                engine.synthesize(whole, VoiceSettings(), lambda pcm: None)
                naive.append((time.perf_counter() - begin) * 1000)
            words = sum(len(u.spoken.split()) for u in section)
            value = _median(starts)
            rows.append(
                Row(
                    f"speak → first sample heard, {label} section ({words} words)",
                    value,
                    "ms",
                    "≤ 50 ms",
                    value <= 50,
                )
            )
            rows.append(
                Row(
                    f"  naive: whole {label} section synthesized in one call, then played",
                    _median(naive),
                    "ms",
                    "-",
                    None,
                )
            )
        value = _median(stops)
        rows.append(Row("stop → silence handed to the device", value, "ms", "≤ 30 ms", value <= 30))
        presses = []
        for press in range(10 if quick else 40):  # a listener flicking through sections
            events.clear()
            asked = time.monotonic()
            speaker.speak(
                script.section_utterances(script.sections[press % len(script.sections)].id)
            )
            presses.append((next_event(SpeechEventKind.STARTED).time - asked) * 1000)
            time.sleep(0.02)
        value = max(presses)
        rows.append(
            Row(
                "speak → first sample, a new section every 20 ms (worst)",
                value,
                "ms",
                "≤ 50 ms",
                value <= 50,
            )
        )
    return rows


def _cores_busy(seconds: float = 2.0) -> float:
    """How many cores other work kept busy over ``seconds`` (from /proc/stat; the
    load average where there is none), to read a speed-up on a shared machine by."""
    import os
    import time

    def sample() -> tuple[int, int]:
        fields = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # all, idle and waiting on the disk

    try:
        total, idle = sample()
        time.sleep(seconds)
        total_after, idle_after = sample()
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0]
    busy = 1 - (idle_after - idle) / max(total_after - total, 1)
    return busy * (os.cpu_count() or 1)


@bench
def export_speed(quick: bool) -> list[Row]:
    """Exporting should use the machine: the reference article with ``--workers 1``
    against every core (long sections are cut into runs of sentences, so the cores
    finish together), and an EPUB talking book of it made by the real command, start
    to finish. The machine is shared, so the load average is shown beside them."""
    import os
    import subprocess
    import tempfile
    import time

    from narrator.content.loader import load_article
    from narrator.speech.export import export_script
    from narrator.speech.export_formats import ExportOptions
    from narrator.speech.script import build_script

    article = load_article(REFERENCE)
    script = build_script(article)
    again = ExportOptions(force=True)

    def one_worker(folder: Path) -> None:
        export_script(script, folder, again, article=article, workers=1)

    def every_core(folder: Path) -> None:
        export_script(script, folder, again, article=article)

    # The machine is shared: alternate the two and keep each one's best run.
    times: dict[Callable[[Path], None], list[float]] = {}
    others = _cores_busy()
    with tempfile.TemporaryDirectory() as folder:
        every_core(Path(folder))  # the imports and the disk cache warm up
        for _ in range(2 if quick else 6):
            for run in (one_worker, every_core):
                begin = time.perf_counter()
                run(Path(folder))
                times.setdefault(run, []).append(time.perf_counter() - begin)
        epub = []
        command = [sys.executable, "-m", "narrator", "export", str(REFERENCE), "--force"]
        for _ in range(1 if quick else 2):
            begin = time.perf_counter()
            subprocess.run(
                [*command, "--out", folder, "--format", "epub"], check=True, capture_output=True
            )
            epub.append(time.perf_counter() - begin)
    one, pooled = min(times[one_worker]), min(times[every_core])
    cores = os.cpu_count() or 1
    speedup = one / pooled
    return [
        Row("export the reference article, --workers 1 (best)", one, "s", "-", None),
        Row(f"export the reference article, {cores} workers (best)", pooled, "s", "-", None),
        Row("  export speed-up", speedup, "times", "≥ 1.9 on 2 cores", speedup >= 1.9),
        Row("  cores busy with other work just before", others, "cores", "-", None),
        Row("export the reference article as EPUB, end to end", min(epub), "s", "-", None),
    ]


@bench
def reading_moves(quick: bool) -> list[Row]:
    """Opening an article and every key that moves must feel instant: the cursor is
    built before the first word is said, and each move runs on the UI thread."""
    import time

    from narrator.content.loader import load_article
    from narrator.reading.announce import Announcer
    from narrator.reading.commands import Action
    from narrator.reading.cursor import Cursor
    from narrator.speech.script import build_script

    article = load_article(REFERENCE)
    utterances = build_script(article).utterances
    announcer = Announcer.for_article(article)
    opening = []
    for _ in range(5 if quick else 30):
        start = time.perf_counter()
        cursor = Cursor(article, utterances, announcer=announcer)
        opening.append((time.perf_counter() - start) * 1000)
    cursor.search("estrogen")
    cursor.choose_term(article.glossary[0])
    kinds = ("sentence", "paragraph", "section", "term", "found")
    moves = [Action(f"{way}-{kind}") for way in ("next", "previous") for kind in kinds]
    slowest = 0.0
    for index in range(0, len(utterances), 4 if quick else 1):
        for move in moves:
            cursor.go_to(index)
            start = time.perf_counter()
            cursor.step(move)
            slowest = max(slowest, (time.perf_counter() - start) * 1000)
    open_median = _median(opening)
    return [
        Row(
            "open the reference article's cursor (median)",
            open_median,
            "ms",
            "< 50 ms",
            open_median < 50,
        ),
        Row("slowest move from any sentence, any key", slowest, "ms", "< 10 ms", slowest < 10),
    ]


@bench
def saving_state(quick: bool) -> list[Row]:
    """Progress is saved while reading and on quit; an atomic, fsynced write must not
    delay quitting noticeably."""
    import tempfile
    import time

    from narrator.reading.store import ArticleState, Store
    from narrator.speech.utterance import Place

    times = []
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder), Path(folder))
        for number in range(5 if quick else 30):
            start = time.perf_counter()
            store.save_article("bench", REFERENCE, ArticleState(Place("academic", number)))
            times.append((time.perf_counter() - start) * 1000)
    median = _median(times)
    return [
        Row("save the reading place, atomically (median)", median, "ms", "< 50 ms", median < 50)
    ]


class _Reader:
    """The real ``narrator`` on the reference article in a pseudo-terminal, at 80x24,
    with its speech log read as it is written (each event is logged when heard)."""

    def __init__(self, folder: str) -> None:
        import os
        import pty
        import subprocess
        import time

        self.log = Path(folder) / "speech.jsonl"
        env = {**os.environ, "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder}
        env.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
        self.leader, self.follower = pty.openpty()
        self.started = time.perf_counter()
        command = [sys.executable, "-m", "narrator", str(REFERENCE), "--no-audio"]
        self.process = subprocess.Popen(
            [*command, "--speech-log", str(self.log)],
            stdin=self.follower,
            stdout=self.follower,
            stderr=self.follower,
            env=env,
            cwd=folder,
        )
        self.seen = 0

    def _new_events(self) -> list[dict[str, object]]:
        """The events logged since last asked (read from where the last read stopped)."""
        import json
        import os
        import select

        while select.select([self.leader], [], [], 0)[0]:
            os.read(self.leader, 65536)  # the screen: read, so the app never blocks on it
        if not self.log.exists():
            return []
        with self.log.open("rb") as log:
            log.seek(self.seen)
            data = log.read()
        complete = data[: data.rfind(b"\n") + 1]
        self.seen += len(complete)
        return [json.loads(line) for line in complete.splitlines() if line]

    def wait_for(self, event: str, timeout: float = 20.0) -> float | None:
        """Milliseconds until an ``event`` ("started", "interrupted") is logged, from now."""
        import time

        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if any(e["event"] == event for e in self._new_events()):
                return (time.perf_counter() - start) * 1000
            time.sleep(0.001)
        return None

    def press(self, key: bytes, after: float = 0.5) -> None:
        """Press ``key`` ``after`` seconds from now: at a listener's pace, into the
        sentence being heard (the app has drawn what it was showing)."""
        import os
        import time

        time.sleep(after)
        self._new_events()
        os.write(self.leader, key)

    def close(self) -> None:
        import os
        import subprocess

        os.write(self.leader, b"q")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.leader)
        os.close(self.follower)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@bench
def opening_the_reader(quick: bool) -> list[Row]:
    """From typing ``narrator`` to hearing the first sound, measured on the real command
    in a pseudo-terminal: Python start-up, Textual, loading, the script and the voice."""
    import tempfile
    import time

    times = []
    for _ in range(2 if quick else 5):
        with tempfile.TemporaryDirectory() as folder:
            reader = _Reader(folder)
            heard = reader.wait_for("started")
            times.append(
                (time.perf_counter() - reader.started) * 1000 if heard is not None else float("inf")
            )
            reader.close()
    median, worst = _median(times), max(times)
    return [
        Row(
            "cold start: command typed → first sound (median)",
            median,
            "ms",
            "≤ 250 ms",
            median <= 250,
        ),
        Row("cold start: command typed → first sound (worst)", worst, "ms", "-", None),
    ]


# The keys a listener presses most, as the terminal sends them.
_KEYS = {"down": b"\x1b[B", "right": b"\x1b[C", "h": b"h", "t": b"t", "left": b"\x1b[D"}


@bench
def keys_in_the_reader(quick: bool) -> list[Row]:
    """Any key must answer at once in the real full-screen reader (in a pty): a move is
    heard (its first sample played), Escape brings silence. Escape used to wait for the
    terminal's escape-sequence timeout (100 ms) before it counted as a key."""
    import tempfile

    moves: list[float] = []
    escapes: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        reader = _Reader(folder)
        reader.wait_for("started")
        for _ in range(3 if quick else 10):
            for key in _KEYS.values():
                reader.press(key)
                heard = reader.wait_for("started", timeout=5)
                moves.append(heard if heard is not None else float("inf"))
            reader.press(b" ")  # say all, then stop it
            reader.wait_for("started", timeout=5)
            reader.press(b"\x1b")
            silence = reader.wait_for("interrupted", timeout=5)
            escapes.append(silence if silence is not None else float("inf"))
            reader.press(b"\x1b[D")
            reader.wait_for("started", timeout=5)
        reader.close()
    move, escape = _p95(moves), _p95(escapes)
    return [
        Row(
            "key → first sample heard, real reader in a pty (p95)",
            move,
            "ms",
            "≤ 30 ms",
            move <= 30,
        ),
        Row("escape → silence, real reader in a pty (p95)", escape, "ms", "≤ 30 ms", escape <= 30),
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
