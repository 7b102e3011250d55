"""General defects found on the second blind set (blind_pairs_2.toml), each pinned here
in hotseat's own words, never the pairs' (tests/feedback/README.md):

- a person named by their trade ("the plasterer", "our locum pharmacist") was nobody,
  so running them down was not negativity;
- a rule of thumb ("if they don't feel heard, you lose them") was read as blame;
- a comparison someone else measured ("ranked first of nine in the audit") as a boast;
- hiding a mistake (saying nothing, counting on nobody noticing) was never flagged;
- asked about working with others, "I'd rather do it myself" was a minor slip;
- "I also noticed", "I then added": one word between subject and verb hid the phrase;
- hobbies offered as strengths were credited like work.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.transcript import Transcript
from tests.feedback.labelled import spoken


def run(question: str, text: str, *, as_spoken: bool = False) -> Feedback:
    transcript = spoken(text) if as_spoken else Transcript.typed(text)
    return analyze(None, transcript, question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, finding: str) -> str:
    return " ".join(e.text.lower() for f in fb.findings if f.id == finding for e in f.evidence)


TEAM_Q = "Tell me about a time you relied on other people to finish a job."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "We were fitting out a dental surgery and the plasterer was hopeless as ever, so "
            "the whole second fix slipped a week and I had to chase everyone.",
            "hopeless",
        ),
        (
            "On the night shift, our locum pharmacist was clueless about the new system and "
            "I ended up checking every order myself.",
            "clueless",
        ),
        (
            "the scaffolder was useless and the roofer never listened to a word i said so i "
            "just got on with it",
            "useless",
        ),
    ],
)
def test_running_down_someone_named_by_their_trade_is_negativity(text: str, words: str) -> None:
    for as_spoken in (False, True):
        fb = run(TEAM_Q, text, as_spoken=as_spoken)
        assert "negativity" in ids(fb), fb.findings
        assert words in quoted(fb, "negativity")


@pytest.mark.parametrize("thing", ["the printer was useless", "the quarter was terrible"])
def test_a_thing_that_ends_like_a_job_title_is_not_a_person(thing: str) -> None:
    fb = run(
        TEAM_Q,
        f"Last spring {thing}, so I split the work with two colleagues and we "
        "still delivered the catalogue on time, which the client thanked us for.",
    )
    assert "negativity" not in ids(fb)


def test_a_rule_of_thumb_about_people_is_not_blame() -> None:
    fb = run(
        "What are your main strengths as a teacher?",
        "I am patient with worried parents. If they don't feel heard, you lose them for the "
        "whole year, so I call every family in the first fortnight and I keep a note of what "
        "each one asked. Last year every parent came to the spring evening.",
    )
    assert "negativity" not in ids(fb)


def test_a_comparison_someone_else_measured_is_not_arrogance() -> None:
    fb = run(
        "What is your greatest strength?",
        "Accuracy. In last year's stock audit I was ranked first of nine counters, with fewer "
        "corrections than anyone else in the depot, because I recount any shelf that looks off.",
    )
    assert "arrogance" not in ids(fb)
    boast = run(
        "What is your greatest strength?",
        "Accuracy. Honestly I am more accurate than anyone else in the depot and everyone "
        "knows it, the others just rush and I never do.",
    )
    assert "arrogance" in ids(boast)


MISTAKE_Q = "Describe a mistake you made and what you did about it."
OWNED = (
    "I sent a supplier the wrong delivery address for a rush order. As soon as I saw it I "
    "rang my manager, then the supplier, and we rerouted the van the same afternoon. I now "
    "read every address back to the supplier on the phone, and it has not happened again."
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "I sent a supplier the wrong delivery address for a rush order. I did not tell "
            "anyone, I just rang the driver myself and hoped nobody would ask why it was late. "
            "It arrived a day behind and nobody found out it was me.",
            "did not tell anyone",
        ),
        (
            "I once booked the conference room twice for the same slot. I kept it quiet and "
            "moved the smaller meeting to the canteen, and I figured the directors would not "
            "notice the mix-up, which they did not.",
            "kept it quiet",
        ),
        (
            "i put the wrong price on a batch of invoices and rather than make a fuss i covered "
            "it up by adjusting the next batch so the totals matched in the end",
            "covered it up",
        ),
    ],
)
def test_hiding_a_mistake_is_flagged_and_ranks_below_owning_it(text: str, words: str) -> None:
    hidden, owned = run(MISTAKE_Q, text), run(MISTAKE_Q, OWNED)
    assert "conceals-mistake" in ids(hidden)
    assert words in quoted(hidden, "conceals-mistake")
    assert not {"owns-mistake", "growth"} & ids(hidden)
    assert owned.score > hidden.score + 10
    assert "conceals-mistake" not in ids(owned)


def test_a_colleague_who_hid_a_mistake_is_not_the_speaker_hiding_one() -> None:
    fb = run(
        MISTAKE_Q,
        "A colleague had kept it quiet that the backup failed, and when I found the gap I told "
        "our manager the same day, restored the files and set up a weekly restore test.",
    )
    assert "conceals-mistake" not in ids(fb)


TOGETHER_Q = "Give an example of working with another team to reach a goal."


@pytest.mark.parametrize(
    "text",
    [
        "To be honest I work better on my own. Other teams want a say in everything, so for "
        "the spring catalogue I wrote it all myself and emailed the finished file to design.",
        "i would rather do it myself than wait for other departments because meetings just "
        "slow me down so i built the whole rota alone and told people when it was done",
        "Group work is not really for me. On the warehouse move I planned every shift myself; "
        "it is quicker to do it myself than to explain it to five people.",
    ],
)
def test_turning_teamwork_down_is_a_major_flag(text: str) -> None:
    fb = run(TOGETHER_Q, text)
    assert "prefers-alone" in ids(fb), fb.findings
    found = next(f for f in fb.findings if f.id == "prefers-alone")
    assert found.severity == "major"
    good = run(
        TOGETHER_Q,
        "For the spring catalogue I worked with design and the warehouse. We agreed one "
        "timeline in a kick-off meeting, I sent a short update every Friday, and the "
        "warehouse told us which lines were running low, so we dropped them. It went out a "
        "week early and returns fell by a tenth.",
    )
    assert "prefers-alone" not in ids(good)
    assert good.score > fb.score


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "I also noticed you are opening a second clinic in the north of the city, and "
            "I have run a new clinic's reception from its first week.",
            "research-shown",
        ),
    ],
)
def test_a_word_between_subject_and_verb_keeps_the_phrase(text: str, finding: str) -> None:
    fb = run("Why do you want to work for our practice?", text)
    assert finding in ids(fb)
    assert "i also noticed" in quoted(fb, finding)


def test_a_safeguard_added_after_a_mistake_is_what_changed() -> None:
    fb = run(
        MISTAKE_Q,
        "Last winter I approved a timesheet with the wrong hours, and the agency was overpaid "
        "by a week. I told my manager that morning and we recovered the money. I then added a "
        "second check to the approval form, so any week over forty hours needs a note.",
    )
    assert "growth" in ids(fb)
    assert "no-learning" not in ids(fb)


def test_hobbies_offered_as_strengths_are_private_life_not_impact() -> None:
    hobbies = run(
        "What are your strengths as a receptionist?",
        "Mostly outside work, really. I am great at board games and I have won our village "
        "chess club three times, my friends say I am the calm one, and at the weekend I run "
        "a five kilometre race. I have not really thought about how that fits the job.",
    )
    work = run(
        "What are your strengths as a receptionist?",
        "I stay calm when the desk is busy. At the surgery where I work now, I handle about "
        "sixty calls a morning and I set up a call-back list, so patients stopped waiting on "
        "hold, and complaints about the phones fell from weekly to almost none.",
    )
    assert "private-life" in ids(hobbies)
    assert work.score > hobbies.score


def test_a_common_word_is_not_read_as_a_rarer_phrase_word() -> None:
    """'store credit' is not 'stole credit', though the two are one letter apart."""
    fb = run(
        "What would you do if a customer wanted money back after the return date?",
        "I would hear them out first, then explain the policy and offer an exchange or "
        "store credit, and if they were still unhappy I would ask my supervisor to join us.",
    )
    assert "negativity" not in ids(fb)


def test_what_people_said_of_themselves_is_not_blame() -> None:
    fb = run(
        MISTAKE_Q,
        "I ran a training day that fell flat. Afterwards I asked the new starters why, and "
        "they told me they didn't understand the jargon, so I rewrote the slides in plain "
        "words and the next group rated the day four out of five.",
    )
    assert "negativity" not in ids(fb)


def test_a_role_held_is_not_a_boast() -> None:
    fb = run(
        "Tell me about a time you led a team through a hard week.",
        "I was in charge of the night shift when two nurses called in sick. I moved the "
        "agency nurse to the busiest bay, took four patients myself and briefed the day team "
        "at handover, and every medication round went out on time.",
    )
    assert "arrogance" not in ids(fb)


def test_what_friends_say_is_fine_when_asked_how_others_see_you() -> None:
    fb = run(
        "How would your friends describe you?",
        "My friends would say I am dependable: when our football club needed a treasurer I "
        "took it on, kept the accounts for three seasons and left it with money in the bank.",
    )
    assert "private-life" not in ids(fb)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "We need someone to rebuild our sales team from scratch. Why should that be you?",
            "why-hire",
        ),
        (
            "Our clinic is opening a second site next spring. What do you know about us?",
            "why-company",
        ),
        (
            "The last person in this job was looking for more pay. "
            "Where do you see yourself in five years?",
            "five-years",
        ),
    ],
)
def test_a_context_sentence_before_the_question_does_not_outvote_it(
    question: str, intent: str
) -> None:
    from hotseat.feedback.intent import classify
    from hotseat.feedback.lexicon import default_lexicons

    assert classify(question, default_lexicons()) == intent


def test_a_slow_process_is_not_a_wish_to_work_alone() -> None:
    fb = run(
        TOGETHER_Q,
        "The old sign-off process slowed things down, so I sat with finance and legal and we "
        "agreed one shared checklist. Contracts now go out in two days instead of nine.",
    )
    assert "prefers-alone" not in ids(fb)
