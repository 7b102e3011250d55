"""Checks that depend on the kind of question: closing questions, tailoring to the
company, kinds guessed from free text, and the analyzer the session engine calls."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hotseat.feedback import Context, analyze, infer_kind
from hotseat.feedback.lexicon import default_lexicons
from hotseat.questions import Question
from hotseat.session import Session, Timing, Turn
from hotseat.session.analysis import analyzer_for
from hotseat.transcript import Transcript
from tests.feedback.labelled import spoken

CLOSING = "What questions do you have for us?"


def closing(text: str, *, typed: bool = True) -> dict[str, int]:
    transcript = Transcript.typed(text) if typed else spoken(text)
    feedback = analyze(None, transcript, question_text=CLOSING)
    assert feedback.metrics["kind"] == "questions-for-us"
    return dict(feedback.metrics["closing"])


@pytest.mark.parametrize("typed", [True, False], ids=["typed", "spoken"])
def test_closing_questions_are_counted_and_sorted(typed: bool) -> None:
    text = (
        "Thank you. What does success look like in the first six months? "
        "And how does the team decide its priorities? Also, is there a bonus every year?"
    )
    assert closing(text, typed=typed) == {"questions": 3, "thoughtful": 2, "pay_perks": 1}


def test_only_pay_questions() -> None:
    text = "What is the salary? How many days of holiday do I get? Can I work from home?"
    assert closing(text) == {"questions": 3, "thoughtful": 0, "pay_perks": 3}


@pytest.mark.parametrize("typed", [True, False], ids=["typed", "spoken"])
def test_statements_are_not_questions(typed: bool) -> None:
    text = "No, I think you covered everything. What I liked most was hearing about the team."
    assert closing(text, typed=typed)["questions"] == 0


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # The intent, not the frame: a missed deadline is a failure story (issue 10).
        ("Tell me about a time you missed a deadline.", "failure"),
        ("Tell me about a time you persuaded a customer.", "behavioral"),
        ("Why do you want to work here?", "why-company"),
        ("What would you do if a client shouted at you?", "situational"),
        ("Tell me about yourself.", "about-yourself"),
        ("Do you have any questions for me?", "questions-for-us"),
        ("What is your greatest weakness?", "weakness"),
        ("What are your strengths?", "strengths"),
        # A light personal question is a curveball; one no example speaks to is general.
        ("What is your favourite colour?", "curveball"),
        ("Could you spell your surname?", "general"),
    ],
)
def test_kind_is_guessed_from_free_text(question: str, kind: str) -> None:
    assert infer_kind(question, default_lexicons()) == kind


def test_company_name_and_notes_count_as_tailoring() -> None:
    context = Context(
        company="Brightline Energy",
        role="Data analyst",
        notes="Brightline runs community solar farms in Wales and publishes its grid data openly.",
    )
    text = (
        "I'd love to join Brightline Energy because community solar is where I want to "
        "work: I volunteered on a solar co-op in Cardiff, and I have already used your open "
        "grid data for a forecasting project, which cut our error by a third."
    )
    feedback = analyze(None, Transcript.typed(text), context, question_text="Why us?")
    found = {f.id for f in feedback.findings}
    assert {"company-named", "tailored"} <= found
    assert feedback.metrics["tailoring"]["notes_words_used"] >= 3
    generic = analyze(
        None,
        Transcript.typed("It seems like a good company and I want to grow."),
        context,
        question_text="Why us?",
    )
    assert "not-tailored" in {f.id for f in generic.improvements}


def test_analyzer_for_feeds_the_session_engine() -> None:
    question = Question(
        "fb-q",
        "Tell me about a time you failed.",
        "growth",
        ("growth",),
        "behavioral",
        5,
        60,
        120,
        ("What they learned", "What they do differently"),
    )
    session = Session([Turn(question, Timing.for_question(question))], analyzer=analyzer_for())
    answer = Transcript.typed("Last year I shipped a release late and our client left us.")
    assert session.analyzer is not None
    feedback = session.analyzer(session.turns[0], answer)
    assert "no-learning" in {f.id for f in feedback.findings if f.severity == "major"}


def test_the_feedback_core_never_loads_textual_or_rich() -> None:
    code = (
        "import sys, hotseat.feedback as f;"
        "from hotseat.transcript import Transcript;"
        "f.analyze(None, Transcript.typed('I led the team and we shipped.'), question_text='q');"
        "import hotseat.cli.analyze_cmd;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
