"""What the user wrote and said stays theirs: private folders and files.

Answers (the history database and its ``-wal``/``-shm`` files, recorded
``answer-*.wav``, drafts), settings and downloaded models live in the config,
data and cache folders. Those folders are made 0700 and every file in them
0600, so another account on the same machine reads nothing:

- on creation: the command sets ``umask 077`` before anything is written
  (:func:`private_umask`), and folders are made with :func:`private_dir`;
- on start: :func:`repair` walks the three folders and takes group and other
  permissions away from whatever an older hotseat (or a copy) left readable.

Symbolic links are not followed: a folder the user pointed elsewhere on
purpose keeps its own permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hotseat import paths

DIR_MODE = 0o700
_PRIVATE_UMASK = 0o077


def private_umask() -> None:
    """From now on, files and folders this process creates are owner-only."""
    os.umask(_PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) owner-only; tighten it if it exists."""
    missing = [path, *(p for p in path.parents if not p.exists())]
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    for folder in missing:
        _tighten(folder)
    return path


def roots() -> list[Path]:
    return [paths.config_dir(), paths.data_dir(), paths.cache_dir()]


def _tighten(path: Path) -> bool:
    """Drop group and other permissions from ``path``; True when it changed anything."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) & 0o077 == 0:
        return False
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077)
    except OSError:
        return False
    return True


# What hotseat itself puts in its folders: a folder holding none of these (say a
# HOTSEAT_DATA_DIR pointed at a home folder by mistake) is not walked through.
MARKERS = (
    "settings.toml",
    "history.sqlite3",
    "recordings",
    "models",
    "drafts",
    "speech",
    "unsaved",
    "questions",
    "voices",
)


def _ours(root: Path) -> bool:
    return "hotseat" in root.name.lower() or any((root / name).exists() for name in MARKERS)


def tighten_tree(root: Path) -> int:
    """Make ``root`` and everything under it owner-only; returns how many changed."""
    changed = int(_tighten(root))
    for here, dirs, files in os.walk(root):
        base = Path(here)
        for name in dirs + files:
            changed += _tighten(base / name)
    return changed


def repair(folders: list[Path] | None = None) -> int:
    """Make every folder and file under ``folders`` owner-only; returns how many changed."""
    changed = 0
    for root in folders if folders is not None else roots():
        if not root.is_dir() or root.is_symlink():
            continue
        changed += tighten_tree(root) if _ours(root) else _tighten(root)
    return changed


def exposed(folders: list[Path] | None = None) -> list[Path]:
    """Folders and files under ``folders`` that others can read or write (for doctor)."""
    found: list[Path] = []
    for root in folders if folders is not None else roots():
        if not root.is_dir():
            continue
        for here, dirs, files in os.walk(root):
            for name in [here, *(os.path.join(here, n) for n in dirs + files)]:
                try:
                    info = os.lstat(name)
                except OSError:
                    continue
                if not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o077:
                    found.append(Path(name))
    return sorted(set(found))


def private_files(path: Path, *companions: str) -> None:
    """Create ``path`` empty and owner-only if missing; tighten it and its companions.

    SQLite gives its ``-wal`` and ``-shm`` files the database file's own mode,
    so a history file made 0600 here keeps all three private.
    """
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for name in (path.name, *(path.name + suffix for suffix in companions)):
        _tighten(path.with_name(name))
