"""The app reads the interviewer files once: the voice speaks as the home screen offers."""

from __future__ import annotations

import threading

import pytest

from hotseat.settings import Settings
from hotseat.speech import load_personas
from hotseat.tui.options import AppOptions
from hotseat.tui.voice_mic import build_voice_mic


def test_the_voice_is_built_on_the_personas_the_app_read(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_personas()  # as the app reads them at start (PersonaBook)

    def read_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the persona files were read a second time")

    monkeypatch.setattr("hotseat.speech.speaker.load_personas", read_again)
    built = build_voice_mic(
        Settings(muted=True), AppOptions(typed=True), threading.Event(), catalog=catalog
    )
    try:
        assert built.speaker is not None
        assert getattr(built.speaker, "catalog", None) is catalog
    finally:
        if built.speaker is not None:
            built.speaker.close()
