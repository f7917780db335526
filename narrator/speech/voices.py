"""Which installed voice reads a text in a given language, when the listener chose none.

An article in German read by an English voice is gibberish, so a listener
who has not picked a voice hears each article in its own language. Tags are
BCP 47 (``de``, ``en-GB``) and synthesizers spell them loosely (``en_US``,
``en-gb``), so they are compared case-blind with ``_`` read as ``-``.
"""

from __future__ import annotations

from collections.abc import Sequence

from narrator.errors import NarratorError
from narrator.speech.engines.base import Voice


def _tag(language: str) -> str:
    return language.strip().replace("_", "-").casefold()


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0]


def speakers_of(voices: Sequence[Voice], language: str) -> list[Voice]:
    """The voices that speak ``language`` in any variant (``en-us`` and ``en-gb`` for ``en-AU``)."""
    primary = _primary(_tag(language))
    if not primary:
        return []
    return [v for v in voices if primary in (_primary(_tag(t)) for t in v.languages)]


def require_installed(voice_id: str, voices: Sequence[Voice]) -> None:
    """A voice the listener names (``--voice``, perhaps with a variant: ``gmw/en+f3``)
    must be installed: a typo would otherwise be read, unnoticed, in the engine's
    default voice."""
    base, plus, variant = voice_id.partition("+")
    known = {voice.id for voice in voices if not voice.variant}
    variants = {voice.id for voice in voices if voice.variant}
    if base not in known or (plus and variant not in variants):
        raise NarratorError(f"no installed voice `{voice_id}`; `narrator voices` lists the ids")


def with_variants(base: str, voices: Sequence[Voice]) -> list[Voice]:
    """The variants of voice ``base``, as voices ("gmw/en+f3", "English (Great Britain),
    f3, female"), for a listener choosing from a list."""
    names = {voice.id: voice.name for voice in voices if not voice.variant}
    return [
        Voice(
            f"{base}+{variant.id}",
            ", ".join(
                part for part in (names.get(base, base), variant.name, variant.gender) if part
            ),
            (),
            variant=True,
            gender=variant.gender,
        )
        for variant in voices
        if variant.variant
    ]


def voice_for_language(voices: Sequence[Voice], language: str) -> str | None:
    """The id of the voice for ``language``, or None to leave it to the engine's default.

    A voice for exactly that language comes first. Failing that, one for its
    primary language (``de`` for ``de-AT``): a voice tagged with the bare
    language, else the synthesizer's main voice for it (espeak-ng files it as
    ``family/xx``, so ``en`` is British English, not the first English voice
    listed), else the first voice that speaks it.
    """
    wanted = _tag(language)
    if not wanted:
        return None
    for voice in voices:
        if wanted in map(_tag, voice.languages):
            return voice.id
    primary = _primary(wanted)
    speaking = speakers_of(voices, language)
    for voice in speaking:
        if primary in map(_tag, voice.languages):
            return voice.id
    for voice in speaking:
        if _tag(voice.id).rsplit("/", 1)[-1] == primary:
            return voice.id
    return speaking[0].id if speaking else None
