"""Rendering lines to audio: real espeak-ng through pyttsx3, cached on disk."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hotseat import paths
from hotseat.speech.renderer import Renderer, RenderError

LINE = "Tell me about a project you are proud of."


@pytest.fixture
def renderer() -> Iterator[Renderer]:
    r = Renderer()
    yield r
    r.close()


def _loudness(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def test_a_line_renders_to_audible_speech_without_silent_edges(renderer: Renderer) -> None:
    clip = renderer.render(LINE, "gmw/en-us", 175, 50)
    assert 1.0 < clip.seconds < 5.0
    assert _loudness(clip.samples) > 0.03
    edge = int(clip.rate * 0.03)
    assert np.max(np.abs(clip.samples[:edge])) > 0.005  # speech starts at once
    assert np.max(np.abs(clip.samples[-edge:])) > 0.005  # and runs to the end
    assert clip.voice == "gmw/en-us"


# Serial: with three test processes on two cores, a render once kept the engine's
# previous rate (260 wpm heard as 1.42 s against 1.77 s at 130): espeak's queued
# property change can still be lost under heavy load (render_worker.settle). A known
# defect, left open; alone the test holds.
@pytest.mark.serial
def test_rate_and_voice_change_what_is_heard(renderer: Renderer) -> None:
    slow = renderer.render(LINE, "gmw/en-us", 130, 50)
    fast = renderer.render(LINE, "gmw/en-us", 260, 50)
    assert fast.seconds < 0.75 * slow.seconds
    plain = renderer.render(LINE, "gmw/en-us", 175, 50)
    variant = renderer.render(LINE, "gmw/en-us+f3", 175, 50)
    assert variant.voice == "gmw/en-us+f3"
    assert plain.samples.shape != variant.samples.shape or not np.allclose(
        plain.samples, variant.samples
    )


def test_every_render_gets_its_own_voice_settings(renderer: Renderer) -> None:
    """pyttsx3 queues property changes; none may be lost between lines."""
    lengths: dict[int, list[float]] = {130: [], 260: []}
    for n in range(10):
        rate = 130 if n % 2 else 260
        voice = ("gmw/en-us", "gmw/en+m3", "gmw/en-us+f3")[n % 3]
        clip = renderer.render(f"Question number {n}: what motivates you?", voice, rate, 30 + 5 * n)
        lengths[rate].append(clip.seconds)
        assert clip.voice == voice
    assert max(lengths[260]) < 0.75 * min(lengths[130])


def test_a_rendered_line_is_reused_from_the_cache(renderer: Renderer) -> None:
    first = renderer.render(LINE, "gmw/en-us", 175, 50)
    assert list((paths.cache_dir() / "speech").glob("*.wav"))
    broken = Renderer(command=[sys.executable, "-c", "import sys; sys.exit(3)"])
    try:
        again = broken.render(LINE, "gmw/en-us", 175, 50)  # never asks the engine
        assert np.array_equal(again.samples, first.samples)
        with pytest.raises(RenderError, match="stopped unexpectedly"):
            broken.render("A line never rendered before.", "gmw/en-us", 175, 50)
    finally:
        broken.close()


def test_missing_speech_engine_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "pyttsx3"
    fake.mkdir()
    (fake / "__init__.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise OSError('libespeak-ng.so.1: cannot open shared object file')\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    missing = Renderer()
    try:
        with pytest.raises(RenderError) as caught:
            missing.voices()
    finally:
        missing.close()
    assert str(caught.value) == (
        "the text-to-speech engine could not start "
        "(libespeak-ng.so.1: cannot open shared object file)"
    )
