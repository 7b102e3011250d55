"""Writes that could not reach the database, kept in a file until they can.

Only for failures: a write the database took is never here. Each is an
:class:`~hotseat.store.writes.Op` (see there), written as JSON to
``<data>/unsaved/`` (or the cache folder when the data folder is the problem).
While the process that refused them lives, its file is *held*
(``.taken-<pid>``) and rewritten as writes fail or succeed, so even kill -9
loses none of them; at a normal exit what still waits is released (``.json``).
The next start takes back released files and the held files of dead
processes; a file that cannot be read is renamed ``.bad`` and reported, never
deleted.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path

from hotseat import paths
from hotseat.privacy import private_dir
from hotseat.store.writes import Op

FORMAT = 1


def _folders() -> list[Path]:
    return [paths.data_dir() / "unsaved", paths.cache_dir() / "unsaved"]


def write(ops: list[Op], *, held: bool = False) -> Path | None:
    """Keep waiting writes in a file for the next start; None if no folder takes it.

    ``held``: this process still retries them (the file is taken back only once
    it has died); otherwise they are the next start's to add.
    """
    payload = json.dumps({"format": FORMAT, "ops": [asdict(op) for op in ops]}, indent=1)
    suffix = f".taken-{os.getpid()}" if held else ".json"
    name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}{suffix}"
    for folder in _folders():
        target = folder / name
        tmp = folder / f"{name}.tmp"
        try:
            private_dir(folder)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError:
            with suppress(OSError):
                tmp.unlink()
            continue
        return target
    return None


def _read(path: Path) -> list[Op]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a hotseat unsaved-answers file of a known format")
    return [
        Op(kind=str(o["kind"]), key=str(o["key"]), at=float(o["at"]), data=dict(o["data"]))
        for o in data["ops"]
    ]


def _claimable(folder: Path) -> list[Path]:
    """Leftover files, and files a killed hotseat had claimed but not finished."""
    found = sorted(folder.glob("*.json"))
    for path in sorted(folder.glob("*.taken-*")):
        pid = path.suffix.removeprefix(".taken-")
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            found.append(path)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def take_all(notices: list[str], skip: Path | None = None) -> tuple[list[Op], list[Path]]:
    """Claim every leftover file (one process wins each): its writes, and the files.

    The caller removes the files (:func:`forget`) once the writes are in the
    database; until then a crash leaves them claimable again. ``skip`` is the
    caller's own held file (its writes are still in its memory).
    """
    ops: list[Op] = []
    claimed_files: list[Path] = []
    for folder in _folders():
        if not folder.is_dir():
            continue
        for path in _claimable(folder):
            if path == skip:
                continue
            claimed = path.with_suffix(f".taken-{os.getpid()}")
            try:
                path.rename(claimed)  # atomic: a second hotseat cannot take it too
                found = _read(claimed)
            except OSError:
                continue
            except (ValueError, KeyError, TypeError) as exc:
                bad = path.with_suffix(".bad")
                with suppress(OSError):
                    claimed.rename(bad)
                notices.append(f"Could not read unsaved answers in {bad} ({exc}); kept it.")
                continue
            ops.extend(found)
            claimed_files.append(claimed)
            notices.append(f"Added {len(found)} changes left unsaved last time ({path.name}).")
    return ops, claimed_files


def forget(files: list[Path]) -> None:
    for path in files:
        with suppress(OSError):
            path.unlink()


def leftovers() -> list[Path]:
    """Every file of unsaved answers, read or not (what ``purge`` also removes)."""
    return [p for folder in _folders() if folder.is_dir() for p in sorted(folder.iterdir())]
