"""Signals that the advice on strong answers names, written from that advice (never from
the third-party examples), each tested on answers written here (tests/feedback/README.md):

- experience tied to this job: time spent doing the work, said of oneself, plus this
  job or employer named, is fit however it is worded; a past date ("four years ago"),
  a future ("in five years") or an age is not experience.
"""

from __future__ import annotations

from hotseat.feedback import Feedback, analyze
from hotseat.transcript import Transcript


def run(question: str, text: str) -> Feedback:
    return analyze(None, Transcript.typed(text), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


ABOUT = "Could you introduce yourself?"
HELD = [
    (
        "I've kept the books for a family-run plumbing firm for seven years, from payroll "
        "to the year-end pack for the accountant. Last spring I moved our invoicing onto "
        "a cloud package and we now get paid about ten days sooner. Your practice looks "
        "after small trades businesses, which is the work I know best.",
        "seven years",
        "your practice",
    ),
    (
        "I have driven a refuse lorry round the east of the city for twelve years, and "
        "for the last three I have trained the new crews on the safety checks. Nobody on "
        "my crews has had a reportable accident in that time. I would like to bring that "
        "to the supervisor post on your depot.",
        "twelve years",
        "your depot",
    ),
    (
        "For eighteen months I sub-edited the night desk of a local paper, checking "
        "facts against the clock. Court reports, council stories, the sports pages: I "
        "rewrote our corrections log so errors get fixed the same night. The post on "
        "your digital desk adds the website, which I already help with most weeks.",
        "eighteen months",
        "your digital desk",
    ),
]


def test_experience_held_and_this_job_named_is_fit() -> None:
    for text, held, link in HELD:
        fb = run(ABOUT, text)
        assert "fit-shown" in ids(fb), text
        assert "no-fit" not in ids(fb)
        assert held in quoted(fb, "fit-shown")
        assert link in quoted(fb, "fit-shown")


NOT_HELD = [
    # a date in the past, then "here I am": no time spent doing anything, no job named
    "I finished school three years ago and then I went travelling round Asia with a "
    "friend. After that I stayed at home for a bit and helped my dad in the garden. "
    "Now here I am, looking for something new.",
    # a future and an age
    "I'm twenty-four years old and I love films and long walks. In five years I want "
    "to be sitting in your chair, to be honest. I just like the idea of being the boss.",
]


def test_a_past_date_a_future_or_an_age_is_not_experience() -> None:
    for text in NOT_HELD:
        fb = run(ABOUT, text)
        assert "fit-shown" not in ids(fb), text
        assert "no-fit" in ids(fb)


def test_experience_tied_to_the_job_outranks_a_life_story_of_the_same_length() -> None:
    strong = HELD[1][0]
    weak = (
        "I grew up just outside the city and I have always liked being outdoors. I play "
        "five-a-side on Thursdays and I go fishing with my brother when I can. My "
        "friends say I am reliable and I am always on time. I think I would be good at "
        "a job like this one."
    )
    assert len(weak.split()) >= 0.9 * len(strong.split())
    assert run(ABOUT, strong).score > run(ABOUT, weak).score


# -- length is a hint: a crisp answer with substance against a short cliche -------------

SHORT = [
    (
        "Why should we hire you?",
        "Because honestly I am just the best person for this.",
        "I've run month-end payroll for 300 staff for five years without a late run, and "
        "last year I moved us onto the system your team is adopting.",
    ),
    (
        "Tell me about yourself.",
        "I'm a hard worker and a real team player.",
        "I'm a pharmacy technician; for four years I've run the dispensary's stock "
        "orders, and last winter I cut our out-of-date write-offs by a third.",
    ),
    (
        "Why are you leaving your current job?",
        "The management there is a joke.",
        "After six years I've taken our branch's audit score from amber to green twice, "
        "and I want a role where I can do that across several sites.",
    ),
]


def test_a_short_cliche_is_clearly_below_a_crisp_answer_with_substance() -> None:
    for question, cliche, crisp in SHORT:
        empty, full = run(question, cliche), run(question, crisp)
        assert full.score >= empty.score + 15, crisp
        # Both are short typed answers; only the empty one is badly short.
        assert [f.severity for f in empty.findings if f.id == "too-short"] == ["major"]
        assert [f.severity for f in full.findings if f.id == "too-short"] in (["minor"], [])


# -- question-type checks, worded from what the advice says each answer shows ----------

FAILED = "Tell me about a project of yours that didn't work out."
# A failure told without "failed" or "mistake": a target missed, a plan fallen for, the
# speaker's own omission, and what changed.
FLOP = (
    "Two summers ago I ran the relaunch of our garden centre's loyalty card. I fell for "
    "a glossy app the supplier showed us and I didn't push for any testing with older "
    "customers, who are most of our regulars. Sign-ups reached about a quarter of the "
    "target by August. Since then I trial anything customer-facing with a handful of "
    "regulars first, and the autumn plant club signed up twice the numbers we planned."
)


def test_a_failure_told_in_plain_words_is_on_topic_and_owned() -> None:
    fb = run(FAILED, FLOP)
    assert "off-topic" not in ids(fb)
    assert "owns-mistake" in ids(fb)
    assert "no-ownership" not in ids(fb)
    owned = quoted(fb, "owns-mistake")
    assert "i fell for" in owned or "i didn't push" in owned


WEAK_Q = "What area would your last manager say you need to improve in?"
# The weakness named in the manager's words, then what is being done about it.
REPORTED = (
    "He'd say handing work over. When I took on the front desk team I kept doing the "
    "bookings myself because I knew they'd be right, and I became the bottleneck. Now I "
    "train each receptionist on the system in their first week and I only check the "
    "Monday list, and my evenings are my own again."
)
# Standards held up as the weakness, the others falling short: a boast, not a weakness.
BOAST = (
    "He'd probably say I'm hard on people, but honestly that's because I expect the "
    "same standards from everyone that I set for myself. Most of the front desk just "
    "couldn't keep up with that, so I ended up redoing their bookings anyway."
)


def test_a_weakness_in_the_managers_words_is_named_and_a_standards_boast_is_not() -> None:
    good, bad = run(WEAK_Q, REPORTED), run(WEAK_Q, BOAST)
    assert "weakness-named" in ids(good)
    assert "he'd say" in quoted(good, "weakness-named")
    assert "weakness-cliche" in ids(bad)
    assert "same standards" in quoted(bad, "weakness-cliche")
    # "the standards I set for myself" is no step taken to improve
    assert "set for myself" not in quoted(bad, "improving")
    assert good.score > bad.score


STRENGTH_Q = "What would your colleagues say you're good at?"


def test_the_worst_of_a_rush_is_no_judgement_of_people() -> None:
    calm = (
        "They'd say I keep my head in a crisis. When the tills went down on Black Friday "
        "I wrote the queue one update, divided the shift into people doing returns and "
        "people on the phones, and stayed beside the newest starters through the worst of "
        "it. We lost no sales that we could count."
    )
    harsh = (
        "They'd say I keep my head in a crisis. Our floor manager is the worst I have "
        "ever worked for and panicked the moment the tills went down, so I kept my head "
        "for all of us."
    )
    assert "negativity" not in ids(run(STRENGTH_Q, calm))
    assert "negativity" in ids(run(STRENGTH_Q, harsh))


# -- money as a motive, not money in a story -------------------------------------------

HIRE = "Why should we pick you for this branch manager job?"


def test_money_in_a_story_is_not_money_as_the_reason() -> None:
    story = (
        "At my last shop we were losing stock worth about two thousand pounds a month. I "
        "moved the high-value lines behind the counter and we won most of that money "
        "back within a quarter, which then paid for a second weekend cashier. I commute "
        "past this branch every day and I know its customers."
    )
    motive = (
        "Honestly I mainly want the money. The bonus here is better than at my last shop, "
        "and the commute is shorter, which is why I applied for the branch manager job."
    )
    assert "sounds-indifferent" not in ids(run(HIRE, story))
    bad = run(HIRE, motive)
    assert "sounds-indifferent" in ids(bad)
    assert "money" in quoted(bad, "sounds-indifferent")


# -- a result told plainly -------------------------------------------------------------

ENDINGS = [
    (
        "Tell me about a challenge you overcame.",
        "Our caterer cancelled a week before the awards dinner. I rang six others, found "
        "one who could do a cold menu, and trimmed the courses to three. The dinner ran "
        "to time and we spent a fifth less than planned.",
        "less than planned",
    ),
    (
        "Describe a process you improved.",
        "New cleaners at the hospital took weeks to learn which wards needed which "
        "products. I made a one-page colour chart for each ward and tried it with the "
        "next intake. Mistakes in their first month went from about one a shift to one "
        "a week, and the chart is now part of induction.",
        "part of induction",
    ),
    (
        "Tell me about a time you had to convince someone.",
        "The landlord wanted to skip the fire door upgrade on our shop. I found the two "
        "doors the inspector had flagged, priced the work with three joiners, and showed "
        "him the fine for failing. He agreed, and we passed the inspection first time.",
        "first time",
    ),
]


def test_a_result_told_plainly_is_a_result() -> None:
    for question, text, words in ENDINGS:
        fb = run(question, text)
        assert "result-missing" not in ids(fb), text
        assert "star-result" in ids(fb)
        assert words in quoted(fb, "star-result")


def test_a_story_told_in_its_own_words_is_not_off_topic() -> None:
    # Asked for a story, it tells one of the speaker's own doing, sharing no word with
    # the question: on the subject in its own words.
    question, text, _ = ENDINGS[0]
    fb = run(question, text)
    assert "off-topic" not in ids(fb)
    assert "quantified-impact" in ids(fb)


def test_made_it_clear_is_no_outcome() -> None:
    fb = run(
        "Tell me about a time you led a team.",
        "I ran a crew of six on a loft conversion. I made it clear from day one that I "
        "was in charge and that the job would be done my way, and after that nobody "
        "argued with me.",
    )
    assert "quantified-impact" not in ids(fb)


# -- interest shown without a feeling word ---------------------------------------------


def test_interest_in_the_work_shown_plainly_is_enthusiasm() -> None:
    keen = (
        "I'm a dental nurse with five years in a busy NHS practice, where I run the "
        "sterilisation room and train the apprentices. Your clinic's implant work caught "
        "my eye, because surgical nursing is what I want to specialise in next."
    )
    flat = (
        "I'm a dental nurse with five years in a busy NHS practice, where I run the "
        "sterilisation room and train the apprentices. I can do the same job at your "
        "clinic, as the work is much the same everywhere."
    )
    good, plain = run(ABOUT, keen), run(ABOUT, flat)
    assert "enthusiasm" in ids(good)
    assert "caught my eye" in quoted(good, "enthusiasm")
    assert "low-enthusiasm" in ids(plain)
    assert good.score > plain.score


FIVE = "Where would you like to be in five years' time?"


def test_a_goal_tied_to_this_employer_is_fit_and_wanting_the_interviewers_seat_is_not() -> None:
    tied = (
        "I'd like to be running a small install crew by then. Over the next two years I "
        "want to finish my heat-pump certification and get through every kind of job "
        "your firm takes on, from terraces to farm buildings, and then lead one of your "
        "retrofit teams."
    )
    seat = (
        "Honestly, in five years I want to be sitting in your seat. I aim high and I "
        "always want the next title, so I'd expect to be running this place by then, or "
        "somewhere bigger."
    )
    good, bad = run(FIVE, tied), run(FIVE, seat)
    assert "fit-shown" in ids(good)
    assert "your" in quoted(good, "fit-shown")
    assert "fit-shown" not in ids(bad)
    assert "vague-future" in ids(bad)
    assert good.score > bad.score


PRESSURE = "Tell me about the most pressured week you've had at work."


def test_what_was_done_about_the_pressure_is_handling_it() -> None:
    story = (
        "In my second week at the bakery the oven failed on the Thursday before a bank "
        "holiday. I rang the engineer at six, moved the bread to the two deck ovens, "
        "and baked the cakes overnight in smaller batches. Every shop got its order by "
        "Friday lunchtime."
    )
    vague = (
        "Pressure is just part of working in a bakery, and I am someone who pushes "
        "through it. When things get hard I keep going until it is done, because that "
        "is the kind of person I am, and I never let a week like that get to me."
    )
    good, bad = run(PRESSURE, story), run(PRESSURE, vague)
    assert "copes" in ids(good)
    assert "i rang the engineer" in quoted(good, "copes")
    # "I rang..., moved..., and baked...": each step after a comma is still the speaker's
    assert "3 things you did yourself" in next(
        f.message for f in good.findings if f.id == "own-contribution"
    )
    assert "no-coping" in ids(bad)
    assert good.score > bad.score
