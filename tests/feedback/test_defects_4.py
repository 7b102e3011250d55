"""Regression cases for the second QA trial's findings (2026-11-30, issue 10), in hotseat's
own words on other jobs, never the trial's (tests/feedback/README.md):

1. the same words quoted as a strength and as the problem that contradicts it (a pay
   range as "research" and as "money first"; "we" actions as "what you did" and as
   "every action is we"; a sentence said five times earning points for each claim it
   makes; "I always lead by example" as leading shown);
2. negativity both ways: praise of a mentor ("she made me redo...", "blame-free reviews")
   read as running someone down, while paraphrased blame (an employer "gone downhill",
   a boss who "takes credit", staff idling, juniors who "would have slowed things down",
   "unlike most of the people I've worked with", explaining "slowly", "not really on me")
   went unnoticed; a red flag outweighed by the strengths around it; a weakness fixed by
   a handover ("two people can run it without me now") heard as a boast;
3. a result measured by a number and a comparative ("about 15% shorter", "twenty minutes
   sooner") reported as "no result"; a year ("In 2019") counted as a measured outcome; a
   lesson ("I learned that ... saves days") quoted as how the story ended; "the right
   people" read as "eight people" and "the one catching the errors" as a count;
4. a story with no disagreement in it, told to a conflict question, credited "you worked
   it out with the other person";
5. salary: the figure left to the employer credited as "researched, flexible"; a figure
   with a list of perks named only "no range"; an area no finding moved ("starts at 15")
   with nothing saying how to earn the rest;
6. spoken on a busy computer: the stretch the recognizer dropped (its note says from
   when) measured as the speaker's long pause and slow pace, and garbled words there
   credited as strengths;
7. with no notes file, company facts recited were told "nothing about the company", and
   something of theirs met first-hand ("I talked to two of your engineers") was not
   research; a research-free "great place to grow my career... solid name in the market"
   credited as fit and research.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.feedback.evidence import shared
from hotseat.transcript import Note, NoteKind, Transcript, Word
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


# -- 2. negativity both ways -------------------------------------------------------------

INFLUENCE = "Who has shaped the way you work more than anyone?"
MENTOR = (
    "My first head of department at the secondary school, Ms Osei, shaped me most. She made "
    "me redo my lesson plans until every task had a reason written next to it, and she made "
    "me sit in on her hardest class for a month. From her I learned that good teaching is "
    "planned, not improvised, and I still write the reason next to every task today."
)
WHY_LAB = "Why do you want to join our laboratory?"
LAB = (
    "When I visited your lab in March, two of your scientists told me how you hold "
    "blame-free reviews after every failed run, and that stuck with me. At my current lab "
    "I set up the monthly review of failed assays, and repeat failures fell by a third. I "
    "would like to bring that habit to a team that already works that way."
)


def test_praise_of_a_mentor_or_a_blame_free_habit_is_not_negativity() -> None:
    fb = run(INFLUENCE, MENTOR)
    assert "negativity" not in ids(fb)
    lab = run(WHY_LAB, LAB)
    assert "negativity" not in ids(lab)


LEAVING = "What makes you want to leave your current employer?"
SOURED = (
    "Honestly the agency has gone downhill since the merger. The partners change the plan "
    "every month, my line manager takes credit for anything the team gets right, and most "
    "of the office spends more time on their phones than doing the job. I am just looking "
    "for somewhere that rewards the people who actually do the work."
)
MOVING_ON = (
    "I have had four good years at the agency, and I now run the accounts for our three "
    "biggest clients. The next step up there is a partner post that will not open for "
    "years, so I am looking for a role where I can lead a small team and own a budget. "
    "This role offers both, which is why I applied."
)


@pytest.mark.parametrize("as_spoken", [False, True])
def test_paraphrased_blame_of_an_employer_is_negativity(as_spoken: bool) -> None:
    weak = run(LEAVING, SOURED, as_spoken=as_spoken)
    strong = run(LEAVING, MOVING_ON, as_spoken=as_spoken)
    assert "negativity" in ids(weak)
    said = quoted(weak, "negativity")
    assert "downhill" in said or "takes credit" in said or "than doing the job" in said
    assert weak.score < 60 and strong.score > weak.score + 20


TEAM = "Tell me about a time you were part of a team."
GO_IT_ALONE = (
    "On the new clinic booking system I built most of the screens myself, because the other "
    "two developers were quite new and would have slowed things down. I designed the data "
    "model, wrote the booking rules and went over everything they wrote, usually redoing a "
    "good part of it. We launched in six weeks and missed appointments fell by 25%. It "
    "showed me that it is often faster to just do it properly yourself."
)
TOGETHER = (
    "On the new clinic booking system I worked with two newer developers and the head "
    "receptionist. I asked the receptionist to walk us through a busy Monday first, which "
    "changed the whole design. I paired with the newest developer on the booking rules "
    "rather than writing them myself, and she caught a double booking case I had missed. "
    "We launched in six weeks and missed appointments fell by 25%."
)


def test_belittling_teammates_is_a_red_flag_that_strengths_cannot_outweigh() -> None:
    weak, strong = run(TEAM, GO_IT_ALONE), run(TEAM, TOGETHER)
    assert "negativity" in ids(weak) and "slowed things down" in quoted(weak, "negativity")
    assert weak.score < 60 and strong.score > weak.score + 20
    # the cut is named in the explanation, and the subscores still add up
    assert any("red flag" in line for line in weak.explanation)
    assert sum(weak.subscores.values()) == weak.score


STRENGTH = "What would you say is your main strength?"
ABOVE_THE_REST = (
    "My main strength is that I actually read the small print, unlike most of the people I "
    "have worked with. I was generally the one catching the errors everyone else missed. I "
    "care about getting contracts right in a way that, frankly, most paralegals do not."
)
CAREFUL = (
    "My main strength is reading contracts closely. Last year I found a renewal clause in a "
    "supplier contract that would have tied us in for five more years at the old price, and "
    "we renegotiated it, saving about 40 thousand pounds. I keep a checklist of the clauses "
    "that cause most trouble and share it with the new paralegals."
)


def test_setting_oneself_above_colleagues_is_arrogance_not_impact() -> None:
    weak, strong = run(STRENGTH, ABOVE_THE_REST), run(STRENGTH, CAREFUL)
    assert "arrogance" in ids(weak)
    said = quoted(weak, "arrogance")
    assert "unlike most" in said or "everyone else missed" in said
    assert "quantified-impact" not in ids(weak)
    assert strong.score > weak.score + 20


FAILED = "Tell me about a time something you were responsible for went wrong."
NOT_ON_ME = (
    "The floor plan my director gave me had the wrong wall heights in it, and the survey "
    "team had approved it without really looking. So the shelving for the shop arrived too "
    "tall and the client was angry. That part was not really on me. These days I always "
    "check whatever other people hand me."
)
ON_ME = (
    "I ordered the shop shelving from the first floor plan and never checked it against the "
    "survey, so every unit arrived ten centimetres too tall. That was my mistake. I told the "
    "client the same day, paid for the cut down out of our margin and fitted them a week "
    "late. Since then I check every order against the latest survey, and there has not been a "
    "wrong delivery in two years."
)


def test_a_failure_put_on_others_is_deflection_not_learning() -> None:
    weak, strong = run(FAILED, NOT_ON_ME), run(FAILED, ON_ME)
    assert "deflects-blame" in ids(weak) and "not really on me" in quoted(weak, "deflects-blame")
    assert "growth" not in ids(weak) and "owns-mistake" not in ids(weak)
    assert strong.score > weak.score + 30


DISAGREE = "Tell me about a disagreement you had with a colleague."
TALKED_DOWN = (
    "A buyer from the retail side wanted a new range on the shelves within a week. I "
    "explained to him, slowly, why that was never going to happen, and went through the "
    "supply timeline. He eventually came round once he understood how sourcing works. The "
    "range went out a month later."
)


def test_talking_down_to_a_colleague_is_negativity() -> None:
    fb = run(DISAGREE, TALKED_DOWN)
    assert "negativity" in ids(fb) and "slowly" in quoted(fb, "negativity")
    assert "resolved" not in ids(fb)


# -- 3. results and numbers ---------------------------------------------------------------

SOLVED = "Tell me about a problem at work that you solved."
MEASURED = (
    "Last winter the hospital pharmacy queue kept backing up at lunchtime. I timed each "
    "step for a week and found that most of the wait came from checking stock by hand. So "
    "I set up a shared stock sheet that the wards could see, and moved the check to the "
    "quiet early shift. The average wait for a prescription got about 15% shorter, and the "
    "ward sister told me her nurses were back on the ward twenty minutes sooner."
)


@pytest.mark.parametrize("as_spoken", [False, True])
def test_a_change_measured_by_a_number_is_the_result(as_spoken: bool) -> None:
    text = MEASURED.lower().replace(".", "").replace(",", "") if as_spoken else MEASURED
    fb = run(SOLVED, text, as_spoken=as_spoken)
    assert "result-missing" not in ids(fb)
    assert "star-result" in ids(fb) and "quantified-impact" in ids(fb)
    impact = quoted(fb, "quantified-impact")
    assert "15%" in impact or "twenty minutes sooner" in impact


SLIP = "Tell me about a mistake you made."
DATED = (
    "In 2019 I launched a monthly newsletter to our whole customer list without checking the "
    "unsubscribe filter. Several people who had opted out got it and two of them complained. "
    "I owned it the same morning, apologised to each of them and fixed the filter. Since "
    "then I test every send on a small list first."
)


def test_a_year_is_not_a_measured_outcome() -> None:
    fb = run(SLIP, DATED)
    assert "quantified-impact" not in ids(fb)
    assert "2019" not in quoted(fb, "quantified-impact")


TEAM_LESSON = (
    "On the school timetable rebuild I worked with two heads of year and the office "
    "manager. I asked the office manager to show us how room clashes were found, and I "
    "paired with one head of year on the exam weeks. We delivered the timetable a week "
    "early and every room was free when it was booked. I learned that asking the office "
    "staff first saves days."
)


def test_a_lesson_is_not_quoted_as_the_result() -> None:
    fb = run(TEAM, TEAM_LESSON)
    assert "star-result" in ids(fb)
    assert "learned" not in quoted(fb, "star-result")
    assert "delivered the timetable" in quoted(fb, "star-result")


# -- 4. a story to another question -------------------------------------------------------

STEPPED_IN = (
    "When our ward manager went on long leave, I stepped in to run the day shift for three "
    "months. I began by meeting each nurse one to one to hear what slowed them down. I set "
    "up a ten minute huddle at every handover and took over the rota myself. Missed "
    "observations fell from twenty a week to four, and two of the team have since been "
    "promoted."
)
WORKED_THROUGH = (
    "A senior nurse on my ward disagreed with my plan to move the medicine round earlier. "
    "She felt it would clash with the doctors' rounds. I asked her to walk me through a "
    "typical morning, and she was right about the clash. We agreed to try a split round "
    "for two weeks, half before and half after the doctors. Missed doses fell to almost "
    "none, and we still run it that way."
)


def test_a_story_with_no_disagreement_is_off_topic_for_a_conflict_question() -> None:
    other, real = run(DISAGREE, STEPPED_IN), run(DISAGREE, WORKED_THROUGH)
    assert "off-topic" in ids(other) and "resolved" not in ids(other)
    assert "off-topic" not in ids(real) and "resolved" in ids(real)
    assert real.score > other.score + 15


# -- 5. salary and the areas no finding moved -------------------------------------------

PAY = "What salary are you hoping for?"
LEFT_TO_THEM = (
    "Oh, I am honestly not sure, whatever you think is fair really. I would not want to "
    "price myself out of it. Pay is not that important to me, I just want to start."
)
DEMANDS = (
    "I am after at least 60k and a decent bonus. On top of that I would want two days "
    "from home, a company car, private medical cover and 30 days off. A parking space "
    "would be good as well."
)
RESEARCHED = (
    "Looking at similar roles in the region and the salary survey for surveyors, I would "
    "expect between 48 and 54 thousand. I am flexible within that, depending on the whole "
    "package and how much site work the role involves."
)


def test_leaving_the_figure_to_them_is_not_a_researched_answer() -> None:
    dodge, demands, good = run(PAY, LEFT_TO_THEM), run(PAY, DEMANDS), run(PAY, RESEARCHED)
    assert "salary-ready" not in ids(dodge) and "salary-unready" in ids(dodge)
    assert "whatever you think" in quoted(dodge, "salary-unready")
    assert "salary-unready" in ids(demands)
    listed = quoted(demands, "salary-unready")
    assert "bonus" in listed or "from home" in listed or "company car" in listed
    assert "demands" in next(f.message for f in demands.findings if f.id == "salary-unready")
    assert "salary-ready" in ids(good)
    assert good.score > dodge.score and good.score > demands.score


def test_an_area_no_finding_moved_says_how_to_earn_the_rest() -> None:
    fb = run(PAY, RESEARCHED)

    def short_and_unmoved(line: str) -> bool:
        got, top = line.split(":")[0].split(" ")[1].split("/")
        return int(got) < int(top) and "(" not in line

    unmoved = [line for line in fb.explanation if short_and_unmoved(line)]
    assert unmoved, fb.explanation
    unexplained = [
        x for x in unmoved if "earned by" not in x and "nothing here adds to it" not in x
    ]
    assert not unexplained, unexplained
    story = run(DISAGREE, STEPPED_IN)
    structure = next(line for line in story.explanation if line.startswith("structure"))
    assert "(" in structure  # moved by findings: nothing more to add


# -- 6. the recognizer fell behind ----------------------------------------------------------

WHY_JOB = "What makes you want this job?"
KEPT_UP = (
    "I have run the stores at a builders merchant for six years and I want to move into "
    "planning for a bigger network. Last year I cut our dead stock by a quarter by "
    "reordering from weekly sales, and your depots run on the same kind of system."
)
GARBLED = "and i'm really excited to grow with you honestly passionate about the whole idea"
BEHIND = (
    "the computer was busy: recognition could not finish the answer from 0:20 on in time, "
    "so the words from there are the live pass's and may be wrong or missing (the "
    "recording holds the whole answer)"
)


def _busy(note: bool) -> Transcript:
    """Steady speech for the first 20 s; after that the live pass kept only a few words,
    far apart, as a recognizer that fell behind does."""
    first = KEPT_UP.replace(",", "").replace(".", "").lower().split()
    words = [Word(w, 1.0 + k * 0.42, 1.3 + k * 0.42) for k, w in enumerate(first)]
    late = GARBLED.split()
    words += [Word(w, 26.0 + k * 1.6, 26.3 + k * 1.6) for k, w in enumerate(late)]
    end = words[-1].end or 0.0
    return Transcript(
        " ".join(w.word for w in words),
        tuple(words),
        duration=end + 0.5,
        engine="vosk",
        notes=(Note(BEHIND, NoteKind.INCOMPLETE, since=20.0),) if note else (),
    )


def test_the_dropped_stretch_is_not_the_speakers_pause_or_pace() -> None:
    plain = analyze(None, _busy(note=False), question_text=WHY_JOB)
    assert {"long-pauses", "too-slow"} & ids(plain)  # what the gap looks like unexplained
    busy = analyze(None, _busy(note=True), question_text=WHY_JOB)
    assert "long-pauses" not in ids(busy) and "too-slow" not in ids(busy)
    assert busy.metrics["measured_until"] == 20
    assert any("0:20" in f.message for f in busy.findings if f.id == "timing-not-measured")

    # words from the stretch the recognizer may have garbled earn no strength
    def late(fb: Feedback) -> list[str]:
        return [
            f.id
            for f in fb.findings
            if f.severity == "strength" and any((e.start or 0) >= 20 for e in f.evidence)
        ]

    assert late(plain)  # unexplained, "excited to grow" is credited
    assert late(busy) == []


# -- 7. company facts without a notes file ----------------------------------------------------

WHY_US = "Why do you want to work for Fenwick Rail?"
RECITAL = (
    "Fenwick Rail was founded in 1962 and now runs over three hundred trains a day. Its "
    "mission is to make regional travel simple and affordable. The company carried forty "
    "million passengers last year and is moving its whole fleet to battery trains. I am "
    "very excited and passionate about this opportunity."
)
MET_THEM = (
    "I spoke to two of your signalling engineers at the careers fair, and they described "
    "how your control room now plans engineering work around passenger counts. I have "
    "spent four years scheduling track possessions for a freight operator, and I moved our "
    "plans onto live freight data, which cut late handbacks by half. I want to do that "
    "work where it affects passengers directly."
)


def test_recited_company_facts_are_named_as_recited_and_first_hand_knowledge_counts() -> None:
    recital, met = run(WHY_US, RECITAL), run(WHY_US, MET_THEM)
    finding = next(f for f in recital.findings if f.id == "no-company-research")
    assert "recited" in finding.message and "Nothing about the company" not in finding.message
    assert "mission" in quoted(recital, "no-company-research")
    assert "research-shown" in ids(met) and "your signalling engineers" in quoted(
        met, "research-shown"
    )
    assert met.score > recital.score


def test_words_that_look_like_numbers_are_not_counts() -> None:
    lesson = run(
        TEAM,
        "On the depot move I worked with the shift lead and a new planner. I paired with "
        "the planner on the routes and brought the shift lead in early. We moved on "
        "schedule. I learned that bringing the right people in early saves more time than "
        "any clever shortcut.",
    )
    assert "quantified-impact" not in ids(lesson)
    catcher = run(
        STRENGTH,
        "My strength is care with detail. At the bakery I was usually the one catching the "
        "slips on the order sheets before they reached the ovens, and my manager relied on "
        "me for it.",
    )
    assert "quantified-impact" not in ids(catcher)


def test_a_handover_is_not_a_boast() -> None:
    fb = run(
        "What is your biggest weakness?",
        "um so my weakness is probably that i hold on to jobs myself for too long last year "
        "i was the person who knew our stock system and it got stuck whenever i was off so "
        "now i train someone on every task i own and two people in the team can run the "
        "month end without me now",
    )
    assert "arrogance" not in ids(fb)
    assert "weakness-named" in ids(fb) and "improving" in ids(fb)


GENERIC_US = (
    "Everyone says good things about the firm and I think it would be a great place to "
    "grow my career. You have a strong name in the market and I like that you are a big, "
    "secure employer. I work hard and I am sure I would add a lot. I am really keen on "
    "the opportunity."
)


def test_a_wish_to_grow_and_flattery_are_not_fit_or_research() -> None:
    generic, met = run(WHY_US, GENERIC_US), run(WHY_US, MET_THEM)
    assert "fit-shown" not in ids(generic) and "research-shown" not in ids(generic)
    assert generic.score < met.score


def test_indignation_at_a_former_employer_is_negativity() -> None:
    fb = run(
        LEAVING,
        "They let me go after nine years, which was a slap in the face, and then they had "
        "the nerve to ask me to train the agency staff who replaced me. I am still angry "
        "about how it was handled.",
    )
    assert "negativity" in ids(fb)
    said = quoted(fb, "negativity")
    assert "slap in the face" in said or "had the nerve" in said


# -- 8. knowledge held by one person is a risk told, not a boast (regression) -----------


def test_being_the_only_one_who_knew_something_is_the_weakness_not_a_boast() -> None:
    q = "What would you say is your main weakness?"
    honest = (
        "i tend to keep things in my own head for too long last spring i was the only one "
        "who knew how our payroll export worked and when i was on leave the month end slipped "
        "by three days so now i write a one page guide for each job i own and two colleagues "
        "have run the export on their own since"
    )
    boast = (
        "Honestly my only weakness is that I'm better than the people around me. I was the "
        "only one who could fix the payroll export when it broke, and I fixed it in an hour."
    )
    fb, worse = run(q, honest), run(q, boast)
    assert "arrogance" not in ids(fb), quoted(fb, "arrogance")
    assert "arrogance" in ids(worse)
    assert "only one who could" in quoted(worse, "arrogance")
    assert fb.score > worse.score + 15
