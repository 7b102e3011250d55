"""Fillers (with the context rules for "like", "kind of", "you know"), hedges, repeats."""

from __future__ import annotations

import pytest

from hotseat.feedback import analyze
from hotseat.transcript import Transcript

Q = "Tell me about a project you are proud of."


def metrics(text: str) -> dict[str, object]:
    return analyze(None, Transcript.typed(text), question_text=Q).metrics


def fillers(text: str) -> dict[str, int]:
    found = metrics(text)["fillers"]
    assert isinstance(found, dict)
    return dict(found["found"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like working with data and I would like to lead a team one day.", {}),
        ("It looks like we shipped something like 20 features, just like last year.", {}),
        ("We shipped, like, three features and, like, fixed the bugs as well.", {"like": 2}),
        (
            "So like the team was stuck and um like nobody knew the plan at all.",
            {"like": 2, "um": 1},
        ),
        ("Like, I was the one who had to call every customer that week myself.", {"like": 1}),
        (
            "What kind of work do you do? I kind of led it, sort of, this sort of thing.",
            {"kind of": 1, "sort of": 1},
        ),
        (
            "Do you know how it works? We did it, you know, the hard way in the end.",
            {"you know": 1},
        ),
        (
            "I mean it. I mean, we basically rebuilt the whole thing from scratch there.",
            {"i mean": 1, "basically": 1},
        ),
        (
            "Um uh er erm umm hmm we then moved the team over to the new system.",
            {"um": 1, "uh": 1, "er": 1, "erm": 1, "umm": 1, "hmm": 1},
        ),
    ],
)
def test_filler_context_rules(text: str, expected: dict[str, int]) -> None:
    assert fillers(text) == expected


def test_filler_rates_and_clusters() -> None:
    text = "Um, like, you know, I led the launch. Then we, um, shipped it to ten clients in May."
    m = metrics(text)["fillers"]
    assert isinstance(m, dict)
    words = 18
    assert m["count"] == 4
    assert m["per_100_words"] == pytest.approx(400 / words, abs=0.01)
    assert m["clusters"] == 1  # "Um, like, you know"; the lone "um" later is not a cluster


def test_filler_finding_quotes_the_cluster() -> None:
    text = (
        "Um, like, you know, I led the launch of our new app. Then we, um, shipped it, "
        "and uh basically it went well, like, really well for the team and our clients."
    )
    feedback = analyze(None, Transcript.typed(text), question_text=Q)
    finding = next(f for f in feedback.findings if f.id == "fillers")
    assert finding.evidence[0].text.startswith("Um, like, you know")
    assert '"um" x2' in finding.message and "cluster" in finding.message


def test_a_couple_of_fillers_in_a_short_answer_are_not_a_habit() -> None:
    feedback = analyze(
        None, Transcript.typed("Um, I led the launch, uh, last May."), question_text=Q
    )
    assert "fillers" not in {f.id for f in feedback.findings}


def test_hedges_are_counted_without_double_counting_fillers() -> None:
    text = (
        "I think I maybe kind of led it, I guess. It probably went well, I suppose, "
        "and I just hope it helped, more or less."
    )
    m = metrics(text)["hedges"]
    assert isinstance(m, dict)
    assert m["found"] == {
        "i think": 1,
        "maybe": 1,
        "i guess": 1,
        "probably": 1,
        "i suppose": 1,
        "just": 1,
        "more or less": 1,
    }
    feedback = analyze(None, Transcript.typed(text), question_text=Q)
    assert next(f for f in feedback.findings if f.id == "hedging").severity == "major"


def test_just_in_time_is_not_a_hedge() -> None:
    m = metrics("We delivered it just in time and just before the audit started that week.")
    assert isinstance(m["hedges"], dict) and m["hedges"]["count"] == 0


def test_repeated_stock_phrases_and_stutters_are_reported() -> None:
    text = (
        "At the end of the day I led it. At the end of the day we shipped. "
        "At the end of the day it worked. At the end of the day the the team the the "
        "clients and and everyone were happy."
    )
    feedback = analyze(None, Transcript.typed(text), question_text=Q)
    repeats = feedback.metrics["repeats"]
    assert repeats["stutters"] == 3
    assert repeats["phrases"] == {"at the end of the day": 4}
    assert "repetition" in {f.id for f in feedback.findings}


def test_the_subject_of_an_answer_is_not_repetition() -> None:
    text = "Sign ups rose. Sign ups doubled. Sign ups held. Sign ups beat the plan for the year."
    assert metrics(text)["repeats"] == {"stutters": 0, "phrases": {}}


def test_live_filler_count_for_the_quiet_counter() -> None:
    from hotseat.feedback import count_fillers

    assert count_fillers("") == 0
    assert count_fillers("so um I like data and, like, you know, uh it worked") == 4
