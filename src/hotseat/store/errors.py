"""What can go wrong with the history database, as exceptions the UI can show.

Every message is one or two plain sentences a user can act on; the UI and the
command line print ``str(error)`` as it is.
"""

from __future__ import annotations

import errno
import sqlite3

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


class StoreError(Exception):
    """The history could not be read or written."""


class StoreBusy(StoreError):
    """Another hotseat kept the database locked for longer than we wait."""


class StoreUnwritable(StoreError):
    """The disk is full, or the data folder cannot be written."""


class StoreTooNew(StoreError):
    """The database was made by a newer hotseat; we leave it untouched."""


class UnknownSession(StoreError):
    """No session has that id."""


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an error, when it has one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_corruption(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if sqlite_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def translate(exc: BaseException, where: str) -> StoreError:
    """Turn a low-level failure into a StoreError with a message for people."""
    code = sqlite_code(exc)
    text = str(exc).lower()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return StoreBusy(
            f"The history database {where} is in use by another hotseat that did not "
            "finish in time; close the other one or try again."
        )
    if code == _SQLITE_FULL or "disk is full" in text or _os_errno(exc) == errno.ENOSPC:
        return StoreUnwritable(
            f"The disk holding {where} is full; your answer is kept in memory and saved "
            "as soon as there is room."
        )
    if (
        code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_IOERR)
        or "readonly" in text
        or "unable to open" in text
        or isinstance(exc, PermissionError | OSError)
    ):
        return StoreUnwritable(
            f"Cannot write the history at {where} ({exc}); your answer is kept in memory "
            "and saved when the folder can be written again."
        )
    return StoreError(f"The history database {where} failed: {exc}")


def _os_errno(exc: BaseException) -> int | None:
    return exc.errno if isinstance(exc, OSError) else None
