"""Who is writing an active session: it is live, or it was left unfinished.

A session row records the process (pid and host) that writes it. It is really
"active" only while that process lives; otherwise the app was closed or killed
mid-session and it shows as "interrupted" (offered for resuming). Sessions this
process writes are registered here, per database, so that two stores in one
process agree, and so that a new process that happens to get a dead one's pid
(common in containers) still sees the old session as interrupted.
"""

from __future__ import annotations

import os
import socket

HOST = socket.gethostname()
_OWNED: set[tuple[str, int]] = set()


def own(database: str, session_id: int) -> None:
    _OWNED.add((database, session_id))


def disown(database: str, session_id: int) -> None:
    _OWNED.discard((database, session_id))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, another user's
    return True


def effective_status(
    database: str, session_id: int, status: str, pid: int | None, host: str
) -> str:
    """The stored status, with a dead writer's "active" turned into "interrupted"."""
    if status != "active" or (database, session_id) in _OWNED:
        return status
    alive = host == HOST and pid is not None and pid != os.getpid() and pid_alive(pid)
    return "active" if alive else "interrupted"
