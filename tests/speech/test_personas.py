"""Interviewer personas: the shipped ones are complete, user files are checked."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.cli import main
from hotseat.speech import LINE_KINDS, load_personas

GOOD = """
name = "Sam, coach"
description = "A friendly coach."

[voice]
languages = ["en-us"]
rate = 150
pitch = 55

[lines]
greeting = ["Hi there."]
moving_on = ["Next."]
follow_up = ["Tell me more."]
interrupt = ["Let me stop you there."]
time_warning = ["Time is nearly up."]
closing = ["Thanks, that's all."]
"""


def _user_file(name: str, text: str) -> Path:
    folder = paths.user_voices_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_personas_are_complete_and_distinct() -> None:
    catalog = load_personas()
    assert catalog.problems == []
    assert {"recruiter", "hiring-manager", "senior-engineer", "panel-chair"} <= set(catalog.ids())
    assert catalog.ids()[0] == "recruiter" == catalog.default.id
    for persona in catalog.personas.values():
        for kind in LINE_KINDS:
            assert len(persona.lines[kind]) >= 2, (persona.id, kind)
        assert any("stop you there" in line.lower() for line in persona.lines["interrupt"])
    rates = {p.voice.rate for p in catalog.personas.values()}
    assert len(rates) == len(catalog.personas)  # each interviewer sounds different
    assert catalog.get("panel-chair").voice.rate > catalog.get("recruiter").voice.rate


def test_a_user_persona_written_before_skipped_lines_existed_still_loads() -> None:
    _user_file("coach.toml", GOOD)  # no `skipped` lines: an optional kind
    catalog = load_personas()
    assert catalog.problems == []
    line = catalog.get("coach").line("skipped")
    assert line and "thank" not in line.lower()


def test_a_persona_line_is_one_of_its_variants() -> None:
    persona = load_personas().get("senior-engineer")
    heard = {persona.line("closing", random.Random(seed)) for seed in range(30)}
    assert heard == set(persona.lines["closing"])
    with pytest.raises(KeyError, match="greeting"):
        persona.line("farewell")


def test_user_persona_is_added() -> None:
    _user_file("coach.toml", GOOD)
    catalog = load_personas()
    assert catalog.problems == []
    assert catalog.get("coach").name == "Sam, coach"
    assert catalog.get("coach").voice.rate == 150


@pytest.mark.parametrize(
    ("change", "field", "line"),
    [
        (("rate = 150", 'rate = "fast"'), "[voice] rate", 7),
        (("rate = 150", "rate = 900"), "[voice] rate", 7),
        (("rate = 150", "rate = nan"), "[voice] rate", 7),
        (("pitch = 55", "pitch = 55\ngender = 'robot'"), "[voice] gender", 9),
        (('closing = ["Thanks, that\'s all."]', "closing = []"), "[lines] closing", 16),
        (('name = "Sam, coach"', 'nam = "Sam"'), "nam", 2),
        (('greeting = ["Hi there."]', "greeting = [3]"), "[lines] greeting", 11),
    ],
)
def test_bad_user_persona_names_file_line_and_field_and_falls_back(
    change: tuple[str, str], field: str, line: int
) -> None:
    path = _user_file("coach.toml", GOOD.replace(*change))
    catalog = load_personas()
    assert len(catalog.problems) == 1
    problem = catalog.problems[0]
    assert problem.startswith(f"{path}:{line}: {field}: "), problem
    persona, why = catalog.resolve("coach")
    assert persona.id == "recruiter"
    assert "coach" in why and "could not be loaded" in why


def test_broken_toml_and_unknown_persona_fall_back_to_the_default() -> None:
    path = _user_file("coach.toml", "name = 'unterminated\n")
    catalog = load_personas()
    assert catalog.problems and catalog.problems[0].startswith(f"{path}:1: not valid TOML")
    assert catalog.get("coach").id == "recruiter"
    persona, why = catalog.resolve("nobody")
    assert persona.id == "recruiter" and "does not exist" in why


def test_a_bad_override_of_a_shipped_persona_keeps_the_shipped_one() -> None:
    _user_file("recruiter.toml", GOOD.replace("rate = 150", "rate = -1"))
    catalog = load_personas()
    assert catalog.get("recruiter").name == "Maya, recruiter"
    assert "recruiter.toml" in catalog.problems[0]


def test_voices_list_reports_a_bad_file_and_still_lists(capsys: pytest.CaptureFixture[str]) -> None:
    path = _user_file("coach.toml", GOOD.replace("rate = 150", 'rate = "fast"'))
    assert main(["voices", "list"]) == 0
    out, err = capsys.readouterr()
    assert f"{path}:7: [voice] rate: must be a number" in err
    for pid in ("recruiter", "hiring-manager", "senior-engineer", "panel-chair"):
        assert pid in out
    assert "coach" not in out
