"""Structure: a plan in steps for a hypothetical, reasons behind claims.

A story's actions and result (and a ramble that never reaches one) are judged
clause by clause in ``points.check_story``.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import INSERTS, Match, word_entry

# A step of a plan is an action in sequence: a clause with its own "I would"/"I'll" and a
# verb, or a clause opened by a sequence word ("then", "after that", "finally").
_MODALS = frozenset(["i'd", "we'd", "i'll", "we'll"])
_MODAL_PAIRS = frozenset({("i", "would"), ("we", "would"), ("i", "will"), ("we", "will")})
_NOT_ACTIONS = frozenset(
    [
        "not", "never", "be", "have", "like", "love", "want", "say", "think", "feel", "hope",
        "guess", "expect", "rather", "imagine", "probably", "describe", "call", "consider",
        "just",
    ]
)  # fmt: skip
_SEQUENCE = frozenset(
    ["first", "then", "next", "finally", "afterwards", "lastly", "secondly", "thirdly"]
)


def _modal_verb(norms: list[str], i: int) -> int:
    """Where the verb after a subject and modal at ``i`` is, or -1."""
    if norms[i] in _MODALS:
        k = i + 1
    elif i + 1 < len(norms) and (norms[i], norms[i + 1]) in _MODAL_PAIRS:
        k = i + 2
    else:
        return -1
    while k < len(norms) and norms[k] in INSERTS and norms[k] not in _NOT_ACTIONS:
        k += 1
    return k if k < len(norms) and norms[k] not in _NOT_ACTIONS else -1


def plan_steps(job: Job) -> list[Match]:
    """The steps of a plan in the order told, one per action in sequence."""
    tokens = job.answer.tokens
    norms = [t.norm for t in tokens]
    told = job.found("star.plan")
    if len(told) < 2:
        # "I would ..." on its own says what one would do, not yet a plan in steps (on
        # held-out pairs, crediting such clauses as a plan lifted a weak answer).
        return told
    marks = {m.first: m.last for m in told}
    # Once a plan is told in steps, every action in its sequence is one: a clause with
    # its own "I would" and verb, or one opened by "then", "finally".
    for i, norm in enumerate(norms):
        opens = tokens[i].sentence_start or tokens[i].comma_before or norms[i - 1] == "and"
        verb = _modal_verb(norms, i)
        if verb >= 0 and (opens or norms[i - 1] in _SEQUENCE):
            marks.setdefault(i, verb)
        elif norm in _SEQUENCE and opens and i + 1 < len(norms):
            marks.setdefault(i, i + 1)
    steps = _merged(marks, norms)
    return steps if len(steps) >= len(told) else told


def _merged(marks: dict[int, int], norms: list[str]) -> list[Match]:
    steps: list[Match] = []
    reach = -1  # the last word of the step told so far
    for first in sorted(marks):
        # "Then I would tell": overlapping marks, or a bare "after that" and its clause,
        # are one step; "I'd ask, then I'd check" are two.
        if first <= reach:
            reach = max(reach, marks[first])
            continue
        bare = set(norms[first : marks[first] + 1]) <= _SEQUENCE | {"after", "that"}
        reach = marks[first] + (2 if bare else 0)
        last = max(marks[first], first + 2)
        steps.append(Match(first, min(last, len(norms) - 1), word_entry(norms[first])))
    return steps


def check_plan(job: Job) -> None:
    steps = plan_steps(job)
    job.metrics["plan_steps"] = len(steps)
    if len(steps) >= 2:
        job.add(
            "plan-steps",
            "strength",
            f"You laid out a plan in {len(steps)} steps.",
            job.quotes(steps, 3),
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
