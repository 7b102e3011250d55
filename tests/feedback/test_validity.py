"""Validity: answers written for hotseat (validity_cases.toml), one set per way the old
scorer was fooled (issue 10): blame in other words, a fluent answer to another question,
cue-word stuffing, padding and repetition, typos and transcript style, fake weaknesses,
recited company notes. Each weak answer must score below its strong partner, carry the
finding that names its flaw, and that finding's evidence must be the answer's own words
that show it. Also: findings never contradict each other, and questions map to intents.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from hotseat.feedback import Context, Feedback, analyze
from hotseat.feedback.consistency import VETOES
from hotseat.feedback.intent import classify
from hotseat.feedback.lexicon import default_lexicons
from hotseat.transcript import Transcript
from tests.feedback.labelled import spoken

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "validity_cases.toml").read_text(encoding="utf-8")
)["case"]
CLASSES = {"blame", "off-topic", "stuffing", "padding", "typos", "fake-weakness", "recited-notes"}


def run(case: dict[str, Any], text: str, *, as_spoken: bool = False) -> Feedback:
    context = Context(company=case.get("company", ""), notes=case.get("notes", ""))
    transcript = spoken(text) if as_spoken else Transcript.typed(text)
    return analyze(None, transcript, context, question_text=case["question"])


def flat(text: str) -> str:
    return " ".join(text.split()).lower()


def test_every_failure_class_has_three_cases() -> None:
    for name in CLASSES:
        assert sum(c["class"] == name for c in CASES) >= 3, name


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['class']}:{c['question'][:40]}")
def test_weak_answer_ranks_lower_and_its_flaw_is_shown_in_its_words(case: dict[str, Any]) -> None:
    strong, weak = run(case, case["strong"]), run(case, case["weak"])
    assert strong.score > weak.score, (strong.explanation, weak.explanation)
    found = {f.id: f for f in weak.findings if f.severity in ("major", "minor")}
    assert case["expect"] in found, [f.id for f in weak.findings]
    assert case["expect"] not in {f.id for f in strong.findings}
    finding = found[case["expect"]]
    if case["evidence"]:
        quoted = " ".join(e.text.lower() for e in finding.evidence)
        assert case["evidence"].lower() in quoted, finding.evidence
    for evidence in finding.evidence:
        assert flat(evidence.text) in flat(case["weak"])


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["class"] in ("blame", "fake-weakness")], ids=lambda c: c["class"]
)
def test_recogniser_style_keeps_the_ranking(case: dict[str, Any]) -> None:
    """Lowercase, no punctuation, as a recogniser writes it: the same verdict."""
    strong = run(case, case["strong"], as_spoken=True)
    weak = run(case, case["weak"], as_spoken=True)
    assert strong.score > weak.score
    assert case["expect"] in {f.id for f in weak.findings}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['class']}:{c['question'][:40]}")
def test_no_strength_contradicts_a_red_flag(case: dict[str, Any]) -> None:
    for text in (case["strong"], case["weak"]):
        feedback = run(case, text)
        ids = {f.id for f in feedback.findings}
        clashes = {flag: ids & vetoed for flag, vetoed in VETOES.items() if flag in ids}
        assert not any(clashes.values()), clashes
        # A strength and a problem never name the same point.
        assert not ({"own-contribution", "own-role-unclear"} <= ids)
        assert not ({"growth", "no-learning"} <= ids)


@pytest.mark.parametrize(
    ("text", "flag", "must_not"),
    [
        (
            "I can't think of a mistake I've made at work. I never mess up, because I plan "
            "everything and I check my work twice before anyone sees it.",
            "denial",
            {"owns-mistake", "own-contribution", "growth"},
        ),
        (
            "My manager never listened to anyone on the team, so the launch slipped. I kept "
            "doing my part and shipped my piece on time, and in the end it went out a month late.",
            "negativity",
            {"owns-mistake", "look-for-covered"},
        ),
    ],
)
def test_failure_answers_that_deny_or_blame_get_no_credit_for_owning_it(
    text: str, flag: str, must_not: set[str]
) -> None:
    feedback = analyze(
        None, Transcript.typed(text), question_text="Tell me about a time you failed."
    )
    ids = {f.id for f in feedback.findings}
    assert flag in ids
    assert not (ids & must_not)


def test_negation_and_who_did_it_decide_blame() -> None:
    """The same words, said of oneself or denied, are not blame."""
    q = "Tell me about a disagreement with a colleague."
    blaming = "My colleague never listened and kept ignoring the plan, so we missed the date."
    owning = (
        "I never listened to my colleague at first, and I kept ignoring her plan, "
        "so we missed the date."
    )
    blame = analyze(None, Transcript.typed(blaming), question_text=q)
    own = analyze(None, Transcript.typed(owning), question_text=q)
    assert "negativity" in {f.id for f in blame.findings}
    assert "negativity" not in {f.id for f in own.findings}


def test_numbers_count_as_impact_only_when_they_measure_an_outcome() -> None:
    q = "Tell me about a time you improved a process."
    years = (
        "I have 10 years of experience and 3 certificates. Last year I looked at how we "
        "handled invoices and I rewrote the approval steps with the finance team."
    )
    outcome = (
        "Last year I looked at how we handled invoices and I rewrote the approval steps with "
        "the finance team, and approval time fell from nine days to three."
    )
    assert "quantified-impact" not in {
        f.id for f in analyze(None, Transcript.typed(years), question_text=q).findings
    }
    found = analyze(None, Transcript.typed(outcome), question_text=q).findings
    impact = [f for f in found if f.id == "quantified-impact"]
    assert impact and "fell" in impact[0].evidence[0].text


def test_typed_answers_lose_no_delivery_points_for_what_typing_cannot_show() -> None:
    q = "What are your salary expectations?"
    text = (
        "Based on what similar roles pay in this city, I am looking at a range of forty to "
        "forty-five thousand, and I am open to talking about the whole package."
    )
    feedback = analyze(None, Transcript.typed(text), question_text=q)
    assert feedback.subscores["delivery"] >= 15
    assert not {"too-short", "too-fast", "too-slow", "long-pauses", "slow-start"} & {
        f.id for f in feedback.findings
    }


WORDINGS: dict[str, list[str]] = tomllib.loads(
    (HERE / "intent_wordings.toml").read_text(encoding="utf-8")
)["wordings"]


def test_there_are_at_least_a_hundred_wordings_over_every_intent() -> None:
    assert sum(len(v) for v in WORDINGS.values()) >= 100
    assert len(WORDINGS) >= 16


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What is your greatest weakness?", "weakness"),
        ("What are your strengths?", "strengths"),
        ("Tell me about a time you failed.", "failure"),
        ("Tell me about a time you worked as part of a team to overcome a challenge.", "teamwork"),
        ("Where do you see yourself in five years?", "five-years"),
        ("What are your salary expectations?", "salary"),
        ("Why are you leaving your current job?", "why-leaving"),
        ("Why should we hire you?", "why-hire"),
    ],
)
def test_common_questions_get_their_own_rubric(question: str, intent: str) -> None:
    assert classify(question, default_lexicons()) == intent


def test_the_banks_weakness_question_is_scored_as_weakness() -> None:
    from hotseat.questions import load_bank  # the real bank

    bank = load_bank(include_user=False)
    weakness = [q for q in bank.questions if "weakness" in q.text.lower()]
    assert weakness
    for question in weakness:
        text = (
            "I find it hard to delegate, so I used to end up doing too much myself. I now "
            "agree who owns each task at the start of a project and check in weekly."
        )
        feedback = analyze(question, Transcript.typed(text))
        assert feedback.metrics["kind"] == "weakness"
        assert {"weakness-named", "improving"} <= {f.id for f in feedback.findings}


def test_evidence_times_span_exactly_the_quoted_words() -> None:
    """Playing an evidence quote back from its times plays those words, no more."""
    case = next(c for c in CASES if c["class"] == "blame")
    transcript = spoken(case["weak"])
    feedback = analyze(None, transcript, question_text=case["question"])
    quotes = [e for f in feedback.findings for e in f.evidence]
    assert quotes
    for evidence in quotes:
        start, end = evidence.start, evidence.end
        assert start is not None and end is not None
        words = [w for w in transcript.words if start <= (w.start or 0.0) and (w.end or 0.0) <= end]
        assert " ".join(w.word for w in words) == evidence.text


def test_a_90_second_answer_in_a_45_to_90_second_band_is_not_long() -> None:
    """The band's edges are inside it, as the app's clock shows them (issue 11, item 7)."""
    text = " ".join(["we shipped the report on time"] * 40)
    transcript = Transcript(text, (), duration=90.4, engine="vosk")
    feedback = analyze(None, transcript, question_text="Why do you want this job?")
    assert feedback.metrics["length"]["band"] == [30.0, 90.0]
    assert feedback.metrics["length"]["verdict"] == "ok"
    assert "too-long" not in {f.id for f in feedback.findings}


def test_covering_most_of_what_interviewers_look_for_names_what_is_missing() -> None:
    from hotseat.questions import Question

    question = Question(
        "budget",
        "Tell me about a time you saved money for your team.",
        "impact",
        (),
        "behavioral",
        10,
        60,
        120,
        ("The budget problem you faced", "The saving in numbers", "Advice you give others now"),
    )
    text = (
        "Last year our travel budget was overspent by March. I moved our regular client "
        "visits to video calls and booked the rest a month ahead. The saving was 12,000 "
        "pounds, about a third of the budget, and numbers like that kept the project alive."
    )
    feedback = analyze(question, Transcript.typed(text))
    covered = next(f for f in feedback.findings if f.id == "look-for-covered")
    assert feedback.metrics["look_for"]["missed"] == ["Advice you give others now"]
    assert "Covers 2 of 3" in covered.message
    assert "Advice you give others now" in covered.message
