"""Regression cases for issue 10's fifth session (2026-11-30), each cause written in
hotseat's own words on jobs of its own (tests/feedback/README.md); every test failed on
the scorer before its fix:

1. an action the speaker did, told with a time or manner after it ("I patched it myself
   before close"), passively ("was redone by me"), or as something they saw done ("I had
   it signed off"), read as no action at all, so the story had "no actions" and nobody's
   part;
2. a failure put down to the brief, the customer or the timeline ("the spec was never
   clear, so it went wrong") scored like a failure owned;
3. a failure so small it shows nothing ("I once forgot to reply to an email, but nobody
   minded") credited as a failure told and owned;
4. found on the training pairs (train_pairs_5, studied): "why hire you" or "your
   strengths" answered with what "we" did, the speaker's own part never told, credited in
   full; "we grew", "I dealt with", "we paid" (pasts without "-ed") not read as actions;
   "one of our campaigns" counted as a number measuring an outcome; on pay, a figure
   with what it rests on (current pay, the advertised band, a recruiter's guide) not
   counted as researched, and an ultimatum ("not a penny less", "beat it or we stop
   here") scored the same as a reasoned figure.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.transcript import Transcript


def run(question: str, text: str) -> Feedback:
    return analyze(None, Transcript.typed(text), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


# -- 1. actions told with a time, a manner, a passive or "had it done" ------------------

PRESSURE = "Give an example of working against a very tight deadline."

# (answer, words of the action that must be quoted as the speaker's own part, the same
# story with nobody doing it)
ACTIONS = [
    (
        "The card reader at our till died on the busiest Saturday before Christmas. "
        "I patched it myself before the doors opened. We took every payment that day.",
        "i patched it myself",
        "The card reader at our till died on the busiest Saturday before Christmas. "
        "It got patched somehow before the doors opened. We took every payment that day.",
    ),
    (
        "Two of our drivers called in sick on the morning of the school run contract. "
        "The whole route sheet was rebuilt by me in an hour, and every child was collected "
        "on time.",
        "was rebuilt by me",
        "Two of our drivers called in sick on the morning of the school run contract. "
        "The whole route sheet was rebuilt at some point in an hour, and every child was "
        "collected on time.",
    ),
    (
        "The grant report was due to the council on Friday and the figures were still "
        "missing on Thursday. I had them checked by our treasurer that evening, and the "
        "report went in a day early.",
        "i had them checked",
        "The grant report was due to the council on Friday and the figures were still "
        "missing on Thursday. They were looked over by someone that evening, and the "
        "report went in a day early.",
    ),
    (
        "Our lab's freezer alarm went off at midnight with a month of samples inside. "
        "I drove in and moved them to the spare unit. Not one sample was lost.",
        "moved them",
        "Our lab's freezer alarm went off at midnight with a month of samples inside. "
        "They ended up in the spare unit somehow. Not one sample was lost.",
    ),
]


@pytest.mark.parametrize(("text", "action", "nobody"), ACTIONS)
def test_an_action_with_a_time_or_manner_passive_or_had_done_is_the_speakers(
    text: str, action: str, nobody: str
) -> None:
    told, untold = run(PRESSURE, text), run(PRESSURE, nobody)
    assert "star-action-missing" not in ids(told)
    assert action in quoted(told, "own-contribution")
    assert "own-contribution" not in ids(untold)
    assert told.score > untold.score


# -- 2. the failure put down to the brief, the customer or the timeline ------------------

FAILURE = "Describe a failure of yours at work."

# (blamed, words of the excuse the finding must quote, the same failure owned)
EXCUSES = [
    (
        "Last spring I built the stock report for our warehouse and it went out with the "
        "wrong totals. It went wrong because the brief from the buying team was never "
        "pinned down on units. I rebuilt the report and sent a correction to all twelve "
        "stores the next morning.",
        "never pinned down",
        "Last spring I built the stock report for our warehouse and it went out with the "
        "wrong totals. I had skimmed the brief from the buying team and never asked which "
        "units they meant. I rebuilt the report and sent a correction to all twelve stores "
        "the next morning.",
    ),
    (
        "In my first year at the agency our team launched a client's booking site three "
        "weeks late. The client signed off the designs and then changed their mind twice, "
        "so the launch was always going to slip. I worked evenings on the checkout and we "
        "got it live in the end.",
        "changed their mind",
        "In my first year at the agency our team launched a client's booking site three "
        "weeks late. I promised a date before the developers had seen the designs, and I "
        "should have checked with them first. I worked evenings on the checkout and we got "
        "it live in the end.",
    ),
    (
        "At the clinic I once posted forty appointment letters with the wrong date on them. "
        "The deadline from head office was unrealistic, which is why the mistake got "
        "through. I phoned every patient that week to put it right.",
        "unrealistic",
        "At the clinic I once posted forty appointment letters with the wrong date on them. "
        "I was rushing to catch the post and skipped reading the proof, which is how the "
        "mistake got through. I phoned every patient that week to put it right.",
    ),
]


@pytest.mark.parametrize(("blamed", "excuse", "owned"), EXCUSES)
def test_a_failure_put_down_to_the_brief_client_or_timeline_is_not_owned(
    blamed: str, excuse: str, owned: str
) -> None:
    put_off, owned_up = run(FAILURE, blamed), run(FAILURE, owned)
    assert excuse in quoted(put_off, "deflects-blame")
    assert "owns-mistake" not in ids(put_off)
    assert "deflects-blame" not in ids(owned_up)
    assert owned_up.score > put_off.score + 10


def test_circumstances_met_and_dealt_with_are_not_an_excuse() -> None:
    """A vague brief or a tight deadline the speaker then handled is the story, not blame."""
    text = (
        "The brief for the spring catalogue was vague about which ranges to feature, so I "
        "rang the buyer and we agreed a list in ten minutes. The deadline was tight, so I "
        "split the pages with a colleague. I had misjudged the print queue, though, and it "
        "went out a day late; I should have booked the slot first."
    )
    assert "deflects-blame" not in ids(run(FAILURE, text))


# -- 3. a failure too small to show anything ---------------------------------------------

MISTAKE = "Tell me about a mistake you made at work."

# (trivial, words the finding must quote, a real failure told at the same length)
TRIVIAL = [
    (
        "Once at the bakery I forgot to reply to an email from a supplier for a day. "
        "Nobody minded and it was sorted the next morning. Since then I check my inbox "
        "before I start the first bake.",
        "nobody minded",
        "At the bakery I ordered flour for the wrong week, and we ran out on a Saturday with "
        "two wedding cakes to finish. I rang three mills, drove to collect a sack myself and "
        "told the couples. Since then I check each order against the diary before I send it.",
    ),
    (
        "I suppose my mistake was putting a meeting in the wrong room once at the council "
        "office. It was no big deal, we just walked down the corridor. Now I double-check "
        "room bookings.",
        "no big deal",
        "At the council office I booked the public consultation into a room that held thirty "
        "when ninety residents came, and forty were turned away. I apologised at the door, "
        "arranged a second evening and wrote to everyone. Now I size rooms from the sign-up list.",
    ),
    (
        "As a teaching assistant I once spelled a pupil's name wrong on a worksheet. It didn't "
        "really matter and I fixed it the same day. I learned to be careful with names.",
        "didn't really matter",
        "As a teaching assistant I sent a reading group home with the wrong level of books for "
        "a month, and two parents complained their children had gone backwards. I owned it "
        "to the teacher, retested the group and moved four of them. I learned to check levels.",
    ),
]


@pytest.mark.parametrize(("trivial", "played_down", "real"), TRIVIAL)
def test_a_failure_too_small_to_matter_dodges_the_question(
    trivial: str, played_down: str, real: str
) -> None:
    dodged, told = run(MISTAKE, trivial), run(MISTAKE, real)
    assert played_down in quoted(dodged, "trivial-failure")
    assert "owns-mistake" not in ids(dodged)
    assert "trivial-failure" not in ids(told)
    assert told.score > dodged.score + 15


def test_a_serious_slip_with_no_harm_done_in_the_end_is_not_trivial() -> None:
    """Harm measured, then contained: the stakes are told, so it is no dodge."""
    text = (
        "On the ward I hung a drip at twice the prescribed rate for a patient after surgery. "
        "I caught it forty minutes later on my round, stopped it and called the doctor; no "
        "harm was done in the end, but I reported it myself and now I have every rate "
        "checked by a second nurse."
    )
    assert "trivial-failure" not in ids(run(MISTAKE, text))


def test_a_slip_played_down_in_speech_is_trivial_even_with_another_one_in_it() -> None:
    """ "another one", "once": number words that count nothing at stake."""
    text = (
        "um a mistake let me see once i sent a customer the wrong colour of paint sample "
        "and i just posted another one the next day so no harm done really and to be honest "
        "i am very careful with orders"
    )
    fb = run(MISTAKE, text)
    assert "no harm done" in quoted(fb, "trivial-failure")
    assert "owns-mistake" not in ids(fb)


# -- 4. found on the training pairs -------------------------------------------------------

# (question, what "we" did, the same answer with the speaker's own part in it)
WE_ONLY = [
    (
        "What would you add to our team that other applicants would not?",
        "At the hospital trust we rolled out a new discharge checklist and we trained every "
        "ward on it. We also rewrote the patient leaflets and we cut readmissions. We work "
        "really closely together, so I would bring that experience of a strong team.",
        "At the hospital trust I wrote the new discharge checklist and I trained the night "
        "staff on three wards myself. I also rewrote the patient leaflets with two nurses, "
        "and readmissions fell. I would bring that habit of fixing the paperwork people use.",
    ),
    (
        "What are your main strengths?",
        "Our sales team is very strong. We opened two new regions last year, we doubled "
        "the pipeline and we launched a referral scheme. We always pull together, and that "
        "spirit is my biggest strength.",
        "Opening new ground. Last year I opened the northern region on my own, I built a list "
        "of forty target firms and I launched the referral scheme our team still uses. I "
        "keep at it when the first calls go nowhere.",
    ),
    (
        "What makes you the right person for this post?",
        "My old department did great things. We redesigned the intake form, we cleared the "
        "backlog of claims and we introduced weekly huddles. We were known across the "
        "council for it, and I want to bring that here.",
        "I like untangling processes. In my old department I redesigned the intake form, I "
        "cleared our share of the claims backlog in six weeks and I started weekly huddles. "
        "I want to bring that same approach here.",
    ),
]


@pytest.mark.parametrize(("question", "team", "own"), WE_ONLY)
def test_why_hire_or_strengths_told_in_we_hides_the_speaker(
    question: str, team: str, own: str
) -> None:
    hidden, shown = run(question, team), run(question, own)
    assert "own-role-unclear" in ids(hidden)
    assert "own-contribution" in ids(shown)
    assert shown.score > hidden.score


# (story, the words of the action without "-ed")
IRREGULAR = [
    (
        "Our branch's customer numbers fell after the new bypass opened. I dealt with it by "
        "visiting every firm on the industrial estate. By spring we had back most of the "
        "lost trade.",
        "i dealt with it",
    ),
    (
        "The allotment society had no money for a new fence. We sought quotes from three "
        "local firms and I struck a deal for the offcuts. The fence went up in May.",
        "we sought quotes",
    ),
    (
        "The youth club's roof leaked all winter. I hung tarpaulins under the worst of it "
        "and then I fought for a grant from the council. The roof was fixed by the summer.",
        "i hung tarpaulins",
    ),
]


@pytest.mark.parametrize(("text", "action"), IRREGULAR)
def test_pasts_without_ed_are_actions(text: str, action: str) -> None:
    fb = run("Describe a problem you solved at work.", text)
    assert "star-action-missing" not in ids(fb)
    assert action in quoted(fb, "star-action") + quoted(fb, "own-contribution")


ONE_OF = [
    "We won an award for one of our campaigns, and people liked working with us.",
    "Sales grew for one of our biggest clients after I took over the account.",
    "Complaints dropped at one of the depots I looked after, and drivers stayed longer.",
]


@pytest.mark.parametrize("text", ONE_OF)
def test_one_of_them_is_not_a_number_that_measures_anything(text: str) -> None:
    fb = run("Why should we hire you?", text)
    assert "quantified-impact" not in ids(fb)


# (question, a figure with what it rests on, words of the basis, the same figure bare)
PAY = [
    (
        "What pay are you hoping for in this job?",
        "I'm on thirty one thousand at the library now, and the advert puts this post at "
        "thirty two to thirty four, so somewhere in that band suits me, with some weight "
        "on the training budget.",
        "advert",
        "I would like thirty three thousand for this post. That is the number I have in my "
        "head and I think it suits me, with some weight on the training budget too, "
        "please.",
    ),
    (
        "What salary would you want from us?",
        "The recruiter said the role is pitched at around sixty base, and I earn fifty six "
        "today with a smaller team, so sixty would be fair for the step up; I'd like to "
        "understand how the bonus is set.",
        "recruiter",
        "I want sixty base, and I'd like to understand how the bonus is set. Sixty is what "
        "I want to earn at this point in my life and it feels like a good round number "
        "to me.",
    ),
    (
        "Where do you see your pay landing if we offer you the post?",
        "I'm on point twenty three of the council scale now, so I'd expect to start on the "
        "same point, as it's a sideways move between two councils, and I'd ask how soon "
        "the next increment comes.",
        "council scale",
        "I'd expect to start on point twenty three, and I'd ask how soon the next increment "
        "comes. That just feels like the right place for me to start, to be honest with "
        "you, so that's my answer.",
    ),
]


@pytest.mark.parametrize(("question", "based", "basis", "bare"), PAY)
def test_a_figure_with_what_it_rests_on_is_researched(
    question: str, based: str, basis: str, bare: str
) -> None:
    reasoned, plain = run(question, based), run(question, bare)
    assert basis in quoted(reasoned, "salary-ready")
    assert "salary-unready" in ids(plain)
    assert reasoned.score > plain.score


ULTIMATUMS = [
    (
        "What pay are you hoping for in this job?",
        "Thirty eight thousand and not a penny less. I know the advert says thirty two, "
        "but I'm worth more than that, and if you can't match it I'll stay where I am.",
        "not a penny less",
    ),
    (
        "What salary would you want from us?",
        "Seventy base is my bottom line. Another firm has offered sixty five already, so "
        "you'll need to beat that or there's no point carrying on with this.",
        "bottom line",
    ),
    (
        "Where do you see your pay landing if we offer you the post?",
        "Point thirty on the scale, minimum. I'm on twenty three now, but I won't take a "
        "step down in my career for anyone, so that's non-negotiable for me.",
        "minimum",
    ),
]


@pytest.mark.parametrize(("question", "text", "demand"), ULTIMATUMS)
def test_an_ultimatum_on_pay_is_named_and_costs_more_than_a_bare_figure(
    question: str, text: str, demand: str
) -> None:
    bare = next(p[3] for p in PAY if p[0] == question)
    fb = run(question, text)
    assert demand in quoted(fb, "salary-ultimatum")
    assert "salary-ready" not in ids(fb)
    assert fb.score < run(question, bare).score
