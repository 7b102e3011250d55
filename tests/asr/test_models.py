"""Which Vosk model hotseat uses, and what it says about broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat import paths
from hotseat.asr.engine import EngineError
from hotseat.asr.loader import load_engine
from hotseat.asr.models import DEFAULT_MODEL_NAME, discover_model, model_problems
from tests.asr.fake_models import fake_model


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("VOSK_MODEL_PATH", raising=False)
    return folder


def test_discovery_order(home: Path, tmp_path: Path) -> None:
    cache = fake_model(home / ".cache" / "vosk" / "vosk-model-small-en-us-0.15")
    env_models = tmp_path / "env-models"
    env_model = fake_model(env_models / "vosk-model-en-us-0.22")
    env = {"VOSK_MODEL_PATH": str(env_models)}
    assert discover_model(environ={}).path == cache
    assert discover_model(environ=env).path == env_model

    own = fake_model(paths.models_dir() / DEFAULT_MODEL_NAME)
    assert discover_model(environ=env).path == own
    assert discover_model(environ=env).source == "hotseat's model folder"

    setting = fake_model(tmp_path / "from-settings")
    assert discover_model(setting=str(setting), environ=env).path == setting
    explicit = fake_model(tmp_path / "from-command-line")
    found = discover_model(str(explicit), str(setting), environ=env)
    assert (found.path, found.source) == (explicit, "--model")


def test_english_and_the_default_model_are_preferred(home: Path) -> None:
    root = home / ".cache" / "vosk"
    fake_model(root / "vosk-model-small-de-0.15")
    fake_model(root / "vosk-model-en-us-0.22")
    assert discover_model(environ={}).path == root / "vosk-model-en-us-0.22"
    fake_model(root / DEFAULT_MODEL_NAME)
    assert discover_model(environ={}).path == root / DEFAULT_MODEL_NAME


def test_an_incomplete_model_names_what_is_missing(home: Path) -> None:
    model = fake_model(home / "m", skip=("am/final.mdl", "graph/Gr.fst"))
    (model / "conf" / "model.conf").write_bytes(b"")
    problems = model_problems(model)
    assert "missing am/final.mdl" in problems
    assert "conf/model.conf is empty" in problems
    assert "missing graph/Gr.fst" in problems


def test_a_broken_explicit_choice_is_reported_not_replaced(home: Path, tmp_path: Path) -> None:
    fake_model(paths.models_dir() / DEFAULT_MODEL_NAME)  # a good one elsewhere
    broken = fake_model(tmp_path / "mine", skip=("am/final.mdl",))
    found = discover_model(str(broken), environ={})
    assert found.path is None
    assert any("missing am/final.mdl" in p and str(broken) in p for p in found.problems)
    assert "does not exist" in discover_model(str(tmp_path / "nope"), environ={}).problems[0]


def test_a_broken_shared_model_is_skipped_with_a_note(home: Path) -> None:
    broken = fake_model(paths.models_dir() / DEFAULT_MODEL_NAME, skip=("conf/model.conf",))
    good = fake_model(home / ".cache" / "vosk" / "vosk-model-small-en-us-0.15")
    found = discover_model(environ={})
    assert found.path == good
    assert any(str(broken) in p and "conf/model.conf" in p for p in found.problems)


def test_auto_falls_back_to_pocketsphinx_and_says_how_to_get_vosk(home: Path) -> None:
    loaded = load_engine("auto")
    assert loaded.engine.name == "sphinx"
    assert "hotseat models download" in loaded.notice


def test_a_damaged_model_falls_back_with_the_reason(home: Path, tmp_path: Path) -> None:
    damaged = fake_model(tmp_path / "damaged")  # every file there, none of them valid
    with pytest.raises(EngineError, match="could not be loaded"):
        load_engine("vosk", str(damaged))
    loaded = load_engine(None, str(damaged))
    assert loaded.engine.name == "sphinx"
    assert "could not be loaded" in loaded.notice and str(damaged) in loaded.notice


def test_vosk_by_name_without_a_model_is_an_error(home: Path) -> None:
    with pytest.raises(EngineError, match="hotseat models download"):
        load_engine("vosk")
