"""The user's rubric.toml and lexicons/*.toml, fed hostile edits.

The feedback package reads these files itself (``hotseat.feedback.rubric`` and
``.lexicon``) through ``hotseat.tomlcheck`` as the other loaders do: deep
nesting is one clean message with a line, and numbers are checked with
``tomlcheck.positive_number`` (``typed_wpm = 0``, NaN and inf are refused with
file, line and field).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from hotseat import paths, resources
from hotseat.feedback.lexicon import LexiconError, load_lexicons
from hotseat.feedback.rubric import RubricError, load_rubric
from tests.safety.fuzz import LINE_RE, hostile_edit

# Every file these tests write lives here, removed when the test run ends.
_SCRATCH = tempfile.TemporaryDirectory(prefix="hotseat-tests-")

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="fuzz-", dir=_SCRATCH.name))


@FUZZ
@given(hostile_edit(resources.asset("rubric.toml").read_text("utf-8"), deep=False))
def test_rubric(text: str) -> None:
    path = _folder() / "rubric.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_rubric(user_path=path)
    except RubricError as exc:
        assert str(path) in str(exc), exc


@FUZZ
@given(hostile_edit(resources.asset("lexicons", "hedges.toml").read_text("utf-8"), deep=False))
def test_lexicons(text: str) -> None:
    folder = _folder()
    (folder / "hedges.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_lexicons(user_dir=folder)
    except LexiconError as exc:
        assert str(folder / "hedges.toml") in str(exc), exc


def test_a_deeply_nested_rubric_is_one_clean_message() -> None:
    path = _folder() / "rubric.toml"
    path.write_text("x = " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    with pytest.raises(RubricError, match=LINE_RE):
        load_rubric(user_path=path)


def test_a_deeply_nested_lexicon_is_one_clean_message() -> None:
    folder = _folder()
    (folder / "hedges.toml").write_text("phrases = " + "[" * 600 + "]" * 600 + "\n")
    with pytest.raises(LexiconError, match=LINE_RE):
        load_lexicons(user_dir=folder)


@pytest.mark.parametrize("value", ["0", "-140", "nan", "inf"])
def test_a_zero_typing_speed_is_refused_with_file_line_and_field(value: str) -> None:
    path = _folder() / "rubric.toml"
    path.write_text(f"# my pace\n[delivery]\ntyped_wpm = {value}\n", encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubric\.toml:3: .*typed_wpm.*must be"):
        load_rubric(user_path=path)


@pytest.mark.parametrize("value", ["nan", "-inf"])
def test_a_finding_worth_nan_points_is_refused(value: str) -> None:
    path = _folder() / "rubric.toml"
    path.write_text(f"[findings.too-fast]\npoints = {value}\n", encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubric\.toml:2: .*too-fast\.points.*finite"):
        load_rubric(user_path=path)


def test_a_nan_pace_band_is_refused() -> None:
    path = _folder() / "rubric.toml"
    path.write_text("[delivery]\npace_band = [nan, 160]\n", encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubric\.toml:2: .*pace_band"):
        load_rubric(user_path=path)


def _doctor_checks() -> str:
    """doctor's analysis and feedback checks in a fresh process (the rubric is read once)."""
    code = (
        "from hotseat.doctor import analysis_check as a\n"
        "from hotseat.feedback.doctor import checks\n"
        "for c in [a(), *checks()]: print(c.status, c.detail)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_doctor_runs_one_real_analysis_and_names_a_refused_rubric() -> None:
    assert _doctor_checks().splitlines()[0].startswith("ok a sample answer scored")
    config = paths.config_dir()
    config.mkdir(parents=True, exist_ok=True)
    (config / "rubric.toml").write_text("[delivery]\ntyped_wpm = 0\n", encoding="utf-8")
    lines = _doctor_checks().splitlines()
    assert lines[0].startswith("ok a sample answer scored"), lines  # the built-in rubric scored it
    warning = f"warn {config / 'rubric.toml'}:2: 'delivery.typed_wpm': must be more than zero"
    assert any(line.startswith(warning) for line in lines), lines
