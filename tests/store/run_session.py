"""A session run for real in its own process, for the kill -9 tests.

    python -m tests.store.run_session ANSWERS [--forever | --stepwise]

It drives the core Session engine with typed answers on a fake clock, saves each
finished answer through the Recorder, and prints ``saved N`` (flushed) once
answer N is committed. Then it waits to be killed, or with ``--forever`` keeps
answering (so a kill can land in the middle of a write). With ``--stepwise`` it
reads a line from stdin before each answer after the first (the test may lock
the history meanwhile), gives up on a locked history at once, and prints
``waiting N`` when answer N could not be written, then waits to be killed.
"""

from __future__ import annotations

import sys
import time

from hotseat.feedback.model import Feedback
from hotseat.session import FakeClock, Session, Turn
from hotseat.store import Recorder, Store
from hotseat.transcript import Transcript
from tests.store.sample import question, turn


def analyzer(current: Turn, transcript: Transcript) -> Feedback:
    words = len(transcript.text.split())
    return Feedback(score=40 + words, subscores={}, metrics={}, findings=[], tips=[])


def main(argv: list[str]) -> int:
    answers = int(argv[0])
    forever = "--forever" in argv
    stepwise = "--stepwise" in argv
    total = 10_000 if forever else answers + 1  # one more question stays unanswered
    turns = [turn(question(f"q-{i}")) for i in range(total)]
    for t in turns:
        t.answer = t.feedback = None
    clock = FakeClock()
    session = Session(turns=turns, analyzer=analyzer, clock=clock)
    recorder = Recorder(opener=lambda: Store(busy_timeout=0.1)) if stepwise else Recorder()
    handle = recorder.begin_session(mode="mock", persona="recruiter")
    session.start()
    for number in range(1, total + 1):
        if stepwise and number > 1:
            sys.stdin.readline()
        session.question_asked()
        clock.advance(12.0)
        done = session.finish_answer(Transcript.typed(f"answer number {number} " * number))
        status = recorder.save_answer(handle, done)
        if not status.saved:
            if stepwise:
                print(f"waiting {number}", flush=True)
                time.sleep(600)
            print(f"failed {status.message}", flush=True)
            return 1
        print(f"saved {number}", flush=True)
        if number == answers and not forever:
            session.next()
            session.question_asked()  # the next question is under way when the kill comes
            time.sleep(600)
            return 0
        session.next()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
