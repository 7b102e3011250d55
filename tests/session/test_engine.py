"""The session engine on a fake clock: phases, the band colours and events at exact times."""

from __future__ import annotations

from hotseat.session import Band, FakeClock, Phase, Session, Timing, Turn
from hotseat.transcript import Transcript
from tests.session.helpers import feedback, q

BEHAVIORAL = q("story", "behavioral", "impact", "impact")


def session_of(*timings: Timing, **kwargs: object) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    turns = [Turn(question=BEHAVIORAL, timing=t, persona="recruiter") for t in timings]
    session = Session(turns=turns, clock=clock, **kwargs)  # type: ignore[arg-type]
    session.start()
    return session, clock


def kinds(session: Session) -> list[str]:
    return [e.kind for e in session.tick()]


def test_a_turn_moves_through_every_phase_and_the_session_ends() -> None:
    analysed: list[str] = []

    def analyzer(turn: Turn, transcript: Transcript) -> object:
        analysed.append(transcript.text)
        return feedback(score=71)

    timing = Timing(prep_seconds=20, answer_min=60, answer_max=120)
    session, clock = session_of(timing, timing, analyzer=analyzer)
    assert session.phase is Phase.ASKING and session.progress() == (1, 2)
    assert session.question_asked() is Phase.THINKING
    clock.advance(19.5)
    assert session.thinking_remaining() == 0.5
    assert kinds(session) == []
    clock.advance(0.5)
    assert kinds(session) == ["thinking-over"]
    assert session.phase is Phase.ANSWERING
    clock.advance(30)
    turn = session.finish_answer(Transcript.typed("I led the launch"))
    assert session.phase is Phase.REVIEWING
    assert analysed == ["I led the launch"]
    assert turn.feedback is not None and turn.feedback.score == 71
    assert turn.answer is not None and turn.answer.duration == 30.0
    assert session.next() is Phase.ASKING and session.progress() == (2, 2)
    session.question_asked()
    session.begin_answer()  # ready before the thinking time is up
    assert session.phase is Phase.ANSWERING
    assert session.skip() is Phase.DONE
    assert session.turns[1].skipped
    assert [t.answer.text for t in [t for t in session.turns if t.answered] if t.answer] == [
        "I led the launch"
    ]


def test_band_colours_change_at_the_exact_edges() -> None:
    # A 60-120 s band: amber from 105 s (15 s before the maximum), red past 120 s.
    session, clock = session_of(Timing(prep_seconds=0, answer_min=60, answer_max=120))
    session.question_asked()
    seen = []
    for at in (0, 59.5, 60, 104.5, 105, 120, 120.5):
        clock.advance(at - session.answer_elapsed())
        seen.append((at, session.band(), kinds(session)))
    assert seen == [
        (0, Band.SHORT, []),
        (59.5, Band.SHORT, []),
        (60, Band.CALM, []),
        (104.5, Band.CALM, []),
        (105, Band.AMBER, ["amber"]),
        (120, Band.AMBER, []),
        (120.5, Band.RED, ["red"]),
    ]
    clock.advance(30)
    assert kinds(session) == []  # each warning once per turn


def test_amber_carries_the_time_warning_line_and_a_jump_to_red_still_warns() -> None:
    session, clock = session_of(Timing(prep_seconds=0, answer_min=30, answer_max=60))
    session.question_asked()
    clock.advance(61)
    events = session.tick()
    assert [(e.kind, e.line) for e in events] == [("amber", "time_warning"), ("red", "")]


def test_the_hard_limit_interrupts_exactly_once_and_marks_the_turn() -> None:
    timing = Timing(prep_seconds=0, answer_min=20, answer_max=40, hard_limit=40, interrupt=True)
    session, clock = session_of(timing)
    session.question_asked()
    clock.advance(39.75)
    assert session.limit_remaining() == 0.25
    assert "time-up" not in kinds(session)
    clock.advance(0.25)
    events = session.tick()
    assert [(e.kind, e.line) for e in events if e.kind == "time-up"] == [("time-up", "interrupt")]
    assert session.current.interrupted and session.current.time_up
    clock.advance(0.5)
    assert "time-up" not in kinds(session)  # the answer's end is on its way: no second cut
    turn = session.finish_answer(Transcript.typed("so what I did was"))
    assert turn.interrupted  # the engine's mark survives a plain finish_answer
    assert turn.answer is not None and turn.answer.duration == 40.5


def test_a_hard_limit_without_interruption_stops_the_answer_quietly() -> None:
    timing = Timing(prep_seconds=0, answer_min=20, answer_max=40, hard_limit=80)
    session, clock = session_of(timing)
    session.question_asked()
    clock.advance(80)
    events = [e for e in session.tick() if e.kind == "time-up"]
    assert [(e.kind, e.line) for e in events] == [("time-up", "")]
    assert session.current.time_up and not session.current.interrupted


def test_pause_stops_every_clock_and_resume_continues() -> None:
    session, clock = session_of(Timing(prep_seconds=10, answer_min=30, answer_max=60))
    session.question_asked()
    clock.advance(4)
    assert session.pause() is True and session.paused
    clock.advance(100)
    assert session.thinking_remaining() == 6
    assert session.tick() == []
    session.resume()
    clock.advance(5.5)
    assert session.thinking_remaining() == 0.5 and kinds(session) == []
    clock.advance(0.5)
    assert kinds(session) == ["thinking-over"]


def test_pause_is_refused_when_the_mode_forbids_it() -> None:
    session, clock = session_of(
        Timing(prep_seconds=5, answer_min=30, answer_max=45), allow_pause=False
    )
    session.question_asked()
    assert not session.can_pause
    assert session.pause() is False and not session.paused
    clock.advance(5)
    assert kinds(session) == ["thinking-over"]  # the drill kept running


def test_auto_advance_waits_for_the_review_pause() -> None:
    timing = Timing(
        prep_seconds=0, answer_min=5, answer_max=45, auto_advance=True, review_seconds=3
    )
    session, clock = session_of(timing, timing)
    session.question_asked()
    clock.advance(10)
    session.finish_answer(Transcript.typed("done"))
    clock.advance(2.75)
    assert kinds(session) == []
    clock.advance(0.25)
    assert kinds(session) == ["auto-advance"]


def test_silence_ends_the_answer_only_when_the_session_says_so() -> None:
    timing = Timing(prep_seconds=0, answer_min=5, answer_max=45)
    session, clock = session_of(timing, silence_end_seconds=4.0)
    session.question_asked()
    clock.advance(10)
    assert kinds_with(session, 3.9) == []
    assert kinds_with(session, 4.0) == ["silence-end"]
    assert kinds_with(session, 6.0) == []
    quiet, quiet_clock = session_of(timing)
    quiet.question_asked()
    quiet_clock.advance(10)
    assert kinds_with(quiet, 60.0) == []


def kinds_with(session: Session, silence: float) -> list[str]:
    return [e.kind for e in session.tick(silence_seconds=silence)]


def test_repeat_restarts_the_turn_and_its_warnings() -> None:
    timing = Timing(prep_seconds=0, answer_min=30, answer_max=60, hard_limit=60, interrupt=True)
    session, clock = session_of(timing)
    session.question_asked()
    clock.advance(60)
    assert "time-up" in kinds(session)
    session.repeat()
    assert session.phase is Phase.ASKING and not session.current.interrupted
    session.question_asked()
    clock.advance(60)
    assert kinds(session) == ["amber", "time-up"]


def test_a_follow_up_is_asked_next_by_the_same_persona() -> None:
    timing = Timing(prep_seconds=20, answer_min=60, answer_max=120, hard_limit=240)
    session, _ = session_of(timing, timing)
    session.current.persona = "panel-chair"
    session.question_asked()
    session.begin_answer()
    session.finish_answer(Transcript.typed("we did it"))
    follow = session.add_follow_up(q("story--outcome", "behavioral", "impact", "impact"))
    assert session.turns[1] is follow
    assert (follow.persona, follow.follow_up_of, follow.lead_in) == ("panel-chair", 0, "follow_up")
    assert follow.timing.prep_seconds == 0
    session.next()
    assert session.current is follow and session.progress() == (1, 2)  # still question 1


def test_thinking_counts_from_the_real_end_of_speech_not_the_late_message() -> None:
    """The voice reports when speech ended; the message arrives later: the countdown
    starts at the reported end, and never in the future."""
    session, clock = session_of(Timing(prep_seconds=10, answer_min=30, answer_max=60))
    ended = clock.now()
    clock.advance(0.25)  # the message is handled a quarter second late
    assert session.question_asked(at=ended) is Phase.THINKING
    assert session.thinking_remaining() == 9.75
    session.repeat()
    assert session.question_asked(at=clock.now() + 5) is Phase.THINKING
    assert session.thinking_remaining() == 10
