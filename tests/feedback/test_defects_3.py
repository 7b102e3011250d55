"""General defects a QA trial found (2026-11-30, someone who never tuned the scorer,
answers in their own words, judged as an interviewer would). Each is pinned here in
hotseat's own words, on other jobs and topics, never the trial's (tests/feedback/README.md):

1. sarcasm and digs with no negative word ("which was cute, given...", "some of us had
   actually...") were not negativity; a dispute a manager settled was credited as worked
   out together, quoting the dig;
2. a success story told to "a time you failed" was on topic and credited "growth"; "as a"
   with no role after it ("the spare budget as a buffer") was credited as fit;
3. a lesson applied later ("we have run every stock take that way since") was "no
   learning"; "afterwards" beside a number was impact while "ten minutes instead of
   three hours" was not; a bad ending ("slipped by six weeks") was impact and sat beside
   "no result";
4. polite blame ("they had their own priorities", "you cannot control how other people
   plan") was not flagged, and "your own part is clear" quoted it;
5. "I want to join a company that is properly run" was credited as forward-looking;
6. a few words said over and over with no example kept "length in band";
7. "I would ask...", "I'd like to know...", "I was wondering..." without "?" were no
   questions;
8. quotes stopped halfway through what they showed ("I calmly explained that some").
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.questions import Question
from hotseat.transcript import Transcript
from tests.feedback.labelled import spoken


def run(question: str | Question, text: str, *, as_spoken: bool = False) -> Feedback:
    transcript = spoken(text) if as_spoken else Transcript.typed(text)
    if isinstance(question, Question):
        return analyze(question, transcript)
    return analyze(None, transcript, question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


# -- 1. sarcasm ------------------------------------------------------------------------

CONFLICT = "Describe a disagreement with someone you worked with and how it was settled."
SNEER = (
    "A new sous chef decided his way of plating was the only acceptable one, which was "
    "cute given he had been there about a week. On his first Friday he sent back nine of "
    "my plates during service. I politely reminded him that some of us had actually run "
    "a kitchen before. In the end the head chef stepped in and took my side, so the menu "
    "stayed as I had designed it. I think he learned his lesson, and we rubbed along "
    "fine after that."
)
SETTLED_TOGETHER = (
    "A new sous chef wanted to plate the fish course differently from the way I had "
    "designed it, and on his first Friday he sent back several plates during service. "
    "After service I asked him to walk me through his version. His worry was that the "
    "sauce went cold before it reached the pass, which I had not noticed. We agreed to "
    "warm the plates and keep my layout, and we tried it the next night. Ticket times "
    "held and nothing came back, and now I ask new cooks about the pass first."
)


@pytest.mark.parametrize("as_spoken", [False, True])
def test_sarcasm_is_scorn_and_a_dispute_someone_else_settled_is_not_resolved(
    as_spoken: bool,
) -> None:
    weak = run(CONFLICT, SNEER, as_spoken=as_spoken)
    strong = run(CONFLICT, SETTLED_TOGETHER, as_spoken=as_spoken)
    assert strong.score > weak.score + 15
    assert "negativity" in ids(weak)
    digs = quoted(weak, "negativity")
    assert "cute" in digs or "some of us" in digs or "been there about a week" in digs
    assert "resolved" not in ids(weak) and "not-resolved" in ids(weak)
    assert "stepped in" in quoted(weak, "not-resolved")
    # no strength quotes the dig as what the speaker did
    credited = [
        f.id
        for f in weak.findings
        if f.severity == "strength" and "some of us" in " ".join(e.text.lower() for e in f.evidence)
    ]
    assert not credited
    assert "resolved" in ids(strong) and "negativity" not in ids(strong)


# -- 2. another question's story ---------------------------------------------------------

FAILED = "Tell me about a time you failed."
SUCCESS = (
    "I am proud of the reading club I set up at my last school. Year seven pupils were "
    "reading about two books a term. I asked them what they actually liked, bought short "
    "graphic novels with the library budget, and ran a lunchtime club twice a week. I "
    "also trained two sixth formers to run it with me. By the summer they were averaging "
    "six books a term, and the club still runs without me. It showed me how much choice "
    "matters to young readers."
)
OWNED_FAILURE = (
    "In my second year teaching I set a coursework deadline without checking the exam "
    "board's dates, and eleven pupils missed the submission window. That was my mistake. "
    "I told my head of department the same day, phoned the board and got an extension "
    "for all eleven. Since then I put every external date in the department calendar "
    "before I set any deadline, and no pupil has missed a window in the four years since."
)


def test_a_success_story_told_to_a_failure_question_is_off_topic_and_earns_no_growth() -> None:
    weak, strong = run(FAILED, SUCCESS), run(FAILED, OWNED_FAILURE)
    assert "off-topic" in ids(weak)
    assert "growth" not in ids(weak) and "quantified-impact" not in ids(weak)
    assert strong.score > weak.score + 20


def test_as_a_with_no_role_after_it_is_not_fit() -> None:
    text = (
        "At the council a colleague and I disagreed about the spare budget for the "
        "library project. She wanted to spend it on new shelving, and I thought a buffer "
        "for the heating repairs was safer. We looked at last year's repair bills "
        "together and agreed to run the shelving as a second phase of the project and "
        "keep the rest as a reserve in the budget report."
    )
    fb = run("Walk me through your CV.", text)
    assert "fit-shown" not in ids(fb) and "no-fit" in ids(fb)
    as_a_role = text.replace("We looked", "As a project officer I looked")
    assert "fit-shown" in ids(run("Walk me through your CV.", as_a_role))


# -- 3. learning, impact and endings -----------------------------------------------------

MISCOUNT = (
    "At the pharmacy I ran the monthly controlled drugs count, and one month I copied a "
    "total from the wrong page of the register. Head office flagged a discrepancy and "
    "we spent two days on an investigation that should never have been needed. That was "
    "my error. I explained it to the superintendent and corrected the register with her. "
    "Afterwards I set up a two week trial of a second person reading every total back. "
    "We have run every stock take that way since, and the count now takes ten minutes "
    "instead of three hours because nothing has to be rechecked."
)


def test_a_lesson_applied_since_is_learning_and_only_measured_outcomes_are_impact() -> None:
    question = Question(
        "pharm-fail",
        "Tell me about a mistake you made at work.",
        "failure",
        (),
        "behavioral",
        10,
        60,
        120,
        ("Owning the mistake", "What you changed", "Evidence you applied the lesson later"),
    )
    fb = run(question, MISCOUNT)
    assert "growth" in ids(fb) and "no-learning" not in ids(fb)
    assert "stock take that way since" in quoted(fb, "growth")
    assert fb.metrics["look_for"]["missed"] == []
    impact = quoted(fb, "quantified-impact")
    assert "ten minutes instead of three hours" in impact
    assert "two week trial" not in impact


def test_a_bad_ending_is_neither_impact_nor_a_missing_result() -> None:
    text = (
        "The failure I think of is the new booking system at the clinic. I wrote the "
        "staff guide and trained the reception team. I tested the reminders myself, but "
        "not with real patient records. In the end the rollout slipped by six weeks."
    )
    fb = run(FAILED, text)
    assert "slipped" not in quoted(fb, "quantified-impact")
    assert "result-missing" not in ids(fb)


# -- 4. polite blame -------------------------------------------------------------------

DEFLECTED = (
    "The project I would call a failure was the museum extension drawings. The client's "
    "own team had their own priorities that spring, and the engineers were not always "
    "quick to send their loads, so a lot of answers arrived rather late. I did my part "
    "and issued my sheets on time, but in the end the planning submission slipped by a "
    "month. What I took from it is that you cannot control how other people plan."
)


@pytest.mark.parametrize("as_spoken", [False, True])
def test_polite_blame_is_flagged_and_never_quoted_as_your_own_part(as_spoken: bool) -> None:
    fb = run(FAILED, DEFLECTED, as_spoken=as_spoken)
    assert "deflects-blame" in ids(fb)
    said = quoted(fb, "deflects-blame")
    assert "own priorities" in said or "arrived rather late" in said
    assert "control how other people" not in quoted(fb, "own-contribution")
    assert "owns-mistake" not in ids(fb)
    assert run(FAILED, OWNED_FAILURE).score > fb.score + 25


# -- 5. leaving, running the old place down ---------------------------------------------

LEAVING = "Why do you want to leave your current employer?"
RUN_DOWN = (
    "Honestly the firm has gone downhill since the merger. The partners argue about "
    "everything, the systems are ancient, and my team leader hovers over every email I "
    "send. I have been patient for two years, but I want to join a company that is "
    "properly run, and everything I hear says yours is better managed."
)
MOVING_ON = (
    "I have done four years of audit work and I enjoy it, but my firm only audits small "
    "charities. I want to grow into larger group audits with international subsidiaries, "
    "which your practice specialises in, and I am ready for the extra responsibility. I "
    "have started my advanced tax papers in the evenings to get there faster."
)


def test_wanting_a_properly_run_company_is_not_a_forward_reason() -> None:
    weak, strong = run(LEAVING, RUN_DOWN), run(LEAVING, MOVING_ON)
    assert "properly run" not in quoted(weak, "forward-looking")
    assert "forward-looking" in ids(strong)
    assert strong.score > weak.score + 15


# -- 6. circling --------------------------------------------------------------------------

CIRCLES = (
    "That is a great question. Customer service is everything to me. I truly believe "
    "customer service is the heart of any shop, because when the customer is happy, the "
    "customer comes back, and that is what customer service means. Good customer service "
    "is about listening, and listening is key to customer service. I always listen to "
    "the customer and I think listening is so important. So overall I would say I am "
    "passionate about customer service and I always put the customer first."
)
EXAMPLE = (
    "Last December a man came into the shop furious because the coat he had ordered for "
    "his daughter's birthday had not arrived. I apologised, checked the order and found "
    "the courier had it stuck at a depot. I rang the depot while he waited, then offered "
    "him the same coat from our window at the same price. He took it that afternoon, and "
    "he came back in January and bought two more. Since then I check the courier status "
    "of every gift order a week before the date."
)


def test_words_said_over_and_over_with_no_example_lose_their_length_credit() -> None:
    question = "Tell me about a time you looked after a customer well."
    weak, strong = run(question, CIRCLES), run(question, EXAMPLE)
    assert "goes-in-circles" in ids(weak)
    assert "customer" in quoted(weak, "goes-in-circles")
    assert "length-good" not in ids(weak)
    assert strong.score > weak.score + 15


# -- 7. questions told, not asked ------------------------------------------------------

CLOSING = "Is there anything you would like to ask us?"


@pytest.mark.parametrize(
    "text",
    [
        "i would ask how the ward hands over between shifts and what a good first month "
        "looks like for a new nurse",
        "Thank you. I'd like to know how the team decides which projects get funded next year.",
        "I was wondering how success is measured for this role in the first six months.",
        "Yes. My question would be what the biggest challenge for the new hire is.",
    ],
)
def test_a_question_told_in_the_first_person_is_a_question(text: str) -> None:
    fb = run(CLOSING, text)
    declined = run(CLOSING, "No, I think you have covered everything, thanks.")
    assert "no-questions-asked" not in ids(fb)
    assert "thoughtful-questions" in ids(fb)
    assert fb.score > declined.score + 10


# -- 8. quotes hold what they show ------------------------------------------------------

_DANGLING = {"that", "some", "a", "an", "the", "to", "and", "but", "of", "who", "which"}


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (CONFLICT, SNEER),
        (CONFLICT, SETTLED_TOGETHER),
        (FAILED, OWNED_FAILURE),
        (FAILED, DEFLECTED),
        (LEAVING, RUN_DOWN),
        (LEAVING, MOVING_ON),
        ("Tell me about a time you looked after a customer well.", EXAMPLE),
    ],
)
def test_no_quote_stops_halfway_through_a_clause(question: str, text: str) -> None:
    fb = run(question, text)
    for f in fb.findings:
        for e in f.evidence:
            last = e.text.lower().rstrip(".,!?").split()[-1]
            assert last not in _DANGLING, (f.id, e.text)


def test_the_same_words_said_of_oneself_or_plainly_are_no_dig() -> None:
    text = (
        "I had been there a week when the rota software failed on a Sunday. I split the "
        "calls between the two nurses who knew the wards best, rang every agency on our "
        "list myself and filled all six gaps by noon. Since then I keep a paper copy of "
        "the rota in the office, and we have not lost a shift to a system fault since."
    )
    fb = run("Tell me about a time you handled pressure at work.", text)
    assert "negativity" not in ids(fb) and "deflects-blame" not in ids(fb)
    assert "own-contribution" in ids(fb)
