"""Opening the history database safely: WAL, a busy timeout, checks and repair.

- Two hotseats at once: WAL lets readers and one writer share the file; a
  writer waits up to ``busy_timeout`` seconds for the other, then gives up
  with :class:`StoreBusy` saying why.
- A damaged file is never deleted: it is renamed aside (with its ``-wal`` and
  ``-shm`` companions), a new database is made, and a notice says where the
  old one went.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from hotseat.privacy import private_dir, private_files
from hotseat.store.errors import StoreError, is_corruption, translate
from hotseat.store.schema import migrate, refuse_newer

BUSY_TIMEOUT_SECONDS = 5.0
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass
class Opened:
    conn: sqlite3.Connection
    notices: list[str] = field(default_factory=list)
    migrated_from: int = 0


def connect(path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> sqlite3.Connection:
    """One connection with hotseat's settings (autocommit; callers BEGIN themselves)."""
    conn = sqlite3.connect(
        path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        refuse_newer(conn, str(path))  # before anything that could change the file
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed answer survives a power cut, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted sessions are overwritten, not left readable in free pages.
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _check(conn: sqlite3.Connection) -> None:
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise sqlite3.DatabaseError("database disk image is malformed: " + "; ".join(rows[:3]))


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its companions) to a dated name beside it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    path.rename(aside)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


def damaged_copies(path: Path) -> list[Path]:
    """Damaged databases set aside beside ``path`` (with their companions)."""
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


def _open_checked(path: Path, busy_timeout: float) -> Opened:
    private_files(path, *COMPANIONS)  # owner-only before the first answer is written
    conn = connect(path, busy_timeout)
    try:
        _check(conn)
        start = migrate(conn, str(path))
    except BaseException:
        conn.close()
        raise
    return Opened(conn=conn, migrated_from=start)


def open_database(path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Opened:
    """Open (creating or migrating as needed) the database at ``path``.

    Raises :class:`StoreError` subclasses with messages for people.
    """
    where = str(path)
    try:
        private_dir(path.parent)
        return _open_checked(path, busy_timeout)
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        if not is_corruption(exc):
            raise translate(exc, where) from exc
        damage = str(exc)
    except OSError as exc:
        raise translate(exc, str(path.parent)) from exc
    try:
        aside = set_aside(path)
        opened = _open_checked(path, busy_timeout)
    except StoreError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise translate(exc, where) from exc
    opened.notices.append(
        f"The history database was damaged ({damage}). It was kept as {aside} "
        "(never deleted) and a new, empty history was started."
    )
    return opened


def open_read_only(path: Path) -> Opened:
    """Open the history only to read it: a folder that cannot be written still shows it.

    ``mode=ro`` first; a WAL database whose ``-shm`` cannot be made in a read-only
    folder is then read as ``immutable`` (nothing else can be writing to it there).
    No migration: an older file is read as it is.
    """
    if not path.is_file():
        raise StoreError(f"There is no history at {path} yet.")
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                f"{path.as_uri()}?{flags}", uri=True, isolation_level=None, check_same_thread=False
            )
            refuse_newer(conn, str(path))
            conn.execute("SELECT count(*) FROM sessions").fetchone()
        except StoreError:
            raise
        except sqlite3.Error as exc:
            last = exc
            continue
        return Opened(conn=conn, notices=[], migrated_from=refuse_newer(conn, str(path)))
    raise translate(last or sqlite3.OperationalError("unreadable"), str(path))
