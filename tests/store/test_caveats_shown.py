"""Recognition caveats saved with an answer are shown wherever its score is.

Regression (a trial): the notes "the computer was busy: recognition fell
behind...", "recognition failed..." and "the microphone was lost at 0:07..."
were saved in ``answers.notes`` but neither the History detail nor
``hotseat report`` showed them; an answer whose words were lost read "(nothing
was said)" though its recording held the speech.
"""

from __future__ import annotations

import json

import pytest

from hotseat.cli import main
from hotseat.session.caveats import INCOMPLETE, LESS_ACCURATE, RECOVERED, caveat
from hotseat.store import Store
from hotseat.transcript import Note, NoteKind, Transcript
from hotseat.tui.screens.past_session import answer_lines
from tests.store.sample import question, turn

LOST = Note(
    "the microphone was lost at 0:07 (the audio stopped); the gap is silent", NoteKind.INCOMPLETE
)
FAILED = Note(
    "recognition failed (EngineError: the built-in recognizer stopped unexpectedly); "
    "the answer was not heard",
    NoteKind.INCOMPLETE,
)
BUSY = Note(
    "the computer was busy: recognition fell behind and used its quicker, less accurate "
    "pass for some of the answer",
    NoteKind.LESS_ACCURATE,
)
BACK = Note("the microphone came back at 0:10", NoteKind.CONTEXT)


def _saved(text: str, *notes: Note) -> int:
    spoken = Transcript(text=text, duration=21.2, engine="sphinx", notes=notes)
    with Store() as store:
        sid = store.begin_session(mode="rapid-fire")
        store.save_answer(sid, turn(question("q-story"), text, 51, transcript=spoken))
        store.end_session(sid)
    return sid


def test_the_caveat_says_what_the_notes_mean_for_the_score() -> None:
    assert caveat([Note("5 typed words added to the spoken answer")]) is None
    busy = caveat([BUSY])
    assert busy is not None and busy.headline == LESS_ACCURATE
    lost = caveat([BUSY, LOST, BACK, Note("interrupted by quit")])
    assert lost is not None and lost.headline == INCOMPLETE
    assert (
        lost.notes[1] == "The microphone was lost at 0:07 (the audio stopped); the gap is silent."
    )
    assert lost.notes[2] == "The microphone came back at 0:10."
    assert len(lost.notes) == 3  # a note about the answer only is no part of the caveat
    assert caveat([BACK]) is None
    again = caveat([Note("live recognition failed (EngineError: x)", NoteKind.RECOVERED)])
    assert again is not None and again.headline == RECOVERED


def test_the_caveat_goes_by_the_kind_of_a_note_never_its_words() -> None:
    assert caveat([Note(BUSY.text)]) is None  # the same words, said to be information only
    odd = caveat([Note("recognition lost a stretch", NoteKind.INCOMPLETE)])
    assert odd is not None and odd.headline == INCOMPLETE


def test_the_report_shows_the_caveat_beside_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    sid = _saved("that or at the thing", BUSY, LOST)
    assert main(["report", str(sid)]) == 0
    out = capsys.readouterr().out
    assert f"**Note:** {INCOMPLETE}" in out
    assert "- The microphone was lost at 0:07" in out
    assert "- The computer was busy: recognition fell behind" in out
    assert main(["report", str(sid), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["answers"][0]["notes"] == [BUSY.text, LOST.text]
    assert main(["report", str(sid), "--format", "html"]) == 0
    assert f"<strong>Note:</strong> {INCOMPLETE}" in capsys.readouterr().out


def test_a_lost_transcript_never_reads_nothing_was_said(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sid = _saved("", FAILED)
    assert main(["report", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "(nothing was said)" not in out
    assert "(no words could be recognised" in out
    with Store() as store:
        [answer] = store.load_session(sid).answers
    detail = "\n".join(line.plain for line in answer_lines(answer))
    assert "(nothing was said)" not in detail
    assert INCOMPLETE in detail and "recognizer stopped unexpectedly" in detail


def test_the_history_detail_shows_the_caveat() -> None:
    sid = _saved("that or at the thing", BUSY)
    with Store() as store:
        [answer] = store.load_session(sid).answers
    assert answer.transcript.notes == (BUSY,)
    detail = "\n".join(line.plain for line in answer_lines(answer))
    assert LESS_ACCURATE in detail and "recognition fell behind" in detail
    # Beside the score, before the findings built on the transcript.
    assert detail.index(LESS_ACCURATE) < detail.index("The story stops before the result.")


def test_a_notes_kind_and_time_come_back_from_the_history() -> None:
    """What a note means and from when are saved with it: a note whose words give no
    time still brings its ``since`` back, and one without a time brings back None."""
    behind = Note("live words only after this point", NoteKind.INCOMPLETE, since=12.345)
    sid = _saved("we shipped it on time", behind, LOST)
    with Store() as store:
        answer = store.load_session(sid).answers[0]
    assert answer.transcript.notes == (behind, LOST)
    assert answer.transcript.notes[0].since == 12.345
