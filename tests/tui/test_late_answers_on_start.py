"""Answers left being transcribed when hotseat closed are finished on the next start.

Regression (N2): an answer saved with its live words while its recording was
being recognised whole (``asr.finisher``) kept the live words, the "being
finished" note and a score on two words for good when the app quit first. Now
the next start finds such rows (by the note's kind), finishes each from its
recording with real pocketsphinx, assesses it again with the real feedback
engine and rewrites the row in place; a toast says how many. When the recording
is gone the note says the live words are all there is.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.asr import answer_notes
from hotseat.feedback.analyze import NO_CONTEXT
from hotseat.feedback.verdict import analyze_answer
from hotseat.session import Timing, Turn
from hotseat.store import Store
from hotseat.transcript import NoteKind, Transcript, Word
from tests.tui.conftest import AppFactory, test_bank

# ../shared beside the checkout (as in CI), or where HOTSEAT_SPEECH_EVAL says (a worktree).
_PLACES = [
    os.environ.get("HOTSEAT_SPEECH_EVAL", ""),
    str(Path(__file__).resolve().parents[2].parent / "shared" / "speech-eval"),
    "/work/shared/speech-eval",
]
SPEECH_EVAL = next((Path(p) for p in _PLACES if p and Path(p).is_dir()), Path(_PLACES[1]))
CLIP = "ps_librivox_0870.wav"  # "and mister john dashwood had then leisure to consider ..."


def _saved_pending(recorded: bool) -> tuple[int, Path]:
    """A finished session whose one answer was saved with its live words ("and mister"),
    marked as being finished; its recording the clip when ``recorded``."""
    clip = SPEECH_EVAL / "clips" / CLIP
    if not clip.exists():
        pytest.skip(f"{clip} is not there (../shared beside the checkout)")
    question = test_bank().get("t-intro")
    assert question is not None
    live = Transcript(
        "and mister",
        (Word("and", 0.3, 0.5), Word("mister", 0.5, 0.9)),
        duration=7.1,
        engine="sphinx",
        notes=(answer_notes.being_finished(skipped=False, behind=None),),
    )
    turn = Turn(question, Timing(prep_seconds=0.0, answer_min=45.0, answer_max=120.0))
    turn.answer = live
    turn.feedback = analyze_answer(question, live, NO_CONTEXT)
    with Store() as store:
        session = store.begin_session(mode="focus", persona="alex")
        key = store.query("SELECT key FROM sessions WHERE id = ?", (session,))[0][0]
        audio = paths.recordings_dir() / key / "answer-01.wav"
        if recorded:
            audio.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(clip, audio)
        store.save_answer(session, turn, audio)
        store.end_session(session)
    return session, audio


def _answer(session: int) -> tuple[Transcript, int | None, str]:
    with Store() as store:
        (answer,) = store.load_session(session).answers
    feedback = answer.feedback
    return answer.transcript, answer.score, "" if feedback is None else feedback.findings[0].id


async def _toasts(app_factory: AppFactory) -> list[str]:
    """Start the app; what its toasts said once the answers were taken care of."""
    app = app_factory(analyze=None)  # the real feedback engine, as for a live answer
    async with app.run_test() as pilot:
        for _ in range(600):  # pocketsphinx starts in a helper process: seconds
            if any(n.title == "Answers finished" for n in app._notifications):
                break
            await pilot.pause(0.1)
        return [n.message for n in app._notifications]


async def test_an_answer_left_being_transcribed_is_finished_on_the_next_start(
    app_factory: AppFactory,
) -> None:
    session, _ = _saved_pending(recorded=True)
    before, score_before, finding_before = _answer(session)
    assert before.text == "and mister"
    assert score_before is None and finding_before == "nothing-to-assess"  # on 2 words

    said = await _toasts(app_factory)

    assert any("1 answer" in line and "finished" in line for line in said), said
    after, score, _ = _answer(session)
    words = after.text.split()
    assert len(words) >= 10, after.text  # the whole clip, not the live words
    assert {"john", "leisure", "consider"} <= set(words), after.text
    assert after.words and all(w.start is not None for w in after.words)
    kinds = [note.kind for note in after.notes]
    assert NoteKind.FINISHING not in kinds
    assert kinds == [NoteKind.INFO]  # finished later: complete, nothing to caveat
    assert score is not None  # assessed again, on every word
    with Store() as store:  # rewritten in place: still one answer
        assert store.query("SELECT COUNT(*) FROM answers")[0][0] == 1


async def test_an_answer_whose_recording_is_gone_keeps_its_live_words_and_says_so(
    app_factory: AppFactory,
) -> None:
    session, audio = _saved_pending(recorded=False)
    assert not audio.exists()

    said = await _toasts(app_factory)

    assert any("recording is gone" in line for line in said), said
    after, score, _ = _answer(session)
    assert after.text == "and mister"
    assert [note.kind for note in after.notes] == [NoteKind.INCOMPLETE]
    assert "all there is" in after.notes[0].text
    assert score is None


# The pending notes of the first builds that finished late transcripts from the recording
# (0efadf1, before NoteKind.FINISHING), as they saved them: kind "incomplete".
OLD_PENDING = (
    "the computer was busy: the final recognition had not finished when the answer ended "
    "and you chose not to wait for it, so the live text stands in while the transcript is "
    "finished from the recording (which holds the whole answer)"
)
# Their other incomplete notes, and one of today's: nothing left to finish.
NOT_PENDING = (
    "the computer was busy: the final recognition fell behind, and finishing the transcript "
    "from the recording failed (EOFError: ); the transcript is the live text, which may "
    "miss words (the recording holds the whole answer)",
    "the transcript is the live text, which may miss words: the final recognition was skipped",
)


def _as_saved_by_an_old_build(session: int, texts: tuple[str, ...]) -> None:
    notes = [{"kind": "incomplete", "text": text, "since": None} for text in texts]
    with contextlib.closing(sqlite3.connect(paths.database_file())) as conn, conn:
        conn.execute(
            "UPDATE answers SET notes = ? WHERE session_id = ?", (json.dumps(notes), session)
        )


async def test_an_answer_left_being_transcribed_by_an_earlier_build_is_finished_too(
    app_factory: AppFactory,
) -> None:
    """Regression: rows whose pending note an earlier build saved as "incomplete" were
    never finished; rows with other incomplete notes (and their recordings) must stay."""
    old, _ = _saved_pending(recorded=True)
    _as_saved_by_an_old_build(old, (OLD_PENDING,))
    kept, _ = _saved_pending(recorded=True)
    _as_saved_by_an_old_build(kept, NOT_PENDING)

    said = await _toasts(app_factory)

    assert any("1 answer" in line and "finished" in line for line in said), said
    after, score, _ = _answer(old)
    assert {"john", "leisure", "consider"} <= set(after.text.split()), after.text
    assert [note.kind for note in after.notes] == [NoteKind.INFO]
    assert score is not None
    untouched, score, _ = _answer(kept)
    assert untouched.text == "and mister" and score is None
    assert [(n.kind, n.text) for n in untouched.notes] == [
        (NoteKind.INCOMPLETE, text) for text in NOT_PENDING
    ]
