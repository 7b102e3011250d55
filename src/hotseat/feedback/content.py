"""Content checks kept from the word-list scorer: enthusiasm (or indifference) in an answer.

The points an answer makes for its question's intent are in ``story.py``,
``mistakes.py``, ``weakness.py``, ``handling.py``, ``fit.py``, ``research.py``,
``motives.py`` and ``redflags.py``, read clause by clause (``facts.py``).
"""

from __future__ import annotations

from hotseat.feedback.job import Job

_BEHAVIORAL = ("behavioral", "follow-up")


def check_enthusiasm(job: Job) -> None:
    positive = job.found("enthusiasm.positive")
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
        job.add("enthusiasm", "strength", "You showed genuine interest.", job.quotes(positive, 2))
    elif not indifferent:
        job.add(
            "low-enthusiasm", "minor", "No sign of enthusiasm: say what draws you to this work."
        )
