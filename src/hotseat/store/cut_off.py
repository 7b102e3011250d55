"""Spoken answers cut off by a crash: kept from their recordings on the next start.

When hotseat is killed mid-answer (the terminal closed, the SSH link dropped,
kill -9), the answer never reaches the history, but its recording does: it is
written as it is spoken (``audio.wavfile.WavWriter``). So when an answer's
recording is begun, what the row of that answer will hold about its question
is put beside it (``answer-04.json`` by ``answer-04.wav``: :func:`note_started`)
and taken away once the answer is saved. On the next start, before sessions are
offered for resuming, :func:`keep_cut_off` finds each recording of an
interrupted session that no saved answer holds and has such a note, and saves
it as an interrupted answer to its question (its header mended first, as
earlier builds left it). It is marked as being finished, so the finishing on
start (``store.unfinished``) transcribes and assesses it from its recording;
resuming then goes on after it, as after a ctrl+q mid-answer.

Threads: :func:`note_started` runs on the UI thread as an answer starts (one small
file); :func:`keep_cut_off` on the history's thread, as it opens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

from hotseat import paths
from hotseat.audio.wavfile import AudioFileError, read_wav, repair_recording
from hotseat.store.note_kinds import notes_to_json
from hotseat.store.records import AnswerRow, SessionInfo
from hotseat.store.store import Store
from hotseat.transcript import Note, NoteKind

FORMAT = 1


def started_note(recording: Path) -> Path:
    return recording.with_suffix(".json")


def note_started(recording: Path, row: AnswerRow) -> None:
    """Beside the recording about to begin: the row its answer will be saved as (no
    words yet; its engine, the recogniser listening). Never fails: without it, a
    cut-off answer is only not kept."""
    target = started_note(recording)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"format": FORMAT, "row": row.to_dict()}, out)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def forget_started(recording: Path | str | None) -> None:
    """The answer is saved: its note goes."""
    if recording:
        with contextlib.suppress(OSError):
            started_note(Path(recording)).unlink()


def _started_row(recording: Path) -> AnswerRow | None:
    try:
        data = json.loads(started_note(recording).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return AnswerRow.from_dict(dict(data["row"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def cut_off_notes(seconds: float) -> tuple[Note, ...]:
    """Why the answer stopped, and that its words are still to come from the recording."""
    stopped = Note(
        f"hotseat closed {_clock(seconds)} into this answer (the terminal was closed or "
        "hotseat was stopped): what you said until then was kept from the recording",
        NoteKind.STOPPED,
    )
    finishing = Note(
        "the answer was cut off before it was recognised: it is being transcribed from "
        "the recording",
        NoteKind.FINISHING,
    )
    return stopped, finishing


def keep_cut_off(store: Store, sessions: Sequence[SessionInfo]) -> list[str]:
    """Save every cut-off answer of ``sessions`` (interrupted ones) found beside its
    recording; one notice for each."""
    notices: list[str] = []
    for info in sessions:
        folder = paths.recordings_dir() / info.key
        if not info.key or not folder.is_dir():
            continue
        held = {
            Path(str(r[0])).name
            for r in store.query(
                "SELECT audio_path FROM answers WHERE session_id = ? AND audio_path IS NOT NULL",
                (info.id,),
            )
        }
        for recording in sorted(folder.glob("answer-*.wav")):
            row = None if recording.name in held else _started_row(recording)
            if row is None:
                continue
            notice = _keep(store, info.id, recording, row)
            if notice:
                notices.append(notice)
    return notices


def _keep(store: Store, session_id: int, recording: Path, row: AnswerRow) -> str:
    repair_recording(recording)
    try:
        seconds = read_wav(recording).duration
    except AudioFileError:
        return ""  # nothing was recorded: there is no answer to keep
    kept = dataclasses.replace(
        row,
        transcript="",
        words="[]",
        duration=round(seconds, 2),
        audio_path=str(recording),
        interrupted=1,
        position=None,  # after the answers saved before it
        saved_at=time.time(),
        notes=json.dumps(notes_to_json(cut_off_notes(seconds))),
    )
    store.save_row(session_id, kept)
    forget_started(recording)
    question = row.question_text if len(row.question_text) <= 50 else row.question_text[:49] + "…"
    return (
        f"A spoken answer was cut off when hotseat closed (“{question}”, "
        f"{_clock(seconds)} recorded): it is kept as an interrupted answer and is being "
        "transcribed from its recording."
    )
