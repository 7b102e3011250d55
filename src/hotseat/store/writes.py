"""One write to the history: begin a session, save an answer, or end a session.

An ``Op`` names its session by key, so an answer can wait for a session whose
own write is still waiting. ``apply`` performs it idempotently (an answer has a
fixed position: writing it twice leaves one copy). The ``Recorder`` writes
straight to the store and makes an ``Op`` only of a write the database refused:
it waits, in memory and in :mod:`hotseat.store.spill`'s file, until ``apply``
gets it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hotseat.store.records import AnswerRow
from hotseat.store.store import Store


@dataclass(frozen=True)
class Op:
    kind: str  # begin | answer | end
    key: str  # the session's key
    at: float  # when it happened (seconds since the epoch)
    data: dict[str, Any] = field(default_factory=dict)


def _session_id(store: Store, key: str, ids: dict[str, int]) -> int | None:
    if key not in ids:
        found = store.session_id_for_key(key)
        if found is None:
            return None
        ids[key] = found
    return ids[key]


def apply(store: Store, op: Op, ids: dict[str, int]) -> None:
    """Perform one waiting write; raises StoreError if the database refuses."""
    session_id = _session_id(store, op.key, ids)
    if session_id is None:
        # The session row is not there (its own write waits, or it was deleted by
        # another hotseat meanwhile): make it, so the answer has a home.
        begin = op.data if op.kind == "begin" else {}
        session_id = store.begin_session(
            mode=str(begin.get("mode", "")),
            persona=str(begin.get("persona", "")),
            company=str(begin.get("company", "")),
            role=str(begin.get("role", "")),
            key=op.key,
            started_at=op.at,
            plan=begin.get("plan") if isinstance(begin.get("plan"), dict) else None,
        )
        ids[op.key] = session_id
    if op.kind == "answer":
        store.save_row(session_id, AnswerRow.from_dict(op.data))
    elif op.kind == "end":
        store.end_session(session_id, str(op.data.get("status", "finished")), ended_at=op.at)
