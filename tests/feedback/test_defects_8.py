"""Regression cases for causes left open at the end of issue 10's twelfth session (the
closing note's "Left, noticed" list), fixed by cause and written here in hotseat's own
words on jobs of its own (tests/feedback/README.md). Each case failed on the scorer
before its fix (a956b46); the guards passed before and must keep passing:

1. "why us" answered with facts recited about the company (when it was founded, its
   branches, its turnover, "passionate about this opportunity") kept the content a
   clear answer keeps, and the company's own figures and growth were credited as the
   speaker's impact and direction: recited facts now earn no content strength, and an
   answer made of them with no reason of one's own loses content (``recited-facts``);
2. "basically" and "literally" counted as fillers even where they carry meaning ("took
   the sketch literally", "the lease was basically sound");
3. a thing named by what others did with it, with no "which" or "that" ("the two
   screens they skipped"), read as running those people down;
4. a short answer to a "what would you do" question (and to every other question that
   asks for no story) was told to "add a real example with what you did";
5. scores bunched at the top (47 of 392 strong training answers on 92): a strong story's
   structure always stopped at 23 of 25, as "situation set out" had no check since the
   word-list checks went (4c4a4ca); a scene set before the story is under way, beside
   the speaker's own actions, is credited again.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Context, Feedback, analyze, count_fillers
from hotseat.transcript import Transcript


def run(question: str, text: str, context: Context | None = None) -> Feedback:
    return analyze(None, Transcript.typed(text), context or Context(), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def quoted(fb: Feedback, fid: str) -> str:
    return " | ".join(e.text for f in fb.findings if f.id == fid for e in f.evidence).lower()


# -- 1. facts recited about the company are no reason of one's own ----------------------

# (company, question, recited, tailored, a word the recital finding quotes)
WHY_US = [
    (
        "Tidewater Ferries",
        "Why do you want to join Tidewater Ferries?",
        "Tidewater Ferries started in 1962 with a single boat and now runs eleven routes "
        "across the firth. It carries about two million passengers a year and won a "
        "national safety prize in 2023. Its head office is in Oban. I am really "
        "passionate about this opportunity and would love to be part of such a great team.",
        "I have worked six summers as crew on the Skye crossing, so I know what a rough "
        "turnaround does to a timetable. I want to move into marine electrics next: I "
        "finished my certificate in spring, and your switch of the island routes to "
        "electric boats is where I would like to use it.",
        "1962",
    ),
    (
        "Greenacre",
        "What makes you want to work for Greenacre?",
        "Greenacre is the largest garden centre group in the region, with fourteen "
        "branches and over six hundred staff. Its turnover grew by nine percent last "
        "year. The company is known for its plant nursery and its cafes. I am very "
        "excited and passionate about joining such a successful business.",
        "I ran the houseplant section at a small nursery for three years and built its "
        "repotting workshops from nothing. Greenacre growing its own stock rather than "
        "buying it in is what made me apply: I want to learn propagation at that scale, "
        "and your workshops look like a place my teaching would fit.",
        "fourteen",
    ),
    (
        "Harlow Libraries",
        "Why this library service?",
        "Harlow Libraries was founded in 1899 and has twenty two branches and two "
        "mobile vans. Last year its loans went up by twelve percent. It also has a "
        "digital lending app. I am passionate about this opportunity and I think it "
        "would be an amazing place to work.",
        "For four years I have run the homework club at my local branch, and the children "
        "who came most were the ones with no computer at home. Your mobile vans reaching "
        "estates without a branch are why I applied: I want to take that club on the "
        "road, and I have already drafted a six week plan for it.",
        "twenty two branches",
    ),
]


@pytest.mark.parametrize(("company", "question", "recited", "tailored", "shown"), WHY_US)
def test_facts_recited_about_the_company_earn_no_content(
    company: str, question: str, recited: str, tailored: str, shown: str
) -> None:
    context = Context(company=company)
    said, meant = run(question, recited, context), run(question, tailored, context)
    assert "recited-facts" in ids(said)
    assert shown in quoted(said, "recited-facts")
    assert "recited-facts" not in ids(meant)
    # the recital loses content, not only relevance: a clear answer keeps its start
    start = 22
    assert said.subscores["content"] < start
    assert meant.subscores["content"] >= said.subscores["content"] + 15
    assert meant.score >= said.score + 30


@pytest.mark.parametrize(("company", "question", "recited", "tailored", "shown"), WHY_US)
def test_notes_read_back_are_no_reason_of_ones_own_either(
    company: str, question: str, recited: str, tailored: str, shown: str
) -> None:
    # the facts as a user's notes file holds them: read back, they show no research
    notes = recited.rsplit(". ", 1)[0].replace(". ", "; ")
    context = Context(company=company, notes=notes)
    said, meant = run(question, recited, context), run(question, tailored, context)
    assert "recited-notes" in ids(said)
    assert shown in quoted(said, "recited-facts")
    assert "recited-facts" not in ids(meant)
    assert said.subscores["content"] < 22
    assert meant.score >= said.score + 30


# The company's own figures and growth, said of it alone: no impact, no direction. Each
# with the strength a sentence of the speaker's own still earns there.
OWN = " In my last job I cut delivery errors by forty percent, and next I want to run a depot."
COMPANY_FIGURES = [
    (
        "Why should we hire you for this role?",
        "Northgate Dairy was set up in 1988. Its sales rose by thirty percent in the last "
        "three years and it now supplies four hundred shops. Your growth has been amazing "
        "and I am keen to be a part of it.",
        "Northgate Dairy",
        "quantified-impact",
    ),
    (
        "Tell me about yourself.",
        "Your clinic opened its third site last spring and cut waiting times by half. Your "
        "patient reviews went up to four point nine stars. The practice has grown every "
        "year since it opened.",
        "",
        "quantified-impact",
    ),
    (
        "So why us, of all the places you could apply?",
        "Your agency doubled its client list in two years and opened an office in Leeds. "
        "You are growing faster than anyone in the sector and you recently won a big "
        "award. It is an exciting opportunity.",
        "",
        "forward-looking",
    ),
]


@pytest.mark.parametrize(("question", "answer", "company", "earned"), COMPANY_FIGURES)
def test_the_companys_own_figures_are_not_the_speakers_impact_or_direction(
    question: str, answer: str, company: str, earned: str
) -> None:
    fb = run(question, answer, Context(company=company))
    assert "quantified-impact" not in ids(fb), quoted(fb, "quantified-impact")
    assert "forward-looking" not in ids(fb), quoted(fb, "forward-looking")
    own = run(question, answer + OWN, Context(company=company))
    assert "forty percent" in quoted(own, earned) or "run a depot" in quoted(own, earned)


# -- 2. "basically" and "literally" that carry meaning ----------------------------------

MEANT = [
    "The surveyor took my sketch literally and drew the wall a metre too far left.",
    "On paper the lease was basically sound, but the break clause cost us a year.",
    "The old Welsh name of the town literally means church by the river.",
    "i read the tender rules too literally and priced the wrong lot",
    "He translated the signage literally, so the tourists followed it into a car park.",
]
FILLED = [
    ("Basically, the kiln cracked overnight.", 1),
    ("It literally took us three weekends to repaint the hall.", 1),
    ("so basically we literally redid the whole order by hand", 2),
    ("We worked right through the night, literally.", 1),
]


@pytest.mark.parametrize("text", MEANT)
def test_basically_and_literally_that_carry_meaning_are_no_fillers(text: str) -> None:
    assert count_fillers(text) == 0


@pytest.mark.parametrize(("text", "count"), FILLED)
def test_basically_and_literally_as_hedges_are_still_fillers(text: str, count: int) -> None:
    assert count_fillers(text) == count


# -- 3. things named by what others did with them ----------------------------------------

IMPROVED = "Describe a process you made better at work."
NAMED = [
    (
        "At the museum I went through a month of visitor surveys and rebuilt the two "
        "gallery signs they skipped, then walked the route with six regulars. Time spent "
        "in the upper rooms rose by a fifth over the summer.",
        "skipped",
    ),
    (
        "I sorted the help-desk tickets by topic and rewrote the three setup guides they "
        "ignored, with screenshots and shorter steps. Calls about printers fell from "
        "forty a week to twelve within two months.",
        "ignored",
    ),
    (
        "At the print works I found the two safety steps he skipped under pressure and "
        "built them into the start-up checklist for the press. We had no near misses for "
        "the rest of the year.",
        "skipped",
    ),
    (
        "On the ward I listed every check they missed on busy night shifts and put them on "
        "one laminated card by the bed. Over the next quarter, late observations dropped "
        "by more than half and the audit came back clean.",
        "missed",
    ),
]


@pytest.mark.parametrize(("answer", "verb"), NAMED)
def test_a_thing_named_by_what_others_did_runs_nobody_down(answer: str, verb: str) -> None:
    fb = run(IMPROVED, answer)
    assert "negativity" not in ids(fb), quoted(fb, "negativity")
    # the guard: the same people said to have done it, as a complaint, still run down
    blaming = answer.split(". ")[0] + f". They {verb} it every single time, and nobody cared."
    blamed = run(IMPROVED, blaming)
    assert f"they {verb}" in quoted(blamed, "negativity")
    assert fb.score > blamed.score


# -- 4. length tips that fit what the question asks --------------------------------------

SITUATIONAL = [
    "What would you do if a patient refused to take their medication?",
    "Suppose a supplier told you on Friday that Monday's delivery would not come. "
    "What would you do?",
    "Imagine two of your staff both asked for the same week off. How would you handle it?",
]


@pytest.mark.parametrize("question", SITUATIONAL)
def test_a_short_plan_is_asked_for_more_of_the_plan_not_for_a_past_example(
    question: str,
) -> None:
    fb = run(question, "I would talk to them and sort it out calmly.")
    assert fb.metrics["kind"] == "situational"
    tip = next(f.tip for f in fb.findings if f.id == "too-short").lower()
    assert "example" not in tip and "what you did" not in tip
    assert "plan" in tip and "step" in tip


# Questions that ask for no story from the past: a short answer is not told to add one.
NO_STORY = [
    ("What draws you to this company?", "why-company"),
    ("Why are you leaving your current job?", "why-leaving"),
    ("What do you hope to be doing five years from now?", "five-years"),
    ("What salary are you expecting?", "salary"),
    ("How would you explain what a database index does?", "technical"),
]


@pytest.mark.parametrize(("question", "kind"), NO_STORY)
def test_a_short_answer_is_coached_for_what_its_question_asks(question: str, kind: str) -> None:
    fb = run(question, "It just seems like the right thing for me.")
    assert fb.metrics["kind"] == kind
    tip = next(f.tip for f in fb.findings if f.id == "too-short")
    assert "with what you did and how it ended" not in tip
    rambling = run(question, " ".join(["It seems like the right thing for me."] * 60))
    assert "stop after the result" not in next(
        f.tip for f in rambling.findings if f.id == "too-long"
    )


# -- 5. a story's scene is part of its structure -----------------------------------------

# (question, the scene set first, the rest of the story)
SCENES = [
    (
        "Describe a problem you solved for a customer.",
        "Last winter at the estate agency, ",
        "a buyer's mortgage offer was about to expire before the seller's move was ready. "
        "I rang the lender, got a four week extension in writing, and agreed an earlier "
        "exchange date with both solicitors. The sale completed two days inside the new "
        "deadline and the buyer sent the office a card.",
    ),
    (
        "Give me an example of taking charge when things went wrong.",
        "When I worked at the bus depot, ",
        "two drivers rang in sick before the six o'clock runs. I rewrote the rota for the "
        "morning, moved a trainee onto the school route with me beside him, and phoned the "
        "council to warn them about one late service. Every route ran, and only the one "
        "bus was late, by twelve minutes.",
    ),
    (
        "Talk me through a project you are proud of.",
        "While I was working as a lab technician at a sixth form college, ",
        "the chemistry stock cupboard had no record of what was in it. I counted every "
        "bottle over two weeks, built a spreadsheet with expiry dates, and set up a monthly "
        "check with the head of science. We threw out forty expired items and cut the next "
        "year's order by a fifth.",
    ),
]


@pytest.mark.parametrize(("question", "scene", "story"), SCENES)
def test_a_story_that_sets_its_scene_first_is_credited_for_it(
    question: str, scene: str, story: str
) -> None:
    set_out = run(question, scene + story)
    assert scene.strip(" ,").lower() in quoted(set_out, "star-situation")
    bare = run(question, story[0].upper() + story[1:])
    assert "star-situation" not in ids(bare)
    assert set_out.subscores["structure"] > bare.subscores["structure"]
    # the guard: the same words said at the end set no scene
    late = run(question, story[0].upper() + story[1:] + " That was " + scene.strip(" ,") + ".")
    assert "star-situation" not in ids(late)
