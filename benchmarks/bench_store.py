"""How fast the history is: saving one answer, and reading a long history.

    .venv/bin/python benchmarks/bench_store.py [SESSIONS] [--quick]

Prints figures (no pass/fail): the time to commit one answer durably
(synchronous=FULL, so it survives a power cut), and, for a history of
SESSIONS sessions of 6 answers (default 500, about a year of daily practice),
the time to list sessions, open one, compute progress and the per-question
statistics spaced review reads. Runs in a temporary folder.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.figures import record  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    sessions = int(numbers[0]) if numbers else (100 if "--quick" in sys.argv else 500)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HOTSEAT_DATA_DIR"] = folder
        from tests.store.sample import question, timed, turn

        from hotseat.store import (
            Recorder,
            Store,
            competency_standings,
            progress_series,
            question_history,
        )

        spoken = timed(" ".join(["word"] * 250), gap_after=40)  # a two-minute answer
        answers = [
            turn(question(f"q-{i}", ("impact", "communication")[i % 2 :]), transcript=spoken)
            for i in range(6)
        ]
        recorder = Recorder()
        handle = recorder.begin_session(mode="mock")
        saves = []
        for made in answers * 5:
            start = time.perf_counter()
            status = recorder.save_answer(handle, made)
            saves.append(time.perf_counter() - start)
            assert status.saved
        recorder.close()
        print(
            f"save one answer (durable commit), median {_ms(statistics.median(saves))}, "
            f"max {_ms(max(saves))}"
        )
        record("store: save one answer (median)", round(statistics.median(saves) * 1000, 2), "ms")

        store = Store()
        start = time.perf_counter()
        for n in range(sessions):
            sid = store.begin_session(mode="mock", started_at=1.7e9 + n * 86_400)
            for made in answers:
                store.save_answer(sid, made)
            store.end_session(sid)
        print(f"filled {sessions} sessions x 6 answers in {time.perf_counter() - start:.1f} s")
        size = Path(folder, "history.sqlite3").stat().st_size
        print(f"database size {size / 1e6:.1f} MB")
        store.close()

        start = time.perf_counter()
        store = Store()
        opened = time.perf_counter() - start
        print(f"open (quick_check + migrate)    {_ms(opened)}")
        record(f"store: open a {sessions}-session history", round(opened * 1000, 1), "ms")
        for name, action in [
            ("list sessions", lambda: store.list_sessions()),
            ("load one session", lambda: store.load_session(sessions // 2)),
            ("progress, overall", lambda: progress_series(store)),
            ("progress, one competency", lambda: progress_series(store, "impact")),
            ("competency standings", lambda: competency_standings(store)),
            ("question history (review)", lambda: question_history(store)),
        ]:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                action()
                times.append(time.perf_counter() - start)
            print(f"{name:<30} {_ms(statistics.median(times))}")
            if name in ("list sessions", "progress, overall"):
                ms = round(statistics.median(times) * 1000, 1)
                record(f"store: {name} ({sessions} sessions)", ms, "ms")
        store.close()


if __name__ == "__main__":
    main()
