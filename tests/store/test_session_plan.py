"""The session's plan is stored with it, directly and through the waiting-writes path."""

from __future__ import annotations

import sqlite3

from hotseat import paths
from hotseat.store import Recorder, Store
from hotseat.store.report_parts import session_facts
from hotseat.store.schema import SCHEMA_VERSION
from tests.store.sample import question, turn

PLAN = {"format": 1, "mode": "mock", "turns": [{"question": "q-1", "persona": "recruiter"}]}


def test_a_plan_is_kept_with_its_session() -> None:
    recorder = Recorder(save_recordings=False)
    handle = recorder.begin_session(mode="mock", plan=PLAN)
    assert recorder.session_plan(handle) == PLAN
    recorder.close()
    with Store() as store:
        (info,) = store.list_sessions()
        assert store.session_plan(info.id) == PLAN


def test_a_plan_waiting_in_memory_arrives_with_its_session() -> None:
    opened: list[int] = []

    def opener() -> Store:
        opened.append(1)
        if len(opened) == 1:
            from hotseat.store.errors import StoreError

            raise StoreError("the disk is busy")
        return Store()

    recorder = Recorder(save_recordings=False, opener=opener)
    handle = recorder.begin_session(mode="mock", plan=PLAN)
    assert handle < 0  # provisional: the session waits in memory
    recorder.flush()
    session_id = recorder.resolve(handle)
    assert session_id is not None and recorder.session_plan(session_id) == PLAN
    recorder.close()


def test_older_sessions_have_no_plan() -> None:
    with Store() as store:
        session_id = store.begin_session(mode="mock")
        assert store.session_plan(session_id) == {}
    conn = sqlite3.connect(paths.database_file())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    conn.close()


def test_an_interrupted_session_counts_its_answers_against_its_plan() -> None:
    """History said "Answers 1/1" for a mock of 3 stopped after one: it is 1/3."""
    three = {**PLAN, "turns": [{"question": f"q-{n}", "persona": "recruiter"} for n in (1, 2, 3)]}
    with Store() as store:
        planned = store.begin_session(mode="mock", plan=three)
        store.save_answer(planned, turn(question("q-1")))
        follow_up = turn(question("q-1-more"))
        follow_up.follow_up_of = 0
        store.save_answer(planned, follow_up)
        older = store.begin_session(mode="mock")  # kept before plans were stored
        store.save_answer(older, turn(question("q-1")))
        by_id = {info.id: info for info in store.list_sessions()}
    assert by_id[planned].progress == (1, 3)
    assert by_id[older].progress == (1, 1)
    assert ("Questions", "1 answered of 3") in session_facts(by_id[planned])
