"""The session summary, and feedback that survives a round trip through storage."""

from __future__ import annotations

import json

from hotseat.feedback import Feedback, analyze, summarize
from hotseat.transcript import Transcript
from tests.feedback.labelled import load_pairs


def session() -> list[tuple[str, Feedback]]:
    pairs = load_pairs()
    picked = [
        next(p for p in pairs if p.question.id == "improve-process" and p.main == "too-short"),
        next(p for p in pairs if p.question.id == "learn-tool" and p.main == "too-short"),
        next(p for p in pairs if p.question.id == "failure" and p.main == "negativity"),
    ]
    items = [
        (p.question.text, analyze(p.question, Transcript.typed(p.weak), p.context)) for p in picked
    ]
    best = picked[0]
    items.append((best.question.text, analyze(best.question, Transcript.typed(best.strong))))
    items.append(
        ("Anything else?", analyze(None, Transcript.typed(""), question_text="Anything else?"))
    )
    return items


def test_summary_names_the_strongest_answer_and_recurring_weaknesses() -> None:
    items = session()
    summary = summarize(items)
    assert summary.strongest is not None and summary.strongest.index == 3
    assessed = [fb.score for _, fb in items if fb.assessable]
    assert summary.average_score == round(sum(assessed) / len(assessed), 1)
    recurring = {r.id: r for r in summary.recurring}
    # The third answer (90 words typed, about 39 s for a 60 s minimum) is near enough
    # to its band not to be "too short".
    assert recurring["too-short"].count == 2 and recurring["too-short"].answers == (0, 1)
    assert all(r.count >= 2 for r in summary.recurring)
    assert len(summary.practise_next) == 3
    assert summary.practise_next[0].startswith("Too short (in 2 of 5 answers):")
    assert summary.answers[4].assessable is False
    assert summary.answers[2].main_point.startswith("Runs someone down")


def test_summary_to_dict_is_plain_json() -> None:
    data = summarize(session()).to_dict()
    again = json.loads(json.dumps(data))
    assert again["strongest"]["index"] == 3
    assert again["recurring"][0]["id"] == "too-short"
    assert len(again["practise_next"]) == 3


def test_empty_session_summary() -> None:
    summary = summarize([])
    assert summary.average_score is None and summary.strongest is None
    assert summary.practise_next == [] and summary.recurring == []


def test_feedback_round_trips_through_json() -> None:
    for _, feedback in session():
        stored = json.loads(json.dumps(feedback.to_dict()))
        back = Feedback.from_dict(stored)
        assert back == feedback
        assert [f.id for f in back.improvements] == [f.id for f in feedback.improvements]
