"""Mistakes in a pack are reported with the file and the line they are on."""

from __future__ import annotations

from pathlib import Path

from hotseat.questions import load_pack, validate_files
from hotseat.questions.validate import known_competencies
from tests.questions.helpers import GOOD_QUESTION, good_pack, line_of, write

BROKEN = (
    good_pack("mine", "fine-one")
    + """
[[questions]]
id = "bad-types"
text = "What is your {favourite} colour?"
category = "impact"
competencies = ["impact", "juggling"]
kind = "monologue"
prep_seconds = "ten"
answer_seconds = [120, 60]
look_for = ["only one"]
colour = "blue"

[[questions]]
id = "fine-one"
text = "Tell me something."
category = "Impact Stories"
competencies = ["impact"]
kind = "behavioral"
prep_seconds = 20
answer_seconds = [60, 120]
"""
)


def _messages(path: Path) -> dict[int, list[str]]:
    result = load_pack(path, competencies=frozenset(known_competencies()))
    assert result.pack is None
    out: dict[int, list[str]] = {}
    for problem in result.problems:
        assert problem.file == str(path)
        out.setdefault(problem.line, []).append(problem.message)
    return out


def test_each_mistake_is_reported_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.toml", BROKEN)
    found = _messages(path)

    def at(snippet: str) -> str:
        return " | ".join(found.get(line_of(path, snippet), []))

    # Each names the question and the field: "question bad-types kind: ..."
    assert "question bad-types text: unknown placeholder {favourite}" in at("{favourite}")
    assert "competencies: 'juggling' is not a known competency" in at('"juggling"')
    assert "question bad-types kind: 'monologue' is not one of" in at('"monologue"')
    assert "prep_seconds: must be a whole number, from 0 to 600" in at('"ten"')
    assert "answer_seconds: must be [min, max] whole seconds (5-1200), min < max" in at("[120, 60]")
    assert "look_for: must list 2 to 5 points" in at('"only one"')
    assert "question bad-types colour: unknown field" in at('colour = "blue"')
    assert "category: 'Impact Stories' must be lowercase" in at('"Impact Stories"')
    # The second "fine-one" repeats an id: reported where it is, naming the first.
    lines = path.read_text().splitlines()
    first, second = [n for n, line in enumerate(lines, 1) if line == 'id = "fine-one"']
    assert f"duplicate question id 'fine-one' (first at line {first})" in " ".join(found[second])
    # Fields missing altogether are reported at the start of their question.
    assert lines[second - 2] == "[[questions]]"
    assert "question fine-one look_for: is required" in found[second - 1]


def test_toml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    text = good_pack("syn", "a-question").replace('kind = "behavioral"', 'kind = "behavioral')
    path = write(tmp_path, "syn.toml", text)
    result = load_pack(path)
    assert result.pack is None
    (problem,) = result.problems
    assert problem.line == line_of(path, 'kind = "behavioral')
    assert "not valid TOML" in problem.message
    assert str(problem).startswith(f"{path}:{problem.line}: ")


def test_a_pack_without_its_header_or_questions_says_what_is_missing(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.toml", '[pack]\nid = "Empty Pack"\n\n[[question]]\nid = "x"\n')
    messages = [(p.line, p.message) for p in load_pack(path).problems]
    assert (2, "[pack] id: must be lowercase letters, digits and dashes") in messages
    assert any(line == 4 and "unknown table 'question'" in m for line, m in messages)
    assert any("at least one [[questions]]" in m for _, m in messages)
    no_header = write(tmp_path, "nohead.toml", GOOD_QUESTION.format(id="q", what="won"))
    assert any("missing the [pack] table" in p.message for p in load_pack(no_header).problems)


def test_validate_reports_ids_that_clash_across_files_and_with_hotseat(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", good_pack("first", "my-story", "tell-me-about-yourself"))
    second = write(tmp_path, "b.toml", good_pack("second", "my-story"))
    report = validate_files([first, second])
    problems = {(p.file, p.line): p.message for p in report.problems}
    builtin = problems[(str(first), line_of(first, '"tell-me-about-yourself"'))]
    assert "already used by pack 'core' (core.toml)" in builtin
    clash = problems[(str(second), line_of(second, '"my-story"'))]
    assert "already used by pack 'first' (a.toml)" in clash
    assert len(report.problems) == 2


def test_a_clean_pack_validates(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.toml", good_pack("mine", "my-one", "my-two"))
    report = validate_files([path])
    assert report.ok and report.question_count == 2
