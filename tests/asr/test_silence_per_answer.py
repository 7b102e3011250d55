"""Drills end an answer after a stretch of silence: that silence must be this
answer's, and come after the candidate has spoken.

Regression: after one answer ended on silence, the next answers of a drill
ended at once while the candidate was speaking (0.45 s and 0.10 s long): the
silence of the answer still finishing, or of the quiet before the first word,
was counted against the new answer.
"""

from __future__ import annotations

import time
from pathlib import Path

from hotseat.asr.listener import MicListener
from hotseat.audio.file_source import FileSource
from hotseat.audio.wavfile import read_wav
from hotseat.settings import Settings
from hotseat.transcript import NoteKind, Transcript
from tests.audio.render import speak


def _wait_until(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _answer(listener: MicListener, finals: list[Transcript]) -> None:
    listener.start_answer(lambda text: None, lambda db: None, finals.append)


def test_quiet_before_the_first_word_is_not_silence(tmp_path: Path) -> None:
    wav = speak("I led the migration to the new system", tmp_path / "a.wav", pad=(3.0, 2.0))
    source = FileSource(read_wav(wav), speed=4.0)  # 3 s of quiet go by in 0.75 s
    listener = MicListener(Settings(engine="sphinx"), source_factory=lambda: source)
    finals: list[Transcript] = []
    seen_before_speech: list[float] = []
    try:
        assert listener.wait_ready(30)
        _answer(listener, finals)
        _wait_until(lambda: source.started_at is not None)
        while source.position < 2.8:  # the candidate has not said a word yet
            seen_before_speech.append(listener.silence_seconds())
            time.sleep(0.01)
        _wait_until(lambda: source.finished)
        _wait_until(lambda: listener.silence_seconds() > 1.0, timeout=5)
        listener.finish_answer()
        _wait_until(lambda: bool(finals))
    finally:
        listener.close()
    assert len(seen_before_speech) > 20
    assert max(seen_before_speech) == 0.0


def test_a_new_answer_starts_with_no_silence_of_the_last_one(tmp_path: Path) -> None:
    first = speak("my first answer is short", tmp_path / "1.wav", pad=(0.3, 3.0))
    second = speak("the second answer starts after a pause", tmp_path / "2.wav", pad=(2.0, 0.5))
    later = FileSource(read_wav(second), speed=2.0)
    sources = iter([FileSource(read_wav(first), speed=0), later])
    listener = MicListener(Settings(engine="sphinx"), source_factory=lambda: next(sources))
    finals: list[Transcript] = []
    seen: list[float] = []
    try:
        assert listener.wait_ready(30)
        _answer(listener, finals)
        # The first answer ends on its silence, as a drill would end it.
        _wait_until(lambda: listener.silence_seconds() > 2.0)
        listener.finish_answer()
        _answer(listener, finals)  # the next question is asked at once (rapid fire)
        deadline = time.monotonic() + 1.0  # 1 s: the second answer's 2 s of quiet
        while time.monotonic() < deadline:
            seen.append(listener.silence_seconds())
            time.sleep(0.005)
        _wait_until(lambda: later.finished)
        listener.finish_answer()
        _wait_until(lambda: len(finals) == 2)
    finally:
        listener.close()
    assert max(seen) == 0.0, f"the new answer was charged {max(seen):.2f} s of silence"
    assert "first" in finals[0].text and len(finals[1].words) >= 3  # both were heard


class _Mic:
    """Stands in for the session's ``MicStream`` as the listener sees it: lost or not
    (and never stalled)."""

    def __init__(self) -> None:
        self.lost = False
        self.stalled = False
        self.stalled_from = 0.0  # when the last block came before a stall

    def tap(self, sink: object) -> None:
        pass

    def close(self) -> None:
        pass


def test_time_without_a_microphone_is_never_the_candidates_silence(tmp_path: Path) -> None:
    """Regression: the sound server was killed at 0:08 of a drill answer and the answer
    ended at 0:12.5 on the drill's 4 s silence limit, while the notice said "Plug it back
    in to go on speaking". The silence standing in for the lost microphone counted once
    PortAudio reopened a stream on the dead server (not lost, yet silent, no "back")."""
    wav = speak("I kept the release on schedule", tmp_path / "a.wav", pad=(0.3, 0.0))
    source = FileSource(read_wav(wav), speed=2.0)
    listener = MicListener(Settings(engine="sphinx"), source_factory=lambda: source)
    mic = _Mic()
    listener._mic.stream = mic  # type: ignore[assignment]  # the listener asks it whether it is lost
    finals: list[Transcript] = []
    after_reopen: list[float] = []
    try:
        assert listener.wait_ready(30)
        _answer(listener, finals)
        _wait_until(lambda: source.finished)
        mic.lost = True  # the server dies: nothing more comes from the stream
        listener._mic.changed("lost", "the audio stopped")
        time.sleep(3.0)  # a drill's silence limit is 4 s
        mic.lost = False  # a stream reopened on the dead server: open, yet delivering nothing
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            after_reopen.append(listener.silence_seconds())
            time.sleep(0.02)
        listener.finish_answer()
        _wait_until(lambda: bool(finals))
    finally:
        listener.close()
    assert max(after_reopen) < 1.0, (
        f"{max(after_reopen):.1f} s of a lost microphone counted as the candidate's silence"
    )
    assert "kept the release" in finals[0].text or len(finals[0].words) >= 3
    assert any(
        "microphone was lost" in note.text and note.kind is NoteKind.INCOMPLETE
        for note in finals[0].notes
    )


def test_a_stalled_sound_system_is_neither_silence_nor_a_lost_microphone(tmp_path: Path) -> None:
    """Regression (trial6 N4): a sound server starved for seconds was noted on the answer
    as "the microphone was lost". A stall keeps the answer's clock (the gap is filled
    with silence), is not the candidate's silence, and is noted as what it was."""
    wav = speak("I kept the release on schedule", tmp_path / "a.wav", pad=(0.3, 0.0))
    source = FileSource(read_wav(wav), speed=2.0)
    listener = MicListener(Settings(engine="sphinx"), source_factory=lambda: source)
    mic = _Mic()
    listener._mic.stream = mic  # type: ignore[assignment]
    finals: list[Transcript] = []
    during: list[float] = []
    try:
        assert listener.wait_ready(30)
        _answer(listener, finals)
        _wait_until(lambda: source.finished)
        mic.stalled, mic.stalled_from = True, time.monotonic()  # the server stops delivering
        listener._mic.changed("stalled", "no audio has reached hotseat")
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            during.append(listener.silence_seconds())
            time.sleep(0.02)
        mic.stalled = False
        listener._mic.changed("resumed", "the sound system stalled for 2 s")
        listener.finish_answer()
        _wait_until(lambda: bool(finals))
    finally:
        listener.close()
    assert max(during) == 0.0, "a stalled sound system counted as the candidate's silence"
    notes = [(note.kind, note.text) for note in finals[0].notes]
    assert not any("microphone was lost" in text for _, text in notes), notes
    (stalled,) = [text for kind, text in notes if kind is NoteKind.INCOMPLETE]
    assert stalled.startswith("the sound system stalled at 0:0") and "gap is silent" in stalled
    assert any(t.startswith("recording resumed at") and "stalled for 2 s" in t for _, t in notes)
    assert finals[0].duration is not None and finals[0].duration > 3.0  # the gap is kept
