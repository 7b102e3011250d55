"""Structure: a plan in steps for a hypothetical, reasons behind claims.

A story's actions and result (and a ramble that never reaches one) are judged
clause by clause in ``points.check_story``.
"""

from __future__ import annotations

from hotseat.feedback.job import Job


def check_plan(job: Job) -> None:
    steps = job.found("star.plan")
    job.metrics["plan_steps"] = len(steps)
    if len(steps) >= 2:
        job.add(
            "plan-steps",
            "strength",
            f"You laid out a plan in {len(steps)} steps.",
            job.quotes(steps, 2),
        )
    elif steps:
        job.add(
            "no-plan",
            "minor",
            "Only one step of a plan: say what you would do first, "
            "next and how you would know it worked.",
            (job.quote(steps[0]),),
        )
    else:
        job.add(
            "no-plan", "major", "No plan: the answer never says what you would do, step by step."
        )


def check_reasons(job: Job) -> None:
    """Claims backed by a reason ("because"), an example or a number."""
    reasons = job.found("star.reasons")
    support = reasons or job.quantified or job.found("specificity.anchors")
    job.metrics["reasons"] = len(reasons)
    if support:
        job.add(
            "reasons-given",
            "strength",
            "You backed your points with reasons, examples or numbers.",
            (job.quote(support[0]),),
        )
    elif job.n >= 25:
        job.add("no-reasons", "minor", "Claims without a reason or an example to back them.")
