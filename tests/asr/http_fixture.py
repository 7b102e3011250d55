"""A small HTTP server on 127.0.0.1 serving test archives, with ranges and misbehaviour."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Served:
    files: dict[str, bytes] = field(default_factory=dict)
    ranges: list[str | None] = field(default_factory=list)  # the Range header of each GET
    bytes_sent: int = 0
    cut_after: int | None = None  # close the connection after this many body bytes (once)
    ignore_range: bool = False
    stall: bool = False  # send headers, then nothing
    trickle: float | None = None  # send one byte every this many seconds
    endless: bool = False  # no Content-Length, and data for ever
    headers: list[dict[str, str]] = field(default_factory=list)  # every request's headers
    targets: list[str] = field(default_factory=list)  # every request line's target


class _Handler(BaseHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        served = self.served
        served.ranges.append(self.headers.get("Range"))
        served.headers.append(dict(self.headers.items()))
        served.targets.append(self.path)
        path = (
            "/" + self.path.split("://", 1)[1].split("/", 1)[1] if "://" in self.path else self.path
        )
        if served.endless:
            self._endless()
            return
        body = served.files.get(path)
        if body is None:
            self.send_error(404)
            return
        start = 0
        header = self.headers.get("Range")
        if header and not served.ignore_range:
            start = int(header.removeprefix("bytes=").split("-")[0])
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if served.stall:
            time.sleep(3)
            return
        if served.trickle is not None:
            with contextlib.suppress(OSError):
                for byte in body[start:]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(served.trickle)
            return
        payload = body[start:]
        if served.cut_after is not None:
            payload = payload[: served.cut_after]
            served.cut_after = None
            self.close_connection = True
        for offset in range(0, len(payload), 65536):
            self.wfile.write(payload[offset : offset + 65536])
            served.bytes_sent += len(payload[offset : offset + 65536])

    def _endless(self) -> None:
        """A server that never stops sending (and never says how much)."""
        self.send_response(200)
        self.end_headers()
        self.close_connection = True
        block = b"z" * 65536
        with contextlib.suppress(OSError):
            for _ in range(100_000):  # 6.5 GB at most: the client must stop first
                self.wfile.write(block)
                self.served.bytes_sent += len(block)


@contextlib.contextmanager
def serving() -> Iterator[tuple[str, Served]]:
    """(base URL, what it serves and saw); stopped on leaving."""
    served = Served()
    handler = type("Handler", (_Handler,), {"served": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
