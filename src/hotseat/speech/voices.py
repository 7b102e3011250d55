"""Match a persona's voice preference against the voices this system has.

pyttsx3 reports voices with an id, a name, language codes and (sometimes) a
gender. espeak-ng reports every voice as male and offers female or other
timbres as *variants* (``gmw/en-us+f3``); a persona's ``variant`` is added
only when the engine is espeak. The order of preference is:

1. a system voice whose name or id matches one of the persona's ``names`` (a
   whole word, or a glob pattern) and speaks one of its languages;
2. a voice in one of its ``languages`` (exact code first, then the language
   family: ``en`` matches ``en-us``), of the wanted gender where known;
3. any English voice, then whatever voice the system offers first.

Voice names differ between systems (``names`` are hints, often for macOS or
Windows voices), so reaching step 2 is normal; step 3 is a *fallback*: the
result says so, with one sentence on why.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from hotseat.speech.persona import VoicePreference


@dataclass(frozen=True)
class SystemVoice:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str = ""  # "female", "male" or "" when the engine does not say

    def speaks(self, language: str) -> int:
        """2 for an exact language match, 1 for the same family, else 0."""
        wanted = language.lower().replace("_", "-")
        best = 0
        for code in self.languages:
            have = code.lower().replace("_", "-")
            if have == wanted:
                return 2
            if have.split("-")[0] == wanted.split("-")[0]:
                best = 1
        return best


@dataclass(frozen=True)
class ResolvedVoice:
    voice_id: str  # what to hand to the engine (with an espeak variant, if any)
    voice: SystemVoice
    how: str  # "name", "language" or "fallback"
    note: str  # one sentence on how the voice was chosen

    @property
    def fallback(self) -> bool:
        """No voice matched the persona's names or languages."""
        return self.how == "fallback"

    @property
    def label(self) -> str:
        suffix = self.voice_id[len(self.voice.id) :] if self.voice_id != self.voice.id else ""
        return f"{self.voice.name}{suffix} ({self.voice.id})"


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9-]+", text.lower()) if w]


def _name_match(pattern: str, voice: SystemVoice) -> bool:
    """A whole word of the voice's name or id ('Zira' matches 'Microsoft Zira Desktop'),
    or a glob pattern ('*zira*') over the whole name or id."""
    pattern = pattern.lower().strip()
    name, ident = voice.name.lower(), voice.id.lower()
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(ident, pattern)
    return pattern in (name, ident) or pattern in _words(name) or pattern in _words(ident)


def _language_ok(voice: SystemVoice, languages: tuple[str, ...]) -> bool:
    return not voice.languages or not languages or any(voice.speaks(lang) for lang in languages)


def _gender_score(voice: SystemVoice, gender: str) -> int:
    if gender == "any" or not voice.gender:
        return 0
    return 1 if voice.gender.lower() == gender else -1


def resolve_voice(
    preference: VoicePreference, voices: list[SystemVoice], engine: str = "espeak"
) -> ResolvedVoice | None:
    """The best system voice for a preference, or None when there are no voices."""
    if not voices:
        return None
    chosen: SystemVoice | None = None
    how = note = ""
    for pattern in preference.names:
        chosen = next(
            (
                v
                for v in voices
                if _name_match(pattern, v) and _language_ok(v, preference.languages)
            ),
            None,
        )
        if chosen is not None:
            how, note = "name", f"matched the preferred name {pattern!r}"
            break
    if chosen is None:
        for language in preference.languages:
            scored = [
                (v.speaks(language), _gender_score(v, preference.gender), -i, v)
                for i, v in enumerate(voices)
                if v.speaks(language)
            ]
            if scored:
                chosen = max(scored, key=lambda s: s[:3])[3]
                how, note = "language", f"speaks {language}"
                break
    if chosen is None:
        how = "fallback"
        english = [v for v in voices if v.speaks("en")]
        chosen = english[0] if english else voices[0]
        wanted = ", ".join(preference.languages) or "any language"
        note = f"no installed voice matches ({wanted}); fell back to {chosen.name}"
    elif preference.names and how == "language":
        note = f"{note} (its named voices are not installed)"
    voice_id = chosen.id
    if preference.variant and engine == "espeak" and "+" not in voice_id:
        voice_id = f"{voice_id}+{preference.variant}"
    return ResolvedVoice(voice_id=voice_id, voice=chosen, how=how, note=note)
