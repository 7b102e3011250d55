"""Findings never contradict each other, and a strength's quoted evidence itself holds
what the strength claims, on every answer in hotseat's own validity data."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from hotseat.feedback import Context, Feedback, analyze
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.points import CONTRADICTS
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


def run(question: str, context: Context, text: str) -> Feedback:
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
    for f in run(question, context, text).findings:
        if f.id == "quantified-impact":
            assert any(_has_number(e.text) for e in f.evidence), (name, f.evidence)


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
