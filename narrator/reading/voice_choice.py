"""Faster, slower, next voice: the new voice settings, and the words that say so.

The full-screen reader, the plain reader and the speech commands offer the
same choices; deciding here the step, the limits, which voices take turns
and what the listener hears keeps them from drifting apart. Announcements
are short: the listener pressed the key a moment ago and wants the text back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from narrator.speech.engines.base import Voice
from narrator.speech.settings import MAX_RATE, MIN_RATE, VoiceSettings
from narrator.speech.voices import speakers_of, voice_for_language, with_variants

RATE_STEP = 20
PITCH_STEP = 10
VOLUME_STEP = 0.1
NO_VOICES = "No other voice is installed"


@dataclass(frozen=True)
class VoiceChange:
    """The settings to speak with from now on, and what to say about them."""

    voice: VoiceSettings
    said: str


def _rate_change(voice: VoiceSettings, step: int) -> VoiceChange:
    changed = replace(voice, rate=voice.rate + step).clamped()
    limit = {MAX_RATE: ", maximum", MIN_RATE: ", minimum"}.get(changed.rate, "")
    return VoiceChange(changed, f"Rate {changed.rate}{limit}")


def _pitch_change(voice: VoiceSettings, step: int) -> VoiceChange:
    changed = replace(voice, pitch=voice.pitch + step).clamped()
    return VoiceChange(changed, f"Pitch {changed.pitch}")


def _volume_change(voice: VoiceSettings, step: float) -> VoiceChange:
    changed = replace(voice, volume=round(voice.volume + step, 2)).clamped()
    return VoiceChange(changed, f"Volume {round(changed.volume * 100)} percent")


def higher(voice: VoiceSettings) -> VoiceChange:
    return _pitch_change(voice, PITCH_STEP)


def lower(voice: VoiceSettings) -> VoiceChange:
    return _pitch_change(voice, -PITCH_STEP)


def louder(voice: VoiceSettings) -> VoiceChange:
    return _volume_change(voice, VOLUME_STEP)


def quieter(voice: VoiceSettings) -> VoiceChange:
    return _volume_change(voice, -VOLUME_STEP)


def faster(voice: VoiceSettings) -> VoiceChange:
    return _rate_change(voice, RATE_STEP)


def slower(voice: VoiceSettings) -> VoiceChange:
    return _rate_change(voice, -RATE_STEP)


def next_voice(voice: VoiceSettings, installed: Sequence[Voice], language: str) -> VoiceChange:
    """The voice after the one heard (its variant left behind), among those speaking
    the article's language (every installed voice if none does), said by name.

    With no voice chosen the one heard is the language's own
    (``voice_for_language``), so the first press already changes the voice.
    """
    voices = [candidate for candidate in installed if not candidate.variant]
    turns = [
        candidate
        for candidate in speakers_of(voices, language) or voices
        if not _for_another_script(candidate, language)
    ]
    if not turns:
        return VoiceChange(voice, NO_VOICES)
    ids = [candidate.id for candidate in turns]
    heard = voice.voice or voice_for_language(installed, language)
    heard = heard.partition("+")[0] if heard else heard
    chosen = turns[(ids.index(heard) + 1) % len(turns)] if heard in ids else turns[0]
    return VoiceChange(replace(voice, voice=chosen.id), f"Voice: {chosen.name}")


def voice_choices(
    voice: VoiceSettings, installed: Sequence[Voice], language: str
) -> tuple[list[Voice], int]:
    """The voices list: those for the article's language, then the variants of the
    voice heard (espeak-ng's female and other voices); and which one is heard."""
    voices = [v for v in installed if not v.variant]
    listed = [
        v for v in speakers_of(voices, language) or voices if not _for_another_script(v, language)
    ]
    heard = (
        voice.voice or voice_for_language(installed, language) or (listed[0].id if listed else "")
    )
    listed += with_variants(heard.partition("+")[0], installed)
    ids = [v.id for v in listed]
    return listed, ids.index(heard) if heard in ids else 0


def _for_another_script(voice: Voice, language: str) -> bool:
    """A voice for text in another writing system ("en-Shaw": English written in
    the Shavian alphabet) misreads the article's ordinary text: it takes no turn.
    A script is a four-letter subtag; the article's own tag may name one."""
    ours = {part.lower() for part in language.split("-")}

    def foreign(tag: str) -> bool:
        scripts = [p.lower() for p in tag.split("-")[1:] if len(p) == 4 and p.isalpha()]
        return any(script not in ours | {"latn"} for script in scripts)

    return bool(voice.languages) and all(foreign(tag) for tag in voice.languages)


def for_this_run(voice: VoiceSettings, *, rate: int | None, voice_id: str | None) -> VoiceSettings:
    """The saved settings with the command line's ``--rate`` and ``--voice`` over them
    (for this run only: they are not saved)."""
    if rate is not None:
        voice = replace(voice, rate=rate).clamped()
    if voice_id is not None:
        voice = replace(voice, voice=voice_id)
    return voice
