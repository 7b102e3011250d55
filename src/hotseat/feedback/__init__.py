"""Feedback that coaches: measure an answer, score it with a visible rubric, explain it.

No Textual or Rich here: the TUI, the CLI (``hotseat analyze``) and the session
engine all call ``analyze()`` and ``summarize()``.
"""

from hotseat.feedback.analyze import analyze, infer_kind, prepare, scored_as
from hotseat.feedback.habits import count_fillers
from hotseat.feedback.model import Context, Evidence, Feedback, Finding
from hotseat.feedback.summary import SessionSummary, summarize

__all__ = [
    "Context",
    "Evidence",
    "Feedback",
    "Finding",
    "SessionSummary",
    "analyze",
    "count_fillers",
    "infer_kind",
    "prepare",
    "scored_as",
    "summarize",
]
