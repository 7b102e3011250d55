"""``hotseat questions list | show | validate`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.cli import main
from hotseat.questions import load_bank
from tests.questions.helpers import good_pack, line_of, write

Captured = pytest.CaptureFixture[str]


def run(capsys: Captured, *argv: str) -> tuple[int, str, str]:
    code = main(["questions", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_is_a_table_that_fits_80_columns(capsys: Captured) -> None:
    code, out, err = run(capsys, "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(line.split()[:2] == ["tell-me-about-yourself", "opener"] for line in lines)
    assert "Core questions [core]" in out and "Sales and customer-facing [role-sales]" in out
    total = len(load_bank().questions)
    assert f"{total} questions in " in lines[-2]


def test_list_filters_by_category_and_pack(capsys: Captured) -> None:
    code, out, _ = run(capsys, "list", "--category", "closing", "--json")
    assert code == 0
    closing = json.loads(out)
    assert closing and {q["category"] for q in closing} == {"closing"}
    assert "questions-for-us" in {q["id"] for q in closing}
    code, out, _ = run(capsys, "list", "--pack", "role-data", "--json")
    assert {q["pack"] for q in json.loads(out)} == {"role-data"}
    code, out, _ = run(capsys, "list", "--pack", "role-data", "--category", "opener")
    assert code == 0 and "No questions match" in out


def test_list_json_has_every_field(capsys: Captured) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == len(load_bank().questions)
    first = next(q for q in items if q["id"] == "why-this-company")
    assert first == {
        "id": "why-this-company",
        "text": "Why do you want to work at {company} rather than somewhere else?",
        "category": "research",
        "competencies": ["research", "enthusiasm", "culture"],
        "kind": "motivation",
        "prep_seconds": 15,
        "answer_seconds": [45, 90],
        "look_for": first["look_for"],
        "follow_ups": first["follow_ups"],
        "tips": first["tips"],
        "pack": "core",
        "role": "",
    }
    assert len(first["look_for"]) >= 2 and first["follow_ups"] and first["tips"]


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [("--category", "bravery", "research"), ("--pack", "role-astronaut", "role-sales")],
)
def test_an_unknown_filter_is_a_one_line_usage_error(
    capsys: Captured, option: str, value: str, named: str
) -> None:
    code, out, err = run(capsys, "list", option, value)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert f"unknown {option[2:]} '{value}'" in err and named in err


def test_show_prints_the_question_in_full(capsys: Captured) -> None:
    code, out, _ = run(capsys, "show", "questions-for-us")
    assert code == 0
    assert "What questions do you have for us?" in out
    assert "Kind: closing" in out and "A strong answer shows:" in out and "Tips:" in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(
    ("qid", "rubric"), [("weakness", "weakness"), ("why-hire-you", "why-hire")]
)
def test_show_says_what_the_answer_is_scored_as(capsys: Captured, qid: str, rubric: str) -> None:
    """The bank kind ("motivation") is not the rubric: show names the one analyze uses."""
    code, out, _ = run(capsys, "show", qid)
    assert code == 0
    assert "Kind: motivation" in out
    assert f"Scored as:    {rubric} " in out
    assert max(len(line) for line in out.splitlines()) <= 80
    code, out, _ = run(capsys, "show", qid, "--json")
    assert json.loads(out)["scored_as"] == rubric
    answer = "I used to rush code reviews, so now I book an hour for them every Friday."
    assert main(["analyze", "--question", qid, "--text", answer, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"]["kind"] == rubric


def test_show_fills_company_and_role(capsys: Captured) -> None:
    code, out, _ = run(capsys, "show", "why-hire-you", "--role", "Data Analyst", "--json")
    assert code == 0
    assert json.loads(out)["text"] == "Why should we hire you for the Data Analyst role?"
    code, out, _ = run(capsys, "show", "why-this-company", "--company", "Acme")
    assert "Why do you want to work at Acme rather than somewhere else?" in out


def test_show_unknown_id_suggests_close_ones(capsys: Captured) -> None:
    code, out, err = run(capsys, "show", "tell-me-about-yoursef")
    assert code == 2 and out == ""
    assert "no question with id 'tell-me-about-yoursef'" in err
    assert "did you mean: tell-me-about-yourself" in err


def test_validate_the_shipped_folder_is_ok(capsys: Captured) -> None:
    folder = Path(__file__).resolve().parents[2] / "assets" / "questions"
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == 0
    assert out.startswith("OK: ") and out.count("\n") == 1


def test_validate_reports_every_problem_with_file_and_line(
    capsys: Captured, tmp_path: Path
) -> None:
    good = write(tmp_path, "good.toml", good_pack("good", "g-one"))
    text = good_pack("bad", "b-one", "b-two").replace('kind = "behavioral"', 'kind = "rant"', 1)
    bad = write(tmp_path, "bad.toml", text.replace('["impact"]', '["impact", "luck"]'))
    code, out, err = run(capsys, "validate", str(good), str(tmp_path))
    assert code == 1
    problems = out.splitlines()
    kind_line = line_of(bad, 'kind = "rant"')
    assert f"{bad}:{kind_line}: question b-one kind: 'rant' is not one of" in out
    luck = [p for p in problems if "competencies: 'luck' is not a known competency" in p]
    assert len(luck) == 2 and all(p.startswith(f"{bad}:") for p in luck)
    assert not any(str(good) in p for p in problems)
    assert (
        "3 problems in 1 of 2 files" in err  # good.toml, named twice, is checked once
    )  # good.toml was named twice: as a file and in the folder


def test_validate_missing_path_is_a_usage_error(capsys: Captured, tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.toml"))
    assert code == 2 and "no such file or folder" in err and "nope.toml" in err
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2 and "no question packs" in err


def test_a_broken_user_pack_is_reported_but_list_still_works(capsys: Captured) -> None:
    write(paths.user_questions_dir(), "oops.toml", "[pack\nid = 1\n")
    write(paths.user_questions_dir(), "mine.toml", good_pack("mine", "my-story"))
    code, out, err = run(capsys, "list", "--pack", "mine")
    assert code == 0 and "my-story" in out
    assert err.count("\n") == 1 and "skipped question pack" in err
    assert "oops.toml: line 1: not valid TOML" in err and "questions validate" in err


def test_questions_without_an_action_is_a_usage_error(capsys: Captured) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["questions"])
    assert exit_info.value.code == 2
    assert "ACTION" in capsys.readouterr().err


def test_show_quotes_the_words_the_rubric_was_read_from(capsys: Captured) -> None:
    """Explainable: show says which of the question's words made it a weakness question,
    as the question spells them."""
    code, out, _ = run(capsys, "show", "weakness")
    assert code == 0
    assert 'Read from:    "weakness"' in out
    code, out, _ = run(capsys, "show", "why-hire-you", "--json")
    words = json.loads(out)["scored_as_words"]
    assert words and all(w.lower() in json.loads(out)["text"].lower() for w in words)
