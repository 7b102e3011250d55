"""No test may reach the network: only loopback and unix sockets can connect.

``install()`` wraps ``socket.socket.connect``/``connect_ex``: a connection to an
address that is not loopback (127.0.0.0/8, ::1) or a unix socket (the private
PulseAudio server) raises :class:`NetworkBlocked` and is remembered, so the
test fails even when the code under test catches the error and carries on
(as the download code does, turning it into a message). Child processes
started by tests get the same guard through ``sitecustomize`` (see
``tests/support/netguard_site``), reporting to stderr.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex


class NetworkBlocked(ConnectionRefusedError):
    """A test tried to reach the network."""


def allowed(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", None):
        return True
    if family not in (socket.AF_INET, socket.AF_INET6):
        return False  # netlink, bluetooth, ...: nothing a test needs
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # a name: resolving it would already be network traffic


def install(report: Callable[[str], None]) -> Callable[[], None]:
    """Guard every connect from now on; returns a function that removes the guard."""

    def check(sock: socket.socket, address: Any) -> None:
        if not allowed(sock.family, address):
            what = f"a test tried to connect to {address!r} (only loopback and unix sockets)"
            report(what)
            raise NetworkBlocked(what)

    def connect(self: socket.socket, address: Any) -> None:
        check(self, address)
        _original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(self, address)
        return _original_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]

    def remove() -> None:
        socket.socket.connect = _original_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = _original_connect_ex  # type: ignore[method-assign]

    return remove
