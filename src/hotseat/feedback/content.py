"""Content checks kept from the word-list scorer: enthusiasm (or indifference) in an answer.

The points an answer makes for its question's intent are in ``story.py``,
``mistakes.py``, ``weakness.py``, ``handling.py``, ``fit.py``, ``research.py``,
``motives.py`` and ``redflags.py``, read clause by clause (``facts.py``).
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.feedback.quoting import quotes
from hotseat.feedback.recital import outside
from hotseat.feedback.sense import sentence_of

_BEHAVIORAL = ("behavioral", "follow-up")


def check_enthusiasm(job: Job) -> None:
    positive = [
        m for m in outside(job.recited, job.found("enthusiasm.positive")) if _for_the_work(job, m)
    ]
    indifferent = job.found("enthusiasm.indifferent")
    job.metrics["enthusiasm"] = {"positive": len(positive), "indifferent": len(indifferent)}
    if indifferent:
        job.add(
            "sounds-indifferent",
            "major",
            "Parts of the answer sound indifferent to the role.",
            job.quotes(indifferent, 2),
        )
    if positive:
        job.add("enthusiasm", "strength", "You showed genuine interest.", quotes(job, positive))
    elif not indifferent:
        job.add(
            "low-enthusiasm", "minor", "No sign of enthusiasm: say what draws you to this work."
        )


def _for_the_work(job: Job, m: Match) -> bool:
    """Interest in the work, the field or this job ("I love untangling rotas", "your
    clinics caught my eye"), not in a pastime or one's private life ("I like hiking and
    board games", "I love my dogs"): no pastime or private life in its sentence."""
    first, last = sentence_of(job.facts.reading, m.first)
    leisure = job.facts.get("private-life") + job.facts.get("pastimes")
    return not any(first <= p.first <= last for p in leisure)
