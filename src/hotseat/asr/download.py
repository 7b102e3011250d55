"""Downloading and installing a Vosk model, safely.

- Limits: never more than the catalogue's size (or ``Limits.max_bytes`` for a
  mirror of unknown size); a trickle slower than ``stall_bytes`` per
  ``stall_seconds`` is given up on; a full disk is one line, and the partial
  file is removed.
- Resume: bytes already fetched wait in ``<models>/.downloads/NAME.zip.part``
  and the next run asks the server for the rest (HTTP Range).
- Digest: the whole archive must match its SHA-256, else it is deleted and
  nothing is installed.
- Safe unpacking (``safe_zip``), then a check that the model is complete.
- Atomic install: unpacked into a hidden temporary folder beside the target
  and renamed into place, so an interruption never leaves half a model where
  discovery would find it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import urllib3
from urllib3.exceptions import HTTPError, ProtocolError, ReadTimeoutError

from hotseat import paths
from hotseat.asr.catalog import KnownModel
from hotseat.asr.http_get import FetchError, open_url, seconds
from hotseat.asr.models import model_problems
from hotseat.asr.safe_zip import UnsafeArchive, safe_extract
from hotseat.privacy import private_dir, tighten_tree

Progress = Callable[[int, int], None]  # bytes so far, total bytes (0 when unknown)
_CHUNK = 256 * 1024


class DownloadError(Exception):
    """The model could not be fetched or installed; one line for the user."""


def partial_file(model: KnownModel, root: Path) -> Path:
    return root / ".downloads" / f"{model.name}.zip.part"


@contextlib.contextmanager
def _lock(root: Path, name: str) -> Iterator[None]:
    """Keep two hotseat processes from installing the same model at once."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, still safe for one process
        yield
        return
    lock_path = root / ".downloads" / f"{name}.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise DownloadError(f"{name} is already being downloaded by another hotseat") from None
        yield


DEFAULT_MAX_BYTES = 2 * 1024**3  # a download of unknown size stops here (--max-bytes)
STALL_SECONDS = 30.0  # less than STALL_BYTES in this long: the download has stalled
STALL_BYTES = 64 * 1024
_HEX = frozenset("0123456789abcdef")


def check_digest(sha256: str) -> str:
    """The digest in lowercase; DownloadError unless it is 64 hexadecimal digits."""
    digest = sha256.strip().lower()
    if len(digest) != 64 or not set(digest) <= _HEX:
        raise DownloadError(
            f"{sha256!r} is not a SHA-256 digest (64 hexadecimal digits); nothing was fetched"
        )
    return digest


@dataclass(frozen=True)
class Limits:
    """How long to wait and how much to take."""

    connect: float = 5.0  # seconds to get an answer at all
    read: float = 30.0  # seconds without a single byte
    stall_seconds: float = STALL_SECONDS  # a window in which ...
    stall_bytes: int = STALL_BYTES  # ... at least this much must arrive
    max_bytes: int = DEFAULT_MAX_BYTES  # for downloads of unknown size


class _Watch:
    """Gives up on a trickle: less than ``stall_bytes`` in any ``stall_seconds``."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.window_start = time.monotonic()
        self.window_bytes = 0

    def got(self, count: int) -> None:
        self.window_bytes += count
        now = time.monotonic()
        if self.window_bytes >= self.limits.stall_bytes:
            self.window_start, self.window_bytes = now, 0
        elif now - self.window_start > self.limits.stall_seconds:
            raise DownloadError(
                f"the download stalled: only {self.window_bytes} bytes in the last "
                f"{seconds(now - self.window_start)}; run the command again to resume"
            )


def _write(out: BinaryIO, chunk: bytes) -> None:
    try:
        out.write(chunk)
    except OSError as exc:
        raise _DiskError(exc) from None


class _DiskError(Exception):
    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.strerror or str(exc))
        self.errno = exc.errno


def _read(response: urllib3.BaseHTTPResponse, limits: Limits, waited_from: float) -> bytes:
    try:
        return response.read1(_CHUNK)
    except ReadTimeoutError:
        raise DownloadError(
            f"the download stalled: nothing arrived for "
            f"{seconds(time.monotonic() - waited_from)}; run the command again to resume"
        ) from None
    except (ProtocolError, OSError, HTTPError) as exc:
        raise DownloadError(
            f"the connection broke ({type(exc).__name__}); run the command again to resume"
        ) from None


def _fetch(model: KnownModel, part: Path, progress: Progress | None, limits: Limits) -> None:
    cap = model.size or limits.max_bytes
    have = part.stat().st_size if part.exists() else 0
    if have > cap:
        part.unlink()
        have = 0
    if model.size and have == model.size:
        return
    try:
        response = open_url(model.url, have, limits.connect, limits.read)
    except FetchError as exc:
        raise DownloadError(str(exc)) from None
    try:
        if response.status == 416 and have:  # nothing left to send: check what we have
            return
        if response.status == 200:
            have = 0  # the server ignored the range: start again
        elif response.status == 206:
            if not (response.headers.get("Content-Range") or "").startswith(f"bytes {have}-"):
                raise DownloadError("the server resumed at the wrong place; run the command again")
        else:
            raise DownloadError(f"the server answered {response.status} {response.reason}")
        length = int(response.headers.get("Content-Length") or 0)
        if have + length > cap:
            raise DownloadError(
                f"the server offers {have + length:,} bytes, more than the {cap:,} expected; "
                "nothing was kept"
            )
        total = model.size or (have + length if length else 0)
        expected = have + length if length else model.size
        last_report = 0.0
        watch = _Watch(limits)
        with open(part, "ab" if have else "wb") as out:
            while True:
                chunk = _read(response, limits, time.monotonic())
                if not chunk:
                    break
                _write(out, chunk)
                have += len(chunk)
                if have > cap:
                    part.unlink(missing_ok=True)
                    raise DownloadError(
                        f"the server sent more than the {cap:,} bytes expected; nothing was kept"
                    )
                watch.got(len(chunk))
                now = time.monotonic()
                if progress is not None and now - last_report >= 0.1:
                    last_report = now
                    progress(have, total)
        if progress is not None:
            progress(have, total or have)
        if expected and have < expected:
            raise DownloadError("the download was cut short; run the command again to resume it")
    except _DiskError as exc:
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"could not write the download in {part.parent} ({exc}); "
            f"{_free(part.parent)} the partial file was removed"
        ) from None
    finally:
        response.release_conn()


def _free(folder: Path) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return ""
    return f"{free / 1e6:,.0f} MB free there;"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            sha.update(block)
    return sha.hexdigest()


def _model_root(unpacked: Path) -> Path:
    """The archive's single top folder, or the unpacked folder itself."""
    entries = list(unpacked.iterdir())
    if len(entries) == 1 and entries[0].is_dir() and not (unpacked / "am").exists():
        return entries[0]
    return unpacked


def _install(part: Path, dest: Path) -> None:
    root = dest.parent
    staging = Path(tempfile.mkdtemp(prefix=f".install-{dest.name}-", dir=root))
    old: Path | None = None
    try:
        try:
            safe_extract(part, staging)
        except UnsafeArchive as exc:
            raise DownloadError(
                f"the archive was refused because {exc}; nothing was installed"
            ) from None
        model_root = _model_root(staging)
        tighten_tree(staging)  # a model is the user's own copy, like everything hotseat keeps
        problems = model_problems(model_root)
        if problems:
            raise DownloadError(
                f"the archive does not hold a complete Vosk model ({', '.join(problems)}); "
                "nothing was installed"
            )
        if dest.exists():
            old = Path(tempfile.mkdtemp(prefix=f".old-{dest.name}-", dir=root))
            os.replace(dest, old / dest.name)
        os.replace(model_root, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _clean_stale(root: Path) -> None:
    """Remove leftovers of an install that was killed before it could tidy up."""
    for leftover in root.glob(".install-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in root.glob(".old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def download_model(
    model: KnownModel,
    root: Path | None = None,
    progress: Progress | None = None,
    connect_timeout: float = 5.0,
    read_timeout: float = 30.0,
    limits: Limits | None = None,
) -> Path:
    """Fetch, check and install ``model`` under ``root`` (hotseat's model folder)."""
    limits = limits or Limits(connect=connect_timeout, read=read_timeout)
    expected = check_digest(model.sha256)  # before any connection
    root = root or paths.models_dir()
    dest = root / model.name
    private_dir(root / ".downloads")
    with _lock(root, model.name):
        _clean_stale(root)
        part = partial_file(model, root)
        _fetch(model, part, progress, limits)
        digest = _digest(part)
        if digest != expected:
            part.unlink(missing_ok=True)
            raise DownloadError(
                f"the download of {model.name} is damaged or not the expected file "
                f"(SHA-256 {digest[:12]}…, expected {model.sha256[:12]}…); nothing was installed"
            )
        try:
            _install(part, dest)
        except DownloadError:
            part.unlink(missing_ok=True)  # a refused archive is not worth resuming
            raise
        part.unlink(missing_ok=True)
    return dest
