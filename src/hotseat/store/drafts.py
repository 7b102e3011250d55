"""A typed answer in progress, kept on disk every few seconds, offered back after a crash.

One small JSON file per session in ``<data>/drafts/`` (owner-only), replaced
atomically, so a kill -9 at any moment leaves either the previous draft or the
new one. The app writes it while the candidate types and removes it once the
answer itself is in the history; on the next start a draft left behind is
announced, and resuming its session puts the text back in the answer box.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from hotseat import paths
from hotseat.privacy import private_dir

FORMAT = 1


@dataclass(frozen=True)
class Draft:
    session_key: str
    question_id: str
    question_text: str
    text: str
    saved_at: float = 0.0

    @property
    def preview(self) -> str:
        words = self.text.split()
        return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def drafts_dir() -> Path:
    return paths.data_dir() / "drafts"


def _path(session_key: str) -> Path:
    safe = "".join(c for c in session_key if c.isalnum() or c in "-_") or "session"
    return drafts_dir() / f"{safe}.json"


def save_draft(draft: Draft) -> str:
    """Write the draft; returns '' or why it could not be kept (one sentence)."""
    target = _path(draft.session_key)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    data = asdict(draft) | {"format": FORMAT, "saved_at": time.time()}
    try:
        private_dir(target.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return f"Your typed answer could not be kept as a draft ({exc.strerror or exc})."
    return ""


def clear_draft(session_key: str) -> None:
    with contextlib.suppress(OSError):
        _path(session_key).unlink()


def _read(path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return Draft(
            session_key=str(data["session_key"]),
            question_id=str(data["question_id"]),
            question_text=str(data["question_text"]),
            text=str(data["text"]),
            saved_at=float(data["saved_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def draft_for(session_key: str) -> Draft | None:
    return _read(_path(session_key)) if session_key else None


def all_drafts() -> list[Draft]:
    folder = drafts_dir()
    if not folder.is_dir():
        return []
    found = (_read(path) for path in sorted(folder.glob("*.json")))
    return [draft for draft in found if draft is not None and draft.text.strip()]
