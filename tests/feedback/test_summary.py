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


def _scored(score: int, kind: str) -> Feedback:
    return Feedback(score, {}, {"kind": kind}, [], [])


def test_no_strongest_answer_when_none_is_strong() -> None:
    """trial7 T5: a 61 was named "Strongest answer". Below the rubric's bar nothing is."""
    items = [
        ("Tell me about a failure.", _scored(48, "failure")),
        ("Why us?", _scored(61, "why-company")),
    ]
    assert summarize(items).strongest is None
    assert summarize([*items, ("Why this role?", _scored(72, "why-role"))]).strongest is not None


def test_the_closing_turn_is_never_compared_with_the_rest() -> None:
    closing = ("What questions do you have for us?", _scored(86, "questions-for-us"))
    story = ("Tell me about a conflict.", _scored(74, "conflict"))
    summary = summarize([story, closing])
    assert summary.strongest is not None and summary.strongest.index == 0
    assert summarize([closing]).strongest is None


def test_a_real_no_questions_closing_answer_is_not_the_strongest() -> None:
    question = "What questions do you have for us?"
    said = "No, I think you covered everything, thanks. When will I hear back?"
    closing = analyze(None, Transcript.typed(said), question_text=question)
    assert closing.metrics["kind"] == "questions-for-us"
    weak = "I just did my job and it was fine."
    failure = analyze(
        None, Transcript.typed(weak), question_text="Tell me about a time you failed."
    )
    assert summarize([(question, closing), ("failure", failure)]).strongest is None
