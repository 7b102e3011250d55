"""A small question bank and feedback builders for the session tests.

The bank is written here (not the shipped one) so the tests pin exact shapes:
which kinds exist, how many of each, their answer bands.
"""

from __future__ import annotations

from hotseat.feedback.model import Feedback, Finding
from hotseat.questions import Bank, Pack, Question
from hotseat.session import Event, FakeClock, Phase, Session
from hotseat.transcript import Transcript

BANDS = {
    "opener": (10, 60, 120),
    "motivation": (15, 45, 90),
    "behavioral": (20, 60, 120),
    "situational": (15, 45, 90),
    "technical-light": (15, 45, 90),
    "curveball": (0, 10, 40),
    "closing": (10, 30, 90),
}


def q(qid: str, kind: str, category: str, *competencies: str, role: str = "", pack: str = "core",
      text: str = "", follow_ups: tuple[str, ...] = ()) -> Question:  # fmt: skip
    prep, low, high = BANDS[kind]
    return Question(
        id=qid,
        text=text or f"Question {qid} about {{company}} as {{role}}?",
        category=category,
        competencies=competencies or ("communication",),
        kind=kind,
        prep_seconds=prep,
        answer_min=low,
        answer_max=high,
        look_for=("one point", "another point"),
        follow_ups=follow_ups,
        pack=pack,
        role=role,
    )


CORE = [
    q("open-1", "opener", "opener", "communication"),
    q("open-2", "opener", "opener", "communication", "networking"),
    q("research-1", "motivation", "research", "research"),
    q("research-2", "motivation", "research", "research", "culture"),
    q("research-3", "motivation", "research", "research", "enthusiasm"),
    q("why-1", "motivation", "motivation", "enthusiasm"),
    q("why-2", "motivation", "motivation", "enthusiasm", "tailoring"),
    q("why-3", "motivation", "tailoring", "tailoring"),
    q("story-impact", "behavioral", "impact", "impact", "examples"),
    q("story-fail", "behavioral", "growth", "growth"),
    q("story-team", "behavioral", "collaboration", "collaboration"),
    q("story-conflict", "behavioral", "composure", "composure"),
    q("story-change", "behavioral", "adaptability", "adaptability"),
    q("story-lead", "behavioral", "leadership", "leadership"),
    q("story-talk", "behavioral", "communication", "communication"),
    q("story-solve", "behavioral", "problem-solving", "problem-solving"),
    q("sit-1", "situational", "composure", "composure"),
    q("sit-2", "situational", "problem-solving", "problem-solving"),
    q("sit-3", "situational", "adaptability", "adaptability"),
    q("tech-1", "technical-light", "problem-solving", "problem-solving"),
    q("tech-2", "technical-light", "communication", "communication"),
    q("curve-1", "curveball", "curveball", "composure"),
    q("curve-2", "curveball", "curveball", "composure"),
    q("curve-3", "curveball", "curveball", "adaptability"),
    q("curve-4", "curveball", "curveball", "problem-solving"),
    q("close-1", "closing", "closing", "questions"),
    q("close-2", "closing", "closing", "questions"),
]
DATA_PACK = [
    q("data-1", "behavioral", "data", "impact", role="Data analyst", pack="role-data"),
    q(
        "data-2",
        "technical-light",
        "data",
        "problem-solving",
        role="Data analyst",
        pack="role-data",
    ),
    q("data-3", "situational", "data", "communication", role="Data analyst", pack="role-data"),
    q("data-4", "behavioral", "data", "collaboration", role="Data analyst", pack="role-data"),
]


def make_bank() -> Bank:
    core = Pack("core", "Core", "", "core.toml", questions=tuple(CORE))
    data = Pack("role-data", "Data", "", "role-data.toml", role="Data analyst",
                questions=tuple(DATA_PACK))  # fmt: skip
    return Bank(packs=[core, data], competencies={})


def feedback(
    *finding_ids: str, score: int = 60, assessable: bool = True, **metrics: object
) -> Feedback:
    findings = [Finding(id=f, severity="major", area="content", message=f) for f in finding_ids]
    return Feedback(
        score=score,
        subscores={},
        metrics=dict(metrics),
        findings=findings,
        tips=[],
        assessable=assessable,
    )


def answer_everything(session: Session, clock: FakeClock, seconds: float = 20.0) -> list[Event]:
    """Play a whole session as the app does: ask, think, answer, review, move on.

    The client reacts to tick() events like the TUI: ``time-up`` and
    ``silence-end`` end the answer, ``auto-advance`` moves on. Without
    auto-advance the candidate presses "next" after one second of review.
    """
    events: list[Event] = []
    session.start()
    while not session.finished:
        assert session.phase is Phase.ASKING
        session.question_asked()
        if session.phase is Phase.THINKING:
            clock.advance(session.current.timing.prep_seconds)
            events += session.tick()
        assert session.phase is Phase.ANSWERING
        clock.advance(seconds)
        got = session.tick()
        events += got
        cut = any(e.kind == "time-up" for e in got)
        session.finish_answer(Transcript.typed(f"answer {session.index}"), interrupted=False)
        assert session.current.interrupted == (cut and session.current.timing.interrupt)
        if session.current.timing.auto_advance:
            clock.advance(session.current.timing.review_seconds)
            got = session.tick()
            events += got
            assert [e.kind for e in got] == ["auto-advance"]
        else:
            clock.advance(1.0)
        session.next()
    return events
