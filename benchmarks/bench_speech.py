"""How quickly and how cheaply the interviewer speaks.

    .venv/bin/python benchmarks/bench_speech.py [QUESTIONS] [--quick]

Prints figures (no pass/fail), measured on audio that really comes out:

- question requested -> first audio out, with the question pre-rendered while
  the previous answer runs (median and p95; the target is 300 ms), and the same
  without pre-rendering, for comparison;
- the end of a line as reported against the end of its audio, and how late the
  "finished" callback comes (what starts the thinking countdown; target 100 ms);
- stop -> silence (target 150 ms);
- TTS render time per second of speech;
- CPU used while idle between questions (this process and the render worker).

Plays into the private PulseAudio server of the test harness (so nothing is
heard and no sound card is needed); pass --system-audio to use the real one.
Runs with a temporary cache, so every line is rendered afresh.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.pulse import PulseServer

    from hotseat.speech.speaker import VoiceSpeaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.figures import record  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _setter(event: threading.Event) -> Callable[[float], None]:
    def fire(t: float) -> None:
        event.set()

    return fire


def first_audio(
    speaker: VoiceSpeaker, pulse: PulseServer, texts: list[str], prepare: bool
) -> list[float]:
    delays = []
    for text in texts:
        if prepare:
            speaker.prepare(text, "recruiter")
            deadline = time.monotonic() + 5
            while not speaker.prepared(text, "recruiter") and time.monotonic() < deadline:
                time.sleep(0.01)
        recorder = pulse.record_speaker().start()
        time.sleep(0.2)
        started = threading.Event()
        asked = time.monotonic()
        speaker.speak(text, "recruiter", on_started=_setter(started))
        started.wait(5)
        time.sleep(0.4)
        speaker.stop()
        time.sleep(0.1)
        recording = recorder.stop()
        start, _ = recording.sound_span(threshold=0.003)
        delays.append(start - asked)
    return delays


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    count = int(numbers[0]) if numbers else (6 if "--quick" in sys.argv else 20)
    own_audio = "--system-audio" not in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HOTSEAT_CACHE_DIR"] = folder
        os.environ["HOTSEAT_CONFIG_DIR"] = folder
        from tests.support.pulse import PulseServer

        pulse = PulseServer()
        if own_audio:
            os.environ.update(pulse.env)
            pulse.start()
            pulse.warm_up()
        try:
            run(pulse, count)
        finally:
            pulse.stop()


def run(pulse: PulseServer, count: int) -> None:
    from hotseat.questions import load_bank
    from hotseat.speech.speaker import VoiceSpeaker

    texts = [q.text for q in load_bank().questions if "{" not in q.text]
    speaker = VoiceSpeaker()
    if not speaker.wait_ready(30):
        print(f"speech unavailable: {speaker.notice}")
        return
    try:
        warm = first_audio(speaker, pulse, texts[count : count + count // 2], prepare=False)
        ready = first_audio(speaker, pulse, texts[:count], prepare=True)
        print(f"question requested -> first audio out, {len(ready)} questions")
        print(f"  pre-rendered:  median {_ms(statistics.median(ready))}   p95 {_ms(_p95(ready))}")
        print(f"  not prepared:  median {_ms(statistics.median(warm))}   p95 {_ms(_p95(warm))}")
        record("speech: question -> audio, pre-rendered (median)", _msv(ready), "ms")
        record("speech: question -> audio, not prepared (median)", _msv(warm), "ms")

        ends, calls, stops = ends_and_stops(speaker, pulse, texts[count // 2 : count])
        print(f"end of a line, {len(ends)} lines (reported - heard; callback - heard)")
        print(f"  reported end:  median {_ms(statistics.median(ends))}   p95 {_ms(_p95(ends))}")
        print(f"  callback:      median {_ms(statistics.median(calls))}   p95 {_ms(_p95(calls))}")
        print(f"stop -> silence, {len(stops)} lines: median {_ms(statistics.median(stops))}")
        worst_end = max(abs(v) for v in ends)
        record(
            "speech: reported end of a line, worst error",
            round(worst_end * 1000),
            "ms",
            target="<= 100 ms",
        )
        record(
            "speech: end of audio -> finished callback (p95)",
            round(_p95(calls) * 1000),
            "ms",
            target="<= 100 ms",
            note="starts the thinking countdown",
        )
        record(
            "speech: stop -> silence (worst)", round(max(stops) * 1000), "ms", target="<= 150 ms"
        )

        persona = speaker.catalog.get("recruiter")
        voice = speaker.voice_for("recruiter")
        assert voice is not None
        spent = spoken = 0.0
        for n, text in enumerate(texts[2 * count : 3 * count]):
            began = time.perf_counter()
            clip = speaker.renderer.render(f"{text} ({n})", voice.voice_id, persona.voice.rate, 50)
            spent += time.perf_counter() - began
            spoken += clip.seconds
        print(
            f"TTS render time per second of speech: {_ms(spent / spoken)} "
            f"({spoken:.0f} s of speech in {spent:.2f} s)"
        )
        record("speech: render time per second of speech", round(spent / spoken * 1000), "ms")

        worker = speaker.renderer._proc  # the render worker, for its CPU use
        idle = 3.0 if "--quick" in sys.argv else 10.0
        mine, theirs = time.process_time(), _cpu_seconds(worker.pid) if worker else 0.0
        time.sleep(idle)
        mine = time.process_time() - mine
        theirs = (_cpu_seconds(worker.pid) - theirs) if worker else 0.0
        print(
            f"CPU while idle between questions ({idle:.0f} s): app {100 * mine / idle:.2f} %, "
            f"render worker {100 * theirs / idle:.2f} % of one core"
        )
    finally:
        speaker.close()


def _msv(values: list[float]) -> float:
    return round(statistics.median(values) * 1000)


def ends_and_stops(
    speaker: VoiceSpeaker, pulse: PulseServer, texts: list[str]
) -> tuple[list[float], list[float], list[float]]:
    """For each line: reported end - audio end, callback time - audio end (seconds), then
    for each line stopped after a second: stop -> last audio out."""
    from tests.speech.helpers import Heard, span

    ends, calls, stops = [], [], []
    for text in texts:
        speaker.prepare(text, "recruiter")
        recorder = pulse.record_speaker().start()
        heard = Heard()
        speaker.speak(text, "recruiter", heard.on_started, heard.on_finished)
        heard.wait()
        time.sleep(0.3)
        _, end = span(recorder.stop())
        if heard.finished is not None and heard.finished_called_at is not None:
            ends.append(heard.finished - end)
            calls.append(heard.finished_called_at - end)
    for text in texts[: max(2, len(texts) // 2)]:
        recorder = pulse.record_speaker().start()
        heard = Heard()
        speaker.speak(text, "recruiter", heard.on_started, heard.on_finished)
        deadline = time.monotonic() + 10
        while heard.started is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(1.0)
        stopped_at = time.monotonic()
        speaker.stop()
        heard.wait(5)
        time.sleep(0.6)
        _, last = span(recorder.stop())
        stops.append(max(0.0, last - stopped_at))
    return ends, calls, stops


if __name__ == "__main__":
    main()
