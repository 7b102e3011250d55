"""Downloading and installing a Vosk model, safely.

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
import http.client
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from hotseat import paths
from hotseat.asr.catalog import KnownModel
from hotseat.asr.http_get import FetchError, open_url
from hotseat.asr.models import model_problems
from hotseat.asr.safe_zip import UnsafeArchive, safe_extract

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


def _fetch(
    model: KnownModel, part: Path, progress: Progress | None, connect: float, read: float
) -> None:
    have = part.stat().st_size if part.exists() else 0
    if model.size and have > model.size:
        part.unlink()
        have = 0
    if model.size and have == model.size:
        return
    try:
        conn, response = open_url(model.url, have, connect, read)
    except FetchError as exc:
        raise DownloadError(str(exc)) from None
    try:
        if response.status == 416 and have:  # nothing left to send: check what we have
            return
        if response.status == 200:
            have = 0  # the server ignored the range: start again
        elif response.status == 206:
            if not (response.getheader("Content-Range") or "").startswith(f"bytes {have}-"):
                raise DownloadError("the server resumed at the wrong place; run the command again")
        else:
            raise DownloadError(f"the server answered {response.status} {response.reason}")
        length = int(response.getheader("Content-Length") or 0)
        total = model.size or (have + length if length else 0)
        expected = have + length if length else model.size
        last_report = 0.0
        with open(part, "ab" if have else "wb") as out:
            while True:
                try:
                    chunk = response.read(_CHUNK)
                except http.client.IncompleteRead as exc:
                    out.write(exc.partial)
                    have += len(exc.partial)
                    chunk = b""
                except (TimeoutError, OSError, http.client.HTTPException) as exc:
                    raise DownloadError(
                        f"the download stalled ({exc or type(exc).__name__}); "
                        "run the command again to resume"
                    ) from None
                if not chunk:
                    break
                out.write(chunk)
                have += len(chunk)
                if model.size and have > model.size:
                    raise DownloadError("the server sent more data than the model should have")
                now = time.monotonic()
                if progress is not None and now - last_report >= 0.1:
                    last_report = now
                    progress(have, total)
        if progress is not None:
            progress(have, total or have)
        if expected and have < expected:
            raise DownloadError("the download was cut short; run the command again to resume it")
    finally:
        conn.close()


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
) -> Path:
    """Fetch, check and install ``model`` under ``root`` (hotseat's model folder)."""
    root = root or paths.models_dir()
    dest = root / model.name
    (root / ".downloads").mkdir(parents=True, exist_ok=True)
    with _lock(root, model.name):
        _clean_stale(root)
        part = partial_file(model, root)
        _fetch(model, part, progress, connect_timeout, read_timeout)
        digest = _digest(part)
        if digest != model.sha256.lower():
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
