"""Every test runs with its own config, data and cache folders.

No test may touch the real user's settings or history: the HOTSEAT_*_DIR
variables point at a fresh temporary folder for each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.support.pulse_fixtures"]


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("hotseat-home")
    for name in ("CONFIG", "DATA", "CACHE"):
        folder = root / name.lower()
        folder.mkdir()
        monkeypatch.setenv(f"HOTSEAT_{name}_DIR", str(folder))
    # Never let a developer's own environment leak settings into a test.
    import os

    for key in list(os.environ):
        if key.startswith("HOTSEAT_") and not key.endswith("_DIR"):
            monkeypatch.delenv(key, raising=False)
    yield root
