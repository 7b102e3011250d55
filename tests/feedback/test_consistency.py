"""Findings never contradict each other, and a strength's quoted evidence itself holds
what the strength claims, on every answer in hotseat's own validity data."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from hotseat.feedback import Context, Feedback, analyze
from hotseat.feedback.consistency import CONTRADICTS
from hotseat.feedback.lexicon import default_lexicons
from hotseat.transcript import Transcript
from tests.feedback.labelled import load_pairs

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "validity_cases.toml").read_text(encoding="utf-8")
)["case"]


def _answers() -> list[tuple[str, str, Context, str]]:
    out = []
    for c in CASES:
        ctx = Context(company=c.get("company", ""), notes=c.get("notes", ""))
        for side in ("strong", "weak"):
            out.append((f"{c['question'][:30]}/{side}", c["question"], ctx, c[side]))
    for p in load_pairs():
        out.append((f"{p.name}/strong", p.question.text, p.context, p.strong))
        out.append((f"{p.name}/weak", p.question.text, p.context, p.weak))
    return out


ANSWERS = _answers()


@functools.cache
def run(question: str, context: Context, text: str) -> Feedback:
    """The feedback on one answer. Two tests read every answer's: it is worked out once."""
    return analyze(None, Transcript.typed(text), context, question_text=question)


@pytest.mark.parametrize(("name", "question", "context", "text"), ANSWERS, ids=lambda x: "")
def test_no_two_findings_contradict(name: str, question: str, context: Context, text: str) -> None:
    ids = {f.id for f in run(question, context, text).findings}
    clashes = [(a, b) for a, b in CONTRADICTS if a in ids and b in ids]
    assert not clashes, (name, clashes)


_DIGIT = re.compile(r"\d")


def _has_number(quote: str) -> bool:
    lex = default_lexicons()
    words = {w for w in re.findall(r"[a-z]+", quote.lower())}
    cardinal = lex.words["impact.number_words"] - {"double", "triple", "twice"}
    return bool(_DIGIT.search(quote) or words & cardinal or "%" in quote)


@pytest.mark.parametrize(("name", "question", "context", "text"), ANSWERS, ids=lambda x: "")
def test_impact_evidence_holds_a_number(
    name: str, question: str, context: Context, text: str
) -> None:
    impact = [f for f in run(question, context, text).findings if f.id == "quantified-impact"]
    unmeasured = [f.evidence for f in impact if not any(_has_number(e.text) for e in f.evidence)]
    assert not unmeasured, (name, unmeasured)


@pytest.mark.parametrize(
    "text",
    [
        "I grew up by the sea with three sisters, and at school I liked art. These days I "
        "sell software to small shops and I want to build a sales team of my own.",
        "My habit is to double check every figure before it goes out, so my reports are "
        "trusted and my manager rarely has to ask twice about them.",
    ],
)
def test_childhood_or_double_checking_is_not_a_measured_outcome(text: str) -> None:
    fb = run("Tell me about yourself.", Context(), text)
    assert "quantified-impact" not in {f.id for f in fb.findings}


def test_a_stronger_finding_wins_a_contradiction() -> None:
    # Own actions told plainly in a mistake story: the part played is clear, so the
    # absence finding "never say what your own part was" must not also be shown.
    text = (
        "In my second month I keyed a delivery date wrong on a large order, and the truck "
        "went out a week early. I phoned the customer the same morning, arranged storage "
        "at our cost, and rebuilt the order checklist so dates are read back aloud."
    )
    ids = {f.id for f in run("Tell me about a mistake you made.", Context(), text).findings}
    assert not ({"own-contribution", "no-ownership"} <= ids)


def test_a_crisp_typed_story_near_the_band_is_not_too_short() -> None:
    # About 70 words, typed, for a 45-120 s question: estimated at 140 wpm it is about
    # 30 s, two thirds of the minimum. Crisp, complete: not "too short".
    text = (
        "Last winter our night shift kept missing the pallet count, so stock was wrong "
        "every Monday. I walked the floor with the two shift leads, moved the count to the "
        "start of the shift and made a one page sheet for it. I checked it with them for two "
        "weeks. By March the Monday count matched the system every week, and the stock "
        "team stopped their extra recount."
    )
    fb = run("Tell me about a challenge you faced at work.", Context(), text)
    assert "too-short" not in {f.id for f in fb.findings}


def test_a_typed_story_with_an_ending_is_at_worst_a_little_short() -> None:
    # About 50 words on a 60-120 s band: estimated at 21 s, under half the minimum, but
    # a whole story with its ending: "a little short", not a major problem.
    text = (
        "In March a supplier sent us the wrong size labels for a big order. I checked "
        "the order against their proof, called their account manager, and drove to their "
        "plant to collect the right roll. We relabelled the boxes that afternoon, so we "
        "shipped on time and the client never knew."
    )
    fb = run("Tell me about a time you solved a problem under time pressure.", Context(), text)
    short = [f for f in fb.findings if f.id == "too-short"]
    assert short and short[0].severity == "minor"


def test_a_slip_told_without_the_word_mistake_is_on_topic() -> None:
    # As a recogniser writes it: lowercase, no punctuation, no "mistake" or "failed".
    text = (
        "in my first month on the payroll desk i keyed the overtime hours for one team "
        "without checking the rota and about thirty people were overpaid that week i "
        "spotted it two days later told my manager that same hour and we recovered it over "
        "the next two payslips and since then i read every rota back before i submit"
    )
    fb = run("Tell me about a mistake you made.", Context(), text)
    assert "off-topic" not in {f.id for f in fb.findings}


def test_a_process_story_is_on_topic_for_a_process_question() -> None:
    text = (
        "New starters waited about ten days for a laptop because three teams each "
        "approved the request in turn. I drew the steps on one page, showed the approvers "
        "that two of the sign-offs checked the same thing, and we merged them into a single "
        "form. After that a laptop was ready on the first morning for every new starter."
    )
    fb = run("Tell me about a time you improved a process.", Context(), text)
    assert "off-topic" not in {f.id for f in fb.findings}


@pytest.mark.parametrize(
    "ending",
    [
        "It has not broken since.",
        "The analyst later wrote to my manager to thank me.",
        "We closed the quarter two days late instead of a fortnight.",
    ],
)
def test_a_story_that_ends_with_what_held_since_has_a_result(ending: str) -> None:
    text = (
        "Last year our weekly export to the finance system kept stopping halfway. I traced "
        "it to a field that was sometimes empty, wrote a check that filled it from the "
        "order record, and tested it on three old weeks of data with the analyst. " + ending
    )
    ids = {
        f.id for f in run("Tell me about a challenge you faced at work.", Context(), text).findings
    }
    assert "result-missing" not in ids


def test_since_then_i_keep_is_improving_on_a_weakness() -> None:
    text = (
        "My weakness is that I agree to too many requests and then rush all of them. Last "
        "spring I missed two small deadlines because of it. Since then I keep a short list "
        "of what I have promised and I say when I can start before I say yes."
    )
    ids = {f.id for f in run("What is your greatest weakness?", Context(), text).findings}
    assert "not-improving" not in ids and "improving" in ids


@pytest.mark.parametrize(
    "lesson",
    [
        "I learned that you can never rely on anyone else's numbers.",
        "Now I redo everything other people hand me before it goes out.",
    ],
)
def test_a_lesson_that_blames_others_is_not_learning(lesson: str) -> None:
    text = (
        "Two years ago a quote I sent a client used the wrong freight rate, and we lost "
        "money on the order. The rate came from the logistics team's sheet. " + lesson
    )
    ids = {f.id for f in run("Tell me about a mistake you made.", Context(), text).findings}
    assert "growth" not in ids


def test_a_lesson_about_asking_others_is_still_learning() -> None:
    text = (
        "Two years ago I sent a client a quote with last year's freight rate, and we lost "
        "money on the order. I told my manager, called the client and we split the "
        "difference. I learned to ask the logistics team for the current rate every time."
    )
    ids = {f.id for f in run("Tell me about a mistake you made.", Context(), text).findings}
    assert "growth" in ids


def test_a_neutral_account_of_a_colleague_worked_out_is_not_running_them_down() -> None:
    text = (
        "A teammate kept moving the release checklist into a new folder, and my test runs "
        "failed twice because of it. I was irritated, but I sat down with him, asked why, "
        "and we agreed on one fixed location with a link in the team channel. We have not "
        "lost a run since."
    )
    fb = run("Describe a conflict you had with a coworker.", Context(), text)
    assert "negativity" not in {f.id for f in fb.findings}


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I ran the support desk for a year. Honestly the callers can be so rude that "
            "I stopped caring, and I just read the script until they gave up.",
            "negativity",
        ),
        (
            "I led the migration. I am the strongest developer in any team I join, so "
            "most of the others' scripts ended up redone by me before go-live.",
            "arrogance",
        ),
        (
            "I ran the office move. I told everyone it would happen my way, and once they "
            "learned to listen to me the move went fine.",
            "arrogance",
        ),
    ],
)
def test_scorn_and_superiority_are_found(text: str, flag: str) -> None:
    fb = run("Tell me about a time you led a team.", Context(), text)
    assert flag in {f.id for f in fb.findings}


def test_denying_any_mistake_is_found_for_a_failure_question() -> None:
    text = (
        "To be honest I can't really think of a big mistake I have made at work. I am "
        "careful, I plan ahead and I keep my managers informed, so things tend to go well."
    )
    fb = run("Tell me about a time you failed.", Context(), text)
    assert "denial" in {f.id for f in fb.findings}


@pytest.mark.parametrize(
    "text",
    [
        "I was born in Cardiff and as a child I spent summers on my uncle's farm. At school I was "
        "good at geography and I sang in a choir for years. Then I moved to Bristol, "
        "shared a flat with friends and went hiking most weekends, and now here I am.",
        "I sat my exams in 2011 in physics, French and art, then a degree in law from 2012 "
        "to 2015. Then from 2015 to 2017 I was at a bank, from 2017 to 2020 at a shop, and "
        "since 2020 I have been at an agency.",
    ],
)
def test_a_life_story_or_a_dates_list_is_not_tied_to_the_job(text: str) -> None:
    ids = {f.id for f in run("Tell me about yourself.", Context(), text).findings}
    assert "fit-shown" not in ids


def test_a_career_pitch_that_ends_with_this_role_is_tied_to_the_job() -> None:
    text = (
        "I began on a hotel front desk, which taught me how to calm people down fast. I "
        "moved into complaints handling for an airline, where I now lead a team of six and "
        "rewrote our refund replies. Helping people out of a mess is the common thread, and "
        "this customer success role is the next step for me."
    )
    ids = {f.id for f in run("Walk me through your CV.", Context(), text).findings}
    assert "fit-shown" in ids and "no-fit" not in ids


def test_recited_company_facts_and_buzzwords_are_not_research() -> None:
    text = (
        "Your firm opened its first store in 1998 and now has over two hundred branches. "
        "Your values are trust and care. I am truly thrilled by your mission and your "
        "culture, and I think it would be an honour to be part of it."
    )
    ids = {f.id for f in run("Why do you want to work here?", Context(), text).findings}
    assert "research-shown" not in ids


def test_a_company_detail_met_first_hand_is_research() -> None:
    text = (
        "I have used your route planner on every delivery shift for two years, and when I "
        "read your post about cutting empty miles I recognised problems I solve by hand "
        "today. I would like to help build the next version of that planner."
    )
    ids = {f.id for f in run("Why do you want to work here?", Context(), text).findings}
    assert "research-shown" in ids
