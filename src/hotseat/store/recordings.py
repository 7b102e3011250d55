"""Where recorded answers live, and removing them safely.

Each session's recordings sit in their own folder named by the session key
(``recordings/<key>/answer-01.wav``): readable, and gone in one step when the
session is deleted. Nothing outside the recordings folder is ever removed.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from hotseat import paths


def recording_path(session_key: str, position: int) -> Path:
    """Where the answer at ``position`` (from 0) of a session is recorded."""
    return paths.recordings_dir() / session_key / f"answer-{position + 1:02d}.wav"


def free_recording_path(session_key: str, position: int) -> Path:
    """``recording_path``, or ``answer-04-2.wav`` (-3, ...) when that file is there
    already (a resumed session's question asked again): a recording is never overwritten."""
    path = recording_path(session_key, position)
    again = 1
    while path.exists() or path.with_suffix(".json").exists():
        again += 1
        path = path.with_name(f"answer-{position + 1:02d}-{again}.wav")
    return path


def remove_recording(path: Path) -> bool:
    """Remove one recording if it lies inside hotseat's recordings folder."""
    try:
        root = paths.recordings_dir().resolve()
        target = path.resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return False
        target.unlink()
    except OSError:
        return False
    return True


def remove_session_folder(session_key: str) -> None:
    """Remove a session's recordings folder once its recordings are gone."""
    if session_key and "/" not in session_key and session_key not in (".", ".."):
        folder = paths.recordings_dir() / session_key
        for note in folder.glob("answer-*.json"):  # of answers begun, never saved
            with suppress(OSError):
                note.unlink()
        with suppress(OSError):
            folder.rmdir()


def recordings_size() -> tuple[int, int]:
    """(number of WAV files, total bytes) in the recordings folder."""
    count = total = 0
    folder = paths.recordings_dir()
    if folder.is_dir():
        for wav in folder.rglob("*.wav"):
            with suppress(OSError):
                total += wav.stat().st_size
                count += 1
    return count, total
