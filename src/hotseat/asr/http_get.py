"""A plain HTTP(S) GET with a short connect timeout, redirects, ranges and proxies.

The stdlib's urlopen has one timeout for everything; hotseat wants to give up
on an unreachable server within seconds (offline set-up must not hang) while
allowing a slow but live download to continue.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.request
from urllib.parse import urljoin, urlsplit

from hotseat import __version__


class FetchError(Exception):
    """The server could not be reached or refused; one line for the user."""


def _connection(url: str, connect_timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"cannot download from {url!r}: only http and https addresses work")
    host, port = parts.hostname, parts.port
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and urllib.request.proxy_bypass(host):
        proxy = None
    conn: http.client.HTTPConnection
    if proxy:
        proxied = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        conn = http.client.HTTPConnection(
            proxied.hostname or "", proxied.port or 8080, timeout=connect_timeout
        )
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(
                proxied.hostname or "",
                proxied.port or 8080,
                timeout=connect_timeout,
                context=ssl.create_default_context(),
            )
            conn.set_tunnel(host, port or 443)
        else:
            target = url  # a plain-HTTP proxy wants the whole address
    elif parts.scheme == "https":
        conn = http.client.HTTPSConnection(
            host, port, timeout=connect_timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=connect_timeout)
    return conn, target


def open_url(
    url: str,
    start: int = 0,
    connect_timeout: float = 5.0,
    read_timeout: float = 30.0,
    redirects: int = 5,
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """GET ``url`` from byte ``start``; the caller closes the connection."""
    host = urlsplit(url).hostname or url
    conn, target = _connection(url, connect_timeout)
    headers = {"User-Agent": f"hotseat/{__version__}", "Accept-Encoding": "identity"}
    if start:
        headers["Range"] = f"bytes={start}-"
    try:
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(read_timeout)
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
    except socket.gaierror:
        conn.close()
        raise FetchError(f"cannot reach {host} (no network connection?)") from None
    except TimeoutError:
        conn.close()
        raise FetchError(f"{host} did not answer within {connect_timeout:g} seconds") from None
    except ssl.SSLError as exc:
        conn.close()
        raise FetchError(f"secure connection to {host} failed: {exc.reason}") from None
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        reason = getattr(exc, "strerror", None) or exc
        raise FetchError(f"cannot download from {host}: {reason}") from None
    if response.status in (301, 302, 303, 307, 308):
        location = response.getheader("Location")
        response.read()
        conn.close()
        if not location or redirects <= 0:
            raise FetchError(f"{host} redirected too often or without an address")
        return open_url(urljoin(url, location), start, connect_timeout, read_timeout, redirects - 1)
    return conn, response
