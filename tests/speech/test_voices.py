"""Each persona speaks with a voice this system really has, with sane fallbacks."""

from __future__ import annotations

import json

import pytest

from hotseat import paths
from hotseat.cli import main
from hotseat.speech import SystemVoice, VoicePreference, load_personas, resolve_voice
from hotseat.speech.renderer import Renderer


@pytest.fixture(scope="module")
def installed() -> tuple[str, list[SystemVoice]]:
    renderer = Renderer()
    try:
        return renderer.voices()
    finally:
        renderer.close()


def test_every_shipped_persona_resolves_to_an_installed_english_voice(
    installed: tuple[str, list[SystemVoice]],
) -> None:
    engine, voices = installed
    ids = {v.id for v in voices}
    for persona in load_personas().personas.values():
        resolved = resolve_voice(persona.voice, voices, engine)
        assert resolved is not None
        assert resolved.voice.id in ids, persona.id
        assert not resolved.fallback, (persona.id, resolved.note)
        assert resolved.voice.speaks("en"), (persona.id, resolved.voice)


def _espeak(installed: tuple[str, list[SystemVoice]]) -> list[SystemVoice]:
    engine, voices = installed
    if engine != "espeak":
        pytest.skip(f"the voices here are {engine}'s, not espeak-ng's")
    return voices


def test_with_espeak_each_persona_speaks_in_its_own_variant(
    installed: tuple[str, list[SystemVoice]],
) -> None:
    voices = _espeak(installed)
    varied = [p for p in load_personas().personas.values() if p.voice.variant]
    assert varied, "no persona asks for an espeak variant"
    for persona in varied:
        resolved = resolve_voice(persona.voice, voices, "espeak")
        assert resolved is not None
        assert resolved.voice_id == f"{resolved.voice.id}+{persona.voice.variant}", persona.id


def test_with_espeak_voices_list_names_the_voice_variant_rate_and_pitch(
    capsys: pytest.CaptureFixture[str], installed: tuple[str, list[SystemVoice]]
) -> None:
    names = {v.id: v.name for v in _espeak(installed)}
    assert main(["voices", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"    {names['gmw/en-us']} [gmw/en-us+f3], 165 wpm, pitch 62"


def test_a_missing_preferred_voice_falls_back_to_an_installed_one(
    installed: tuple[str, list[SystemVoice]],
) -> None:
    engine, voices = installed
    wanted = VoicePreference(names=("NoSuchVoice",), languages=("xx-nowhere",))
    resolved = resolve_voice(wanted, voices, engine)
    assert resolved is not None and resolved.fallback
    assert resolved.voice in voices and resolved.voice.speaks("en")
    assert "fell back" in resolved.note


def test_missing_named_voice_uses_the_preferred_language(
    installed: tuple[str, list[SystemVoice]],
) -> None:
    _, voices = installed
    resolved = resolve_voice(VoicePreference(names=("NoSuchVoice",), languages=("en-gb",)), voices)
    assert resolved is not None and resolved.how == "language"
    assert resolved.voice.speaks("en-gb") == 2
    assert "not installed" in resolved.note


VOICES = [
    SystemVoice("zls/bg", "Bulgarian", ("bg",)),
    SystemVoice("HKLM\\Zira", "Microsoft Zira Desktop - English (United States)", ("en-us",)),
    SystemVoice("com.apple.Samantha", "Samantha", ("en_US",), "female"),
    SystemVoice("com.apple.Daniel", "Daniel", ("en_GB",), "male"),
    SystemVoice("com.apple.Amelie", "Amélie", ("fr_CA",), "female"),
]


@pytest.mark.parametrize(
    ("preference", "expected"),
    [
        (VoicePreference(names=("Zira",)), "HKLM\\Zira"),  # a word of a long name
        (VoicePreference(names=("Aria",)), "HKLM\\Zira"),  # en-us, not 'Bulg-aria'
        (VoicePreference(names=("*daniel*",)), "com.apple.Daniel"),  # a glob
        (VoicePreference(languages=("en-gb",)), "com.apple.Daniel"),  # en_GB is en-gb
        (VoicePreference(languages=("en",), gender="female"), "com.apple.Samantha"),
        (VoicePreference(languages=("en",), gender="male"), "com.apple.Daniel"),
        # a named voice in the wrong language is passed over
        (VoicePreference(names=("Amélie",), languages=("en-gb",)), "com.apple.Daniel"),
    ],
)
def test_preference_order(preference: VoicePreference, expected: str) -> None:
    resolved = resolve_voice(preference, VOICES, engine="nsss")
    assert resolved is not None and resolved.voice_id == expected


def test_no_voices_at_all_resolves_to_nothing() -> None:
    assert resolve_voice(VoicePreference(), []) is None


def test_voices_list_shows_the_system_voice_of_each_persona(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = paths.user_voices_dir()
    folder.mkdir(parents=True)
    kinds = ("greeting", "moving_on", "follow_up", "interrupt", "time_warning", "closing")
    (folder / "stranger.toml").write_text(
        'name = "Stranger"\n[voice]\nlanguages = ["xx-nowhere"]\n[lines]\n'
        + "".join(f'{kind} = ["Hello."]\n' for kind in kinds)
    )
    assert main(["voices", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("* recruiter") and "Maya, recruiter" in out[0]
    stranger = out.index("  stranger         Stranger")
    assert "fell back to" in out[stranger + 2]
    assert main(["voices", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["stranger"]["how"] == "fallback"
    assert rows["panel-chair"]["how"] == "language" and rows["panel-chair"]["voice"]
