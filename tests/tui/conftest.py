"""Fixtures for the app's tests: a fixed question bank, a fake clock, an app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hotseat import paths
from hotseat.questions import Bank, load_bank
from hotseat.session import FakeClock
from hotseat.settings import load_settings
from hotseat.tui.app import HotseatApp, make_app
from hotseat.tui.options import AppOptions
from tests.tui.fakes import fixed_feedback

DATA = Path(__file__).parent / "data"

AppFactory = Callable[..., HotseatApp]


def test_bank() -> Bank:
    """The fixed test packs, plus whatever the (temporary) user folder holds."""
    return load_bank(builtin_dir=DATA / "questions", user_dir=paths.user_questions_dir())


test_bank.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app_factory(clock: FakeClock) -> AppFactory:
    def build(**overrides: Any) -> HotseatApp:
        options: dict[str, Any] = {
            "bank": test_bank(),
            "clock": clock,
            "seed": 7,
            "typed": True,
            "analyze": fixed_feedback,
        }
        options.update(overrides)
        return make_app(load_settings(), AppOptions(**options))

    return build
