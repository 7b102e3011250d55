"""PulseAudio test fixtures: one private server for the whole test session.

The server is started in ``pytest_configure``, before any test module can import
``sounddevice``: PortAudio only sees ALSA's pulse-backed ``default`` device if the
server is up and ``PULSE_SERVER`` is set when it initialises. Every test process
(and every subprocess a test starts) therefore plays into the private null sink,
never into a developer's real speakers.

Under pytest-xdist (``-n 2``, as ``scripts/test.sh`` runs) each worker process
starts a server of its own, in a folder and on a socket of its own; the
controller, which runs no test, starts none.

Fixtures:

- ``pulse``: the running ``PulseServer`` (skips the test, with the reason, only
  when PulseAudio is not installed; any other failure to start is an error).
- ``speaker_recorder``: a started ``Recorder`` of the default speaker's monitor;
  call ``.stop()`` to get the ``Recording``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support.pulse import PulseServer, Recorder, pulseaudio_missing

_server: PulseServer | None = None
_problem = ""


def pytest_configure(config: pytest.Config) -> None:
    global _server, _problem
    if _is_xdist_controller(config):
        return
    _problem = pulseaudio_missing()
    if _problem:
        return
    server = PulseServer()
    os.environ.update(server.env)
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        server.stop()
        _problem = f"error: the private PulseAudio server did not start: {exc}"
        return
    _server = server


def _is_xdist_controller(config: pytest.Config) -> bool:
    """The process that hands tests out to pytest-xdist workers and runs none itself."""
    distributing = getattr(config.option, "dist", "no") != "no"
    return distributing and "PYTEST_XDIST_WORKER" not in os.environ


def pytest_unconfigure(config: pytest.Config) -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None


@pytest.fixture(scope="session")
def pulse() -> PulseServer:
    if _server is None:
        if _problem.startswith("error:"):
            pytest.fail(_problem)
        pytest.skip(f"real-audio test skipped: {_problem}")
    _server.warm_up()
    return _server


@pytest.fixture
def speaker_recorder(pulse: PulseServer) -> Iterator[Recorder]:
    recorder = pulse.record_speaker().start()
    yield recorder
    recorder.__exit__(None, None, None)
