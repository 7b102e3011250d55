"""Structure: the STAR parts of a story, a plan in steps, reasons behind claims.

STAR parts are found from the cue phrases in ``star.toml``; an action is also
"I"/"we" followed by a past-tense action verb, and a result is also a result
verb with a number close by. A story longer than ``length.ramble_share`` of the
question's maximum that never reaches a result is a ramble.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match

_PART_NAMES = {
    "situation": "the situation",
    "task": "the task",
    "action": "your actions",
    "result": "the result",
}


def star_parts(job: Job) -> dict[str, list[Match]]:
    parts = {
        "situation": job.found("star.situation"),
        "task": job.found("star.task"),
        "action": sorted(job.found("star.action") + job.actions, key=lambda m: m.first),
        "result": sorted(job.found("star.result") + job.quantified, key=lambda m: m.first),
    }
    return parts


def check_star(job: Job) -> None:
    parts = star_parts(job)
    job.metrics["star"] = {name: bool(found) for name, found in parts.items()}
    for name, strength, missing, severity in (
        ("situation", "star-situation", "star-situation-missing", "minor"),
        ("task", "star-task", "star-task-missing", "minor"),
        ("action", "star-action", "star-action-missing", "major"),
    ):
        found = parts[name]
        if found:
            job.add(
                strength, "strength", f"You set out {_PART_NAMES[name]}.", (job.quote(found[0], 6),)
            )
        else:
            job.add(
                missing, severity, f"No clear {name}: the story never states {_PART_NAMES[name]}."
            )
    results = parts["result"]
    if results:
        job.add("star-result", "strength", "You stated the result.", (job.quote(results[-1]),))
        share = results[-1].first / max(1, job.n - 1)
        if job.quantified or share >= 0.6:
            job.add(
                "result-clear",
                "strength",
                "The result is clear: stated at the end or with a number.",
                (job.quote(results[-1]),),
            )
        else:
            job.add(
                "result-unclear",
                "minor",
                "The result comes early and then gets lost; the answer ends elsewhere.",
                (job.quote(results[-1]),),
            )
        return
    high = job.band[1]
    if job.seconds >= job.rubric.n("length.ramble_share") * high:
        job.add(
            "ramble",
            "major",
            f"A long answer ({job.length_note()}) that never reaches a result: the "
            "interviewer is left waiting for the point.",
            (job.answer.quote(job.n - 8, job.n - 1, pad=0),),
        )
    else:
        job.add(
            "result-missing",
            "major",
            "No result: you describe what happened but not how it ended or what changed.",
            (job.answer.quote(job.n - 8, job.n - 1, pad=0),),
        )


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
