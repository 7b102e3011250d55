"""Answers whose transcript was still being finished when hotseat closed.

On a busy machine an answer is saved with its live words while its recording is
recognised whole in the background (``asr.finisher``); its note's kind says so
(``NoteKind.FINISHING``; the first builds that did so saved it as ``incomplete``,
recognised by its words: ``store.note_kinds``). When hotseat closes first, the row keeps the live
words. On the next start :func:`finish_saved` finds those rows, finishes each
from its recording with the same finisher, assesses it again as a live answer
is (``session.analysis``, with the question and the context the session kept)
and rewrites the row in place. An answer whose recording is gone keeps its live
words, with a note that says they are all there is.

Threads: run :func:`finish_saved` on a thread of its own (recognition takes
seconds); every use of the database goes through the keeper's thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from hotseat.asr import answer_notes
from hotseat.asr.engine import SAMPLE_RATE, Engine, join_words
from hotseat.asr.finisher import Finisher
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from hotseat.feedback.model import Context, Feedback
from hotseat.feedback.verdict import Analyze
from hotseat.questions import Question
from hotseat.session.analysis import analyzer_for
from hotseat.session.resume import earlier_turns
from hotseat.store.keeper import HistoryKeeper
from hotseat.store.note_kinds import OLD_FINISHING_SQL
from hotseat.store.records import AnswerRecord
from hotseat.store.store import Store
from hotseat.transcript import NoteKind, Transcript, Word

FINISH_WAIT = 600.0  # seconds one recording may take to be recognised, at most
FINDING = (
    "json_valid(a.notes) AND EXISTS (SELECT 1 FROM json_each(a.notes) WHERE "
    f"json_extract(value, '$.kind') = '{NoteKind.FINISHING.value}' OR {OLD_FINISHING_SQL})"
)


@dataclass(frozen=True)
class Unfinished:
    """One saved answer still marked as being finished."""

    session_id: int
    answer: AnswerRecord
    context: Context


@dataclass(frozen=True)
class Finished:
    """What came of the answers found: finished from their recordings, or recordings gone."""

    finished: int = 0
    gone: int = 0
    failed: int = 0


def unfinished_answers(store: Store) -> list[Unfinished]:
    """The saved answers whose transcript is marked as being finished, oldest first."""
    rows = store.query(
        f"SELECT DISTINCT a.session_id FROM answers a WHERE {FINDING} ORDER BY a.session_id"
    )
    found: list[Unfinished] = []
    for (session_id,) in rows:
        record = store.load_session(int(session_id))
        stored = store.session_plan(int(session_id)).get("context")
        kept = stored if isinstance(stored, dict) else {}
        context = Context(
            company=str(kept.get("company", record.info.company)),
            role=str(kept.get("role", record.info.role)),
            notes=str(kept.get("notes", "")),
        )
        found += [
            Unfinished(int(session_id), answer, context)
            for answer in record.answers
            if any(note.kind is NoteKind.FINISHING for note in answer.transcript.notes)
        ]
    return found


def finished_transcript(old: Transcript, words: list[Word] | None, error: str) -> Transcript:
    """``old`` (the live words) once its recording was recognised whole (``words``, times
    from its first sample), or the live words for good when that failed (``error``)."""
    kept = tuple(note for note in old.notes if note.kind is not NoteKind.FINISHING)
    notes = answer_notes.after_finishing(kept, words is not None, error)
    if words is None:
        return dataclasses.replace(old, notes=notes)
    timed = tuple(
        Word(
            w.word,
            None if w.start is None else round(w.start, 3),
            None if w.end is None else round(w.end, 3),
            w.conf,
        )
        for w in words
    )
    return dataclasses.replace(
        old,
        text=join_words(list(timed)),
        words=timed,
        notes=notes,
    )


def finish_saved(
    keeper: HistoryKeeper,
    make_engine: Callable[[], Engine],
    find: Callable[[str], Question | None],
    judge: Analyze | None = None,
    stopping: Callable[[], bool] = lambda: False,
) -> Finished:
    """Finish every saved answer marked as being finished (see the module's docstring);
    ``find`` gives a question by its id (the bank's), ``judge`` replaces the feedback
    engine (tests). Stops between answers once ``stopping()``: the rest wait for the
    next start."""
    store = keeper.store
    if store is None:
        return Finished()
    found = keeper.later(lambda: unfinished_answers(store)).result()
    if not found:
        return Finished()
    finisher = Finisher(make_engine)
    finished = gone = failed = 0
    try:
        for item in found:
            if stopping():
                break
            answer = item.answer
            audio = answer.audio_path
            if audio is None or not audio.is_file():
                gone_notes = tuple(
                    note for note in answer.transcript.notes if note.kind is not NoteKind.FINISHING
                )
                live = dataclasses.replace(
                    answer.transcript, notes=(*gone_notes, answer_notes.recording_gone())
                )
                _rewrite(keeper, item, live, answer.feedback)
                gone += 1
                continue
            words, error = _recognise(finisher, audio)
            transcript = finished_transcript(answer.transcript, words, error)
            turn = earlier_turns([answer], find)[0]
            feedback = analyzer_for(item.context, judge)(turn, transcript)
            _rewrite(keeper, item, transcript, feedback)
            if words is None:
                failed += 1
            else:
                finished += 1
    finally:
        finisher.close()
    return Finished(finished, gone, failed)


def _recognise(finisher: Finisher, audio: Path) -> tuple[list[Word] | None, str]:
    try:
        sound = read_wav(audio)
    except ValueError as exc:  # AudioFileError: a damaged recording
        return None, str(exc)
    pcm16 = convert(sound.samples, sound.rate)
    if not pcm16:
        return None, f"the recording holds no audio at {SAMPLE_RATE} Hz"
    result: Future[tuple[list[Word] | None, str]] = Future()
    finisher.submit(pcm16, lambda words, error: result.set_result((words, error)))
    return result.result(FINISH_WAIT)


def _rewrite(
    keeper: HistoryKeeper, item: Unfinished, transcript: Transcript, feedback: Feedback | None
) -> None:
    def write() -> None:
        store = keeper.store
        if store is not None:
            store.revise_answer(item.session_id, item.answer.position, transcript, feedback)

    keeper.later(write).result()
