"""Every loader of a user-editable file, fed hostile edits: a clean message, never a traceback.

Each error must name the file and a line (``path:12: ...``). Examples are few
and quick (a few seconds per loader); the edits are in ``tests/safety/fuzz.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotseat import resources
from hotseat.questions.loader import load_pack
from hotseat.session import load_modes
from hotseat.session.datafile import DataFileError
from hotseat.session.followups import load_follow_up_rules
from hotseat.settings import load_settings
from hotseat.speech.persona import PersonaError, load_persona_file
from tests.safety.fuzz import LINE_RE, hostile_edit

# Every file these tests write lives here, removed when the test run ends.
_SCRATCH = tempfile.TemporaryDirectory(prefix="hotseat-tests-")

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SETTINGS_TEXT = """\
persona = "recruiter"
muted = false
output_device = ""
input_device = ""
engine = "auto"
model_path = ""
silence_end_seconds = 0.0
drill_silence_end_seconds = 4.0
save_recordings = true
audible_warnings = false
last_company = "Acme"
last_role = "Engineer"
"""


def _write(name: str, text: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-", dir=_SCRATCH.name))
    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _asset(*parts: str) -> str:
    return resources.asset(*parts).read_text(encoding="utf-8")


@FUZZ
@given(hostile_edit(SETTINGS_TEXT))
def test_settings(text: str) -> None:
    path = _write("settings.toml", text)
    loaded = load_settings(path, environ={})
    for problem in loaded.problems:
        assert str(path) in problem and LINE_RE.search(problem), problem


@FUZZ
@given(hostile_edit(_asset("questions", "role-sales.toml")))
def test_question_packs(text: str) -> None:
    path = _write("role-sales.toml", text)
    result = load_pack(path)
    assert (result.pack is None) == bool(result.problems)
    for problem in result.problems:
        assert problem.file == str(path) and problem.line >= 1 and problem.message


@FUZZ
@given(hostile_edit((Path(__file__).parents[2] / "voices" / "recruiter.toml").read_text("utf-8")))
def test_personas(text: str) -> None:
    path = _write("recruiter.toml", text)
    try:
        load_persona_file(path)
    except PersonaError as exc:
        assert str(exc).startswith(f"{path}:") and LINE_RE.search(str(exc)), exc


@FUZZ
@given(hostile_edit(_asset("modes.toml")))
def test_modes(text: str) -> None:
    path = _write("modes.toml", text)
    try:
        load_modes(path)
    except DataFileError as exc:
        for problem in exc.problems:
            assert problem.startswith(f"{path}:") and LINE_RE.search(problem), problem


@FUZZ
@given(hostile_edit(_asset("follow_up_rules.toml")))
def test_follow_up_rules(text: str) -> None:
    path = _write("follow_up_rules.toml", text)
    try:
        load_follow_up_rules(path)
    except DataFileError as exc:
        for problem in exc.problems:
            assert problem.startswith(f"{path}:") and LINE_RE.search(problem), problem


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_as_a_question_pack(blob: bytes) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-", dir=_SCRATCH.name))
    path = folder / "bytes.toml"
    path.write_bytes(blob)
    for problem in load_pack(path).problems:
        assert problem.file == str(path) and problem.line >= 1
