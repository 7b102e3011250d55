"""Answers to store in tests: real Questions, Turns, Transcripts and Feedback."""

from __future__ import annotations

from pathlib import Path

from hotseat.feedback.model import Evidence, Feedback, Finding
from hotseat.questions import Question
from hotseat.session import Timing, Turn
from hotseat.store import Store
from hotseat.transcript import Transcript, Word


def question(qid: str = "q-impact", competencies: tuple[str, ...] = ("impact",)) -> Question:
    return Question(
        id=qid,
        text=f"Tell me about a time you made a difference ({qid}).",
        category="impact",
        competencies=competencies,
        kind="behavioral",
        prep_seconds=10,
        answer_min=60,
        answer_max=120,
        look_for=("a result",),
    )


def timed(text: str, gap_after: int | None = None, step: float = 0.4) -> Transcript:
    """A spoken transcript: one word every ``step`` s, with a 3 s pause after word ``gap_after``."""
    words, t = [], 0.5
    for index, word in enumerate(text.split()):
        words.append(Word(word, start=t, end=t + step * 0.75, conf=0.9))
        t += step + (3.0 if index == gap_after else 0.0)
    return Transcript(text=text, words=tuple(words), duration=t + 0.5, engine="vosk")


def feedback(score: int, filler_rate: float = 2.0) -> Feedback:
    return Feedback(
        score=score,
        subscores={"content": score // 4, "structure": score // 4},
        metrics={"fillers": {"count": 1, "per_100_words": filler_rate}},
        findings=[
            Finding(
                "result-missing",
                "major",
                "structure",
                "The story stops before the result.",
                (Evidence("and then we shipped it", 4.0, 5.5),),
                "End with what changed, in numbers.",
            ),
            Finding("specific-example", "strength", "content", "A specific example."),
        ],
        tips=["Say the number: 'cut costs by 12%'."],
        explanation=[f"content {score // 4}/25: example found"],
    )


def turn(
    q: Question | None = None,
    text: str = "I led the migration and we cut build time by half",
    score: int | None = 60,
    *,
    skipped: bool = False,
    transcript: Transcript | None = None,
) -> Turn:
    q = q or question()
    made = Turn(question=q, timing=Timing.for_question(q), persona="recruiter")
    if skipped:
        made.skipped = True
        return made
    made.answer = transcript or Transcript.typed(text, duration=42.0)
    made.feedback = feedback(score) if score is not None else None
    return made


def wav(path: Path, seconds: float = 0.2, rate: int = 16000) -> Path:
    """A short real WAV (a quiet tone) like the microphone writes."""
    import wave

    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.2 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def fill(store: Store, scores: list[list[int]], *, day: float = 86_400.0) -> list[int]:
    """One finished session per list, a day apart, answers with those scores."""
    ids = []
    for n, session_scores in enumerate(scores):
        sid = store.begin_session(mode="mock", persona="recruiter", started_at=1.7e9 + n * day)
        for i, score in enumerate(session_scores):
            q = question(f"q-{i}", ("impact",) if i % 2 == 0 else ("communication",))
            store.save_answer(sid, turn(q, f"answer {i} of session {n}", score))
        store.end_session(sid)
        ids.append(sid)
    return ids
