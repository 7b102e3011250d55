"""Choosing and loading the recognition engine, falling back when Vosk cannot run.

``engine`` is 'vosk', 'sphinx', or 'auto' (or None, the same): auto uses Vosk
when a complete model is found and pocketsphinx otherwise, with a notice
that says why and how to get Vosk's better accuracy. An engine asked for by
name is not replaced: its failure is an EngineError.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.asr.engine import Engine, EngineError
from hotseat.asr.models import Discovery, discover_model

GET_VOSK = "for better accuracy run 'hotseat models download' (about 40 MB, once)"


@dataclass(frozen=True)
class Loaded:
    engine: Engine
    notice: str  # '' when all is as it should be


def _sphinx(isolated: bool = False) -> Engine:
    if isolated:
        from hotseat.asr.sphinx_process import SphinxProcessEngine

        return SphinxProcessEngine()
    from hotseat.asr.sphinx_engine import SphinxEngine

    return SphinxEngine()


def _vosk(discovery: Discovery) -> Engine:
    from hotseat.asr.vosk_engine import VoskEngine

    if discovery.path is None:
        raise EngineError(
            discovery.problems[-1]
            if discovery.problems
            else "no Vosk model is installed; run 'hotseat models download'"
        )
    return VoskEngine(discovery.path)


def load_engine(
    engine: str | None = None,
    model: str | None = None,
    model_setting: str = "",
    *,
    isolated: bool = False,
) -> Loaded:
    """Load the engine (slow: seconds for Vosk). Call it off the UI thread.

    ``isolated``: run pocketsphinx in a helper process (see sphinx_process), for
    apps with a UI thread. Vosk needs no such care: its binding releases the GIL.
    """
    choice = (engine or "auto").lower()
    if choice == "sphinx":
        return Loaded(_sphinx(isolated), "")
    if choice not in ("vosk", "auto"):
        raise EngineError(f"unknown engine {engine!r}: use vosk or sphinx")
    discovery = discover_model(model, model_setting)
    if choice == "vosk":
        return Loaded(_vosk(discovery), "")
    try:
        return Loaded(_vosk(discovery), "")
    except EngineError as exc:
        fallback = _sphinx(isolated)
        if discovery.path is None and not discovery.problems:
            reason = "No Vosk model is installed, so the built-in recognizer is in use"
        else:
            reason = f"Using the built-in recognizer because {exc}"
        return Loaded(fallback, f"{reason}; {GET_VOSK}.")
