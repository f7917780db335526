"""What a listener hears: espeak-ng's own phonemes for a text, compared by sound.

A spoken form is right when it *sounds* right, not when it is spelled one
particular way: "nineteen ninety-nine" and "nineteen ninety nine", "F.D.A."
and "F D A", "per cent" and "percent" are all heard the same. So a spoken
form is judged by asking espeak-ng, the voice that will say it, for its
phonemes (``espeak_TextToPhonemes``) and comparing those, and a reading that
looks plausible but sounds different is caught.

espeak-ng is loaded in a child process, one per call with every text in a
batch: the engine keeps global state, and the speech tests and the running
app share the one in this process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence

# Run in the child: reads [[text, language], ...] as JSON on stdin and writes
# one IPA string per text, its clauses joined by " | ".
_PHONEMES_SCRIPT = r"""
import ctypes, json, sys
import espeakng_loader
lib = ctypes.CDLL(espeakng_loader.get_library_path())
lib.espeak_Initialize(2, 0, espeakng_loader.get_data_path().encode(), 0)
lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
lib.espeak_TextToPhonemes.argtypes = [
    ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int
]
CHARS_UTF8, IPA = 1, 2
said, voice = [], None
for text, language in json.load(sys.stdin):
    if language != voice:
        if lib.espeak_SetVoiceByName(language.encode()) != 0:
            sys.exit(f"espeak-ng has no voice for language {language!r}")
        voice = language
    buffer = ctypes.create_string_buffer(text.encode())
    pointer = ctypes.c_void_p(ctypes.addressof(buffer))
    clauses = []
    while pointer.value:
        clause = lib.espeak_TextToPhonemes(ctypes.byref(pointer), CHARS_UTF8, IPA)
        clauses.append(clause.decode() if clause else "")
    said.append(" | ".join(clauses))
json.dump(said, sys.stdout)
"""

CLAUSE_SEPARATOR = "|"
# Primary and secondary stress: where the weight falls, not which sounds are said.
_STRESS = "\u02c8\u02cc"
_UNSTRESSED = str.maketrans("", "", _STRESS)
# Left out of the sound key: the gaps between words and clause breaks (a comma
# or full stop is a pause, not a sound).
_NOT_A_SOUND = str.maketrans("", "", " " + CLAUSE_SEPARATOR)
# espeak-ng says the "and" of its own number reading ("105") weakly, "ən",
# glued to "hundred", where the written word "and" is "and": the same word.
_WEAK_AND = re.compile(r"(?<=h\u028cnd\u0279\u026ad)\u0259n(?![^ |])|(?<![^ |])\u0259n(?![^ |])")


def phonemes_in_languages(texts: Sequence[tuple[str, str]]) -> list[str]:
    """espeak-ng's IPA for each ``(text, language)``, clauses joined by " | ".

    One child process says them all, switching voice only when the language
    changes, so a corpus of mixed languages costs a single start-up.
    """
    if not texts:
        return []
    result = subprocess.run(
        [sys.executable, "-c", _PHONEMES_SCRIPT],
        input=json.dumps([[text, language] for text, language in texts]),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"espeak-ng could not give phonemes: {result.stderr.strip()}")
    return json.loads(result.stdout)


def phonemes(texts: Sequence[str], language: str = "en") -> list[str]:
    """espeak-ng's IPA for each text in ``language``'s voice ("en", "de", "fr", ...)."""
    return phonemes_in_languages([(text, language) for text in texts])


def sound_key(phonemes: str) -> str:
    """``phonemes`` as heard: two texts sound alike when their keys are equal.

    Stress marks, word gaps and clause breaks are dropped, so "ninety-nine"
    and "ninety nine" or "per cent" and "percent" match, and a trailing full
    stop or a comma does not count. The weak "and" espeak-ng puts in numbers
    it reads from digits counts as the word "and". Every other phoneme and
    length mark stays: a reading with one sound different is a different
    reading.
    """
    unstressed = phonemes.translate(_UNSTRESSED)
    return _WEAK_AND.sub(" and", unstressed).translate(_NOT_A_SOUND)


def sounds_alike(said: str, readings: Sequence[str], language: str = "en") -> bool:
    """Whether ``said`` sounds like any of ``readings`` when espeak-ng says them."""
    heard, *accepted = phonemes([said, *readings], language)
    return sound_key(heard) in {sound_key(reading) for reading in accepted}
