"""{company} and {role} read naturally whether or not the user gave them."""

from __future__ import annotations

import pytest

from hotseat.questions import fill_placeholders, load_bank

WHY = "Why do you want to work at {company}?"
EXCITES = "What excites you about {role}?"


@pytest.mark.parametrize(
    ("text", "company", "role", "expected"),
    [
        (WHY, "Acme", "", "Why do you want to work at Acme?"),
        (WHY, "", "", "Why do you want to work at this company?"),
        (EXCITES, "", "", "What excites you about this role?"),
        (EXCITES, "", "data analyst", "What excites you about the data analyst role?"),
        (EXCITES, "", "A Data Analyst", "What excites you about the Data Analyst role?"),
        ("Why {role}?", "", "sales position", "Why the sales position?"),
        ("{company} grows. {role} is new.", "", "", "This company grows. This role is new."),
        ("{role} matters.", "", "tester", "The tester role matters."),
        ("What is {company}'s mission?", "  Acme   Ltd ", "", "What is Acme Ltd's mission?"),
        (
            "Which of {company}'s values?",
            "Northwind Logistics",
            "",
            "Which of Northwind Logistics' values?",
        ),
        ("{company}’s values?", "", "", "This company’s values?"),
        ("No placeholders here.", "Acme", "Analyst", "No placeholders here."),
    ],
)
def test_fill_placeholders(text: str, company: str, role: str, expected: str) -> None:
    assert fill_placeholders(text, company, role) == expected


def test_a_filled_question_fills_its_follow_ups_and_keeps_the_rest() -> None:
    bank = load_bank(include_user=False)
    question = bank.get("why-hire-you")
    assert question is not None
    filled = question.filled("Acme", "Support Engineer")
    assert filled.text == "Why should we hire you for the Support Engineer role?"
    assert filled.id == question.id and filled.look_for == question.look_for
    unfilled = question.filled()
    assert unfilled.text == "Why should we hire you for this role?"


def test_follow_ups_with_placeholders_are_filled_too() -> None:
    from hotseat.questions import Question

    q = Question(
        id="x", text="Why {company}?", category="research", competencies=("research",),
        kind="motivation", prep_seconds=10, answer_min=30, answer_max=60,
        look_for=("a", "b"), follow_ups=("What would you change at {company}?",),
    )  # fmt: skip
    assert q.filled("Acme").follow_ups == ("What would you change at Acme?",)
    assert q.filled().follow_ups == ("What would you change at this company?",)
