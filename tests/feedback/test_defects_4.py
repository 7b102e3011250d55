"""Regression cases for the second QA trial's findings (2026-11-30, issue 10), in hotseat's
own words on other jobs, never the trial's (tests/feedback/README.md):

1. the same words quoted as a strength and as the problem that contradicts it (a pay
   range as "research" and as "money first"; "we" actions as "what you did" and as
   "every action is we"; a sentence said five times earning points for each claim it
   makes; "I always lead by example" as leading shown);
"""

from __future__ import annotations

from hotseat.feedback import Feedback, analyze
from hotseat.feedback.evidence import shared
from hotseat.transcript import Transcript
from tests.feedback.labelled import spoken


def run(question: str, text: str, *, as_spoken: bool = False) -> Feedback:
    transcript = spoken(text) if as_spoken else Transcript.typed(text)
    return analyze(None, transcript, question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


def shared_quotes(fb: Feedback) -> list[tuple[str, str]]:
    return shared(fb.findings)


# -- 1. one sentence, one verdict -------------------------------------------------------

WHY_FIRM = "Why would you pick Harbor Freight over another employer?"
PAY_FIRST = (
    "to be fair it is mostly the money the job advert listed a pay range well above what "
    "i earn today and you let staff work from home four days a week and the office is a "
    "short walk from my flat"
)
WHY_ROLE = "What attracts you to this position?"
PERKS_ROLE = (
    "This position can be done entirely from home and it pays more than my current post. "
    "There is a four day week on offer, so no travelling at all. The perks look generous "
    "as well."
)
FIT_ROLE = (
    "I have spent five years planning stock for two garden centres, and this position is "
    "the same work across forty stores. Last spring I rebuilt our reorder sheet around "
    "weekly sales, which cut waste on plants by a fifth, and I would like to do that at "
    "your scale with a proper forecasting team around me."
)


def test_pay_and_perks_are_not_research_or_fit() -> None:
    fb = run(WHY_FIRM, PAY_FIRST)
    assert "sounds-indifferent" in ids(fb)
    assert "pay range" in quoted(fb, "sounds-indifferent") or "money" in quoted(
        fb, "sounds-indifferent"
    )
    assert "research-shown" not in ids(fb)
    assert shared_quotes(fb) == []
    perks = run(WHY_ROLE, PERKS_ROLE)
    assert "sounds-indifferent" in ids(perks)
    assert "fit-shown" not in ids(perks)
    assert shared_quotes(perks) == []
    fit = run(WHY_ROLE, FIT_ROLE)
    assert "fit-shown" in ids(fit)
    assert fit.score > perks.score + 15


TEAM_Q = "Describe a project where you worked closely with a team."
ALL_WE = (
    "We had a big stock take coming up at the depot. We split the aisles between us. We "
    "counted everything twice over the weekend. We finished a day early. We had good "
    "comments from the auditors afterwards."
)
MY_PART = (
    "We had a big stock take coming up at the depot, and I was asked to plan it. I split "
    "the aisles by how fast each one sells and paired each new starter with someone who "
    "knew the racking. I counted the high value cage myself on the Friday. We finished a "
    "day early, and the auditors found two errors in six thousand lines."
)


def test_we_actions_are_not_what_you_did() -> None:
    fb = run(TEAM_Q, ALL_WE)
    assert "own-role-unclear" in ids(fb)
    assert "star-action" not in ids(fb) and "own-contribution" not in ids(fb)
    assert shared_quotes(fb) == []
    mine = run(TEAM_Q, MY_PART)
    assert "own-role-unclear" not in ids(mine) and "star-action" in ids(mine)
    assert mine.score > fb.score + 15


LEAD_Q = "Tell me about a time you led a group of people."
SAID_AGAIN = " ".join(
    ["I ran the night crew and we cleared the backlog two weeks early, saving 30 percent."] * 5
)
LED_ONCE = (
    "When our night supervisor went on leave, I ran the crew of nine for two months. The "
    "backlog stood at four hundred orders. I split the crew into two pickers per aisle, "
    "asked the two most experienced to train the rest on the scanners, and moved the "
    "breaks so the dock was never empty. We cleared the backlog two weeks early, and "
    "overtime fell by about 30 percent."
)


def test_a_sentence_said_five_times_earns_nothing_for_its_claims() -> None:
    fb = run(LEAD_Q, SAID_AGAIN)
    assert "repeated-sentences" in ids(fb)
    for strength in ("quantified-impact", "star-result", "leads", "specific-example"):
        assert strength not in ids(fb), strength
    # "I ran the night crew" is the speaker's lead: not "every action is we"
    assert "own-role-unclear" not in ids(fb)
    assert shared_quotes(fb) == []
    real = run(LEAD_Q, LED_ONCE)
    assert real.score > fb.score + 20


BUZZ = (
    "I am a born leader. I believe in empowering people and giving them a vision. Others "
    "naturally look to me for direction, and I always lead from the front. To me leading "
    "is all about communication."
)


def test_a_claim_of_leading_is_not_leading_shown() -> None:
    fb = run(LEAD_Q, BUZZ)
    assert "leads" not in ids(fb)
    assert "arrogance" in ids(fb) and "look to me for direction" in quoted(fb, "arrogance")
    assert run(LEAD_Q, LED_ONCE).score > fb.score + 30
