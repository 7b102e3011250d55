"""How long the final recognition pass of a long answer takes: what the app's bound
on waiting for it (``asr.answer_worker.final_wait``) must leave room for.

    .venv/bin/python benchmarks/bench_final_pass.py          # 60 s answers, both engines, ~6 min
    .venv/bin/python benchmarks/bench_final_pass.py --quick  # 20 s answers, idle only, ~1 min

Each answer is real English speech (the speech-eval clips, as in
``bench_spoken_loop``) delivered in real time through the Listener and ended by
ctrl+s right after its last word: the hardest case, as the last phrase is still
open and all of it is left for the final pass. The figure is the time from the
end of the answer to its final words, with no bound at all (the bound is set
far out for the measure), and how far recognition trailed the voice when the
answer ended, and the CPU seconds recognition spent meanwhile: on a machine
with a core to spare that is the wall time it takes, whatever the load here.
Each condition runs idle and with ONE other process keeping one core busy;
pocketsphinx, then Vosk with the user's model or the Korean test model (its
cost does not depend on the language). The machine's 1-minute load is printed
with each figure.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.bench_asr import speech_eval_dir  # noqa: E402
from benchmarks.bench_spoken_loop import (  # noqa: E402
    busy_core,
    cpu_seconds,
    engine_pid,
    family,
    load,
    make_listener,
    speech,
)
from benchmarks.figures import record  # noqa: E402

from hotseat.asr import answer_worker  # noqa: E402
from hotseat.audio.file_source import FileSource  # noqa: E402
from hotseat.audio.wavfile import Audio  # noqa: E402
from hotseat.transcript import Transcript  # noqa: E402


def final_pass(engine: str, samples: np.ndarray) -> tuple[float, float, float, bool]:
    """One answer: (seconds from its end to its final words, the CPU seconds recognition
    spent on them meanwhile, seconds recognition trailed the voice when it ended, and
    whether the final words were complete)."""
    listener = make_listener(engine)
    if listener.engine_name != engine:
        listener.close()
        raise RuntimeError(f"{engine} is not available here ({listener.notice})")
    source = FileSource(Audio(samples[:, None], 16000), speed=1.0)
    listener._bench_sources.append(source)  # type: ignore[attr-defined]
    got = threading.Event()
    finals: list[Transcript] = []

    def final(transcript: Transcript) -> None:
        finals.append(transcript)
        got.set()

    try:
        listener.start_answer(lambda text: None, lambda db: None, final)
        while not source.finished:
            time.sleep(0.02)
        pid = engine_pid(listener)
        pids = family(pid) if pid != os.getpid() else [pid]
        cpu = sum(map(cpu_seconds, pids))
        answer = listener._worker.answer  # what the app measures (AnswerInProgress.trailing)
        behind = answer.trailing if answer is not None else 0.0
        ended = time.monotonic()
        listener.finish_answer()
        assert got.wait(180), "no final transcript"
        took = time.monotonic() - ended
        cpu = sum(map(cpu_seconds, pids)) - cpu
    finally:
        listener.close()
    return took, cpu, behind, not finals[0].pending and not finals[0].notes


def longest_phrase_cpu(folder: Path) -> float:
    """CPU seconds pocketsphinx takes to decode its longest phrase whole (the most a
    final pass has left on a machine that keeps up): what an idle machine waits."""
    from hotseat.asr.sphinx_engine import SphinxEngine
    from hotseat.asr.sphinx_recognizer import SphinxRecognizer
    from hotseat.asr.sphinx_words import decode_whole

    samples = speech(folder, SphinxRecognizer.MAX_PHRASE)
    pcm16 = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    engine = SphinxEngine()
    started = time.process_time()
    decode_whole(engine._batch, pcm16, 0.0)
    return time.process_time() - started


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 s answers, idle only")
    args = parser.parse_args()
    folder = speech_eval_dir()
    if folder is None:
        print("skipped: the speech-eval clips are not here (../shared/speech-eval)")
        return 0
    bound = answer_worker.final_wait
    answer_worker.final_wait = lambda trailed: 150.0  # no bound: measure the need
    seconds = 20.0 if args.quick else 60.0
    samples = speech(folder, seconds)
    print(
        f"Final recognition pass of a {seconds:.0f} s answer ended by ctrl+s at its last word "
        f"({os.cpu_count()} CPUs); the app waits {answer_worker.FINAL_BASE:g} s, plus as "
        f"long as recognition trailed, up to {answer_worker.FINAL_CAP:g} s"
    )
    phrase = longest_phrase_cpu(folder)
    print(
        f"  pocketsphinx decodes its longest phrase (10 s) whole in {phrase:.2f} s of CPU: "
        f"the final pass of a machine with a core to spare; {load()}"
    )
    record(
        "final pass: sphinx, longest phrase decoded whole, CPU seconds",
        round(phrase, 3),
        "s",
        target=f"< {answer_worker.FINAL_BASE - 1.5:g} s (the engine's budget)",
        note=load(),
    )
    for engine in ("sphinx", "vosk"):
        for busy in (False,) if args.quick else (False, True):
            label = "one core busy" if busy else "idle"
            try:
                with busy_core(busy):
                    took, cpu, behind, whole = final_pass(engine, samples)
            except Exception as exc:  # no Vosk model here
                print(f"  {engine}: skipped ({exc})")
                break
            fits = "within" if took <= bound(behind) else "OVER"
            print(
                f"  {engine:6} {label:13}: final words {took:.2f} s after the answer ended "
                f"({fits} the app's bound of {bound(behind):.1f} s), {cpu:.2f} s of CPU; "
                f"recognition trailed {behind:.2f} s then; "
                f"{'complete' if whole else 'with notes'}; {load()}"
            )
            record(
                f"final pass: {engine}, {seconds:.0f} s answer, {label}",
                round(took, 3),
                "s",
                target=f"< {answer_worker.FINAL_BASE:g} s (the app's bound, idle or one core busy)",
                note=f"trailed {behind:.2f} s at the end; {load()}",
            )
            record(
                f"final pass: {engine}, {seconds:.0f} s answer, CPU seconds, {label}",
                round(cpu, 3),
                "s",
                note="the wall time of a machine with a core to spare",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
