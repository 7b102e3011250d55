"""The test run's network guard itself: it must catch what it claims to catch."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.support import netguard


def test_loopback_and_unix_sockets_are_allowed() -> None:
    assert netguard.allowed(socket.AF_INET, ("127.0.0.1", 80))
    assert netguard.allowed(socket.AF_INET6, ("::1", 80, 0, 0))
    assert netguard.allowed(socket.AF_UNIX, "/tmp/pulse/native")


def test_anything_else_is_blocked_and_reported() -> None:
    seen: list[str] = []
    remove = netguard.install(seen.append)
    try:
        with socket.socket() as sock, pytest.raises(netguard.NetworkBlocked):
            sock.connect(("93.184.216.34", 80))
        with socket.socket() as sock, pytest.raises(netguard.NetworkBlocked):
            sock.connect(("example.com", 443))
    finally:
        remove()
    assert len(seen) == 2


def test_child_processes_are_guarded_too() -> None:
    code = "import socket; socket.create_connection(('10.255.255.1', 9), timeout=1)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode != 0 and "NETWORK BLOCKED" in done.stderr
