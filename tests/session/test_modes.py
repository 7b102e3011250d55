"""modes.toml: the shipped modes say what the issue promises; mistakes name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.session import load_modes
from hotseat.session.datafile import DataFileError

OWN = """\
[modes.sprint]
name = "Sprint"
description = "short answers"
shape = "pool"
aliases = ["dash"]
drill = true
count = 4
count_min = 2
count_max = 6
prep_seconds = 3
answer_seconds = [20, 40]
interrupt = true
pause_allowed = false
silence_end = true

[modes.climb]
name = "Climb"
description = "shrinking limits"
shape = "pool"
ladder = { start = 100, shrink = 0.5, floor = 20 }
"""


def test_a_modes_file_becomes_the_modes_it_describes(tmp_path: Path) -> None:
    path = tmp_path / "modes.toml"
    path.write_text(OWN)
    book = load_modes(path)
    assert book.ids() == ["sprint", "climb"]
    sprint = book["dash"]  # found by its alias, in any case
    assert book.get("DASH") is sprint and book.get("nothing") is None
    assert (sprint.count, sprint.count_min, sprint.count_max) == (4, 2, 6)
    assert (sprint.prep_seconds, sprint.answer_seconds) == (3, (20, 40))
    assert sprint.silence_end_seconds(4.0, 0.0) == 4.0
    assert "3 s to think" in sprint.timing_summary()
    assert "no pausing" in sprint.timing_summary()
    climb = book["climb"]
    assert climb.ladder is not None
    # start x shrink^n, never under the floor
    assert [climb.ladder.limit(n) for n in range(4)] == [100, 50, 25, 20]
    assert climb.silence_end_seconds(4.0, 0.0) == 0.0
    with pytest.raises(KeyError, match="unknown mode 'nothing'"):
        book["nothing"]


def test_drills_refuse_pausing_and_end_answers_on_silence() -> None:
    modes = list(load_modes())
    drills = [m for m in modes if m.drill]
    assert drills and len(drills) < len(modes)
    for mode in modes:
        assert mode.pause_allowed is not mode.drill, mode.id
        assert mode.silence_end is mode.drill, mode.id
    with_follow_ups = [m for m in modes if m.follow_ups]
    assert with_follow_ups
    assert all(1 <= m.max_follow_ups <= 2 for m in with_follow_ups)


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
