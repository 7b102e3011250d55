"""Content: what hiring managers listen for beyond structure.

A specific example (anchored in a real moment, told with past actions) rather
than generalities; impact in numbers; the candidate's own part balanced with the
team; learning after a failure; adapting to change; no blame; enthusiasm.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Matcher

_BEHAVIORAL = ("behavioral", "follow-up")


def check_specific(job: Job) -> None:
    anchors = job.found("specificity.anchors")
    general = job.found("specificity.general")
    actions = job.actions
    specific = (bool(anchors) and bool(actions)) or len(anchors) >= 2 or len(actions) >= 3
    job.metrics["specificity"] = {
        "anchors": len(anchors),
        "past_actions": len(actions),
        "generalities": len(general),
    }
    if specific:
        shown = anchors[0] if anchors else actions[0]
        job.add(
            "specific-example",
            "strength",
            "You told a specific example from real experience.",
            (job.quote(shown, pad=5),),
        )
    elif job.kind in _BEHAVIORAL:
        said = f" and talks in generalities ({len(general)} of them)" if general else ""
        job.add(
            "no-specific-example",
            "major",
            f"No specific example: the answer never places us in a real moment{said}.",
            job.quotes(general, 2),
        )
    elif len(general) >= 2:
        job.add(
            "no-specific-example",
            "minor",
            "General claims about yourself with no real example to back them.",
            job.quotes(general, 2),
        )


def check_impact(job: Job) -> None:
    quantified = job.quantified
    job.metrics["numbers"] = len(job.number_positions)
    job.metrics["quantified_results"] = len(quantified)
    if quantified:
        job.add(
            "quantified-impact",
            "strength",
            "You put a number on the impact.",
            job.quotes(quantified, 2),
        )
    elif job.n >= 20:
        job.add("no-numbers", "minor", "No numbers on the impact: how much, how many, how fast?")


def check_ownership(job: Job) -> None:
    i_words, we_words = job.words("collaboration.i_words"), job.words("collaboration.we_words")
    norms = job.answer.norms
    i_count = sum(1 for w in norms if w in i_words)
    we_count = sum(1 for w in norms if w in we_words)
    share = i_count / (i_count + we_count) if i_count + we_count else None
    team = job.found("collaboration.team")
    job.metrics.update(
        i_count=i_count, we_count=we_count, i_share=None if share is None else round(share, 2)
    )
    if we_count >= 4 and share is not None and share < 0.25:
        we_at = [k for k, w in enumerate(norms) if w in we_words][:2]
        job.add(
            "own-role-unclear",
            "major",
            f'"We" {we_count} times and "I" {i_count}: your own part is hard to see.',
            tuple(job.answer.quote(k, k, pad=4) for k in we_at),
        )
    elif i_count >= 8 and we_count == 0 and not team:
        job.add(
            "no-collaboration",
            "minor",
            f'"I" {i_count} times and never "we" or the team: it can sound like a solo act.',
        )
    elif job.i_actions:
        job.add(
            "own-contribution",
            "strength",
            "Your own part is clear.",
            (job.quote(job.i_actions[0]),),
        )


def _question_mentions(job: Job, set_name: str) -> bool:
    from hotseat.feedback.tokens import answer_from
    from hotseat.transcript import Transcript

    entries = job.lex.phrases[set_name]
    question = answer_from(Transcript.typed(job.question_text), 200)
    return bool(Matcher({set_name: entries}).scan(question.tokens)[set_name])


def growth_applies(job: Job) -> bool:
    return "growth" in job.competencies or _question_mentions(job, "growth.triggers")


def adaptability_applies(job: Job) -> bool:
    return "adaptability" in job.competencies or _question_mentions(job, "adaptability.triggers")


def check_growth(job: Job) -> None:
    found = job.found("growth.phrases")
    if found:
        job.add(
            "growth",
            "strength",
            "You said what you learned and what changed.",
            job.quotes(found, 2),
        )
    else:
        job.add(
            "no-learning",
            "major",
            "No learning: the question is about growth, and the "
            "answer never says what you learned or do differently now.",
        )


def check_adaptability(job: Job) -> None:
    found = job.found("adaptability.phrases")
    if found:
        job.add(
            "adaptability",
            "strength",
            "You showed how you adjusted to the change.",
            job.quotes(found, 2),
        )
    else:
        job.add(
            "no-adaptability",
            "minor",
            "The answer does not show how you adjusted when things changed.",
        )


def check_negativity(job: Job) -> None:
    targets = sorted(m.first for m in job.found("negativity.targets"))
    blame = job.found("negativity.blame")
    harsh = [
        m
        for m in job.found("negativity.harsh")
        if any(m.first - 5 <= t <= m.last + 5 for t in targets)
    ]
    found = sorted(blame + harsh, key=lambda m: m.first)
    job.metrics["negativity"] = len(found)
    if found:
        job.add(
            "negativity",
            "major",
            "Blame or harsh words about people you worked with: interviewers hear how you "
            "would talk about them.",
            job.quotes(found, 2, pad=4),
        )


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
