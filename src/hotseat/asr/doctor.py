"""``hotseat doctor``: which recognizer will run, and how to get a better one."""

from __future__ import annotations

from collections.abc import Iterator

from hotseat.check import Check


def checks() -> Iterator[Check]:
    from hotseat.asr.engine import EngineError
    from hotseat.asr.loader import GET_VOSK, load_engine
    from hotseat.asr.models import discover_model
    from hotseat.settings import load_settings

    settings = load_settings()
    if settings.engine == "typed":
        yield Check("speech engine", "ok", "typed answers are chosen in the settings")
        return
    discovery = discover_model(setting=settings.model_path)
    for problem in discovery.problems:
        yield Check(
            "vosk model",
            "warn",
            problem,
            "remove that folder and run 'hotseat models download'",
        )
    try:
        loaded = load_engine(settings.engine, None, settings.model_path)
    except EngineError as exc:
        try:
            load_engine("sphinx")
        except EngineError as fallback_error:
            yield Check(
                "speech engine",
                "fail",
                f"{exc}; the built-in recognizer fails too: {fallback_error}",
                "reinstall hotseat (pip install --force-reinstall pocketsphinx vosk)",
            )
            return
        detail = f"{exc}; the built-in recognizer will be used"
        yield Check("speech engine", "warn", detail, GET_VOSK)
        return
    engine = loaded.engine
    if engine.name == "vosk":
        yield Check("speech engine", "ok", f"{engine.description} from {discovery.source}")
    else:
        yield Check(
            "speech engine",
            "warn",
            f"{engine.description}: works offline, less accurate than Vosk",
            GET_VOSK,
        )
