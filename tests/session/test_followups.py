"""Follow-ups: asked when their rule matches the answer's feedback, not otherwise, at most N."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from hotseat.feedback.model import Feedback
from hotseat.session import (
    FakeClock,
    FollowUpPolicy,
    Phase,
    Session,
    Timing,
    Turn,
    load_follow_up_rules,
    plan_session,
)
from hotseat.session.datafile import DataFileError
from hotseat.transcript import Transcript
from tests.session.helpers import feedback, make_bank, q

RULES = {r.id: r for r in load_follow_up_rules()}
OUTCOME = RULES["outcome"].findings[0]  # "no result stated"
OWN_PART = RULES["own-part"].findings[0]  # only "we"
LESSON = RULES["lesson"].findings[0]  # a failure with no lesson
NUMBERS = RULES["measure"].findings[0]  # no numbers


def test_the_shipped_rules_ask_what_the_issue_lists() -> None:
    assert RULES["outcome"].say == "And what was the outcome in the end?"
    assert RULES["measure"].say == "How did you measure whether it worked?"
    assert RULES["own-part"].say == "You mentioned the team a lot. What did you yourself do?"
    assert RULES["lesson"].say == "Looking back, what would you do differently?"


def story_session(*answers: Feedback, max_per_question: int = 2, **extra: object) -> Session:
    """A session of two behavioural questions whose answers get these feedbacks in turn."""
    queue = list(answers)
    seen: list[Turn] = []

    def analyzer(turn: Turn, transcript: Transcript) -> Feedback:
        seen.append(turn)
        return queue.pop(0) if queue else feedback()

    timing = Timing(prep_seconds=20, answer_min=60, answer_max=120, hard_limit=240)
    turns = [
        Turn(q("story-team", "behavioral", "collaboration", "collaboration"), timing, "recruiter"),
        Turn(q("story-fail", "behavioral", "growth", "growth"), timing, "recruiter"),
    ]
    policy = FollowUpPolicy(tuple(RULES.values()), max_per_question, "Acme", "")
    session = Session(turns, analyzer=analyzer, clock=FakeClock(), follow_ups=policy, **extra)  # type: ignore[arg-type]
    session.start()
    session.analysed = seen  # type: ignore[attr-defined]
    return session


def answer(session: Session, text: str = "an answer") -> Turn:
    session.question_asked()
    session.begin_answer()
    return session.finish_answer(Transcript.typed(text))


def test_no_result_stated_brings_the_outcome_question() -> None:
    session = story_session(feedback(OUTCOME))
    answer(session)
    follow = session.turns[1]
    assert follow.question.text == "And what was the outcome in the end?"
    assert (follow.follow_up_of, follow.question.kind, follow.lead_in) == (
        0,
        "follow-up",
        "follow_up",
    )
    timing = follow.timing
    assert (timing.prep_seconds, timing.answer_min, timing.answer_max) == (0, 15, 45)
    assert follow.timing.hard_limit == 90  # same x2 head-room as the question it follows
    session.next()
    assert session.current is follow and session.phase is Phase.ASKING
    answer(session, "we shipped two weeks early")
    assert session.analysed[-1] is follow  # type: ignore[attr-defined]
    assert follow.feedback is not None  # answered and scored like any answer


def test_a_good_answer_gets_no_follow_up() -> None:
    session = story_session(feedback("strong-result", score=88))
    answer(session)
    assert len(session.turns) == 2 and session.turns[1].follow_up_of is None


def test_at_most_the_mode_limit_and_each_rule_once_per_question() -> None:
    everything = feedback(OUTCOME, OWN_PART, NUMBERS)
    session = story_session(everything, everything, everything, max_per_question=2)
    answer(session)
    session.next()
    answer(session)
    session.next()
    answer(session)
    asked = [t.question.text for t in session.follow_ups_of(0)]
    assert asked == [RULES["outcome"].say, RULES["own-part"].say]  # file order, no repeats
    assert [t.follow_up_of for t in session.turns[:3]] == [None, 0, 1]
    assert session.root_index(2) == 0
    session.next()
    assert session.current.question.id == "story-fail"  # moved on after two
    single = story_session(everything, everything, max_per_question=1)
    answer(single)
    single.next()
    answer(single)
    assert [t.follow_up_of for t in single.turns] == [None, 0, None]


def test_rules_only_apply_to_their_kinds_of_question() -> None:
    rule = RULES["outcome"]
    motivation = q("why", "motivation", "motivation", "enthusiasm")
    story = q("story", "behavioral", "impact", "impact")
    policy = FollowUpPolicy((rule,), 1)
    assert policy.choose(motivation, feedback(OUTCOME), []) is None
    chosen = policy.choose(story, feedback(OUTCOME), [])
    assert chosen is not None and chosen.id == "story--outcome"


def test_nothing_is_asked_after_an_empty_or_cut_off_answer() -> None:
    session = story_session(feedback(LESSON, assessable=False))
    answer(session, "")
    assert len(session.turns) == 2
    timing = Timing(prep_seconds=0, answer_min=20, answer_max=40, hard_limit=40, interrupt=True)
    cut = story_session(feedback(LESSON))
    cut.turns[0].timing = timing
    cut.question_asked()
    cut.clock.advance(40)  # type: ignore[attr-defined]
    assert "time-up" in [e.kind for e in cut.tick()]
    cut.finish_answer(Transcript.typed("and then"))
    assert len(cut.turns) == 2


def test_the_question_own_follow_ups_are_used_when_a_rule_asks_for_them() -> None:
    rule = RULES["more"]
    own = q("story", "behavioral", "impact", "impact",
            follow_ups=("What did {company} gain from it?", "Who else was involved?"))  # fmt: skip
    policy = FollowUpPolicy((rule,), 3, company="Acme")
    first = policy.choose(own, feedback(word_count=12), [])
    assert first is not None and first.text == "What did Acme gain from it?"
    bare = q("story", "behavioral", "impact", "impact")
    fallback = policy.choose(bare, feedback(word_count=12), [])
    assert fallback is not None and fallback.text == rule.say


def test_drills_ask_no_follow_ups_and_interviews_do() -> None:
    bank = make_bank()
    for mode in ("rapid-fire", "pressure-ladder", "curveball"):
        assert plan_session(mode, bank, rng=random.Random(0)).session().follow_ups is None
    mock = plan_session("mock", bank, rng=random.Random(0))
    assert mock.follow_ups is not None and mock.follow_ups.max_per_question == 2


RULE_FILE = """\
[[rules]]
id = "short"
say = "Tell me more."
metrics = [{ name = "word_count", op = "<", value = 40 }]

[[rules]]
id = "fillers"
say = "Take a breath, once more."
metrics = [{ name = "fillers.per_100_words", op = ">=", value = 8 }]
"""


def test_metric_conditions_match_numbers_in_the_feedback(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(RULE_FILE)
    policy = FollowUpPolicy(load_follow_up_rules(path), 1)
    story = q("story", "behavioral", "impact", "impact")

    def asked(**metrics: object) -> str | None:
        chosen = policy.choose(story, dataclasses.replace(feedback(), metrics=metrics), [])
        return chosen.text if chosen else None

    assert asked(word_count=12) == "Tell me more."
    assert asked(word_count=40, fillers={"per_100_words": 9.5}) == "Take a breath, once more."
    assert asked(word_count=40, fillers={"per_100_words": 3}) is None
    assert asked() is None  # not measured: no follow-up


BROKEN = """\
[[rules]]
id = "ok"
say = "Fine."
findings = ["x"]

[[rules]]
id = "bad"
say = ""
kinds = ["sonnet"]
metrics = [{ name = "word_count", op = "~", value = 3 }]
answer_seconds = [60, 10]
shout = true

[[rules]]
id = "ok"
say = "Again."
"""


def test_a_broken_rules_file_reports_every_mistake_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(BROKEN)
    with pytest.raises(DataFileError) as caught:
        load_follow_up_rules(path)
    problems = caught.value.problems
    expected = [
        f"{path}:12: rule 2 shout: unknown field",
        f"{path}:8: rule 2 say: is required text",
        f"{path}:9: rule 2 kinds: 'sonnet' is not a question kind",
        f"{path}:10: rule 2 metrics: each must be",
        f"{path}:11: rule 2 answer_seconds: must be [min, max]",
        f"{path}:6: rule 2: needs `findings` or `metrics`",
        f"{path}:14: rule 3: needs `findings` or `metrics`",
    ]
    assert len(problems) == len(expected), problems
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_every_finding_id_named_by_a_rule_is_one_the_feedback_engine_reports() -> None:
    from hotseat.feedback.findings import FINDING_IDS

    named = {f for rule in RULES.values() for f in rule.findings}
    assert named and named <= FINDING_IDS, sorted(named - FINDING_IDS)
