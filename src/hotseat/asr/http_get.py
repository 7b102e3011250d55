"""An HTTP(S) GET for model downloads, on urllib3.

urllib3 does the protocol: TLS with certificate checks, redirects, separate
connect and read timeouts, and proxies. What is added here is what hotseat
needs around it:

- The system's proxy settings (``HTTPS_PROXY``, ``HTTP_PROXY``, ``NO_PROXY``,
  as ``urllib.request.getproxies`` reads them), with credentials in the proxy
  address (``http://user:pass@proxy:3128``) sent as ``Proxy-Authorization``.
- Honest messages: one line each, naming the host and the time really waited.
"""

from __future__ import annotations

import time
import urllib.request
from urllib.parse import unquote, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from hotseat import __version__

MAX_REDIRECTS = 5


class FetchError(Exception):
    """The server could not be reached or refused; one line for the user."""


def proxy_for(url: str) -> str | None:
    """The proxy the system settings name for ``url``, or None (also for NO_PROXY hosts)."""
    parts = urlsplit(url)
    proxy = urllib.request.getproxies().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def pool_for(url: str) -> urllib3.PoolManager:
    """A connection pool for ``url``: direct, or through the system's proxy with its login."""
    headers = {"User-Agent": f"hotseat/{__version__}", "Accept-Encoding": "identity"}
    proxy = proxy_for(url)
    if proxy is None:
        return urllib3.PoolManager(headers=headers)
    parts = urlsplit(proxy)
    proxy_headers: dict[str, str] = {}
    if parts.username is not None:
        login = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        proxy_headers = urllib3.make_headers(proxy_basic_auth=login)
    bare = parts._replace(netloc=parts.netloc.rpartition("@")[2])  # the login goes in a header
    if urlsplit(url).scheme == "http":
        # Plain HTTP goes to the proxy as an ordinary request: the login travels with it
        # (for HTTPS, urllib3 sends proxy_headers with the CONNECT that opens the tunnel).
        headers.update(proxy_headers)
    return urllib3.ProxyManager(bare.geturl(), headers=headers, proxy_headers=proxy_headers)


def seconds(waited: float) -> str:
    """A time really waited, as people say it: '31 seconds', '0.5 seconds'."""
    return f"{waited:.0f} seconds" if waited >= 9.5 else f"{waited:.1f} seconds"


def _why(exc: BaseException, host: str, waited_for: float) -> str:
    reason = exc.reason if isinstance(exc, MaxRetryError) and exc.reason else exc
    waited = seconds(waited_for)
    if isinstance(reason, NameResolutionError):
        return f"cannot reach {host} (no network connection?)"
    if isinstance(reason, ConnectTimeoutError):
        return f"{host} did not answer (gave up after {waited})"
    if isinstance(reason, ReadTimeoutError):
        return f"{host} accepted the connection but sent nothing for {waited}"
    if isinstance(reason, ProxyError):
        return f"the proxy refused or failed ({reason.original_error or reason})"
    if isinstance(reason, SSLError):
        return f"secure connection to {host} failed ({reason})"
    if isinstance(reason, NewConnectionError):
        return f"cannot connect to {host} (connection refused or unreachable)"
    if isinstance(exc, MaxRetryError) and exc.reason is None:
        return f"{host} redirected too often"
    return f"cannot download from {host}: {reason}"


def open_url(
    url: str,
    start: int = 0,
    connect_timeout: float = 5.0,
    read_timeout: float = 30.0,
) -> urllib3.BaseHTTPResponse:
    """GET ``url`` from byte ``start``, body not read yet; the caller calls ``release_conn``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"cannot download from {url!r}: only http and https addresses work")
    pool = pool_for(url)
    headers = dict(pool.headers)  # given headers replace the pool's: keep them
    if start:
        headers["Range"] = f"bytes={start}-"
    began = time.monotonic()
    try:
        return pool.request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            redirect=True,
            retries=urllib3.Retry(
                total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS
            ),
            timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
        )
    except (HTTPError, OSError) as exc:
        raise FetchError(_why(exc, parts.hostname, time.monotonic() - began)) from None
