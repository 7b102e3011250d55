"""``hotseat practice``: the choices are checked, then handed to the app."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from hotseat.cli import main


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[argparse.Namespace]:
    """Stands in for the app: records what it would have been started with."""
    calls: list[argparse.Namespace] = []

    def fake_launch(args: argparse.Namespace) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr("hotseat.cli.launch.launch", fake_launch)
    return calls


def test_list_prints_every_mode_with_its_timing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "--list"]) == 0
    out = capsys.readouterr().out
    for mode in ("mock", "focus", "rapid-fire", "pressure-ladder", "curveball", "panel", "review"):
        assert f"\n{mode}" in f"\n{out}"
    assert "5 s to think, 30-45 s answers, cut off at the limit" in out
    assert "answer limit 90 s shrinking to 29 s over 6 questions" in out
    assert "3-8 questions, 6 by default." in out  # mock: how many may be chosen
    assert max(len(line) for line in out.splitlines()) <= 80


def test_a_mode_by_alias_starts_the_app_with_its_choices(
    launched: list[argparse.Namespace], tmp_path: Path
) -> None:
    notes = tmp_path / "acme.txt"
    notes.write_text("Acme builds rockets for weather satellites.\n")
    argv = ["practice", "--mode", "rapid", "--company", "Acme", "--role", "analyst",
            "--notes", str(notes)]  # fmt: skip
    assert main(argv) == 0
    (args,) = launched
    assert (args.mode, args.count, args.company, args.role) == ("rapid-fire", 10, "Acme", "analyst")
    assert args.notes.startswith("Acme builds rockets") and args.notes_file == str(notes)
    assert args.persona == "recruiter" and args.personas == ["recruiter"]
    assert args.autostart


def test_a_panel_gets_the_interviewers_asked_for_or_enough_installed_ones(
    launched: list[argparse.Namespace],
) -> None:
    main(["practice", "--mode", "panel", "--persona", "panel-chair,senior-engineer",
          "--persona", "hiring-manager"])  # fmt: skip
    assert launched[-1].personas == ["panel-chair", "senior-engineer", "hiring-manager"]
    assert launched[-1].persona == "panel-chair"
    main(["practice", "--mode", "panel", "--persona", "senior-engineer"])
    assert launched[-1].personas == ["senior-engineer", "recruiter"]
    main(["--persona", "hiring-manager", "practice", "--mode", "mock", "--count", "7"])
    assert launched[-1].personas == ["hiring-manager"] and launched[-1].count == 7


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--mode", "marathon"], "unknown mode 'marathon' (choose one of: mock, focus,"),
        ([], "choose a mode with --mode MODE"),
        (["--mode", "focus"], "Focus needs a category or a role pack to focus on"),
        (["--mode", "mock", "--count", "12"], "Mock interview takes 3-8 questions, not 12"),
        (["--mode", "focus", "--pack", "role-astronaut"], "unknown question pack 'role-astronaut'"),
        (["--mode", "mock", "--persona", "ghost"], "unknown persona 'ghost' (choose from:"),
        (["--mode", "mock", "--notes", "/no/such/notes.txt"], "cannot read /no/such/notes.txt"),
    ],
)
def test_wrong_choices_are_one_line_and_exit_2(
    argv: list[str],
    message: str,
    launched: list[argparse.Namespace],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["practice", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"hotseat: {message}") and err.count("\n") == 1
    assert launched == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--typed", "--mute", "practice", "--mode", "rapid"],
        ["practice", "--mode", "rapid", "--typed", "--mute"],  # as people often type it
    ],
)
def test_typed_and_mute_work_before_or_after_the_subcommand(
    launched: list[argparse.Namespace], argv: list[str]
) -> None:
    assert main(argv) == 0
    assert launched[-1].typed and launched[-1].mute
