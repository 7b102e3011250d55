"""modes.toml: the shipped modes say what the issue promises; mistakes name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.session import load_modes
from hotseat.session.datafile import DataFileError


def test_every_mode_ships_with_its_timing() -> None:
    modes = load_modes()
    assert modes.ids() == [
        "mock", "focus", "rapid-fire", "pressure-ladder", "curveball", "panel", "review"
    ]  # fmt: skip
    rapid = modes["rapid"]
    assert rapid.id == "rapid-fire" and rapid.count == 10
    assert (rapid.prep_seconds, rapid.answer_seconds) == (5, (30, 45))
    assert rapid.auto_advance and rapid.interrupt and not rapid.follow_ups
    ladder = modes["ladder"]
    assert ladder.ladder is not None
    assert [ladder.ladder.limit(n) for n in range(6)] == [90, 72, 58, 46, 37, 29]
    assert modes["curveball"].prep_seconds == 0
    panel = modes["panel"]
    assert (panel.personas_min, panel.personas_max, panel.greet_each) == (2, 3, True)
    assert modes["mock"].opening == ("greeting",) and modes["mock"].closing == ("closing",)
    assert (modes["mock"].count_min, modes["mock"].count_max) == (5, 8)
    assert modes["review"].schedule is not None


def test_drills_refuse_pausing_and_end_answers_on_silence() -> None:
    for mode in load_modes():
        drill = mode.id in ("rapid-fire", "pressure-ladder", "curveball")
        assert mode.drill is drill, mode.id
        assert mode.pause_allowed is not drill, mode.id
        assert mode.silence_end is drill, mode.id
        assert mode.silence_end_seconds(4.0, 0.0) == (4.0 if drill else 0.0)
        if mode.follow_ups:
            assert 1 <= mode.max_follow_ups <= 2


BROKEN = """\
[modes.fine]
name = "Fine"
description = "ok"
shape = "pool"

[modes.bad]
name = "Bad"
description = "broken in several ways"
shape = "wander"
count = 30
count_max = 12
answer_seconds = [45, 30]
ladder = { start = 60, shrink = 1.5, floor = 10 }
opening = ["hello"]
colour = "red"
"""


def test_a_broken_modes_file_reports_every_mistake_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "modes.toml"
    path.write_text(BROKEN)
    with pytest.raises(DataFileError) as caught:
        load_modes(path)
    problems = caught.value.problems
    expected = {
        9: "[modes.bad] shape: 'wander' is not one of",
        10: "[modes.bad] count: must lie within",
        12: "[modes.bad] answer_seconds: must be [min, max]",
        13: "[modes.bad] ladder: needs 0 < shrink < 1",
        14: "[modes.bad] opening: 'hello' is not a persona line",
        15: "[modes.bad] colour: unknown field",
    }
    assert len(problems) == len(expected), problems
    for line, start in expected.items():
        assert any(p.startswith(f"{path}:{line}: {start}") for p in problems), (line, problems)


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "modes.toml"
    path.write_text('[modes.x]\nname = "X"\ndescription = \n')
    with pytest.raises(DataFileError, match=rf"^{path}:3: not valid TOML"):
        load_modes(path)
