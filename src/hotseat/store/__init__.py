"""Session history in SQLite: every answer kept, progress, reports, export, replay.

The app talks to a :class:`Recorder` during a session (it never drops an
answer, even when the disk is full); screens and commands read through a
:class:`Store`. No Textual here. In the app::

    recorder = Recorder()                    # reads save_recordings from settings
    recorder.open()                          # at start: notices, leftovers imported
    recorder.notices                         # e.g. "the history was damaged; kept as ..."
    recorder.interrupted_sessions()          # offer: resume_session(id) or close_session(id)
    handle = recorder.begin_session(mode=..., persona=..., company=..., role=...)
    path = recorder.recording_path(handle)   # give to Listener.start_answer (None: off)
    status = recorder.save_answer(handle, turn, path)   # at once, after each answer
    if not status.saved: show status.message # it waits (memory + file); retried on every call
    recorder.end_session(handle)             # or status="interrupted" when quitting early
    recorder.close()                         # at exit; leftovers go to a file

Calls block for at most the busy timeout (5 s, another hotseat writing), so
run them in a thread worker; a Recorder is safe to share between threads.
"""

from hotseat.store.errors import (
    StoreBusy,
    StoreError,
    StoreTooNew,
    StoreUnwritable,
    UnknownSession,
)
from hotseat.store.progress import (
    CompetencyStanding,
    Point,
    QuestionHistory,
    competency_standings,
    progress_series,
    question_history,
    weakest_competencies,
)
from hotseat.store.recorder import Recorder, SaveStatus
from hotseat.store.records import AnswerRecord, SessionInfo, SessionRecord
from hotseat.store.store import Store

__all__ = [
    "AnswerRecord",
    "CompetencyStanding",
    "Point",
    "QuestionHistory",
    "Recorder",
    "SaveStatus",
    "SessionInfo",
    "SessionRecord",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreTooNew",
    "StoreUnwritable",
    "UnknownSession",
    "competency_standings",
    "progress_series",
    "question_history",
    "weakest_competencies",
]
