"""Regression cases for the fifth QA trial's findings on feedback (2026-11-30, issue 10),
fixed by cause and pinned in hotseat's own words on other jobs, never the trial's
(tests/feedback/README.md):

1. a group named at arm's length ("those people", "people like her") read as scorn
   whatever the sentence said of them, so thanks or praise cost a red flag;
2. a disagreement told without the word ("refused", "kept pushing his own plan", "dug
   in") called off topic, beside "not worked out", which presumes it;
3. strengths quoting words that do not show them: a time link ("three days later") or a
   number far along a long clause as a measured outcome, a pastime as interest in the
   work, a life summed up as a real example, a cue phrase as one's own part, a habit as
   how the story ended, a role wished for as experience held; and, over every answer
   the tests hold, the words quoted for a self-contained strength show it on their own;
4. relevance earned by echoing the question's words rather than answering what it asks;
5. company notes read back and "passionate" credited as content; salary demands with
   no figure told "a figure with nothing to show where it comes from";
6. tips that ask an estimate for "a real example with what you did";
7. a meaningful "actually" counted as a filler, credit withheld without saying why,
   and a plan's steps miscounted.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hotseat.feedback import Context, Feedback, analyze
from hotseat.feedback.consistency import PRESUMES_TOPIC
from hotseat.transcript import Transcript
from tests.feedback.blind import load_blind_pairs
from tests.feedback.labelled import Pair, load_pairs

HERE = Path(__file__).parent


def run(question: str, text: str, context: Context | None = None) -> Feedback:
    return analyze(None, Transcript.typed(text), context or Context(), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


# -- 1. "those people": what is said of them decides -------------------------------------

WEAKNESS = "What would you say is your biggest weakness?"
TEAMWORK = "Tell me about a time you worked closely with a team."


@pytest.mark.parametrize(
    ("question", "kind_words", "scornful"),
    [
        (
            WEAKNESS,
            "I take too much on myself. Last spring I kept the whole stock count for the "
            "pharmacy to myself and finished it two days late. Now I split the counts "
            "between the two technicians on Monday and check in with them on Wednesday, "
            "and one of those people told me it was the first time she felt trusted with it.",
            "and those people never bothered to count anything properly",
        ),
        (
            TEAMWORK,
            "Last winter our depot took on three new drivers in one week. I rode along on "
            "their first routes, wrote a one-page guide to the loading bays, and paired "
            "each of them with an old hand. Two of those people now run the Saturday "
            "rounds on their own, and late deliveries fell from nine a week to two.",
            "and those people still can't read a delivery note",
        ),
        (
            TEAMWORK,
            "On the children's ward our senior physio planned every session with the "
            "nurses and the parents. I learned to do the same: I booked a ten minute "
            "huddle before each round and we cut missed exercises by half. We need more "
            "people like her on every ward I work on.",
            "and people like her never listen to the nurses",
        ),
    ],
)
def test_a_group_thanked_or_praised_is_not_run_down(
    question: str, kind_words: str, scornful: str
) -> None:
    kind = run(question, kind_words)
    assert "negativity" not in ids(kind), quoted(kind, "negativity")
    # The same answer that runs them down is flagged, with the words that do it.
    unkind = run(question, kind_words.rsplit(".", 2)[0] + ". " + scornful.capitalize() + ".")
    assert "negativity" in ids(unkind)
    assert scornful.split()[1] in quoted(unkind, "negativity")
    assert kind.score > unkind.score + 15


# -- 2. a disagreement by what it says, and no finding presuming what another denies ----

CONFLICT = "Describe a conflict you had with someone at work and how it went."
NO_DISAGREEMENT = (
    "Last year I moved our clinic's paper referrals to a shared online form. I mapped "
    "the old steps with the receptionists, built the form in a week, and trained the "
    "doctors at two lunchtime sessions. Referrals now reach the hospital the same day "
    "instead of after four days, and nobody has asked for the paper forms since."
)


@pytest.mark.parametrize(
    "answer",
    [
        "Our warehouse supervisor refused to move the loading slots when the new supplier "
        "started delivering at six. I booked twenty minutes with him, showed him a week of "
        "waiting lorries, and offered to cover the early slot myself for a month. He "
        "agreed to try it, and the queue at the gate was gone by the second week.",
        "A senior chef kept pushing his own plan for the Christmas menu: eleven dishes, "
        "on a kitchen staffed for seven. I asked him to cook his two favourites with me on a "
        "quiet afternoon, we costed them together, and we settled on eight dishes. Food "
        "waste over the holiday was the lowest the kitchen had recorded.",
        "When I joined the surgery the practice manager dug in over the phone rota and "
        "would not back down on the eight o'clock rush. I sat with her for one morning "
        "to count the calls, and we moved two receptionists to the early slot. Patients "
        "waiting more than ten minutes on the line dropped by a third.",
    ],
)
def test_a_disagreement_told_in_other_words_is_on_topic(answer: str) -> None:
    fb = run(CONFLICT, answer)
    assert "off-topic" not in ids(fb), fb.findings
    # ...and it ranks above a well-told story with no disagreement in it.
    assert fb.subscores["relevance"] > run(CONFLICT, NO_DISAGREEMENT).subscores["relevance"]


def _stored_answers() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in ("blind_pairs.toml", "blind_pairs_2.toml"):
        for p in load_blind_pairs(HERE / name):
            out += [(p.question, p.strong), (p.question, p.weak)]
    for name in ("train_pairs_4.toml", "train_pairs_5.toml"):
        for row in tomllib.loads((HERE / name).read_text())["pairs"]:
            out += [(row["question"], row["strong"]), (row["question"], row["weak"])]
    for case in tomllib.loads((HERE / "validity_cases.toml").read_text())["case"]:
        out += [(case["question"], case["strong"]), (case["question"], case["weak"])]
    return out


def test_off_topic_never_stands_beside_a_finding_that_presumes_the_topic() -> None:
    clash = []
    for question, answer in _stored_answers():
        found = ids(run(question, answer))
        if "off-topic" in found and found & PRESUMES_TOPIC:
            clash.append((question, sorted(found & PRESUMES_TOPIC)))
    assert not clash
    # A story with no disagreement in it is off topic, and nothing says "not worked out".
    fb = run(CONFLICT, NO_DISAGREEMENT)
    assert "off-topic" in ids(fb)
    assert not ids(fb) & PRESUMES_TOPIC


# -- 3. every strength quotes the words that carry it -----------------------------------

FAILED = "Tell me about a time something you did went wrong."


def test_a_time_link_or_a_far_number_is_not_a_measured_outcome() -> None:
    fb = run(
        FAILED,
        "In my first month as a dispenser I labelled a batch of eye drops for one care "
        "home with the wrong dose on nine bottles, a mistake a pharmacist caught "
        "three days later. I rang the home myself, swapped every bottle that afternoon, "
        "and asked for a second check on every care home batch. We have had no wrong "
        "labels in the ten months since.",
    )
    impact = quoted(fb, "quantified-impact")
    assert "days later" not in impact
    assert "nine bottles" not in impact
    assert "ten months" in impact
    assert "ten months" in quoted(fb, "star-result")


ABOUT = "Tell me a bit about yourself."


def test_a_pastime_or_a_life_summed_up_is_not_interest_or_an_example() -> None:
    poor = run(
        ABOUT,
        "I grew up near the coast and I went to college in York, and then I had a few "
        "jobs in different places. I enjoy climbing and board games at the weekend. I am "
        "reliable and friendly and I think I would suit most teams.",
    )
    assert "enthusiasm" not in ids(poor), quoted(poor, "enthusiasm")
    assert "specific-example" not in ids(poor), quoted(poor, "specific-example")
    good = run(
        ABOUT,
        "I'm a dental nurse with five years in a busy family practice. Last year I set up "
        "the recall letters for our nervous patients, and missed appointments fell by a "
        "quarter. I enjoy the part of the job where a frightened patient leaves calm, and "
        "that is why your community clinic caught my eye.",
    )
    assert {"enthusiasm", "specific-example"} <= ids(good)
    assert good.score > poor.score + 20


def test_cue_words_habits_and_wishes_are_not_strengths() -> None:
    stuffed = run(
        "Tell me about a time you handled a difficult situation.",
        "The situation was hard and the task was the task. The action I took was the "
        "right action and the result was a good result of 30 percent. I owned the "
        "situation. The task was done and the result was 30 percent and the action was "
        "an action I took. I learned the lesson of the situation.",
    )
    assert "cue-words-no-story" in ids(stuffed)
    assert "own-contribution" not in ids(stuffed), quoted(stuffed, "own-contribution")

    blamed = run(
        FAILED,
        "Nothing I did really went wrong. The launch slipped because the printers were "
        "late and the client kept changing the artwork, so it was out of my hands. I "
        "handed in my part of the layout on time, as I always do.",
    )
    assert "star-result" not in ids(blamed), quoted(blamed, "star-result")

    ahead = run(
        "Where do you see yourself in five years?",
        "In five years I'd like to be running my own ward, probably as a charge nurse, "
        "and to have trained as a practice educator so I can bring students on.",
    )
    assert "charge nurse" not in quoted(ahead, "fit-shown")


# Strengths that one sentence of the answer carries on its own: the words quoted for
# them, analysed alone for the same question, must show them again (or be judged off
# topic alone, which strips what a story's parts show).
SELF_CONTAINED = frozenset(
    [
        *("quantified-impact", "enthusiasm", "forward-looking", "goals", "owns-mistake"),
        *("salary-ready", "thoughtful-questions", "weakness-named", "own-contribution"),
    ]
)


def test_every_self_contained_strength_is_shown_by_its_own_quotes() -> None:
    answers: list[tuple[str, str, Pair | None]] = [(q, a, None) for q, a in _stored_answers()]
    for p in load_pairs():
        answers += [(p.question.text, p.strong, p), (p.question.text, p.weak, p)]
    unsupported = []
    for question, answer, pair in answers:
        context = pair.context if pair else Context()
        fb = (
            analyze(pair.question, Transcript.typed(answer), context)
            if pair
            else run(question, answer)
        )
        for f in fb.findings:
            if f.severity != "strength" or f.id not in SELF_CONTAINED or not f.evidence:
                continue
            alone_text = ". ".join(e.text for e in f.evidence)
            alone = (
                analyze(pair.question, Transcript.typed(alone_text), context)
                if pair
                else run(question, alone_text)
            )
            if not {f.id, "off-topic"} & ids(alone):
                unsupported.append((f.id, alone_text))
    assert not unsupported


# -- 4. on topic by what the question asks, not by its words said back -------------------


@pytest.mark.parametrize(
    ("question", "story", "echo"),
    [
        (
            "Tell me about a time you solved a difficult problem under pressure.",
            "Two hours before a wedding lunch our oven's thermostat failed. I moved the "
            "roasts to the smaller oven in two batches, switched the potatoes to the hob, "
            "and rang the guests' table plan through to the floor so the courses went out "
            "in a new order. Every plate left the pass within ten minutes of its time.",
            "I am always good at solving a difficult problem under pressure. When there is "
            "a problem I stay calm under pressure and I solve it, because solving problems "
            "is what I do best. People know I am the one to call when the pressure is on "
            "and a difficult problem needs solving.",
        ),
        (
            "Describe a time you led a team through a change.",
            "When our library moved to self-service loans I ran the switch for six staff. "
            "I asked each of them which part worried them, set up practice mornings on the "
            "new machines, and stood by the kiosks myself for the first week. Queues at the "
            "desk halved within a month and nobody asked to go back.",
            "I have led a team through a change many times and leading a team is natural to "
            "me. A change needs a leader and a team needs to be led through it, so I lead "
            "the team and the change happens. Teams like being led by me through change.",
        ),
        (
            "Tell me about a time you worked under a tight deadline.",
            "Our auditors brought the year-end review forward by a week. I split the "
            "reconciliations between the three of us by account, took the two messiest "
            "myself, and sent a short progress note to the finance director every evening. "
            "We handed the pack over a day early with no open queries.",
            "I work very well under a tight deadline and deadlines never worry me. A tight "
            "deadline is where I work best, and I always meet a deadline however tight the "
            "deadline is. I think working under a deadline is one of my strengths.",
        ),
    ],
)
def test_on_topic_comes_from_answering_not_from_echoing(
    question: str, story: str, echo: str
) -> None:
    told, said_back = run(question, story), run(question, echo)
    assert "on-topic" not in ids(said_back)
    assert "on-topic" in ids(told)
    assert quoted(told, "on-topic")  # quotes something the speaker did
    assert told.subscores["relevance"] > said_back.subscores["relevance"]
    assert told.score > said_back.score


# -- 5. notes read back and a feeling are no reason; salary demands are red flags -------

NOTES = (
    "Fernside Vets runs six small-animal practices in market towns. It opened a 24-hour "
    "emergency clinic last spring. It pays for nurses to train in anaesthesia. Values: "
    "calm handling, honest pricing, time with every owner."
)
FERNSIDE = Context(company="Fernside Vets", notes=NOTES)
WHY_VETS = "Why do you want to work at Fernside Vets?"


def test_notes_read_back_with_a_feeling_earn_no_forward_reason() -> None:
    recited = run(
        WHY_VETS,
        "Fernside Vets runs six small-animal practices in market towns. It opened a "
        "24-hour emergency clinic last spring and pays for nurses to train in "
        "anaesthesia. I am thrilled and passionate about this opportunity and I am "
        "really passionate about your values.",
        FERNSIDE,
    )
    tailored = run(
        WHY_VETS,
        "I have been a veterinary nurse for four years in a single-vet practice, where "
        "nights meant sending owners an hour away. Your new emergency clinic would let me "
        "see those cases through, and the anaesthesia training you fund is the next step "
        "I have been saving for. Honest pricing matters to me too: I have seen owners "
        "turn down treatment because nobody told them the cost up front.",
        FERNSIDE,
    )
    assert "recited-notes" in ids(recited)
    assert "forward-looking" not in ids(recited), quoted(recited, "forward-looking")
    assert "forward-looking" in ids(tailored)
    assert tailored.score > recited.score + 15
    assert tailored.subscores["content"] > recited.subscores["content"]


SALARY = "What salary are you hoping for?"
RESEARCHED = (
    "I've looked at what practice managers earn at similar surgeries around here, and "
    "with my six years I'm looking for something between thirty-eight and forty-two "
    "thousand. I'm open to talking about the whole package, including training days."
)


@pytest.mark.parametrize(
    ("demand", "shown"),
    [
        (
            "As much as you can stretch to, honestly. My cousin earns more than I do in a "
            "smaller office, so I'd expect more than her, and I will not go lower than that.",
            "will not go lower",
        ),
        (
            "Nothing less than twice what I'm on now. That's non-negotiable for me, take "
            "it or leave it, because I know what I'm worth and I'm not moving for less.",
            "non-negotiable",
        ),
        (
            "My friend works for a bank and makes a lot more than me, so whatever you pay "
            "should beat that. I want as much as possible from my next job.",
            "my friend",
        ),
    ],
)
def test_salary_demands_are_named_and_rank_below_a_researched_range(
    demand: str, shown: str
) -> None:
    fb = run(SALARY, demand)
    problems = " | ".join(
        quoted(fb, fid) for fid in ("salary-unready", "salary-ultimatum") if fid in ids(fb)
    )
    assert shown in problems
    # No figure was given, so nothing says one was.
    assert not any(f.message.startswith("A figure") for f in fb.findings)
    assert run(SALARY, RESEARCHED).score > fb.score + 8


# -- 6. tips that fit what the question asks ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Roughly how many bicycles are parked in this city on a weekday? Walk me through it.",
        "How would you estimate the number of petrol stations in the country?",
        "Give me a ballpark for how many loaves a supermarket bakery bakes in a week.",
    ],
)
def test_an_estimate_is_coached_on_working_it_out_not_on_a_past_example(question: str) -> None:
    fb = run(question, "Probably a few thousand, I would guess, it is a big place.")
    assert fb.metrics["kind"] == "curveball"
    tips = " ".join(fb.tips).lower()
    assert fb.tips
    assert "example" not in tips and "what you did" not in tips
    assert "assume" in tips or "step" in tips
    worked = run(
        question,
        "Let me assume about a million people live here and one in five uses one daily, so "
        "around two hundred thousand. Say each one appears once a day, because most trips "
        "are there and back, so roughly two hundred thousand; that seems right next to the "
        "number of households.",
    )
    assert worked.score > fb.score
