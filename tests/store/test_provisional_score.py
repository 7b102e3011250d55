"""A score made on the live words while the transcript was being finished is shown as
provisional, the same way in History and in the report (N2).

Such a row is left when hotseat closed before the answer's recording was recognised
whole; the next start finishes it (tests/tui/test_late_answers_on_start.py), and
until then its score is the few live words', not the answer's.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from textual.widgets import DataTable

from hotseat.asr import answer_notes
from hotseat.cli import main
from hotseat.store import Store
from hotseat.store.records import PROVISIONAL
from hotseat.tui.screens.past_session import SessionScreen
from tests.store.sample import question, timed, turn
from tests.store.test_screens import Host, _text


def _one_provisional() -> int:
    live = timed("I led the migration and we")
    pending = answer_notes.being_finished(skipped=False, behind=None)
    live = dataclasses.replace(live, notes=(pending,))
    with Store() as store:
        session = store.begin_session(mode="mock", started_at=1_700_000_000)
        store.save_answer(session, turn(question("q-live"), transcript=live, score=47))
        store.save_answer(session, turn(question("q-done"), "we cut build time by half", 60))
        store.end_session(session)
    return session


async def test_history_marks_a_score_made_on_the_live_words() -> None:
    session = _one_provisional()
    with Store() as store:
        record = store.load_session(session)
    app = Host(lambda _ask: SessionScreen(record, play=lambda _p: None, stop=lambda: None))
    async with app.run_test(size=(80, 24)):
        table = app.screen.query_one("#answers", DataTable)
        assert [str(table.get_row_at(r)[-1]) for r in range(2)] == ["47*", "60"]
        assert _text(app, "#session-title").endswith(f"\n* {PROVISIONAL}")
        assert f"Score: 47/100 (content 11, structure 11); provisional: {PROVISIONAL}" in (
            _text(app, "#answer-body")
        )


def test_the_report_marks_it_the_same_way(capsys: pytest.CaptureFixture[str]) -> None:
    session = _one_provisional()
    assert main(["report", str(session)]) == 0
    out = capsys.readouterr().out
    assert f"47/100 (content 11, structure 11); provisional: {PROVISIONAL}" in out
    assert "60/100 (content 15, structure 15)\n" in out
    assert main(["report", str(session), "--format", "json"]) == 0
    answers = json.loads(capsys.readouterr().out)["answers"]
    assert [a["score_provisional"] for a in answers] == [True, False]
