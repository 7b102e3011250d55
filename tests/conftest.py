"""Every test runs with its own config, data and cache folders, and off the network.

No test may touch the real user's settings or history: the HOTSEAT_*_DIR
variables point at a fresh temporary folder for each test. No test may reach
the network either: a connection to anything but loopback or a unix socket
fails the test (``tests/support/netguard.py``), in the test process and in
the Python processes it starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.support.pulse_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
GUARD_SITE = ROOT / "tests" / "support" / "netguard_site"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from tests.support.netguard import install

    blocked: list[str] = []
    remove = install(blocked.append)
    # Child processes (the installed command, python -m hotseat) are guarded too.
    import os

    parts = [str(GUARD_SITE), str(ROOT), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in parts if p))
    try:
        yield
    finally:
        remove()
    assert not blocked, f"network use in a test: {blocked}"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("hotseat-home")
    for name in ("CONFIG", "DATA", "CACHE"):
        folder = root / name.lower()
        folder.mkdir(mode=0o700)  # as the app makes them: no "repaired" notice
        monkeypatch.setenv(f"HOTSEAT_{name}_DIR", str(folder))
    # Never let a developer's own environment leak settings into a test.
    import os

    for key in list(os.environ):
        if key.startswith("HOTSEAT_") and not key.endswith("_DIR"):
            monkeypatch.delenv(key, raising=False)
    yield root
