"""The feedback engine's verdict as an interview takes it: never a crash.

``Analyze`` is the shape of the judge (the real one is :func:`analyze`; layout
tests pass a fixed one). ``analyze_answer`` turns a failure of the engine into
a feedback that says so (``failed_feedback``), so one bad answer cannot stop a
session.
"""

from __future__ import annotations

from collections.abc import Callable

from hotseat.feedback.analyze import analyze
from hotseat.feedback.model import Context, Feedback, Finding
from hotseat.questions import Question
from hotseat.transcript import Transcript

Analyze = Callable[[Question, Transcript, Context], Feedback]


def analyze_answer(question: Question, transcript: Transcript, context: Context) -> Feedback:
    """The feedback engine's verdict; a failure there becomes a note, never a crash."""
    try:
        return analyze(question, transcript, context)
    except Exception as exc:
        return failed_feedback(exc)


def failed_feedback(error: Exception) -> Feedback:
    note = Finding(
        id="analysis-failed",
        severity="info",
        area="content",
        message=f"The answer could not be analysed ({type(error).__name__}: {error}).",
    )
    return Feedback(0, {}, {}, [note], [], assessable=False)
