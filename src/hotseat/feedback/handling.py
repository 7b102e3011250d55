"""How the candidate handled people and pressure: a disagreement worked out with the
other person (not settled over their head), the work organised under pressure,
others led or enabled, and others credited (or working alone preferred).
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.quoting import flag, quoted, quotes
from hotseat.feedback.redflags import check_denial
from hotseat.feedback.sense import OTHER, SELF, TEAM


def check_resolution(job: Job) -> None:
    f = job.facts
    check_denial(job)
    # Worked out by the candidate (or with them): "it worked out" on its own is not how.
    done = [m for m in f.clean(f.get("resolves")) if job.facts.reading.subject(m) in (SELF, TEAM)]
    # "Our lead stepped in and took my side": settled over the other person's head.
    settled = [
        m for m in f.get("settled-by-other") if job.facts.reading.subject(m) not in (SELF, TEAM)
    ]
    if done:
        job.add(
            "resolved", "strength", "You worked it out with the other person.", quotes(job, done)
        )
    elif settled and not f.has("denial"):
        job.add(
            "not-resolved",
            "major",
            f"Someone else settled it ({quoted(job, settled)}): nothing says how you worked "
            "it out with the other person.",
            quotes(job, settled),
        )
    elif not f.has("denial"):
        job.add("not-resolved", "major", "Nothing says how the disagreement was worked out.")


def check_coping(job: Job) -> None:
    copes = [m for m in job.facts.get("copes") if job.facts.reading.subject(m) != OTHER]
    # What the speaker did about it, step by step, is how they handled it, whatever the
    # words ("I rang six others, found one, trimmed the courses").
    acts = job.facts.clean(job.facts.self_actions)
    copes = copes or (acts if len(acts) >= 2 else [])
    if copes:
        job.add(
            "copes",
            "strength",
            "You say how you organised the work under pressure.",
            quotes(job, copes),
        )
    else:
        job.add("no-coping", "minor", "Nothing says how you handled the pressure.")


def check_leading(job: Job) -> None:
    leads = job.facts.get("leads")
    if leads:
        job.add("leads", "strength", "You show how you led or enabled others.", quotes(job, leads))


def check_credit(job: Job) -> None:
    credits = job.facts.get("credits")
    solo = [m for m in job.facts.get("solo") if job.facts.reading.subject(m) != OTHER]
    if solo:
        flag(job, "prefers-alone", "You say you would rather work alone", solo)
    elif not credits:
        job.add("no-collaboration", "minor", "No one else appears: who did you work with?")
