"""The user's rubric.toml and lexicons/*.toml, fed hostile edits.

The feedback package reads these files itself (``hotseat.feedback.rubric`` and
``.lexicon``). Hostile edits of ordinary depth already fail cleanly there. Two
gaps remain until those loaders read through ``hotseat.tomlcheck`` (as the
other loaders do) and check numbers with ``tomlcheck.positive_number``: deep
nesting is a RecursionError, and ``typed_wpm = 0`` loads (then every typed
answer fails to be analysed; ``hotseat doctor`` reports that, see
``test_doctor_runs_one_real_analysis``). They are marked xfail(strict): when the
feedback loaders are fixed, these tests pass and the marks must go.
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

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GAP = "feedback loaders do not read through hotseat.tomlcheck yet (feedback helper)"


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="fuzz-"))


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


@pytest.mark.xfail(strict=True, raises=RecursionError, reason=GAP)
def test_a_deeply_nested_rubric_is_one_clean_message() -> None:
    path = _folder() / "rubric.toml"
    path.write_text("x = " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    with pytest.raises(RubricError, match=LINE_RE):
        load_rubric(user_path=path)


@pytest.mark.xfail(strict=True, raises=RecursionError, reason=GAP)
def test_a_deeply_nested_lexicon_is_one_clean_message() -> None:
    folder = _folder()
    (folder / "hedges.toml").write_text("phrases = " + "[" * 600 + "]" * 600 + "\n")
    with pytest.raises(LexiconError, match=LINE_RE):
        load_lexicons(user_dir=folder)


@pytest.mark.xfail(strict=True, reason=GAP)
def test_a_zero_typing_speed_is_refused_with_file_line_and_field() -> None:
    path = _folder() / "rubric.toml"
    path.write_text("[delivery]\ntyped_wpm = 0\n", encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubric\.toml:2: .*typed_wpm"):
        load_rubric(user_path=path)


def _analysis_check() -> str:
    """doctor's analysis check in a fresh process (the rubric is read once per process)."""
    code = "from hotseat.doctor import analysis_check as a; c = a(); print(c.status, c.detail)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_doctor_runs_one_real_analysis() -> None:
    assert _analysis_check().startswith("ok a sample answer scored")
    config = paths.config_dir()
    config.mkdir(parents=True, exist_ok=True)
    (config / "rubric.toml").write_text("[delivery]\ntyped_wpm = 0\n", encoding="utf-8")
    broken = _analysis_check()
    assert broken.startswith("fail a sample answer could not be analysed"), broken
