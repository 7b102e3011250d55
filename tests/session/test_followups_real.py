"""Follow-ups chosen from the real feedback engine's reading of typed answers."""

from __future__ import annotations

import pytest

from hotseat.feedback import Context
from hotseat.questions import load_bank
from hotseat.session import (
    FakeClock,
    FollowUpPolicy,
    Session,
    Turn,
    load_follow_up_rules,
    load_modes,
)
from hotseat.session.analysis import analyzer_for
from hotseat.session.planner import turn_timing
from hotseat.transcript import Transcript

NO_RESULT = (
    "At my last job the weekly sales report took two days to build by hand. I was asked to "
    "speed it up, so I wrote a script that pulled the data from our database automatically "
    "and I showed two colleagues how to run it."
)
STRONG = (
    "At my last job our weekly sales report took two days to build by hand. I was asked to "
    "speed it up. I wrote a script that pulled the data automatically and I trained two "
    "colleagues to use it. As a result the report took two hours instead of two days, and we "
    "saved about sixty hours a month."
)
ONLY_WE = (
    "At my last company the weekly report took two days to build by hand. We looked at the "
    "process together, we wrote a script that pulled the data automatically, and we trained "
    "the rest of the team. As a result the report took two hours instead of two days, which "
    "saved about sixty hours a month."
)


def story_session(question_id: str = "proudest-achievement") -> Session:
    """One bank question as a mock interview asks it, scored by the real feedback engine."""
    story = load_bank(include_user=False).get(question_id)
    assert story is not None and story.follow_ups
    mock = load_modes()["mock"]
    session = Session(
        turns=[Turn(story, turn_timing(mock, story, 0), "recruiter")],
        analyzer=analyzer_for(Context()),
        clock=FakeClock(),
        follow_ups=FollowUpPolicy(load_follow_up_rules(), mock.max_follow_ups),
    )
    session.start()
    return session


def answer(session: Session, text: str) -> None:
    session.question_asked()
    session.begin_answer()
    session.finish_answer(Transcript.typed(text))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (NO_RESULT, "And what was the outcome in the end?"),
        (ONLY_WE, "You mentioned the team a lot. What did you yourself do?"),
        ("I fixed the reports.", None),  # too little to go on: the question's own follow-up
        (STRONG, ""),
    ],
)
def test_the_follow_up_matches_what_the_answer_lacks(text: str, asked: str | None) -> None:
    session = story_session()
    answer(session, text)
    own = session.turns[0].question.follow_ups[0]  # None: the question's own follow-up
    expected = [] if asked == "" else [own if asked is None else asked]
    assert [t.question.text for t in session.follow_ups_of(0)] == expected


def test_a_follow_up_to_the_closing_question_still_wants_questions() -> None:
    session = story_session("questions-for-us")
    answer(session, "No, I think you have covered everything. Thank you for your time today.")
    [follow_up] = session.follow_ups_of(0)
    assert follow_up.question.text.startswith("Is there anything at all you would like")
    session.next()
    answer(session, "Not really, I am happy with everything you told me about the job.")
    assert follow_up.feedback is not None
    assert "no-questions-asked" in {f.id for f in follow_up.feedback.improvements}
    assert follow_up.feedback.score < 60
