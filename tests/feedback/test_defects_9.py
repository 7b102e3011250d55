"""Regression cases for causes found on 2026-11-30 (branch score8) in a QA trial's
findings and in the misses of ``train_pairs_7.toml`` (training data, studied), fixed by
cause and written here in hotseat's own words on jobs of its own (tests/feedback/README.md).
Each case failed on the scorer before its fix (score7 merged with main, 07265e6); the
guards passed before and must keep passing:

1. fit ("You tie your skills and experience to the job") was earned by claiming it
   ("my skills", "a great fit", "the next step in my career", "this role") and missed
   when real experience was told with no such phrase ("for two summers I ran the
   booking desk", "I've loaded trailers on nights for six years"): fit now rests on
   experience held (time spent at the work, a credential, something done at work with
   a count or an occasion), never on the claim alone; where a working life began or
   went ("I started my career at...", "I joined a charity on...") is experience held
   (1b: these failed on ca07a14, the first fit commit, which had lost "my career" as a
   claim; two also failed before it);
2. someone who "left us a message" or "left me a five-star rating" read as someone who
   abandoned the speaker ("left us", "left me" in ``valence.obstruct``): leaving someone
   something is giving; "left us to sort it", "left me with the paperwork" still count.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Context, Feedback, analyze
from hotseat.transcript import Transcript


def run(question: str, text: str, context: Context | None = None) -> Feedback:
    return analyze(None, Transcript.typed(text), context or Context(), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


# -- 1. fit rests on experience held, not on the claim of it ---------------------------

HELD = [
    (
        "Why are you interested in working at the climbing centre?",
        "For two summers I ran the booking desk at a bouldering gym near the station, "
        "around forty sessions a week, and I sorted out the waiver system when it kept "
        "double booking. I liked the regulars and the route setting nights. I'd like to "
        "do that again somewhere bigger, with proper courses for beginners.",
        "booking desk",
    ),
    (
        "Why should we give you the night shift supervisor post?",
        "I hold a counterbalance licence and I've loaded trailers on nights for six "
        "years, most of them at a cold store. Last winter I trained three new starters on "
        "the scanners. I know what goes wrong at four in the morning and how to keep a "
        "bay moving when a driver is late.",
        "six",
    ),
    (
        "What draws you to a job in occupational health?",
        "Mostly the ward. In March I spent a fortnight shadowing the occupational health "
        "nurse at our trust, going through return-to-work plans with staff after injuries. "
        "It suited the way I like to work: slower, one person at a time, and following "
        "them up a month later to see if the plan held.",
        "fortnight",
    ),
]


@pytest.mark.parametrize(("question", "answer", "shown"), HELD)
def test_experience_told_plainly_is_fit(question: str, answer: str, shown: str) -> None:
    fb = run(question, answer)
    assert "fit-shown" in ids(fb) and "no-fit" not in ids(fb)
    assert shown in quoted(fb, "fit-shown")


CLAIMED = [
    (
        "Why do you want this role?",
        "I believe my skills make me a great fit, and I see this role as the natural next "
        "step in my career. I'm a fast learner and I'm keen to grow and develop with a "
        "forward-thinking organisation like yours, and to contribute to your success.",
    ),
    (
        "Why should we hire you over the other applicants?",
        "Honestly I really need this job, I've been searching for seven months now and "
        "I'm a hard worker who brings a lot of energy. I'm sure my experience would add "
        "value to your team from day one.",
    ),
    (
        "What makes you pick us out of the firms hiring?",
        "I've worked on all sorts of things over the years, so my background means I can "
        "bring a wide range of skills. I think I'd fit right in and I'm confident I could "
        "contribute to your continued growth.",
    ),
]


@pytest.mark.parametrize(("question", "answer"), CLAIMED)
def test_fit_claimed_with_nothing_held_is_no_fit(question: str, answer: str) -> None:
    fb = run(question, answer)
    assert "fit-shown" not in ids(fb)


def test_experience_outranks_the_claim_of_it() -> None:
    question = "What makes our removals firm the one you applied to?"
    held = (
        "I've driven a seven and a half tonne box van for four years, mostly house moves "
        "across the county, and last spring I packed and moved a whole dental surgery "
        "over one weekend. You do a lot of office moves, and that's the work I enjoy."
    )
    claimed = (
        "I believe my skills and my background make me a really great fit for this role, "
        "and it feels like the right next step in my career. I'm a team player with a "
        "can-do attitude and I'd love to contribute to your success going forward."
    )
    assert run(question, held).score > run(question, claimed).score


# -- 2. someone who left you something ran nobody down -----------------------------------

GIFTS = [
    (
        "Describe an occasion when you went beyond what was expected for a customer.",
        "A tenant rang on a Friday because her boiler had failed and she had a newborn. I "
        "drove over two heaters from our stores myself and booked the engineer for first "
        "thing Saturday. On Monday she left us a message thanking the whole office, and "
        "my manager put it on the board.",
    ),
    (
        "Describe a time you solved a problem for a client.",
        "A client's payroll file kept failing at the bank. I went through the rejected "
        "lines one by one, found a date format the new software had changed, and wrote "
        "a fix that same afternoon. The finance lead left me a five-star rating and asked "
        "for me on their next project.",
    ),
    (
        "Describe an occasion when you went beyond what was expected for a customer.",
        "A pensioner came into the branch because his pension payment had bounced twice. I "
        "rang the pensions office while he waited, found they had his old sort code, and "
        "got the payment resent the same day. On Friday he left me a card thanking the "
        "team, and we pinned it up in the staff room.",
    ),
]


@pytest.mark.parametrize(("question", "answer"), GIFTS)
def test_someone_who_left_you_something_is_not_run_down(question: str, answer: str) -> None:
    assert "negativity" not in ids(run(question, answer))


def test_being_left_to_it_still_runs_them_down() -> None:
    text = (
        "My supervisor left us to sort the whole stocktake alone and then blamed us when "
        "it was late. Honestly he never bothered to help and he left me with all the "
        "paperwork every single week."
    )
    assert "negativity" in ids(run("Tell me about a difficult boss.", text))


# -- 1b. where a working life began is experience held ----------------------------------

BEGAN = [
    "I started my career on the counter of a building society, moved into mortgage "
    "advice once I'd passed the exams, and now I look after the branch's older customers "
    "who struggle with the app. I'm steady, I explain things slowly and I follow up.",
    "After college I joined a housing charity on the advice line, then moved onto the "
    "casework team, where I handle repossession cases with the local court. I like "
    "untangling paperwork for people who have given up on it.",
    "I began my career at a print works on the night shift, learned the presses from the "
    "older operators, and later ran the colour checks for the magazine jobs. Now I'm "
    "looking to move that eye for detail into quality control.",
]


@pytest.mark.parametrize("answer", BEGAN)
def test_where_a_career_began_is_fit(answer: str) -> None:
    fb = run("Tell me about yourself.", answer)
    assert "fit-shown" in ids(fb) and "no-fit" not in ids(fb)
