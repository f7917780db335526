"""espeak-ng through pyttsx3's bindings: streamed audio and exact word timings.

pyttsx3's own ``say``/``save_to_file`` path collects a whole utterance in a
buffer that grows quadratically, returns before long texts are done and has
crashed this process on a whole article. Narrator keeps pyttsx3's bindings but
installs its own synthesis callback: each ~50 ms buffer is handed on as soon
as espeak makes it (so playback can start before the sentence is finished) and
espeak's word events arrive with their sample offsets (so the screen can follow
the word being heard).

Finding espeak-ng needs nothing installed by the user.

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
import itertools
import os
from pathlib import Path
from types import ModuleType

from narrator.speech.engines.base import (
    AudioSink,
    EngineError,
    EngineUnavailable,
    Voice,
    WordMark,
    WordSink,
    ignore,
    split_for_engine,
    unknown_voice,
)
from narrator.speech.settings import VoiceSettings

CHOICE_VARIABLE = "NARRATOR_ESPEAK"
DATA_VARIABLE = "ESPEAK_DATA_PATH"
BUFFER_MSEC = 50
DEFAULT_VOICE = "en"


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


# espeak-ng's rate parameter, and the words per minute measured from the length of
# its audio for the reference article's paragraphs (``/tmp`` runs of
# scripts/bench.py's "measured words per minute" rows): its rate is nominal, about
# 15% fast, and above 450 it speeds up with its built-in sonic time stretching.
_MEASURED = (
    (80, 72),
    (180, 154),
    (300, 252),
    (450, 378),
    (600, 506),
    (800, 676),
    (1000, 850),
    (1200, 1023),
    (1500, 1281),
)


def espeak_rate(words_per_minute: int) -> int:
    """The rate parameter that makes espeak-ng speak ``words_per_minute``, measured:
    the listener's rate is what they hear, not espeak's nominal figure."""
    pairs = list(itertools.pairwise(_MEASURED))
    # below and above the measured range, the nearest pair's line goes on
    (low_rate, low), (high_rate, high) = next(
        (pair for pair in pairs if words_per_minute <= pair[1][1]), pairs[-1]
    )
    share = (words_per_minute - low) / (high - low)
    return round(low_rate + share * (high_rate - low_rate))


VARIANT_FOLDER = "!v/"

_STARTED: list[object] = []
"""What espeak-ng was given in this process and may still point at, kept for as long
as the library is loaded: it holds on to the last voice spec and callback in its own
state, beyond the engine that gave them."""


def started_in_this_process() -> bool:
    """espeak-ng has been started here: a process forked from this one would inherit
    its state, with pointers into memory that Python may since have reused (seen as
    "Invalid instruction for phoneme" and a crash), so it must be spawned fresh."""
    return bool(_STARTED)


_GENDERS = {1: "male", 2: "female"}


class EspeakEngine:
    """espeak-ng in this process; ``narrator.speech.worker`` keeps it out of the UI's."""

    def __init__(self) -> None:
        self._espeak: ModuleType = load_bindings()
        rate = self._espeak.Initialize(self._espeak.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MSEC)
        if rate <= 0:
            raise EngineUnavailable("espeak-ng could not start (its data folder was not found)")
        self.sample_rate: int = rate
        self._audio: AudioSink = ignore
        self._word: WordSink = ignore
        self._piece_offset = 0
        self._sample_base = 0
        self._samples = 0
        self._last_word_sample = 0
        self._failure: BaseException | None = None
        # the voice spec that lists the variants; espeak-ng may keep pointing at it
        # after the call, so it lives as long as the engine
        self._variants = self._espeak.VOICE()
        self._variants.languages = b"variant"
        self._callback = self._espeak.t_espeak_callback(self._on_synth)
        _STARTED.extend((self._variants, self._callback))
        self._espeak.cSetSynthCallback(self._callback)

    def voices(self) -> list[Voice]:
        """The voices, then the variants any of them can take ("gmw/en+f3")."""
        found = []
        for voice in self._espeak.ListVoices(None):
            language = (voice.languages or b"")[1:].decode("utf-8", "replace")
            found.append(
                Voice(
                    id=voice.identifier.decode("utf-8", "replace"),
                    name=voice.name.decode("utf-8", "replace"),
                    languages=(language,) if language else (),
                )
            )
        for variant in self._espeak.ListVoices(ctypes.byref(self._variants)):
            identifier = variant.identifier.decode("utf-8", "replace")
            found.append(
                Voice(
                    id=identifier.removeprefix(VARIANT_FOLDER),
                    name=variant.name.decode("utf-8", "replace"),
                    languages=(),
                    variant=True,
                    gender=_GENDERS.get(variant.gender, ""),
                )
            )
        return found

    def _configure(self, settings: VoiceSettings) -> None:
        espeak = self._espeak
        name = (settings.voice or DEFAULT_VOICE).encode("utf-8")
        if espeak.SetVoiceByName(name) != espeak.EE_OK:
            raise unknown_voice(settings.voice)
        settings = settings.clamped()
        espeak.SetParameter(espeak.RATE, espeak_rate(settings.rate), 0)
        espeak.SetParameter(espeak.PITCH, settings.pitch, 0)
        espeak.SetParameter(espeak.VOLUME, round(settings.volume * 100), 0)

    def synthesize(
        self, text: str, settings: VoiceSettings, audio: AudioSink, word: WordSink = ignore
    ) -> int:
        """Speak ``text`` into ``audio`` buffer by buffer; return the number of samples."""
        self._configure(settings)
        self._audio, self._word = audio, word
        self._samples = 0
        self._last_word_sample = 0
        try:
            for offset, piece in split_for_engine(text):
                self._piece_offset, self._sample_base = offset, self._samples
                flags = self._espeak.CHARS_UTF8 | self._espeak.ENDPAUSE
                status = self._espeak.Synth(piece.encode("utf-8"), flags=flags)
                if self._failure is not None:
                    failure, self._failure = self._failure, None
                    raise failure
                if status != self._espeak.EE_OK:
                    raise EngineError(f"espeak-ng refused the text (status {status})")
        finally:
            self._audio, self._word = ignore, ignore
        return self._samples

    def _on_synth(self, wav: ctypes.Array, count: int, events: ctypes.Array) -> int:
        """espeak's callback. ctypes can only print what a callback raises (even
        Ctrl-C), so it is kept, synthesis is stopped (a non-zero return), and
        ``synthesize`` raises it once espeak has returned."""
        try:
            self._take(wav, count, events)
        except BaseException as error:
            self._failure = error
            return 1
        return 0

    def _take(self, wav: ctypes.Array, count: int, events: ctypes.Array) -> None:
        index = 0
        while events[index].type != self._espeak.EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == self._espeak.EVENT_WORD:
                # espeak sometimes times a short word ("a") after the next one
                self._last_word_sample = max(
                    self._last_word_sample, self._sample_base + event.sample
                )
                self._word(
                    WordMark(
                        sample=self._last_word_sample,
                        start=self._piece_offset + event.text_position - 1,
                        length=event.length,
                    )
                )
            index += 1
        if count > 0 and wav:
            self._samples += count
            self._audio(ctypes.string_at(wav, count * 2))
