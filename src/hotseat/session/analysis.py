"""The session engine's analyzer: each turn's answer judged with the job context.

The adapter lives here, not in ``feedback``, because the feedback engine knows
nothing of sessions and turns (it sits below them).
"""

from __future__ import annotations

from hotseat.feedback.analyze import NO_CONTEXT
from hotseat.feedback.model import Context, Feedback
from hotseat.feedback.verdict import Analyze, analyze_answer, failed_feedback
from hotseat.session.engine import Analyzer
from hotseat.session.turns import Turn
from hotseat.transcript import Transcript


def analyzer_for(context: Context = NO_CONTEXT, judge: Analyze | None = None) -> Analyzer:
    """Judge each turn's answer with ``judge`` (the feedback engine unless given);
    a failure becomes a feedback that says so, never a crash."""
    verdict = judge or analyze_answer

    def analyzer(turn: Turn, transcript: Transcript) -> Feedback:
        try:
            return verdict(turn.question, transcript, context)
        except Exception as exc:
            return failed_feedback(exc)

    return analyzer
