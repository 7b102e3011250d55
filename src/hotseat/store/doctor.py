"""``hotseat doctor`` checks for the history: database, folder, disk space, recordings."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hotseat import paths
from hotseat.check import Check
from hotseat.settings import load_settings
from hotseat.store.errors import StoreError
from hotseat.store.recordings import recordings_size
from hotseat.store.schema import SCHEMA_VERSION
from hotseat.store.store import Store
from hotseat.wording import count

LOW_SPACE_BYTES = 200 * 1024 * 1024


def _existing_parent(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _writable(folder: Path) -> str:
    """'' if a file can be created in ``folder`` (made if missing), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".hotseat-check-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


def checks() -> Iterable[Check]:
    data = paths.data_dir()
    problem = _writable(data)
    if problem:
        yield Check(
            "history folder",
            "fail",
            f"{data} cannot be written ({problem})",
            "make the folder writable, or point HOTSEAT_DATA_DIR at one that is",
        )
    free = shutil.disk_usage(_existing_parent(data)).free
    if free < LOW_SPACE_BYTES:
        yield Check(
            "disk space",
            "warn",
            f"{free // (1024 * 1024)} MB free for {data}",
            "free some space: answers wait (in memory and a small file) when the disk is full",
        )
    yield from _database_checks()
    leftovers = [
        p
        for folder in (data / "unsaved", paths.cache_dir() / "unsaved")
        if folder.is_dir()
        for p in folder.iterdir()
    ]
    if leftovers:
        yield Check(
            "unsaved answers",
            "warn",
            f"{count(len(leftovers), 'file')} of answers waiting in {leftovers[0].parent}",
            "start hotseat: they are added to the history when it can be written",
        )
    settings = load_settings()
    kept, size = recordings_size()
    state = "on" if settings.save_recordings else "off (transcripts only)"
    yield Check("recordings", "ok", f"{state}; {kept} kept, {size / 1e6:.1f} MB")


def _database_checks() -> Iterable[Check]:
    path = paths.database_file()
    if not path.exists():
        yield Check("history", "ok", f"no history yet; it will be kept in {path}")
        return
    try:
        with Store(path, busy_timeout=2.0) as store:
            sessions = store.list_sessions()
            notices = list(store.notices)
    except StoreError as exc:
        yield Check("history", "fail", str(exc), "see the message; the app keeps answers in memory")
        return
    for notice in notices:
        yield Check("history repair", "warn", notice, "the damaged copy is kept for you")
    answers = sum(s.answered for s in sessions)
    detail = f"{count(len(sessions), 'session')}, {count(answers, 'answer')}, "
    detail += f"schema {SCHEMA_VERSION}, {path}"
    yield Check("history", "ok", detail)
    waiting = [s for s in sessions if s.status == "interrupted"]
    if waiting:
        ids = ", ".join(str(s.id) for s in waiting[:5])
        yield Check(
            "interrupted sessions",
            "warn",
            f"{len(waiting)} unfinished (ids {ids})",
            "start hotseat to resume or close them, or 'hotseat history close ID'",
        )
