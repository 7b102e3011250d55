"""The bank hotseat ships keeps the promises made to users in issue 2."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest

from hotseat import resources
from hotseat.questions import Bank, load_bank, validate_files
from hotseat.questions.model import KINDS, Question
from hotseat.questions.validate import pack_files

CORE_CATEGORIES = (
    "opener",
    "research",
    "differentiation",
    "challenges",
    "impact",
    "communication",
    "adaptability",
    "growth",
    "collaboration",
    "composure",
    "culture",
    "enthusiasm",
    "career",
    "curveball",
    "closing",
)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(include_user=False)


def test_shipped_packs_validate_with_no_problems() -> None:
    report = validate_files(pack_files(resources.asset("questions")))
    assert [str(p) for p in report.problems] == []
    assert report.question_count >= 100


def test_at_least_80_questions_with_unique_kebab_case_ids(bank: Bank) -> None:
    ids = [q.id for q in bank.questions]
    assert len(ids) >= 80
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("category", CORE_CATEGORIES)
def test_every_core_category_has_at_least_four_general_questions(bank: Bank, category: str) -> None:
    assert category in bank.categories()
    assert len(bank.filter(category=category, roles=False)) >= 4


def test_categories_are_the_documented_set(bank: Bank) -> None:
    """A stray spelling ("team-work", "Culture") would split a category in two."""
    assert set(bank.categories(include_roles=True)) == {*CORE_CATEGORIES, "role-skills"}


def test_at_least_four_role_packs_with_real_content(bank: Bank) -> None:
    packs = bank.role_packs()
    assert len(packs) >= 4
    for pack in packs:
        assert pack.role and pack.name
        assert len(pack.questions) >= 6, pack.id
        assert len({q.category for q in pack.questions}) >= 4, pack.id


def test_the_closing_question_is_there_and_is_about_asking(bank: Bank) -> None:
    closing = bank.filter(kind="closing")
    assert closing, "no closing question"
    texts = {q.text for q in closing}
    assert "What questions do you have for us?" in texts
    for question in closing:
        assert question.category == "closing"
        assert "questions" in question.competencies
        points = " ".join(question.look_for).lower()
        assert "team" in points and "challenge" in points


def test_placeholders_are_only_company_and_role(bank: Bank) -> None:
    for q in bank.questions:
        for text in (q.text, *q.follow_ups):
            assert set(re.findall(r"\{([^}]*)\}", text)) <= {"company", "role"}, q.id
            assert not re.search(r"[{}]", q.filled("Acme", "Analyst").text), q.id
    assert sum("{company}" in q.text for q in bank.questions) >= 8
    assert sum("{role}" in q.text for q in bank.questions) >= 5


def test_every_question_is_complete(bank: Bank) -> None:
    for q in bank.questions:
        assert q.kind in KINDS
        assert q.text.rstrip().endswith(("?", ".")), q.id
        assert 2 <= len(q.look_for) <= 5, q.id
        assert 1 <= len(q.tips) <= 2, q.id
        assert len(q.follow_ups) <= 3, q.id
        assert q.competencies and set(q.competencies) <= set(bank.competencies), q.id
        assert q.answer_min < q.answer_max, q.id
    with_follow_ups = sum(bool(q.follow_ups) for q in bank.questions)
    assert with_follow_ups >= 0.9 * len(bank.questions)


def test_answer_bands_fit_the_kind_of_question(bank: Bank) -> None:
    """A behavioral story needs about one to two minutes; a curveball is short and sudden."""
    rules: dict[str, Callable[[Question], bool]] = {
        "behavioral": lambda q: q.answer_min >= 45 and 90 <= q.answer_max <= 150,
        "motivation": lambda q: q.answer_max <= 105,
        "curveball": lambda q: q.prep_seconds <= 10 and q.answer_max <= 75,
    }
    for kind, fits in rules.items():
        of_kind = [q for q in bank.questions if q.kind == kind]
        assert of_kind, f"no {kind} question to check"
        assert [q.id for q in of_kind if not fits(q)] == [], kind
    stories = [q for q in bank.questions if q.kind == "behavioral"]
    assert [q.id for q in stories if q.prep_seconds < 15] == []


def test_every_competency_is_practised_by_some_question(bank: Bank) -> None:
    used = {c for q in bank.questions for c in q.competencies}
    assert used == set(bank.competencies)
