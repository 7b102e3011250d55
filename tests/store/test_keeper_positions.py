"""Answers handed to the history's thread without waiting keep their own rows and
recordings, even while the thread is held up (a locked database, a slow disk).

The UI hands an answer's first save over (``first_later``) and asks at once where
to record the next one (``recording_path``): the next recording must never take
the file of an answer whose save has not run yet. Then the saves of the same
answers (``save_later``, with the feedback) land in the rows of their first saves.
"""

from __future__ import annotations

import threading
from pathlib import Path

from hotseat.store import Recorder, Store
from hotseat.store.keeper import HistoryKeeper
from tests.store.sample import feedback, question, turn


def _recorded(path: Path | None) -> Path:
    assert path is not None
    path.write_bytes(b"RIFF")  # stands for the answer's recording
    return path


def test_answers_handed_over_while_the_history_is_held_up_keep_rows_and_recordings() -> None:
    keeper = HistoryKeeper(Recorder(save_recordings=True))
    keeper.open_later().result(10)
    keeper.later(
        lambda: keeper.begin(mode="focus", persona="recruiter", company="", role="")
    ).result(10)
    held = threading.Event()
    keeper.later(lambda: held.wait(10))  # the history's thread is held up from here

    first, second = turn(question("q-one"), score=None), turn(question("q-two"), score=None)
    skipped = turn(skipped=True)
    one = _recorded(keeper.recording_path())
    firsts = [keeper.first_later(first.snapshot())]
    two = _recorded(keeper.recording_path())
    assert two != one  # the next answer records beside the one still waiting
    firsts.append(keeper.first_later(second.snapshot()))
    first.feedback = second.feedback = feedback(60)  # assessed after their first saves
    saves = [keeper.save_later(t.snapshot(), path) for t, path in ((first, one), (second, two))]
    saves.append(keeper.save_later(skipped.snapshot()))  # a skipped turn takes a new row
    three = keeper.recording_path()
    assert three not in (one, two)
    assert not any(f.done() for f in firsts + saves)

    held.set()
    assert all(f.result(10).safe and not f.result(10).warning for f in firsts + saves)
    assert keeper.recording_path() == three  # every position taken: the count agrees
    keeper.later(keeper.close).result(10)
    keeper.stop()
    with Store() as store:
        (info,) = store.list_sessions()
        answers = store.load_session(info.id).answers
    assert [(a.question_id, a.audio_path, a.score) for a in answers] == [
        ("q-one", one, 60),
        ("q-two", two, 60),
        ("q-impact", None, None),
    ]
