"""Interview sessions: turns moving through phases on an injectable clock.

- :mod:`.engine`: the Session state machine (phases and the moves between them).
- :mod:`.timers`: session time (stopped while paused), a turn's timers, timing events.
- :mod:`.turn_order`: question numbers, follow-up chains, the next turn.
- :mod:`.turns`: the plain data a session is made of (turns, timing, phases, events).
- :mod:`.modes`: practice modes from ``assets/modes.toml``.
- :mod:`.planner`: ``plan_session(mode, bank, ...)`` -> a Plan of turns.
- :mod:`.followups`: follow-up rules from ``assets/follow_up_rules.toml``.
- :mod:`.review`: spaced-review scheduling from history stats.
- :mod:`.choices`: what a user picks before a session, and the plan it makes.
- :mod:`.cast`: who sits on the panel (filled and checked in one place).
- :mod:`.resume`: a session's stored plan, and the rest of it when resumed.
- :mod:`.analysis`: the engine's analyzer (feedback on each turn's answer).
- :mod:`.summary`: a finished session laid out per question.
- :mod:`.loading`: the question bank and modes loaded so a broken file cannot stop the app.
"""

from hotseat.session.cast import PlanError
from hotseat.session.clock import Clock, FakeClock, MonotonicClock
from hotseat.session.engine import Session
from hotseat.session.followups import FollowUpPolicy, FollowUpRule, load_follow_up_rules
from hotseat.session.modes import Mode, ModeBook
from hotseat.session.modes_reader import load_modes
from hotseat.session.planner import Plan, ScriptLine, plan_session
from hotseat.session.review import QuestionStats
from hotseat.session.turns import Band, Event, Phase, Timing, Turn

__all__ = [
    "Band",
    "Clock",
    "Event",
    "FakeClock",
    "FollowUpPolicy",
    "FollowUpRule",
    "Mode",
    "ModeBook",
    "MonotonicClock",
    "Phase",
    "Plan",
    "PlanError",
    "QuestionStats",
    "ScriptLine",
    "Session",
    "Timing",
    "Turn",
    "load_follow_up_rules",
    "load_modes",
    "plan_session",
]
