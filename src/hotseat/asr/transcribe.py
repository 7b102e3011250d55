"""Transcribing a recorded file (``hotseat transcribe`` and ``analyze --audio``)."""

from __future__ import annotations

from pathlib import Path

from hotseat.asr.engine import ENGINE_NAMES, SAMPLE_RATE, Engine, join_words
from hotseat.asr.loader import load_engine
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from hotseat.transcript import Note, Transcript

_CHUNK = SAMPLE_RATE // 5 * 2  # 200 ms of 16-bit audio, as the microphone would deliver it


def transcribe_pcm(engine: Engine, pcm16: bytes, notes: tuple[Note, ...] = ()) -> Transcript:
    """Recognise 16 kHz mono PCM16 with an engine that is already loaded."""
    recognizer = engine.recognizer(partials=False)
    for start in range(0, len(pcm16), _CHUNK):
        recognizer.feed(pcm16[start : start + _CHUNK])
    words = tuple(recognizer.finish())
    return Transcript(
        text=join_words(list(words)),
        words=words,
        duration=round(len(pcm16) / 2 / SAMPLE_RATE, 3),
        engine=engine.name,
        notes=notes,
    )


def transcribe_file(path: Path, engine: str | None = None, model: str | None = None) -> Transcript:
    """Any WAV (rate, channels, 8-32 bit or float) -> a transcript with timed words.

    Raises ``AudioFileError`` (a ValueError) for unreadable or non-audio files
    and ``EngineError`` when the engine asked for cannot run. With ``engine``
    None the ``engine`` and ``model_path`` settings apply, then auto-choice.
    """
    from hotseat.settings import load_settings

    audio = read_wav(Path(path))
    settings = load_settings()
    if engine is None and settings.engine in ENGINE_NAMES:
        engine = settings.engine
    loaded = load_engine(engine, model, settings.model_path)
    notes = (Note(loaded.notice),) if loaded.notice else ()  # which recognizer, and why
    return transcribe_pcm(loaded.engine, convert(audio.samples, audio.rate), notes)
